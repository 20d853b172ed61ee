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

  /**
   * Reads a UTF-8 text file; a binary file gives "FILE: not a text file" rather than the decoder's
   * "Input length = 1".
   */
  public static String read(Path file) throws IOException {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (java.nio.charset.CharacterCodingException e) {
      throw new IOException(file + ": not a text file (bytes that are not UTF-8)", e);
    }
  }

  /** The lines of a UTF-8 text file (see {@link #read}). */
  public static java.util.List<String> readLines(Path file) throws IOException {
    return read(file).lines().toList();
  }
}
