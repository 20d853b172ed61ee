package org.glasslab.data.io;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.stream.Stream;

/**
 * Exclusive ownership of an output directory by one process: an OS lock on {@code DIR/.lock}, held
 * until {@link #close()} and released by the kernel when the process dies (kill -9 included), so
 * two commands writing the same directory never interleave and a crash never leaves a stale lock.
 * While it holds the lock a command may delete the temporary files that {@link AtomicFile} left in
 * the directory when an earlier process was killed mid-write ({@link #deleteStaleTemporaries}).
 *
 * <p>Local filesystems only: OS file locks are not reliable across the nodes of a cluster.
 */
public final class DirectoryLock implements AutoCloseable {
  /** Lock file name inside the directory. */
  public static final String FILE = ".lock";

  private final FileChannel channel;
  private final FileLock lock;

  private DirectoryLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Locks {@code dir} (created if missing) or fails at once.
   *
   * @param what the kind of process that holds such a directory, for the message (e.g. {@code
   *     "glasslab simulate"})
   * @throws IOException naming the directory when another process holds it
   */
  public static DirectoryLock acquire(Path dir, String what) throws IOException {
    Files.createDirectories(dir);
    FileChannel ch =
        FileChannel.open(dir.resolve(FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    FileLock l;
    try {
      l = ch.tryLock();
    } catch (OverlappingFileLockException e) {
      l = null;
    } catch (IOException | RuntimeException e) {
      ch.close();
      throw e;
    }
    if (l == null) {
      ch.close();
      throw new IOException(dir + " is in use by another " + what + " (lock " + FILE + ")");
    }
    return new DirectoryLock(ch, l);
  }

  /**
   * Deletes the temporary files of interrupted atomic writes ({@code .NAME.*.tmp}) directly in
   * {@code dir}. Call only while holding the directory's lock.
   *
   * @return how many were deleted
   */
  public int deleteStaleTemporaries(Path dir) throws IOException {
    int n = 0;
    try (Stream<Path> s = Files.list(dir)) {
      for (Path p : s.toList()) {
        String name = p.getFileName().toString();
        if (name.startsWith(".") && name.endsWith(".tmp") && Files.isRegularFile(p)) {
          Files.deleteIfExists(p);
          n++;
        }
      }
    }
    return n;
  }

  @Override
  public void close() throws IOException {
    try {
      lock.release();
    } finally {
      channel.close();
    }
  }
}
