package org.glasslab.data.io;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A file that cannot be read as the format it claims: the message is one line naming the file, the
 * place (line or dataset) and what was expected.
 */
public final class TrajectoryFormatException extends IOException {
  private static final long serialVersionUID = 1L;

  /** A problem at {@code where} (e.g. "line 12" or "dataset /particles/all/position/value"). */
  public TrajectoryFormatException(Path file, String where, String message) {
    super(file + (where == null || where.isEmpty() ? "" : ": " + where) + ": " + message);
  }

  /** A problem at {@code where} caused by {@code cause}. */
  public TrajectoryFormatException(Path file, String where, String message, Throwable cause) {
    super(file + (where == null || where.isEmpty() ? "" : ": " + where) + ": " + message, cause);
  }
}
