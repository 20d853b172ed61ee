package org.glasslab.analysis.stats;

import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;
import org.glasslab.data.stats.Histogram;

/**
 * A per-particle field pooled over the replicas (independent trajectories) of one ensemble, e.g.
 * one temperature (Jha &amp; Sengupta Figs 2h, 3a, 4, 7a: "averaged over 12 independent
 * trajectories"), with errors from a bootstrap over replicas: each resample draws as many replicas
 * as there are, with replacement, and pools their values again. Replicas are the independent unit;
 * particles and frame pairs of one trajectory are correlated, so they are never resampled alone.
 *
 * <p>Pooled density of bin b: n_b / (n · w_b), with n_b the pooled count in bin b, n the pooled
 * number of finite values (inside or outside the bins) and w_b the bin width in the field's unit;
 * it integrates to the share of values inside the bins. Pooled mean: the sum of all finite values
 * over their number (each particle-pair weighs the same, so replicas with more pairs weigh more).
 * Bands and mean interval: percentiles (1 − level)/2 and (1 + level)/2 of the resampled values,
 * linear interpolation between order statistics (numpy's default); the mean's error is the sample
 * standard deviation of the resampled means.
 */
public final class ReplicaBootstrap {
  private ReplicaBootstrap() {}

  /**
   * One replica's contribution, kept instead of its values.
   *
   * @param counts [bins] values per bin of the common binning
   * @param values number of finite values (binned or not)
   * @param sum sum of the finite values [field unit]
   */
  public record Replica(long[] counts, long values, double sum) {
    /** Copies the counts. */
    public Replica {
      counts = counts.clone();
    }

    /** The replica's finite {@code values} counted on {@code bins} (an empty template). */
    public static Replica of(double[] values, Histogram bins) {
      long[] c = new long[bins.bins()];
      long n = 0;
      double s = 0;
      for (double x : values) {
        if (!Double.isFinite(x)) {
          continue;
        }
        n++;
        s += x;
        int b = bins.bin(x);
        if (b >= 0) {
          c[b]++;
        }
      }
      return new Replica(c, n, s);
    }
  }

  /**
   * The pooled ensemble and its bootstrap intervals.
   *
   * @param density [bins] pooled density [1/field unit]
   * @param densityLo [bins] lower end of the bootstrap band
   * @param densityHi [bins] upper end of the bootstrap band
   * @param mean pooled mean [field unit]
   * @param meanStderr standard deviation of the resampled means (0 for one replica)
   * @param meanLo lower end of the mean's bootstrap interval
   * @param meanHi upper end
   * @param values pooled number of finite values
   */
  public record Result(
      double[] density,
      double[] densityLo,
      double[] densityHi,
      double mean,
      double meanStderr,
      double meanLo,
      double meanHi,
      long values) {}

  /**
   * Bootstrap draws: {@code resamples} rows of {@code replicas} replica indices drawn uniformly
   * with replacement from {@code rng} (used sequentially), to be recorded with the results.
   */
  public static int[][] draws(int replicas, int resamples, RandomGenerator rng) {
    if (replicas < 1 || resamples < 1) {
      throw new IllegalArgumentException(
          "bootstrap needs >= 1 replica and resample, got " + replicas + ", " + resamples);
    }
    int[][] d = new int[resamples][replicas];
    for (int[] row : d) {
      for (int i = 0; i < replicas; i++) {
        row[i] = rng.nextInt(replicas);
      }
    }
    return d;
  }

  /**
   * Pools {@code replicas} and resamples them by {@code draws} (rows of indices into {@code
   * replicas}).
   *
   * @param widths [bins] bin widths [field unit]
   * @param level central share of the resampled values spanned by the bands, in (0, 1)
   */
  public static Result of(List<Replica> replicas, double[] widths, int[][] draws, double level) {
    if (replicas.isEmpty()) {
      throw new IllegalArgumentException("no replicas to pool");
    }
    if (!(level > 0 && level < 1)) {
      throw new IllegalArgumentException("level must be in (0, 1), got " + level);
    }
    int bins = widths.length;
    for (Replica r : replicas) {
      if (r.counts().length != bins) {
        throw new IllegalArgumentException(
            "replica has " + r.counts().length + " bins, the binning " + bins);
      }
    }
    int[] all = new int[replicas.size()];
    for (int i = 0; i < all.length; i++) {
      all[i] = i;
    }
    double[] density = new double[bins];
    double mean = pool(replicas, all, widths, density);
    int m = draws.length;
    double[][] d = new double[bins][m];
    double[] means = new double[m];
    double[] scratch = new double[bins];
    for (int k = 0; k < m; k++) {
      means[k] = pool(replicas, draws[k], widths, scratch);
      for (int b = 0; b < bins; b++) {
        d[b][k] = scratch[b];
      }
    }
    double pLo = (1 - level) / 2;
    double pHi = (1 + level) / 2;
    double[] lo = new double[bins];
    double[] hi = new double[bins];
    for (int b = 0; b < bins; b++) {
      Arrays.sort(d[b]);
      lo[b] = percentile(d[b], pLo);
      hi[b] = percentile(d[b], pHi);
    }
    double mm = 0;
    for (double x : means) {
      mm += x;
    }
    mm /= m;
    double v = 0;
    for (double x : means) {
      v += (x - mm) * (x - mm);
    }
    double se = m > 1 ? Math.sqrt(v / (m - 1)) : 0;
    Arrays.sort(means);
    long n = 0;
    for (Replica r : replicas) {
      n += r.values();
    }
    return new Result(density, lo, hi, mean, se, percentile(means, pLo), percentile(means, pHi), n);
  }

  /** Pools the replicas {@code pick} into {@code density} (modified); returns the pooled mean. */
  private static double pool(
      List<Replica> replicas, int[] pick, double[] widths, double[] density) {
    Arrays.fill(density, 0);
    long n = 0;
    double s = 0;
    for (int i : pick) {
      Replica r = replicas.get(i);
      long[] c = r.counts();
      for (int b = 0; b < c.length; b++) {
        density[b] += c[b];
      }
      n += r.values();
      s += r.sum();
    }
    for (int b = 0; b < density.length; b++) {
      density[b] = n == 0 ? Double.NaN : density[b] / (n * widths[b]);
    }
    return n == 0 ? Double.NaN : s / n;
  }

  /**
   * Percentile {@code p} in [0, 1] of {@code sorted} (ascending, not modified): linear
   * interpolation between order statistics at (n − 1) p, as numpy's default.
   */
  public static double percentile(double[] sorted, double p) {
    int n = sorted.length;
    if (n == 0) {
      return Double.NaN;
    }
    double h = (n - 1) * p;
    int i = (int) Math.floor(h);
    if (i >= n - 1) {
      return sorted[n - 1];
    }
    return sorted[i] + (h - i) * (sorted[i + 1] - sorted[i]);
  }
}
