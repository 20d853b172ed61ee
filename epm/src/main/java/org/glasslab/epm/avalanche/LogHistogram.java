package org.glasslab.epm.avalanche;

/**
 * Histogram with logarithmically spaced bins on [min, max) (values below min go to an underflow
 * counter, above to an overflow counter). Used for x_min and avalanche sizes. Mergeable.
 */
public final class LogHistogram {
  private final double min;
  private final double max;
  private final int perDecade;
  private final long[] counts;
  private final double logMin;
  private long under;
  private long over;
  private long total;

  /**
   * @param min lower edge (&gt; 0)
   * @param max upper edge (&gt; min)
   * @param perDecade bins per decade (&gt; 0)
   */
  public LogHistogram(double min, double max, int perDecade) {
    if (!(min > 0) || !(max > min) || perDecade <= 0) {
      throw new IllegalArgumentException(
          "need 0 < min < max and perDecade > 0, got " + min + ", " + max + ", " + perDecade);
    }
    this.min = min;
    this.max = max;
    this.perDecade = perDecade;
    this.logMin = Math.log10(min);
    this.counts = new long[(int) Math.ceil((Math.log10(max) - logMin) * perDecade)];
  }

  /** Adds one value. */
  public void add(double v) {
    total++;
    if (!(v >= min)) {
      under++;
      return;
    }
    int b = (int) ((Math.log10(v) - logMin) * perDecade);
    if (b >= counts.length) {
      over++;
      return;
    }
    counts[b]++;
  }

  /** Adds the counts of {@code o} (same binning required). */
  public void merge(LogHistogram o) {
    if (o.min != min || o.max != max || o.perDecade != perDecade) {
      throw new IllegalArgumentException("cannot merge histograms with different binning");
    }
    for (int i = 0; i < counts.length; i++) {
      counts[i] += o.counts[i];
    }
    under += o.under;
    over += o.over;
    total += o.total;
  }

  /** Number of bins. */
  public int bins() {
    return counts.length;
  }

  /** Lower edge of bin b. */
  public double lower(int b) {
    return Math.pow(10, logMin + (double) b / perDecade);
  }

  /** Upper edge of bin b. */
  public double upper(int b) {
    return Math.pow(10, logMin + (double) (b + 1) / perDecade);
  }

  /** Count in bin b. */
  public long count(int b) {
    return counts[b];
  }

  /** Values below the lower edge (including non-positive values). */
  public long underflow() {
    return under;
  }

  /** Values at or above the upper edge. */
  public long overflow() {
    return over;
  }

  /** All values added. */
  public long total() {
    return total;
  }

  /** Probability density in bin b: count / (total · width). */
  public double density(int b) {
    return total == 0 ? 0 : counts[b] / (total * (upper(b) - lower(b)));
  }
}
