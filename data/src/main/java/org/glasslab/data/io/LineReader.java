package org.glasslab.data.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads a text file line by line, counting lines, and parses tokens with errors that name the file,
 * the line and what was expected.
 */
final class LineReader implements AutoCloseable {
  private final Path file;
  private final BufferedReader in;
  private int lineNumber;

  LineReader(Path file) throws IOException {
    this.file = file;
    try {
      this.in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new TrajectoryFormatException(file, "", "no such file");
    }
  }

  Path file() {
    return file;
  }

  /** Number of the line last returned (1-based). */
  int lineNumber() {
    return lineNumber;
  }

  String where() {
    return "line " + lineNumber;
  }

  /** The next line, or {@code null} at end of file. */
  String next() throws IOException {
    String s;
    try {
      s = in.readLine();
    } catch (CharacterCodingException e) {
      throw new TrajectoryFormatException(
          file,
          "line " + (lineNumber + 1),
          "not a text file (bytes that are not UTF-8); a binary file, e.g. H5MD, needs the .h5"
              + " extension or --from h5md");
    }
    if (s != null) {
      lineNumber++;
    }
    return s;
  }

  /** The next line; end of file is an error saying what was expected. */
  String require(String expected) throws IOException {
    String s = next();
    if (s == null) {
      throw new TrajectoryFormatException(
          file, "line " + (lineNumber + 1), "file is truncated: expected " + expected);
    }
    return s;
  }

  /** The next non-blank line, or {@code null} at end of file. */
  String nextNonBlank() throws IOException {
    String s;
    do {
      s = next();
    } while (s != null && s.isBlank());
    return s;
  }

  TrajectoryFormatException error(String message) {
    return new TrajectoryFormatException(file, where(), message);
  }

  /** Splits on white space. */
  static String[] tokens(String line) {
    String t = line.strip();
    return t.isEmpty() ? new String[0] : t.split("\\s+");
  }

  double parseDouble(String token, String what) throws TrajectoryFormatException {
    try {
      return Double.parseDouble(token);
    } catch (NumberFormatException e) {
      throw error("expected a number for " + what + ", got '" + token + "'");
    }
  }

  long parseLong(String token, String what) throws TrajectoryFormatException {
    try {
      return Long.parseLong(token);
    } catch (NumberFormatException e) {
      throw error("expected an integer for " + what + ", got '" + token + "'");
    }
  }

  int parseInt(String token, String what) throws TrajectoryFormatException {
    try {
      return Integer.parseInt(token);
    } catch (NumberFormatException e) {
      throw error("expected an integer for " + what + ", got '" + token + "'");
    }
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
