package org.glasslab.data;

import java.util.Locale;

/**
 * Resource checks made before a computation allocates: a request that cannot fit in one Java array
 * or in the heap still available fails at once with a message saying what is needed, what is
 * available and how to get more, instead of an {@link OutOfMemoryError} (or a silently overflowed
 * size) after the work has started.
 */
public final class Limits {
  private Limits() {}

  /**
   * How to get a larger heap, for messages: the launcher's {@code GLASSLAB_HEAP} (its default), or
   * a Slurm job's memory (its heap is 3/4 of it).
   */
  public static final String RAISE_HEAP =
      "raise it with GLASSLAB_HEAP=SIZE, e.g. GLASSLAB_HEAP=8g ./glasslab ... (default 2g), or"
          + " with --mem / resources: {STAGE: {mem: ...}} for Slurm jobs (heap = 3/4 of it)";

  /** The longest Java array. */
  public static final long MAX_ARRAY = Integer.MAX_VALUE - 8;

  /**
   * Checks that {@code count} elements of {@code bytesEach} bytes (over all arrays of that length
   * the computation needs) fit in one array each and in 80 % of the heap not yet used.
   *
   * @param count how many elements, as computed (may be huge, NaN or infinite)
   * @param bytesEach bytes per element summed over the arrays of that length
   * @param what what the elements are, for the message (e.g. "g(r) bins for --dr 1e-12")
   * @return {@code count} as an int
   * @throws IllegalArgumentException naming {@code what}, the need and what is available
   */
  public static int elements(double count, long bytesEach, String what) {
    if (!(count >= 0) || count > MAX_ARRAY) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "%s: %.3g elements requested, more than one Java array holds (%d)",
              what,
              count,
              MAX_ARRAY));
    }
    Runtime rt = Runtime.getRuntime();
    long available = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
    double need = count * bytesEach;
    // A margin: the arrays must also find contiguous room, and the computation needs some beside.
    if (need > 0.8 * available) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "%s: needs %.1f MB of memory, %.1f MB are available (heap limit %.1f MB; %s)",
              what,
              need / 1e6,
              available / 1e6,
              rt.maxMemory() / 1e6,
              RAISE_HEAP));
    }
    return (int) count;
  }

  /**
   * The one-line message for a failure caused by an {@link OutOfMemoryError} (anywhere in its cause
   * chain, e.g. inside a worker's ExecutionException): the heap limit and how to raise it ({@link
   * #RAISE_HEAP}); {@code null} for any other failure.
   */
  public static String outOfMemory(Throwable e) {
    for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (c instanceof OutOfMemoryError oom) {
        return String.format(
            Locale.ROOT,
            "out of memory (%s; Java heap limit %d MB); %s",
            oom.getMessage() == null ? "OutOfMemoryError" : oom.getMessage(),
            Runtime.getRuntime().maxMemory() >> 20,
            RAISE_HEAP);
      }
    }
    return null;
  }
}
