package org.glasslab.data.stats;

import java.util.Arrays;

/**
 * The one histogram of GlassLab (analysis fields, EPM avalanche sizes and x_min, plots): counts on
 * linear or logarithmic bins, filled one value at a time or from an array, mergeable. It lives in
 * {@code data} (no science) so that {@code analysis} and {@code epm}, which do not depend on each
 * other, share it.
 *
 * <ul>
 *   <li><b>Linear</b> ({@link #linear}): {@code bins} equal bins on [lo, hi], bin k = [lo + k w, lo
 *       + (k+1) w) with w = (hi − lo)/bins, the last bin closed on the right; values &lt; lo count
 *       as {@link #below}, &gt; hi as {@link #above}.
 *   <li><b>Logarithmic</b> ({@link #log}): {@code perDecade} bins per decade from {@code min}, bin
 *       b = [10^(log10 min + b/perDecade), 10^(log10 min + (b+1)/perDecade)), ceil(perDecade ·
 *       log10(max/min)) bins (the last upper edge may exceed max); values &lt; min (0 and negatives
 *       included) count as {@link #below}, values past the last bin as {@link #above}.
 * </ul>
 *
 * NaN values count as {@link #skipped} and enter no bin. Two normalisations: {@link #density}
 * integrates to 1 over the binned range (count / (in range · width)); {@link #densityOfTotal} is
 * per value added (count / (total · width), total including the values outside and NaN).
 */
public final class Histogram {
  private final boolean log;
  private final double lo;
  private final double hi;
  private final int perDecade;
  private final double logLo;
  private final long[] counts;
  private long below;
  private long above;
  private long skipped;

  private Histogram(boolean log, double lo, double hi, int perDecade, int bins) {
    this.log = log;
    this.lo = lo;
    this.hi = hi;
    this.perDecade = perDecade;
    this.logLo = log ? Math.log10(lo) : Double.NaN;
    this.counts = new long[bins];
  }

  /**
   * An empty histogram of {@code bins} equal bins on [lo, hi].
   *
   * @throws IllegalArgumentException unless lo &lt; hi are finite and bins &ge; 1
   */
  public static Histogram linear(double lo, double hi, int bins) {
    if (bins < 1) {
      throw new IllegalArgumentException("number of bins must be >= 1, got " + bins);
    }
    if (!(hi > lo) || !Double.isFinite(lo) || !Double.isFinite(hi)) {
      throw new IllegalArgumentException("histogram needs finite lo < hi, got " + lo + ", " + hi);
    }
    return new Histogram(false, lo, hi, 0, bins);
  }

  /**
   * An empty histogram with {@code perDecade} logarithmic bins per decade on [min, max).
   *
   * @throws IllegalArgumentException unless 0 &lt; min &lt; max and perDecade &gt; 0
   */
  public static Histogram log(double min, double max, int perDecade) {
    if (!(min > 0) || !(max > min) || !Double.isFinite(max) || perDecade <= 0) {
      throw new IllegalArgumentException(
          "need 0 < min < max and perDecade > 0, got " + min + ", " + max + ", " + perDecade);
    }
    int bins = (int) Math.ceil((Math.log10(max) - Math.log10(min)) * perDecade);
    return new Histogram(true, min, max, perDecade, bins);
  }

  /** The linear histogram of {@code values} (not modified) on [lo, hi]. */
  public static Histogram of(double[] values, double lo, double hi, int bins) {
    Histogram h = linear(lo, hi, bins);
    h.addAll(values);
    return h;
  }

  /** The linear histogram of {@code values} on the range of its finite values ({@link #range}). */
  public static Histogram auto(double[] values, int bins) {
    double[] r = range(values);
    return of(values, r[0], r[1], bins);
  }

  /**
   * {lo, hi} of the finite values of all arrays; [0, 1] when there is none, widened by 0.5 on each
   * side when all are equal.
   */
  public static double[] range(double[]... arrays) {
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

  /** Adds one value. */
  public void add(double x) {
    if (Double.isNaN(x)) {
      skipped++;
      return;
    }
    int b = bin(x);
    if (b >= 0) {
      counts[b]++;
    } else if (x < lo) {
      below++;
    } else {
      above++;
    }
  }

  /** The bin of {@code x}, or -1 when x is below or above the bins, or NaN. */
  public int bin(double x) {
    if (!(x >= lo)) {
      return -1;
    }
    if (log) {
      int b = (int) ((Math.log10(x) - logLo) * perDecade);
      return b < counts.length ? b : -1;
    }
    if (x > hi) {
      return -1;
    }
    int k = (int) ((x - lo) / ((hi - lo) / counts.length));
    return Math.min(k, counts.length - 1);
  }

  /** Adds every value of {@code values} (not modified). */
  public void addAll(double[] values) {
    for (double x : values) {
      add(x);
    }
  }

  /** Adds the counts of {@code o}, which must have the same binning. */
  public void merge(Histogram o) {
    if (o.log != log
        || o.lo != lo
        || o.hi != hi
        || o.perDecade != perDecade
        || o.counts.length != counts.length) {
      throw new IllegalArgumentException("cannot merge histograms with different binning");
    }
    for (int i = 0; i < counts.length; i++) {
      counts[i] += o.counts[i];
    }
    below += o.below;
    above += o.above;
    skipped += o.skipped;
  }

  /**
   * Adds counts stored elsewhere (a histogram read back from a checkpoint): {@code binCounts} must
   * have this histogram's number of bins.
   */
  public void addCounts(long[] binCounts, long below, long above, long skipped) {
    if (binCounts.length != counts.length) {
      throw new IllegalArgumentException(
          "expected " + counts.length + " bin counts, got " + binCounts.length);
    }
    for (int i = 0; i < counts.length; i++) {
      counts[i] += binCounts[i];
    }
    this.below += below;
    this.above += above;
    this.skipped += skipped;
  }

  /** True for logarithmic bins. */
  public boolean logarithmic() {
    return log;
  }

  /** Lower edge of the range (linear lo, logarithmic min). */
  public double lo() {
    return lo;
  }

  /** Upper edge asked for (linear hi, logarithmic max). */
  public double hi() {
    return hi;
  }

  /** Number of bins. */
  public int bins() {
    return counts.length;
  }

  /** Lower edge of bin b. */
  public double lower(int b) {
    return log ? Math.pow(10, logLo + (double) b / perDecade) : lo + b * width();
  }

  /** Upper edge of bin b. */
  public double upper(int b) {
    return log ? Math.pow(10, logLo + (double) (b + 1) / perDecade) : lo + (b + 1) * width();
  }

  /**
   * Width of every bin of a linear histogram.
   *
   * @throws IllegalStateException for logarithmic bins (see {@link #width(int)})
   */
  public double width() {
    if (log) {
      throw new IllegalStateException("logarithmic bins have no common width");
    }
    return (hi - lo) / counts.length;
  }

  /** Width of bin b. */
  public double width(int b) {
    return log ? upper(b) - lower(b) : width();
  }

  /** Centre of bin b: arithmetic for linear bins, geometric for logarithmic ones. */
  public double center(int b) {
    return log ? Math.sqrt(lower(b) * upper(b)) : lo + (b + 0.5) * width();
  }

  /** Bin centres [bins]. */
  public double[] centers() {
    double[] c = new double[counts.length];
    for (int b = 0; b < c.length; b++) {
      c[b] = center(b);
    }
    return c;
  }

  /** Count in bin b. */
  public long count(int b) {
    return counts[b];
  }

  /** Counts [bins] (a copy). */
  public long[] counts() {
    return counts.clone();
  }

  /** Values below the range. */
  public long below() {
    return below;
  }

  /** Values above the range. */
  public long above() {
    return above;
  }

  /** NaN values. */
  public long skipped() {
    return skipped;
  }

  /** Values in the bins. */
  public long inRange() {
    return Arrays.stream(counts).sum();
  }

  /** Every value added (in range, outside, NaN). */
  public long total() {
    return inRange() + below + above + skipped;
  }

  /** Density in bin b normalised over the binned range: count / (in range · width); 0 if empty. */
  public double density(int b) {
    long n = inRange();
    return n == 0 ? 0 : counts[b] / (n * width(b));
  }

  /** {@link #density(int)} of every bin [bins]. */
  public double[] density() {
    double[] d = new double[counts.length];
    for (int b = 0; b < d.length; b++) {
      d[b] = density(b);
    }
    return d;
  }

  /** Density in bin b per value added: count / (total · width); 0 if nothing was added. */
  public double densityOfTotal(int b) {
    long n = total();
    return n == 0 ? 0 : counts[b] / (n * width(b));
  }
}
