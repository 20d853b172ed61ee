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
      try {
        writer.write(tmp);
      } catch (IOException | RuntimeException e) {
        throw named(abs, e);
      }
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

  /**
   * A failed write as one line naming the target and the root cause (a full disk says "No space
   * left on device" deep inside a writer's "I/O error writing PNG file!" or an unnamed
   * IOException); runtime failures without an I/O cause (bugs) pass through unchanged.
   */
  private static <E extends Exception> Exception namedOrSame(Path target, E e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    if (e instanceof RuntimeException && !(root instanceof IOException)) {
      return e;
    }
    String m = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    return new IOException(m.contains(target.getFileName().toString()) ? m : target + ": " + m, e);
  }

  private static IOException named(Path target, Exception e) {
    Exception n = namedOrSame(target, e);
    if (n instanceof RuntimeException r) {
      throw r;
    }
    return (IOException) n;
  }

  /** Deletes a file or directory tree if present (symbolic links are deleted, not followed). */
  public static void deleteTree(Path p) throws IOException {
    if (!Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (java.util.stream.Stream<Path> s = Files.walk(p)) {
      for (Path q : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(q);
      }
    }
  }
}
