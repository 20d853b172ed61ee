package org.glasslab.epm.meanfield;

import org.glasslab.epm.fit.WeightedLine;

/**
 * Finite-N bias of a mean-field Gillespie observable: the weighted least-squares fit X(N) = X_∞ +
 * b/N over runs at several N, and z-scores of X_∞ and of b against a reference (the Fokker–Planck
 * value, which is the N → ∞ limit). The leading finite-N corrections of the App. E dynamics are
 * O(1/N): the failing site is not kicked (D = (N−1)/N·αΓ), the kicks' fourth Kramers–Moyal term is
 * α²Γ/(2N), and Γ's own fluctuations are O(1/√N) with an O(1/N) mean shift.
 *
 * @param valueAtInfinity X_∞, the intercept
 * @param valueAtInfinityError its standard error (from the input errors; with dof &gt; 0 and χ²/dof
 *     &gt; 1 scaled by √(χ²/dof))
 * @param slope b, the coefficient of 1/N [units of X times sites]
 * @param slopeError its standard error (scaled as above)
 * @param zInfinity (X_∞ − reference)/error: the extrapolated value against the reference
 * @param zSlope b/error: the significance of the 1/N dependence
 * @param chi2 χ² of the fit
 * @param dof degrees of freedom (number of N − 2)
 */
public record FiniteSizeExtrapolation(
    double valueAtInfinity,
    double valueAtInfinityError,
    double slope,
    double slopeError,
    double zInfinity,
    double zSlope,
    double chi2,
    int dof) {

  /** |z| above this flags a deviation (a finite-N bias, or a disagreement with the reference). */
  public static final double FLAG_Z = 3.0;

  /**
   * Fits X(N) = X_∞ + b/N.
   *
   * @param n system sizes, at least two distinct
   * @param value measured X at each N
   * @param error standard error of each X, &gt; 0
   * @param reference the N → ∞ prediction the intercept is compared with
   * @throws IllegalArgumentException for fewer than two distinct N or non-positive errors
   */
  public static FiniteSizeExtrapolation fit(
      int[] n, double[] value, double[] error, double reference) {
    if (n.length != value.length || n.length != error.length) {
      throw new IllegalArgumentException(
          "n, value and error lengths differ: "
              + n.length
              + ", "
              + value.length
              + ", "
              + error.length);
    }
    double[] x = new double[n.length];
    double[] w = new double[n.length];
    for (int i = 0; i < n.length; i++) {
      if (!(error[i] > 0) || !Double.isFinite(error[i])) {
        throw new IllegalArgumentException(
            "error at N = " + n[i] + " must be positive: " + error[i]);
      }
      x[i] = 1.0 / n[i];
      w[i] = 1 / (error[i] * error[i]);
    }
    WeightedLine line;
    try {
      line = WeightedLine.fit(x, value, w);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("a 1/N extrapolation needs at least two different N");
    }
    double a = line.intercept();
    double b = line.slope();
    double chi2 = line.chi2();
    int dof = n.length - 2;
    double scale = dof > 0 ? Math.sqrt(Math.max(1.0, chi2 / dof)) : 1.0;
    double ea = line.interceptError() * scale;
    double eb = line.slopeError() * scale;
    return new FiniteSizeExtrapolation(a, ea, b, eb, (a - reference) / ea, b / eb, chi2, dof);
  }

  /** True if the 1/N slope is significant (|zSlope| &gt; {@value #FLAG_Z}). */
  public boolean biased() {
    return Math.abs(zSlope) > FLAG_Z;
  }

  /**
   * True if the extrapolated value disagrees with the reference (|zInfinity| &gt; {@value
   * #FLAG_Z}).
   */
  public boolean disagrees() {
    return Math.abs(zInfinity) > FLAG_Z;
  }
}
