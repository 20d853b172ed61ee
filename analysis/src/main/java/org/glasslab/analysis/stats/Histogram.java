package org.glasslab.analysis.stats;

/**
 * A histogram with documented binning: {@code bins} equal bins on {@code [lo, hi]}, bin k = {@code
 * [lo + k w, lo + (k+1) w)} with {@code w = (hi - lo) / bins}, the last bin closed on the right.
 * Values outside [lo, hi] are counted as {@code below}/{@code above}, NaN values as {@code
 * skipped}; none of them enters the bins. Density = count / (total in range * w), so it integrates
 * to 1 over [lo, hi].
 *
 * @param lo lower edge
 * @param hi upper edge
 * @param counts [bins] counts
 * @param below values &lt; lo
 * @param above values &gt; hi
 * @param skipped NaN values
 */
public record Histogram(double lo, double hi, long[] counts, long below, long above, long skipped) {

  /** Validates and copies. */
  public Histogram {
    if (!(hi > lo) || !Double.isFinite(lo) || !Double.isFinite(hi)) {
      throw new IllegalArgumentException("histogram needs finite lo < hi, got " + lo + ", " + hi);
    }
    if (counts.length < 1) {
      throw new IllegalArgumentException("histogram needs at least one bin");
    }
    counts = counts.clone();
  }

  @Override
  public long[] counts() {
    return counts.clone();
  }

  /**
   * Histogram of {@code values} on a fixed range.
   *
   * @param values [n], not modified
   * @param lo lower edge
   * @param hi upper edge (&gt; lo)
   * @param bins number of bins (&ge; 1)
   */
  public static Histogram of(double[] values, double lo, double hi, int bins) {
    if (bins < 1) {
      throw new IllegalArgumentException("number of bins must be >= 1, got " + bins);
    }
    if (!(hi > lo)) {
      throw new IllegalArgumentException("histogram needs lo < hi, got " + lo + ", " + hi);
    }
    long[] c = new long[bins];
    long below = 0;
    long above = 0;
    long skipped = 0;
    double w = (hi - lo) / bins;
    for (double x : values) {
      if (Double.isNaN(x)) {
        skipped++;
      } else if (x < lo) {
        below++;
      } else if (x > hi) {
        above++;
      } else {
        int k = (int) ((x - lo) / w);
        c[Math.min(k, bins - 1)]++;
      }
    }
    return new Histogram(lo, hi, c, below, above, skipped);
  }

  /**
   * Histogram on the range of the data ({@code [min, max]} of the finite values; a degenerate range
   * is widened by 0.5 on each side).
   */
  public static Histogram auto(double[] values, int bins) {
    double[] r = finiteRange(values);
    return of(values, r[0], r[1], bins);
  }

  /**
   * {lo, hi} of the finite values of all arrays; [0, 1] when there is none, widened by 0.5 on each
   * side when all are equal.
   */
  static double[] finiteRange(double[]... arrays) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (double[] values : arrays) {
      for (double x : values) {
        if (Double.isFinite(x)) {
          lo = Math.min(lo, x);
          hi = Math.max(hi, x);
        }
      }
    }
    if (lo > hi) {
      return new double[] {0, 1};
    }
    if (lo == hi) {
      return new double[] {lo - 0.5, hi + 0.5};
    }
    return new double[] {lo, hi};
  }

  /** Number of bins. */
  public int bins() {
    return counts.length;
  }

  /** Bin width. */
  public double width() {
    return (hi - lo) / counts.length;
  }

  /** Centre of bin k. */
  public double center(int k) {
    return lo + (k + 0.5) * width();
  }

  /** Bin centres [bins]. */
  public double[] centers() {
    double[] c = new double[counts.length];
    for (int k = 0; k < c.length; k++) {
      c[k] = center(k);
    }
    return c;
  }

  /** Values inside [lo, hi]. */
  public long inRange() {
    long s = 0;
    for (long x : counts) {
      s += x;
    }
    return s;
  }

  /** Probability density per bin [bins] (all zero when no value is in range). */
  public double[] density() {
    long total = inRange();
    double[] d = new double[counts.length];
    if (total == 0) {
      return d;
    }
    double w = width();
    for (int k = 0; k < d.length; k++) {
      d[k] = counts[k] / (total * w);
    }
    return d;
  }
}
