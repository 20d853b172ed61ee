package org.glasslab.epm.meanfield;

/**
 * Baron–Biroli's dynamical correlation length ξ(T) (arXiv 2312.03627, eqs 6, 15–16, 23–24), from
 * the exact stationary Fokker–Planck solution instead of the paper's small-Γ expansions.
 *
 * <p>Landau construction (Sec. III): at each point r the stationary problem D P'' − νP + Γy = 0
 * with ∫P = 1 ties the local activity to the local diffusion, Γ = g(D) (the constraint Q(Γ, D) =
 * 0), while the kernel gives D = m∇²Γ + αΓ (eq 6). Linearising about the homogeneous solution D* =
 * αΓ*: δΓ = g'(D*) δD and δD = m∇²δΓ + α δΓ, so m∇²δΓ = (1/g' − α) δΓ, i.e.
 *
 * <pre>
 *   ∇²δΓ = δΓ/ξ²,   ξ² = (m/α) · ε/(1 − ε),   ε = ∂ln g/∂ln D at D*,
 * </pre>
 *
 * which is eq 15–16 (and 23) without their expansions. ε comes from the solver's own normalisation
 * function: at fixed α the unnormalised mass is ∫P = Γ/g(αΓ), so μ = ∂ln∫P/∂ln Γ = 1 − ε ({@link
 * FokkerPlanckSolver#logMassSlope}) and ξ² = (m/α)(1 − μ)/μ. ξ diverges where μ → 0, i.e. where the
 * homogeneous solution becomes marginal: at T_c for the MCT-like rate of eq 10 (μ ∝ T − T_c, ξ ∝ (T
 * − T_c)^(−1/2), eq 16) and only as T → 0 for the exact rate (μ ∝ T, ξ ∝ T^(−1/2), eq 24).
 *
 * <p>Sign: the unique root of the normalisation has μ &gt; 0, so 1/ξ² &gt; 0 and a local
 * perturbation of the activity is screened over ξ (δΓ ∝ K_0(r/ξ) in 2D). The paper writes eq 15 as
 * ∇²δΓ = −δΓ/ξ², which with its coefficient signs of eqs 11–12 (already inconsistent there, see
 * {@link MeanFieldAsymptotics#gammaEq12}) reads as oscillating; its magnitude, eq 16, is ours.
 *
 * <p>Units: ξ in lattice spacings (m/α from {@code propagator.KernelMoments} with spacing 1), τ =
 * 1/Γ in units of the microscopic time τ_0, T in units of Kσ_c^a.
 */
public final class CorrelationLength {
  private CorrelationLength() {}

  /**
   * ξ at one temperature.
   *
   * @param temperature T [K σ_c^a]
   * @param gamma stationary activity Γ [1/τ_0]
   * @param massSlope μ = ∂ln∫P/∂ln Γ at Γ (1 − μ = ε)
   * @param xi correlation length ξ [lattice units]
   */
  public record Point(double temperature, double gamma, double massSlope, double xi) {
    /** Relaxation time τ = 1/Γ [τ_0]. */
    public double tau() {
      return 1.0 / gamma;
    }
  }

  /**
   * ξ from a stationary solution.
   *
   * @param sol a non-frozen finite-volume solution (exact rate or a scheme)
   * @param mOverAlpha m/α of eq A5 from the kernel [lattice units²]
   */
  public static Point of(StationarySolution sol, double mOverAlpha) {
    if (!(mOverAlpha > 0) || !Double.isFinite(mOverAlpha)) {
      throw new IllegalArgumentException("m/alpha " + mOverAlpha + " must be positive");
    }
    double mu = FokkerPlanckSolver.logMassSlope(sol);
    return new Point(sol.temperature(), sol.gamma(), mu, Math.sqrt(mOverAlpha * (1 - mu) / mu));
  }

  /** ⟨σ'²⟩ of the redraw law y (eq 1): (1 − 2/e)/(1 − 1/e) = 0.41802 [σ_c²]. */
  public static final double REDRAW_SECOND_MOMENT = (1 - 2 / Math.E) / (1 - 1 / Math.E);

  /**
   * Mean squared stress drop of the stationary state, ⟨δσ²⟩ = 2α + 2⟨σ'²⟩_y, at every T and for
   * every rate law: a failing site has σ distributed as νP/Γ and is redrawn independently from the
   * even law y, so ⟨δσ²⟩ = ∫νPσ²/Γ + ⟨σ'²⟩_y; multiplying eq 8 by σ² and integrating gives ∫νPσ² =
   * 2D + Γ⟨σ'²⟩_y with D = αΓ. (Checked against a direct quadrature of the scipy solution in the
   * tests.)
   *
   * @return ⟨δσ²⟩ [σ_c²]
   */
  public static double meanSquareDrop(BaronBiroliModel model) {
    return 2 * model.alpha() + 2 * REDRAW_SECOND_MOMENT;
  }

  /**
   * The α a kernel implies through eq A5, α = ½⟨δσ²⟩Σ_{j≠i}G², solved self-consistently with ⟨δσ²⟩
   * = 2α + 2⟨σ'²⟩_y: α = S⟨σ'²⟩_y/(1 − S), S = Σ_{j≠i}⟨G²⟩_θ. The paper takes α = 0.110 "to agree
   * with the Eshelby kernel evaluated numerically on the 2-d square lattice".
   *
   * @param sumSquares S = Σ_{j≠i}⟨G²⟩_θ, below 1
   * @return α [σ_c²]
   */
  public static double selfConsistentAlpha(double sumSquares) {
    if (!(sumSquares > 0 && sumSquares < 1)) {
      throw new IllegalArgumentException("sum of G^2 " + sumSquares + " must be in (0, 1)");
    }
    return sumSquares * REDRAW_SECOND_MOMENT / (1 - sumSquares);
  }
}
