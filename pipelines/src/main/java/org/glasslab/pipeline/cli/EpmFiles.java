package org.glasslab.pipeline.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.glasslab.data.io.AtomicFile;
import org.glasslab.pipeline.store.JsonFiles;

/** Output helpers of the lattice-EPM commands: atomic text files, JSON, progress bars. */
final class EpmFiles {
  static final ObjectMapper JSON = JsonFiles.mapper();

  private EpmFiles() {}

  /** Writes {@code text} to {@code file} through a temporary file and an atomic rename. */
  static void writeAtomically(Path file, String text) throws IOException {
    AtomicFile.write(file, tmp -> Files.writeString(tmp, text, StandardCharsets.UTF_8));
  }

  /** Writes {@code value} as indented JSON, atomically. */
  static void writeJson(Path file, Object value) throws IOException {
    JsonFiles.write(file, value);
  }

  /** A progress bar on stderr. */
  static ProgressBar progress(String task, long max) {
    return new ProgressBarBuilder()
        .setTaskName(task)
        .setInitialMax(max)
        .setStyle(ProgressBarStyle.ASCII)
        .setConsumer(new ConsoleProgressBarConsumer(System.err))
        .setUpdateIntervalMillis(500)
        .build();
  }

  /** Provenance common to every EPM output manifest. */
  static Map<String, Object> provenance() {
    String v = GlasslabCommand.class.getPackage().getImplementationVersion();
    return Map.of(
        "glasslab_version",
        v == null ? "development" : v,
        "java",
        Runtime.version().toString(),
        "created",
        java.time.Instant.now().toString());
  }
}
