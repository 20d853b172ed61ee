package org.glasslab.epm.coarsegrain;

import java.util.Arrays;
import org.glasslab.data.random.Rng;

/**
 * The pseudogap exponent theta of a distance-to-yield distribution, {@code P(x) ~ x^theta} at small
 * x, by maximum likelihood on the smallest values with a bootstrap error.
 *
 * <p>Estimator: with the positive x sorted, {@code x_c} the {@code (k+1)}-th smallest and {@code k
 * = ceil(fraction * n)}, {@code theta + 1 = (k - 1) / sum_{i<=k} ln(x_c / x_i)} (the unbiased
 * Hill-type estimator for a density proportional to {@code x^theta} on {@code [0, x_c]}). The error
 * is the standard deviation over {@code bootstrap} resamples of all the x (the range follows each
 * resample). Fewer than {@link #MIN_FITTED} values in the range gives a fit with NaN theta and a
 * "not enough data" note, never a number without an error.
 */
public final class Pseudogap {
  private Pseudogap() {}

  /** Smallest number of values in the fitted range. */
  public static final int MIN_FITTED = 10;

  /**
   * The fit.
   *
   * @param samples finite x given
   * @param nonPositive of them, the ones at or below 0 (left out: no power law there)
   * @param fitted values in the fitted range
   * @param xMax upper end of the fitted range, {@code x_c} [the unit of x]; NaN without a fit
   * @param theta the exponent; NaN without a fit
   * @param thetaError its bootstrap standard deviation; NaN without a fit
   * @param note empty, or why there is no number ("not enough data: ...")
   */
  public record Fit(
      int samples,
      int nonPositive,
      int fitted,
      double xMax,
      double theta,
      double thetaError,
      String note) {

    /** True when theta and its error are numbers. */
    public boolean ok() {
      return note.isEmpty();
    }
  }

  /**
   * Fits theta on the smallest {@code fraction} of the positive x.
   *
   * @param x distances to yield (NaN entries, e.g. patches that did not yield, are ignored)
   * @param fraction share of the positive values in the fitted range, in (0, 1]
   * @param bootstrap resamples for the error, at least 20
   * @param seed bootstrap seed
   */
  public static Fit fit(double[] x, double fraction, int bootstrap, long seed) {
    if (!(fraction > 0 && fraction <= 1)) {
      throw new IllegalArgumentException("fraction must be in (0, 1], got " + fraction);
    }
    if (bootstrap < 20) {
      throw new IllegalArgumentException("bootstrap must be >= 20, got " + bootstrap);
    }
    double[] finite = Arrays.stream(x).filter(Double::isFinite).toArray();
    double[] pos = Arrays.stream(finite).filter(v -> v > 0).sorted().toArray();
    int nonPos = finite.length - pos.length;
    int k = Math.min((int) Math.ceil(fraction * pos.length), pos.length - 1);
    if (k < MIN_FITTED) {
      return new Fit(
          finite.length,
          nonPos,
          Math.max(k, 0),
          Double.NaN,
          Double.NaN,
          Double.NaN,
          "not enough data: "
              + pos.length
              + " positive x give "
              + Math.max(k, 0)
              + " in the fitted range, need "
              + MIN_FITTED);
    }
    double theta = estimate(pos, k);
    Rng rng = new Rng(seed);
    double[] re = new double[pos.length];
    double s = 0;
    double s2 = 0;
    for (int b = 0; b < bootstrap; b++) {
      for (int i = 0; i < re.length; i++) {
        re[i] = pos[rng.nextInt(pos.length)];
      }
      Arrays.sort(re);
      double t = estimate(re, k);
      s += t;
      s2 += t * t;
    }
    double mean = s / bootstrap;
    double err = Math.sqrt(Math.max(0, s2 / bootstrap - mean * mean) * bootstrap / (bootstrap - 1));
    return new Fit(finite.length, nonPos, k, pos[k], theta, err, "");
  }

  /**
   * Fits theta on the smallest {@code fraction} of the positive x pooled over {@code groups}, with
   * the error from a bootstrap over whole groups (e.g. snapshots of one lattice run, whose values
   * are correlated within a group); at least two groups are needed for an error.
   *
   * @param groups x per group (NaN entries ignored), not modified
   */
  public static Fit fitGroups(double[][] groups, double fraction, int bootstrap, long seed) {
    int total = 0;
    for (double[] g : groups) {
      total += g.length;
    }
    double[] all = new double[total];
    int o = 0;
    for (double[] g : groups) {
      System.arraycopy(g, 0, all, o, g.length);
      o += g.length;
    }
    Fit pooled = fit(all, fraction, bootstrap, seed);
    if (!pooled.ok()) {
      return pooled;
    }
    if (groups.length < 2) {
      return noError(pooled, "one group (snapshot), need 2 for a bootstrap error");
    }
    Rng rng = new Rng(seed);
    double s = 0;
    double s2 = 0;
    int used = 0;
    double[] re = new double[total];
    for (int b = 0; b < bootstrap; b++) {
      int n = 0;
      for (int g = 0; g < groups.length; g++) {
        double[] pick = groups[rng.nextInt(groups.length)];
        for (double v : pick) {
          if (v > 0 && Double.isFinite(v)) {
            if (n == re.length) {
              re = Arrays.copyOf(re, 2 * re.length);
            }
            re[n++] = v;
          }
        }
      }
      Arrays.sort(re, 0, n);
      int k = Math.min((int) Math.ceil(fraction * n), n - 1);
      if (k < MIN_FITTED) {
        continue;
      }
      double t = estimate(re, k);
      s += t;
      s2 += t * t;
      used++;
    }
    if (used < 2) {
      return noError(pooled, "bootstrap resamples too small for a fit");
    }
    double mean = s / used;
    double err = Math.sqrt(Math.max(0, s2 / used - mean * mean) * used / (used - 1));
    return new Fit(
        pooled.samples(),
        pooled.nonPositive(),
        pooled.fitted(),
        pooled.xMax(),
        pooled.theta(),
        err,
        "");
  }

  /** {@code f}'s counts without a number: "not enough data: {@code why}". */
  private static Fit noError(Fit f, String why) {
    return new Fit(
        f.samples(),
        f.nonPositive(),
        f.fitted(),
        Double.NaN,
        Double.NaN,
        Double.NaN,
        "not enough data: " + why);
  }

  /** The estimator on sorted positive values, range = the k smallest, x_c = the (k+1)-th. */
  private static double estimate(double[] sorted, int k) {
    double xc = sorted[k];
    double sum = 0;
    for (int i = 0; i < k; i++) {
      sum += Math.log(xc / sorted[i]);
    }
    return (k - 1) / sum - 1;
  }
}
