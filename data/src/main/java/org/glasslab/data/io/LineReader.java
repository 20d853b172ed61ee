package org.glasslab.data.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Reads a UTF-8 text file line by line, counting lines and bytes, and parses tokens with errors
 * that name the file, the line and what was expected. Lines end at {@code \n} ({@code \r\n} too);
 * {@link #lineStart()} is the byte offset of the line last returned, so that a reader opened there
 * later ({@link #LineReader(Path, long, int)}) reads the same lines again: the text trajectories
 * index their frames this way instead of holding them.
 */
final class LineReader implements AutoCloseable {
  private final Path file;
  private final FileChannel ch;
  private final boolean ownsChannel;
  private final byte[] buf = new byte[1 << 16];
  private int pos;
  private int end;
  private long bufStart; // file offset of buf[0]
  private long lineStart = -1;
  private byte[] line = new byte[256];
  private CharsetDecoder decoder;
  private int lineNumber;

  LineReader(Path file) throws IOException {
    this.file = file;
    this.ch = open(file);
    this.ownsChannel = true;
  }

  /** Opens {@code file} for reading; a missing file is a one-line format error. */
  static FileChannel open(Path file) throws IOException {
    try {
      return FileChannel.open(file, StandardOpenOption.READ);
    } catch (NoSuchFileException e) {
      throw new TrajectoryFormatException(file, "", "no such file");
    }
  }

  /**
   * A reader of {@code ch} (an open channel of {@code file}, not closed by this reader) starting at
   * byte {@code offset}, the start of line {@code lineNumber + 1}.
   */
  LineReader(Path file, FileChannel ch, long offset, int lineNumber) throws IOException {
    this.file = file;
    this.ch = ch;
    this.ownsChannel = false;
    this.lineNumber = lineNumber;
    this.bufStart = offset;
    ch.position(offset);
  }

  /** Byte offset in the file of the line last returned ({@code -1} before the first). */
  long lineStart() {
    return lineStart;
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

  /** The next line (without its end), or {@code null} at end of file. */
  String next() throws IOException {
    int len = 0;
    boolean ascii = true;
    long start = bufStart + pos;
    while (true) {
      if (pos == end) {
        bufStart += end;
        pos = 0;
        end = Math.max(0, ch.read(ByteBuffer.wrap(buf)));
        if (end == 0) {
          if (len == 0) {
            return null; // end of file
          }
          break; // a last line without its end
        }
      }
      byte b = buf[pos++];
      if (b == '\n') {
        break;
      }
      if (len == line.length) {
        line = java.util.Arrays.copyOf(line, 2 * len);
      }
      line[len++] = b;
      ascii &= b >= 0;
    }
    if (len > 0 && line[len - 1] == '\r') {
      len--;
    }
    lineStart = start;
    lineNumber++;
    if (ascii) {
      return new String(line, 0, len, StandardCharsets.ISO_8859_1);
    }
    if (decoder == null) {
      decoder =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT);
    }
    try {
      return decoder.decode(ByteBuffer.wrap(line, 0, len)).toString();
    } catch (CharacterCodingException e) {
      throw new TrajectoryFormatException(
          file,
          "line " + lineNumber,
          "not a text file (bytes that are not UTF-8); a binary file, e.g. H5MD, needs the .h5"
              + " extension or --from h5md");
    }
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
    if (ownsChannel) {
      ch.close();
    }
  }
}
