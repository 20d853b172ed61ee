package org.glasslab.epm.meanfield;

import java.util.function.DoubleUnaryOperator;

/**
 * The plastic rate ν(σ) used in the stationary Fokker–Planck problem (eq 8): the exact law of eq 3
 * or one of the paper's three approximations (eqs 7, 10, 19), so their Γ(T) curves can be compared
 * with the exact one on the same solver. Every law is even in σ and equals 1 for |σ| ≥ 1 (the
 * paper's approximations only replace ν inside |σ| &lt; 1).
 */
public enum RateLaw {
  /** Eq 3, exact: ν = exp(−(1 − |σ|)^a / T) for |σ| &lt; 1. */
  EXACT("eq3-exact"),
  /**
   * Eq 7, high-T linearisation about |σ| = 1/2: ν ≈ e^(−1/(2^a T))[1 + a/(2^(a−1)T)(|σ| − 1/2)].
   * Non-negative on |σ| &lt; 1 only for T ≥ a/2^a (0.530 for a = 1.5); below that it is rejected.
   */
  HIGH_T_EQ7("eq7-highT"),
  /**
   * Eq 10, MCT-like: ν ≈ Θ(|σ| − σ_B)[1/2 + Δ(|σ| − σ_1/2)], Δ = (a/2T)(T ln 2)^((a−1)/a), σ_1/2 =
   * 1 − (T ln 2)^(1/a), σ_B = σ_1/2 − 1/(2Δ). Frozen (Γ = 0) below T_c where σ_B(T_c) = σ̄.
   */
  MCT_EQ10("eq10-mct"),
  /** Eq 19, low-T: ν ≈ e^(−Ē/T) e^(−(σ̄ − |σ|)/T_1), Ē = (1 − σ̄)^a, T_1 = T/(a(1 − σ̄)^(a−1)). */
  LOW_T_EQ19("eq19-lowT");

  private final String label;

  RateLaw(String label) {
    this.label = label;
  }

  /** Short label used in tables and CSV headers. */
  public String label() {
    return label;
  }

  /**
   * The law at one temperature as a function of σ [σ_c] returning ν [1/τ].
   *
   * @throws IllegalArgumentException if T ≤ 0, or for {@link #HIGH_T_EQ7} below a/2^a where eq 7
   *     gives negative rates
   */
  public DoubleUnaryOperator at(BaronBiroliModel model, double temperature) {
    if (!(temperature > 0) || !Double.isFinite(temperature)) {
      throw new IllegalArgumentException("temperature " + temperature + " must be positive");
    }
    final double a = model.a();
    final double t = temperature;
    switch (this) {
      case EXACT:
        return s -> model.rate(s, t);
      case HIGH_T_EQ7:
        {
          double tmin = a / Math.pow(2.0, a);
          if (t < tmin) {
            throw new IllegalArgumentException(
                String.format(
                    "eq 7 gives negative rates below T = a/2^a = %.4f; got T = %g (use T >= %.4f)",
                    tmin, t, tmin));
          }
          double nu0 = Math.exp(-1.0 / (Math.pow(2.0, a) * t));
          double slope = a / (Math.pow(2.0, a - 1.0) * t);
          return s -> {
            double x = Math.abs(s);
            return x >= 1.0 ? 1.0 : nu0 * (1.0 + slope * (x - 0.5));
          };
        }
      case MCT_EQ10:
        {
          double delta = mctSlope(a, t);
          double sHalf = mctSigmaHalf(a, t);
          double sB = mctSigmaB(a, t);
          return s -> {
            double x = Math.abs(s);
            if (x >= 1.0) {
              return 1.0;
            }
            return x > sB ? 0.5 + delta * (x - sHalf) : 0.0;
          };
        }
      case LOW_T_EQ19:
        {
          double sbar = model.sigmaBar();
          double ebar = Math.pow(1.0 - sbar, a);
          double t1 = t / (a * Math.pow(1.0 - sbar, a - 1.0));
          return s -> {
            double x = Math.abs(s);
            return x >= 1.0 ? 1.0 : Math.exp(-ebar / t - (sbar - x) / t1);
          };
        }
      default:
        throw new AssertionError(this);
    }
  }

  /** Δ(T) of eq 10 [1/(τ σ_c)]. */
  public static double mctSlope(double a, double t) {
    return a / (2.0 * t) * Math.pow(Math.log(2.0) * t, (a - 1.0) / a);
  }

  /** σ_1/2(T) of eq 10: where the exact ν equals 1/2 [σ_c]. */
  public static double mctSigmaHalf(double a, double t) {
    return 1.0 - Math.pow(Math.log(2.0) * t, 1.0 / a);
  }

  /** σ_B(T) = σ_1/2 − 1/(2Δ) of eq 10: where the linearised rate reaches zero [σ_c]. */
  public static double mctSigmaB(double a, double t) {
    return mctSigmaHalf(a, t) - 1.0 / (2.0 * mctSlope(a, t));
  }
}
