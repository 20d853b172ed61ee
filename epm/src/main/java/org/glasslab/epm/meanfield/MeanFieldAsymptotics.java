package org.glasslab.epm.meanfield;

import org.apache.commons.math3.analysis.UnivariateFunction;
import org.apache.commons.math3.analysis.integration.IterativeLegendreGaussIntegrator;
import org.apache.commons.math3.analysis.solvers.BrentSolver;

/**
 * Closed-form asymptotics of the Baron–Biroli mean-field theory: the paper's formulas (T_onset of
 * eq B6, the MCT-like Γ of eqs 12 and C3 with T_c from σ_B(T_c) = σ̄, the low-T Γ of eqs 21–22 with
 * D8) and the exact high-T coefficient derived here, T_on = ∫(1 − |σ|)_+^a P_∞(σ) dσ, where P_∞ is
 * the T = ∞ solution (ν ≡ 1, Γ = 1, D = α). Units as in {@link BaronBiroliModel}.
 */
public final class MeanFieldAsymptotics {
  private MeanFieldAsymptotics() {}

  /**
   * The paper's eq B6 for T_onset, evaluated as printed. As printed it is negative (−0.2840 for α =
   * 0.110, a = 1.5); the paper quotes its magnitude 0.284, so this returns the magnitude.
   */
  public static double tOnsetPaperB6(BaronBiroliModel m) {
    double a = m.a();
    double al = m.alpha();
    double e = Math.E;
    double r = Math.sqrt(al);
    double e1 = Math.exp(1 / r);
    double e2 = Math.exp(2 / r);
    double bracket =
        2 * e2 * (e - 1 - 3 * a + a * e)
            - 2 * a * Math.pow(al, 1.5) * (e1 - 1) * (2 * e1 + e * e1 - e)
            + (a - 1) * r * e * (e2 - 1)
            + al
                * (e
                    - 3 * a * e
                    + 4 * a * e * e1
                    - (1 + a) * e * e2
                    + 2 * (a - 1) * e1
                    + 2 * (1 + a) * e2);
    double value =
        BaronBiroliModel.REDRAW_NORM
            / ((al - 1) * (1 - e) * (1 - e) * Math.pow(2, 2 + a))
            * Math.exp(1 - 2 / r)
            * bracket;
    return Math.abs(value);
  }

  /**
   * P_∞(σ), the T = ∞ stationary density (ν ≡ 1, Γ = 1, D = α), in closed form: for |σ| ≤ 1, B
   * e^(|σ|−1) + A cosh(σ/√α) + S sinh(|σ|/√α) with B = 1/(𝒩(1 − α)), S = −√α B/e (so that P'(0) =
   * 0 despite the kink of y at 0) and A = −B(1 + √α)e^(−1/√α) − S (continuity of P, P' at |σ| = 1);
   * for |σ| &gt; 1, P_∞(1) e^(−(|σ|−1)/√α).
   */
  public static double densityInfiniteT(BaronBiroliModel m, double sigma) {
    double al = m.alpha();
    double r = Math.sqrt(al);
    double b = 1.0 / (BaronBiroliModel.REDRAW_NORM * (1 - al));
    double sh = -r * b / Math.E;
    double amp = -b * (1 + r) * Math.exp(-1 / r) - sh;
    double s = Math.abs(sigma);
    if (s <= 1) {
      return b * Math.exp(s - 1) + amp * Math.cosh(s / r) + sh * Math.sinh(s / r);
    }
    return (b + amp * Math.cosh(1 / r) + sh * Math.sinh(1 / r)) * Math.exp(-(s - 1) / r);
  }

  /**
   * Exact high-T coefficient: Γ = 1 − T_on/T + O(T^−2) with T_on = 2∫_0^1 (1 − σ)^a P_∞(σ) dσ
   * (first order in 1/T of Γ = ∫ν P with ν = 1 − (1 − |σ|)^a/T + …; the O(1/T) change of P does not
   * contribute because ∫P = 1).
   */
  public static double tOnsetExact(BaronBiroliModel m) {
    return 2 * integrate(s -> Math.pow(1 - s, m.a()) * densityInfiniteT(m, s));
  }

  /**
   * The same coefficient for the eq 7 rate (the tangent of (1 − |σ|)^a at |σ| = 1/2): T_on,7 =
   * 2∫_0^1 [2^−a − a 2^(1−a)(σ − 1/2)] P_∞(σ) dσ. This is what the paper's B6 approximates.
   */
  public static double tOnsetEq7(BaronBiroliModel m) {
    double a = m.a();
    return 2
        * integrate(
            s -> (Math.pow(2, -a) - a * Math.pow(2, 1 - a) * (s - 0.5)) * densityInfiniteT(m, s));
  }

  private static double integrate(UnivariateFunction f) {
    IterativeLegendreGaussIntegrator q = new IterativeLegendreGaussIntegrator(32, 1e-14, 1e-15);
    double sum = 0;
    int pieces = 64;
    for (int i = 0; i < pieces; i++) {
      sum += q.integrate(1_000_000, f, (double) i / pieces, (double) (i + 1) / pieces);
    }
    return sum;
  }

  /**
   * T_c of the MCT-like approximation eq 10: the root of σ_B(T) = σ̄ (0.0659 for the paper's
   * parameters; the paper rounds it to 0.07).
   */
  public static double tcEq10(BaronBiroliModel m) {
    double sbar = m.sigmaBar();
    return new BrentSolver(1e-15, 1e-15)
        .solve(500, t -> RateLaw.mctSigmaB(m.a(), t) - sbar, 1e-6, 1.0 / Math.log(2.0) - 1e-9);
  }

  /**
   * Eq 12: Γ ≈ −(β_1/β_2(T))(σ̄ − σ_B(T))^3 for T &gt; T_c, 0 below, with β_1, β_2 of eq C3. As
   * printed, eq 12 has (σ_B − σ̄)^3, which is negative above T_c (σ_B &lt; σ̄ there) while −β_1/β_2
   * &gt; 0; we use the positive root (σ̄ − σ_B)^3.
   *
   * @return Γ [1/τ]
   */
  public static double gammaEq12(BaronBiroliModel m, double t) {
    double sbar = m.sigmaBar();
    double gap = RateLaw.mctSigmaB(m.a(), t) - sbar;
    if (gap >= 0) {
      return 0.0;
    }
    double beta1 = beta1(sbar);
    double beta2 = 36.0 / 49.0 * sbar / RateLaw.mctSlope(m.a(), t) - 2.0 / 3.0 * beta1;
    return beta1 / beta2 * gap * gap * gap;
  }

  /** β_1 = −(4/7)(e^σ̄ − 1)σ̄/(e𝒩) of eq C3 (negative). */
  private static double beta1(double sbar) {
    return -4.0 / 7.0 * (Math.exp(sbar) - 1) * sbar / (Math.E * BaronBiroliModel.REDRAW_NORM);
  }

  /**
   * Eq 16: ξ = √(m/|β_1(σ_B(T) − σ̄)|) of the MCT-like scheme (eq 10), with β_1 of eq C3 and m =
   * (m/α)·α; it diverges as (T − T_c)^(−1/2). NaN at and below T_c (no homogeneous Γ &gt; 0).
   *
   * @param mOverAlpha m/α from the kernel (eq A5) [lattice units²]
   * @return ξ [lattice units]
   */
  public static double xiEq16(BaronBiroliModel m, double t, double mOverAlpha) {
    double gap = RateLaw.mctSigmaB(m.a(), t) - m.sigmaBar();
    if (gap >= 0) {
      return Double.NaN;
    }
    return Math.sqrt(mOverAlpha * m.alpha() / Math.abs(beta1(m.sigmaBar()) * gap));
  }

  /**
   * Eq 23–24: ξ² = m/(α²|c_1|T_1) at low T, with c_1 of eq D8 (read as {@link #gammaEq21} does), m
   * = (m/α)·α and T_1 = T/(a(1 − σ̄)^(a−1)); ξ ∝ T^(−1/2).
   *
   * @param mOverAlpha m/α from the kernel (eq A5) [lattice units²]
   * @param literal true: c_1 ∝ e^(σ̄−1) as printed; false: c_1 ∝ (e^σ̄ − 1)
   * @return ξ [lattice units]
   */
  public static double xiEq23(BaronBiroliModel m, double t, double mOverAlpha, boolean literal) {
    double sbar = m.sigmaBar();
    double t1 = t / (m.a() * Math.pow(1 - sbar, m.a() - 1));
    double al = m.alpha();
    double c1 =
        -2 * (literal ? Math.exp(sbar - 1) : Math.exp(sbar) - 1) * sbar / (al * al * (Math.E - 1));
    return Math.sqrt(mOverAlpha * al / (al * al * Math.abs(c1) * t1));
  }

  /**
   * Eq 21: Γ ≈ γ e^(−Ē/T), γ = −(1/α)(c_1/c_3) T_1, T_1 = T/(a(1 − σ̄)^(a−1)), with c_1, c_3 of eq
   * D8. The text of c_1 reads "(e^(σ̄−1))σ̄", which we take literally (c_1/c_3 = −2/e); the other
   * reading (e^σ̄ − 1) gives c_1/c_3 = −2(1 − e^−σ̄). See docs/epm-meanfield.md.
   *
   * @param literal true: c_1 ∝ e^(σ̄−1) as printed; false: c_1 ∝ (e^σ̄ − 1)
   * @return Γ [1/τ]
   */
  public static double gammaEq21(BaronBiroliModel m, double t, boolean literal) {
    double sbar = m.sigmaBar();
    double ebar = Math.pow(1 - sbar, m.a());
    double t1 = t / (m.a() * Math.pow(1 - sbar, m.a() - 1));
    double c1OverC3 = literal ? -2.0 / Math.E : -2.0 * (1 - Math.exp(-sbar));
    double gamma = -c1OverC3 / m.alpha() * t1;
    return gamma * Math.exp(-ebar / t);
  }
}
