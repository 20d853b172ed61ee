package org.glasslab.analysis.events;

import java.util.Arrays;

/**
 * The jump of a per-frame series across one interval, judged against the same series' increments
 * over the same elapsed time elsewhere in the trajectory (the per-event signatures of Jha &amp;
 * Sengupta Fig. 1: σxy, σ_vol, ‖σ‖, λ_smallest, β₁).
 *
 * <p>For the interval [a, b] (frames, steps S(a) &lt; S(b), lag L = S(b) − S(a)) the jump is ΔX =
 * X(b) − X(a). The references are the increments X(h) − X(g) of every other frame pair g &lt; h
 * with exactly the same lag S(h) − S(g) = L whose span [S(g), S(h)] does not overlap the open
 * interval (S(a), S(b)) (so the event itself, and pairs straddling it, are not their own noise). On
 * the log-block schedule these are, in practice, the intervals at the same position of the other
 * blocks; a long lag is compared only with other long lags, so aging creep that grows with the lag
 * is not read as a jump. The z-score is robust: z = (ΔX − median) / s with s = 1.4826 × the median
 * absolute deviation of the references, or, when that is 0 (more than half of the references equal,
 * as for integer series), 1.2533 × their mean absolute deviation from the median (both equal the
 * standard deviation for Gaussian noise). s is floored at the series' resolution {@value
 * #RESOLUTION} × median_f |X(f)|: a series that does not change at all at this lag elsewhere
 * (λ_smallest of inherent structures that did not change; rounding-level increments) gives a large
 * but finite z for a real change, not one over rounding noise. Frames where X is NaN take no part.
 */
public final class EqualLagJumps {
  private EqualLagJumps() {}

  /** The resolution floor of the spread, relative to the series' median absolute value. */
  public static final double RESOLUTION = 1e-3;

  /**
   * One judged jump.
   *
   * @param jump ΔX = X(b) − X(a) [units of X] (NaN if either value is NaN)
   * @param median median of the reference increments [units of X] (NaN without references)
   * @param spread s, the robust standard deviation of the references, at least the resolution floor
   *     [units of X] (0 only for a series that is 0 at more than half of its frames and whose
   *     references are all equal; NaN without references)
   * @param references how many reference increments there are
   * @param z (ΔX − median) / s; NaN when there are fewer than the minimum references, when s = 0,
   *     or when the jump is NaN
   */
  public record Jump(double jump, double median, double spread, int references, double z) {}

  /**
   * Judges the jump of {@code x} across frames {@code a → b}.
   *
   * @param steps [F] step of every frame, strictly increasing (not modified)
   * @param x [F] the series (not modified)
   * @param a first frame of the interval
   * @param b last frame, {@code a < b}
   * @param minReferences fewest references for a z-score (at least 2)
   * @throws IllegalArgumentException if the lengths differ, steps do not increase, or {@code a, b}
   *     are not frames with {@code a < b}
   */
  public static Jump judge(long[] steps, double[] x, int a, int b, int minReferences) {
    int nf = steps.length;
    if (x.length != nf) {
      throw new IllegalArgumentException(
          "series has " + x.length + " values for " + nf + " frames");
    }
    if (a < 0 || b >= nf || a >= b) {
      throw new IllegalArgumentException(
          "interval [" + a + ", " + b + "] is not a pair of frames a < b of 0.." + (nf - 1));
    }
    if (minReferences < 2) {
      throw new IllegalArgumentException("min references must be >= 2, got " + minReferences);
    }
    for (int k = 1; k < nf; k++) {
      if (steps[k] <= steps[k - 1]) {
        throw new IllegalArgumentException(
            "steps must increase: frame "
                + (k - 1)
                + " at "
                + steps[k - 1]
                + ", frame "
                + k
                + " at "
                + steps[k]);
      }
    }
    long lag = steps[b] - steps[a];
    double[] ref = new double[nf];
    int m = 0;
    for (int g = 0; g < nf; g++) {
      long end = steps[g] + lag;
      int h = Arrays.binarySearch(steps, g + 1, nf, end);
      if (h < 0) {
        continue;
      }
      boolean overlaps = steps[g] < steps[b] && end > steps[a];
      double d = x[h] - x[g];
      if (!overlaps && !Double.isNaN(d)) {
        ref[m++] = d;
      }
    }
    double jump = x[b] - x[a];
    if (m == 0) {
      return new Jump(jump, Double.NaN, Double.NaN, 0, Double.NaN);
    }
    double[] r = Arrays.copyOf(ref, m);
    double med = median(r);
    double[] dev = new double[m];
    double meanDev = 0;
    for (int q = 0; q < m; q++) {
      dev[q] = Math.abs(r[q] - med);
      meanDev += dev[q];
    }
    meanDev /= m;
    double s = 1.4826 * median(dev);
    if (s == 0) {
      s = 1.2533 * meanDev;
    }
    s = Math.max(s, RESOLUTION * medianAbs(x));
    double z = m >= minReferences && s > 0 ? (jump - med) / s : Double.NaN;
    return new Jump(jump, med, s, m, z);
  }

  /** Median of |x| over the non-NaN values (0 if none). */
  private static double medianAbs(double[] x) {
    double[] a = new double[x.length];
    int n = 0;
    for (double v : x) {
      if (!Double.isNaN(v)) {
        a[n++] = Math.abs(v);
      }
    }
    return n == 0 ? 0 : median(Arrays.copyOf(a, n));
  }

  /** Median of {@code v} (not modified; at least one value). */
  static double median(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    int n = s.length;
    return n % 2 == 1 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
  }
}
