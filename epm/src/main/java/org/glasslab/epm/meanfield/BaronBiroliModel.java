package org.glasslab.epm.meanfield;

import org.apache.commons.math3.analysis.solvers.BrentSolver;

/**
 * The Baron–Biroli mean-field elastoplastic model (arXiv 2312.03627) with σ_c = σ_0 = K = τ = 1:
 * barrier ΔE = (1 − |σ|)^a, exact plastic rate ν(σ) of eq 3, redraw law y(σ) of eq 1 and the
 * mean-field coupling D = αΓ. Stress in units of σ_c, time in units of τ, temperature in units of K
 * σ_c^a.
 *
 * @param alpha mean-field coupling α (0.110 for the 2D Eshelby kernel of Ozawa & Biroli) [stress²]
 * @param a barrier exponent a (1.5 in the paper)
 */
public record BaronBiroliModel(double alpha, double a) {

  /** The paper's parameters: α = 0.110, a = 1.5. */
  public static final BaronBiroliModel PAPER = new BaronBiroliModel(0.110, 1.5);

  /** Normalisation 𝒩 = 2σ_0(1 − e^(−σ_c/σ_0)) of the redraw law y(σ), eq 1. */
  public static final double REDRAW_NORM = 2.0 * (1.0 - Math.exp(-1.0));

  /** Validates the parameters. */
  public BaronBiroliModel {
    if (!(alpha > 0) || !Double.isFinite(alpha)) {
      throw new IllegalArgumentException("alpha " + alpha + " must be positive and finite");
    }
    if (!(a > 0) || !Double.isFinite(a)) {
      throw new IllegalArgumentException("barrier exponent a " + a + " must be positive");
    }
  }

  /**
   * Exact plastic rate ν(σ) of eq 3: 1 for |σ| ≥ 1, exp(−(1 − |σ|)^a / T) otherwise.
   *
   * @param sigma local stress [σ_c]
   * @param temperature T &gt; 0 [K σ_c^a]
   * @return rate [1/τ], in (0, 1]
   */
  public double rate(double sigma, double temperature) {
    double x = 1.0 - Math.abs(sigma);
    if (x <= 0) {
      return 1.0;
    }
    return Math.exp(-Math.pow(x, a) / temperature);
  }

  /**
   * Redraw density y(σ) of eq 1: e^(|σ|−1)/𝒩 for |σ| &lt; 1, 0 otherwise; integrates to 1.
   *
   * @param sigma stress [σ_c]
   * @return density [1/σ_c]
   */
  public static double redrawDensity(double sigma) {
    double s = Math.abs(sigma);
    return s < 1.0 ? Math.exp(s - 1.0) / REDRAW_NORM : 0.0;
  }

  /**
   * Right-hand side of eq 18 (σ_c = σ_0 = 1) as a function of the support edge σ̄: the value of α
   * for which the T = 0 distribution of eq 17 is normalised with support |σ| &lt; σ̄.
   *
   * @param sigmaBar support edge σ̄ in (0, 1]
   * @return α(σ̄)
   */
  public static double alphaOfSigmaBar(double sigmaBar) {
    double e1 = Math.exp(-1.0);
    return ((sigmaBar - 1.0) * Math.exp(sigmaBar - 1.0) + (1.0 - 0.5 * sigmaBar * sigmaBar) * e1)
        / (1.0 - e1);
  }

  /**
   * σ̄: the edge of the support of the T → 0 stationary distribution, the root of eq 18 in (0, 1)
   * (0.7494 for α = 0.110). α(σ̄) of eq 18 increases from 0 at σ̄ = 0 to 1/(2(e − 1)) ≈ 0.291 at σ̄
   * = 1; for α outside that range there is no frozen state with support inside (−1, 1).
   *
   * @return σ̄ [σ_c]
   * @throws IllegalArgumentException if eq 18 has no root in (0, 1) for this α
   */
  public double sigmaBar() {
    double lo = alphaOfSigmaBar(0.0);
    double hi = alphaOfSigmaBar(1.0);
    if (!(alpha > lo && alpha < hi)) {
      throw new IllegalArgumentException(
          String.format(
              "eq 18 has a root in (0,1) only for %.6f < alpha < %.6f; got alpha = %g",
              lo, hi, alpha));
    }
    return new BrentSolver(1e-15, 1e-15)
        .solve(200, s -> alphaOfSigmaBar(s) - alpha, 0.0, 1.0, 0.75);
  }

  /**
   * The T → 0 stationary distribution P_0(σ) of eq 17 (σ_c = σ_0 = 1).
   *
   * @param sigma stress [σ_c]
   * @param sigmaBar support edge from {@link #sigmaBar()}
   * @return density [1/σ_c]
   */
  public double zeroTemperatureDensity(double sigma, double sigmaBar) {
    double s = Math.abs(sigma);
    if (s >= sigmaBar) {
      return 0.0;
    }
    double an = alpha * REDRAW_NORM;
    return (Math.exp(sigmaBar - 1.0) - Math.exp(s - 1.0)) / an
        + Math.exp(-1.0) * (s - sigmaBar) / an;
  }

  /** Mean barrier at the support edge, Ē = (1 − σ̄)^a (eq 19). */
  public double barrierAtEdge() {
    return Math.pow(1.0 - sigmaBar(), a);
  }
}
