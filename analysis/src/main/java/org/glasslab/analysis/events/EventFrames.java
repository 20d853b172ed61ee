package org.glasslab.analysis.events;

/**
 * The three frame pairs before, at and after an event interval, chosen so that each spans the same
 * elapsed time as the event, as closely as the frame schedule allows (so that "D²min is larger
 * after the event" is not a statement about a longer lag).
 *
 * <p>For the event interval [f, f+1] of lag L = S(f+1) − S(f): {@code at} = (f, f+1); {@code
 * before} = (g, f) with g &lt; f the frame whose span S(f) − S(g) is closest to L; {@code after} =
 * (f+1, h) with h &gt; f+1 the frame whose span S(h) − S(f+1) is closest to L (ties: the shorter
 * span). At the start or end of the trajectory, where no such frame exists, the pair is the event
 * pair itself and {@link #missing} says so. A refined event (replayed with equally spaced frames
 * 0..3) is {@link #refined}: before = (0, 1), at = (1, 2), after = (2, 3).
 *
 * @param pairs [3][2] frame indices (reference, current) of before, at, after; the first is the
 *     reference frame of each pair
 * @param spans [3] elapsed steps S(current) − S(reference) of each pair [steps]
 * @param missing [3] true where no frame on that side exists (the pair repeats the event pair)
 */
public record EventFrames(int[][] pairs, long[] spans, boolean[] missing) {
  /** Names of the three pairs, in order. */
  public static final String[] NAMES = {"before", "at", "after"};

  /**
   * The equal-time pairs around the interval [f, f+1] of a trajectory with frame steps {@code
   * steps} (strictly increasing, not modified).
   *
   * @throws IllegalArgumentException if f, f+1 are not frames
   */
  public static EventFrames around(long[] steps, int f) {
    int nf = steps.length;
    if (f < 0 || f + 1 >= nf) {
      throw new IllegalArgumentException(
          "event interval [" + f + ", " + (f + 1) + "] is not inside frames 0.." + (nf - 1));
    }
    long lag = steps[f + 1] - steps[f];
    int before = -1;
    for (int g = f - 1; g >= 0; g--) { // nearest first: ties keep the shorter span
      if (before < 0 || closer(steps[f] - steps[g], steps[f] - steps[before], lag)) {
        before = g;
      }
    }
    int after = -1;
    for (int h = f + 2; h < nf; h++) {
      if (after < 0 || closer(steps[h] - steps[f + 1], steps[after] - steps[f + 1], lag)) {
        after = h;
      }
    }
    int[][] pairs = {
      before < 0 ? new int[] {f, f + 1} : new int[] {before, f},
      {f, f + 1},
      after < 0 ? new int[] {f, f + 1} : new int[] {f + 1, after}
    };
    long[] spans = new long[3];
    for (int i = 0; i < 3; i++) {
      spans[i] = steps[pairs[i][1]] - steps[pairs[i][0]];
    }
    return new EventFrames(pairs, spans, new boolean[] {before < 0, false, after < 0});
  }

  /**
   * The pairs of a refined event: four frames equally spaced in steps, before = (0, 1), at = (1,
   * 2), after = (2, 3).
   *
   * @throws IllegalArgumentException unless there are exactly 4 equally spaced frames
   */
  public static EventFrames refined(long[] steps) {
    if (steps.length != 4) {
      throw new IllegalArgumentException(
          "a refined event has exactly 4 frames (before, start, end, after), got " + steps.length);
    }
    long d = steps[1] - steps[0];
    if (d <= 0 || steps[2] - steps[1] != d || steps[3] - steps[2] != d) {
      throw new IllegalArgumentException(
          "a refined event's 4 frames must be equally spaced in steps, got steps "
              + java.util.Arrays.toString(steps));
    }
    return new EventFrames(
        new int[][] {{0, 1}, {1, 2}, {2, 3}}, new long[] {d, d, d}, new boolean[3]);
  }

  /** True when span {@code s} is closer to {@code lag} than {@code best} (ties: neither). */
  private static boolean closer(long s, long best, long lag) {
    return Math.abs(s - lag) < Math.abs(best - lag);
  }
}
