package org.glasslab.epm.meanfield;

/**
 * Stationary mean-field solution of eq 8 at one temperature: activity Γ, diffusion D = αΓ and the
 * stress distribution P(σ) (even in σ, normalised on the whole line). P is stored on the
 * half-interval grid σ ∈ [0, 1]; for |σ| &gt; 1 it is exactly P(1)·exp(−(|σ| − 1)/√D).
 *
 * @param model model parameters
 * @param law the rate law that was solved (exact eq 3 or an approximation)
 * @param temperature T [K σ_c^a]
 * @param gamma activity Γ = ∫ν P [1/τ]; 0 if {@code frozen}
 * @param diffusion D = αΓ [σ_c²/τ]
 * @param gammaError estimated absolute error of Γ (difference to the previous grid, or the solver's
 *     tolerance for the shooting method) [1/τ]
 * @param frozen true if no Γ &gt; 0 solves the problem (eq 10 below T_c); P is then eq 17's frozen
 *     distribution, one of many (the frozen state depends on history)
 * @param method "finite-volume" or "shooting"
 * @param cells grid cells on [0, 1] (finite volume) or accepted ODE steps (shooting)
 * @param sigma [n] grid σ_i ascending on [0, 1] [σ_c], not modified by this record's users
 * @param density [n] P(σ_i) [1/σ_c]
 */
public record StationarySolution(
    BaronBiroliModel model,
    RateLaw law,
    double temperature,
    double gamma,
    double diffusion,
    double gammaError,
    boolean frozen,
    String method,
    int cells,
    double[] sigma,
    double[] density) {

  /** Validates shapes. */
  public StationarySolution {
    if (sigma.length != density.length || sigma.length < 2) {
      throw new IllegalArgumentException(
          "sigma and density must have the same length >= 2: "
              + sigma.length
              + " vs "
              + density.length);
    }
  }

  /** Exterior decay length √D of P for |σ| &gt; 1 [σ_c]. */
  public double tailLength() {
    return Math.sqrt(diffusion);
  }

  /**
   * P(σ) for any σ: linear interpolation on the grid for |σ| ≤ 1, the exact exponential tail
   * beyond.
   *
   * @param s stress [σ_c]
   * @return density [1/σ_c]
   */
  public double densityAt(double s) {
    double x = Math.abs(s);
    int n = sigma.length;
    if (x >= 1.0) {
      double d = Math.sqrt(diffusion);
      return d > 0 ? density[n - 1] * Math.exp(-(x - 1.0) / d) : 0.0;
    }
    int lo = 0;
    int hi = n - 1;
    while (hi - lo > 1) {
      int mid = (lo + hi) >>> 1;
      if (sigma[mid] <= x) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    double w = (x - sigma[lo]) / (sigma[hi] - sigma[lo]);
    return density[lo] * (1 - w) + density[hi] * w;
  }

  /**
   * Probability that σ lies in [s0, s1] (s0 &lt; s1), from the trapezoid rule on the stored grid
   * plus the exact tail; used to compare with histograms.
   */
  public double probability(double s0, double s1) {
    if (!(s1 > s0)) {
      throw new IllegalArgumentException("need s0 < s1, got " + s0 + ", " + s1);
    }
    return cumulative(s1) - cumulative(s0);
  }

  /** Cumulative distribution F(s) = ∫_{−∞}^s P. */
  public double cumulative(double s) {
    if (s < 0) {
      return 1.0 - cumulative(-s);
    }
    return 0.5 + halfMass(Math.min(s, 1.0)) + tailMass(s);
  }

  private double tailMass(double s) {
    if (s <= 1.0) {
      return 0.0;
    }
    double d = Math.sqrt(diffusion);
    return d > 0 ? density[sigma.length - 1] * d * (1.0 - Math.exp(-(s - 1.0) / d)) : 0.0;
  }

  private double halfMass(double s) {
    double m = 0;
    int n = sigma.length;
    for (int i = 1; i < n; i++) {
      double a = sigma[i - 1];
      double b = sigma[i];
      if (a >= s) {
        break;
      }
      if (b <= s) {
        m += 0.5 * (b - a) * (density[i - 1] + density[i]);
      } else {
        double pb = density[i - 1] + (density[i] - density[i - 1]) * (s - a) / (b - a);
        m += 0.5 * (s - a) * (density[i - 1] + pb);
      }
    }
    return m;
  }
}
