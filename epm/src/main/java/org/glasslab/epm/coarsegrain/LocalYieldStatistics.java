package org.glasslab.epm.coarsegrain;

import java.util.Locale;

/**
 * Local yield statistics of one side (particle patches by the frozen-matrix method, or lattice
 * sites): the pseudogap exponent θ of P(x) ~ x^θ and the mean distance to yielding ⟨x⟩, each a
 * {@link Measurement} (a value with its error, or "not enough data"). It is the interface through
 * which a local-yield measurement enters {@link CalibratedComparison}; without it the θ and ⟨x⟩
 * rows say "not measured".
 *
 * @param theta θ with its error and the fit range in the note
 * @param meanX ⟨x⟩ [stress units of that side] with its standard error
 * @param method how x was measured (shown in the table)
 */
public record LocalYieldStatistics(Measurement theta, Measurement meanX, String method) {
  /** Checks that both measurements and the method are given. */
  public LocalYieldStatistics {
    if (theta == null || meanX == null || method == null) {
      throw new IllegalArgumentException("theta, meanX and method must not be null");
    }
  }

  /**
   * Frozen-matrix patches (one x per patch, patches independent): θ from {@link Pseudogap#fit}, ⟨x⟩
   * ± s.e. over the patches that yielded (NaN x are left out).
   *
   * @param x distance to yielding per patch [ε/σ²], not modified
   * @param fraction share of the smallest positive x in the θ fit
   * @param bootstrap resamples for θ's error
   * @param seed bootstrap seed
   */
  public static LocalYieldStatistics patches(
      double[] x, double fraction, int bootstrap, long seed, String method) {
    Pseudogap.Fit f = Pseudogap.fit(x, fraction, bootstrap, seed);
    return new LocalYieldStatistics(
        theta(f, method, "bootstrap over patches"),
        CalibratedComparison.meanSe(x, 1, method + ", patches that yielded"),
        method);
  }

  /**
   * Lattice sites from several snapshots of one run: θ from {@link Pseudogap#fitGroups} on the
   * pooled x with a bootstrap over whole snapshots (the sites of one snapshot are not independent
   * of each other, nor successive snapshots of one run entirely, so the error is the spread between
   * snapshots); ⟨x⟩ = the pooled mean with the standard error of the snapshot means (fewer than two
   * snapshots: not enough data).
   *
   * @param snapshots x of every site per snapshot [stress units of the lattice], not modified
   */
  public static LocalYieldStatistics snapshots(
      double[][] snapshots, double fraction, int bootstrap, long seed, String method) {
    Pseudogap.Fit f = Pseudogap.fitGroups(snapshots, fraction, bootstrap, seed);
    int m = snapshots.length;
    double[] means = new double[m];
    double s = 0;
    long n = 0;
    for (int k = 0; k < m; k++) {
      double sk = 0;
      int nk = 0;
      for (double v : snapshots[k]) {
        if (Double.isFinite(v)) {
          sk += v;
          nk++;
        }
      }
      means[k] = nk > 0 ? sk / nk : Double.NaN;
      s += sk;
      n += nk;
    }
    Measurement se = CalibratedComparison.meanSe(means, 1, method + ", s.e. of the snapshot means");
    Measurement mean =
        se.measured()
            ? Measurement.of(
                s / n,
                se.error(),
                String.format(
                    Locale.ROOT,
                    "%s, %d sites over %d snapshots (s.e. of the snapshot means)",
                    method,
                    n,
                    m))
            : se;
    return new LocalYieldStatistics(theta(f, method, "bootstrap over snapshots"), mean, method);
  }

  private static Measurement theta(Pseudogap.Fit f, String method, String error) {
    if (!f.ok()) {
      return Measurement.notEnoughData(f.note().replaceFirst("^not enough data: ", ""));
    }
    return Measurement.of(
        f.theta(),
        f.thetaError(),
        String.format(
            Locale.ROOT,
            "%s; Hill fit on the %d smallest of %d positive x, range [0, %.4g], %s",
            method,
            f.fitted(),
            f.samples() - f.nonPositive(),
            f.xMax(),
            error));
  }
}
