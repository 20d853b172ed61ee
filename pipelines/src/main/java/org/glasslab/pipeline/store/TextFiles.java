package org.glasslab.pipeline.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.glasslab.data.io.AtomicFile;

/**
 * Text files written whole (tables already formatted by a science module, e.g. the EPM's avalanche
 * tables): UTF-8, through a temporary file and an atomic rename, so that a reader never sees half a
 * file.
 */
public final class TextFiles {
  private TextFiles() {}

  /** Writes {@code text} to {@code file} atomically. */
  public static void write(Path file, String text) throws IOException {
    AtomicFile.write(file, tmp -> Files.writeString(tmp, text, StandardCharsets.UTF_8));
  }
}
