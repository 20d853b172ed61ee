package org.glasslab.data.io;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a file so that the target path never holds a half-written file: the content goes to a
 * temporary file in the same directory, which is renamed over the target only after the writer
 * finished without error. On failure the temporary file is deleted and the target is untouched.
 */
public final class AtomicFile {
  private AtomicFile() {}

  /** Writes the content of a file at the given path. */
  @FunctionalInterface
  public interface Writer {
    /** Writes the whole content to {@code tmp}. */
    void write(Path tmp) throws IOException;
  }

  /**
   * Runs {@code writer} on a temporary sibling of {@code target}, then renames it to {@code
   * target}.
   *
   * @throws IOException from the writer or the rename; the target is then unchanged
   */
  public static void write(Path target, Writer writer) throws IOException {
    Path abs = target.toAbsolutePath();
    Path dir = abs.getParent();
    if (dir != null) {
      Files.createDirectories(dir);
    }
    Path tmp = Files.createTempFile(dir, "." + abs.getFileName() + ".", ".tmp");
    boolean done = false;
    try {
      // Some writers (jhdf) want to create the file themselves.
      Files.delete(tmp);
      writer.write(tmp);
      try {
        Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
      }
      done = true;
    } finally {
      if (!done) {
        Files.deleteIfExists(tmp);
      }
    }
  }
}
