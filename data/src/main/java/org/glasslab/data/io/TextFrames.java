package org.glasslab.data.io;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.glasslab.data.Configuration;
import org.glasslab.data.Trajectory;

/** Writes a text trajectory frame by frame, atomically (temporary file, then rename). */
final class TextFrames {
  private TextFrames() {}

  /** Formats one frame. */
  @FunctionalInterface
  interface FrameWriter {
    void write(BufferedWriter w, Configuration c) throws IOException;
  }

  static void write(Path file, Trajectory t, FrameWriter frameWriter) throws IOException {
    AtomicFile.write(
        file,
        tmp -> {
          try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            for (int k = 0; k < t.frameCount(); k++) {
              frameWriter.write(w, t.frame(k));
            }
          }
        });
  }
}
