package org.glasslab.analysis.stats;

import java.util.ArrayList;
import java.util.List;
import org.glasslab.data.stats.Histogram;

/**
 * Ensemble average of a distribution over independent trajectories (the paper's "averaged over 12
 * independent trajectories" curves): every trajectory contributes one normalised density on a
 * common binning; the result is the mean density per bin and its standard error across
 * trajectories. Accumulates one trajectory at a time (freud habit), holding only the densities.
 */
public final class EnsembleHistogram {
  private final double lo;
  private final double hi;
  private final int bins;
  private final List<double[]> densities = new ArrayList<>();

  /**
   * An empty ensemble on {@code bins} bins over [lo, hi] (binning as in {@link Histogram}).
   *
   * @throws IllegalArgumentException if lo &ge; hi or bins &lt; 1
   */
  public EnsembleHistogram(double lo, double hi, int bins) {
    if (!(hi > lo) || bins < 1) {
      throw new IllegalArgumentException(
          "ensemble histogram needs lo < hi and bins >= 1, got " + lo + ", " + hi + ", " + bins);
    }
    this.lo = lo;
    this.hi = hi;
    this.bins = bins;
  }

  /**
   * Adds one trajectory's values (e.g. a field pooled over its frames).
   *
   * @param values [n], not modified; NaN skipped, out-of-range values not binned
   */
  public void add(double[] values) {
    densities.add(Histogram.of(values, lo, hi, bins).density());
  }

  /** Number of trajectories added. */
  public int members() {
    return densities.size();
  }

  /**
   * The ensemble average.
   *
   * @param centers [bins] bin centres
   * @param mean [bins] mean density
   * @param stderr [bins] standard error of the mean across members (NaN for one member)
   * @param members number of trajectories
   */
  public record Result(double[] centers, double[] mean, double[] stderr, int members) {}

  /** The current average. */
  public Result result() {
    int m = densities.size();
    double[] mean = new double[bins];
    double[] se = new double[bins];
    double[] c = Histogram.linear(lo, hi, bins).centers();
    for (int k = 0; k < bins; k++) {
      double s = 0;
      for (double[] d : densities) {
        s += d[k];
      }
      mean[k] = m == 0 ? Double.NaN : s / m;
      if (m > 1) {
        double v = 0;
        for (double[] d : densities) {
          v += (d[k] - mean[k]) * (d[k] - mean[k]);
        }
        se[k] = Math.sqrt(v / (m - 1) / m);
      } else {
        se[k] = Double.NaN;
      }
    }
    return new Result(c, mean, se, m);
  }
}
