package org.glasslab.epm.meanfield;

import java.util.function.DoubleUnaryOperator;
import org.apache.commons.math3.analysis.UnivariateFunction;
import org.apache.commons.math3.analysis.solvers.BrentSolver;

/**
 * Finite-volume solver of the stationary mean-field problem (eq 8): 0 = D P'' − ν(σ) P + Γ y(σ)
 * with D = αΓ, P even, P → 0 at infinity, ∫P = 1 (which implies Γ = ∫ν P). Dividing by Γ gives α
 * P'' − (ν/Γ) P + y = 0, linear in P for fixed Γ. For |σ| &gt; 1 (ν = 1, y = 0) the decaying
 * solution is exactly P(1)e^(−(|σ|−1)/√D), so the problem is solved on [0, 1] with P'(0) = 0 and
 * the exact Robin condition P'(1) = −P(1)/√D. The grid is uniform with second-order central
 * differences (ghost points at both ends), solved by the Thomas algorithm; the mass ∫P is
 * increasing in Γ, and Γ is its unique root, found by Brent's method on ln Γ. Grid refinement is by
 * doubling until Γ changes by less than the requested relative tolerance.
 */
public final class FokkerPlanckSolver {
  /** Largest grid used by {@link #solve}: 2^21 cells on [0, 1]. */
  public static final int MAX_CELLS = 1 << 21;

  private static final double LN_GAMMA_MIN = -600.0;

  private FokkerPlanckSolver() {}

  /**
   * Solves eq 8 and refines the grid until Γ is converged to {@code relTol}.
   *
   * @param model α and a
   * @param law the rate law (exact or an approximation)
   * @param temperature T &gt; 0
   * @param relTol relative convergence of Γ between successive grid doublings, e.g. 1e-7
   * @return the finest solution, with {@code gammaError} = |Γ_2n − Γ_n|
   * @throws IllegalStateException if 2^21 cells do not reach {@code relTol}
   */
  public static StationarySolution solve(
      BaronBiroliModel model, RateLaw law, double temperature, double relTol) {
    if (!(relTol > 0 && relTol < 1)) {
      throw new IllegalArgumentException("relTol " + relTol + " must be in (0, 1)");
    }
    int cells = initialCells(model, temperature);
    StationarySolution coarse = solveOnGrid(model, law, temperature, cells);
    while (true) {
      cells *= 2;
      if (cells > MAX_CELLS) {
        throw new IllegalStateException(
            String.format(
                "Gamma not converged to %.1e at T = %g with %d cells (last change %.2e); "
                    + "raise relTol or T",
                relTol, temperature, MAX_CELLS, Math.abs(coarse.gammaError())));
      }
      StationarySolution fine = solveOnGrid(model, law, temperature, cells);
      double change = Math.abs(fine.gamma() - coarse.gamma());
      StationarySolution withError =
          new StationarySolution(
              fine.model(),
              fine.law(),
              fine.temperature(),
              fine.gamma(),
              fine.diffusion(),
              change,
              fine.frozen(),
              fine.method(),
              fine.cells(),
              fine.sigma(),
              fine.density());
      if (fine.frozen() || change <= relTol * fine.gamma()) {
        return withError;
      }
      coarse = withError;
    }
  }

  /** Starting grid: at least 40 cells per low-T scale T_1 ≈ T/(a(1 − σ̄)^(a−1)), ≥ 1024. */
  static int initialCells(BaronBiroliModel model, double temperature) {
    double t1 = temperature / model.a();
    int cells = 1024;
    while (cells < 40.0 / t1 && cells < MAX_CELLS / 4) {
      cells *= 2;
    }
    return cells;
  }

  /**
   * Solves eq 8 on one uniform grid of {@code cells} cells on [0, 1] (no refinement).
   *
   * @return the solution; {@code gammaError} is NaN (no estimate from a single grid)
   */
  public static StationarySolution solveOnGrid(
      BaronBiroliModel model, RateLaw law, double temperature, int cells) {
    if (cells < 8) {
      throw new IllegalArgumentException("need at least 8 cells, got " + cells);
    }
    int n = cells;
    double[] sigma = new double[n + 1];
    Grid g = grid(model, law, temperature, cells, sigma);
    UnivariateFunction f = lnGamma -> g.logMass(lnGamma);
    double hi = 0.0;
    while (f.value(hi) <= 0) {
      hi += 5.0;
      if (hi > 50) {
        throw new IllegalStateException("no Gamma <= e^50 normalises P at T = " + temperature);
      }
    }
    double lo = hi - 5.0;
    while (f.value(lo) >= 0) {
      lo -= 5.0;
      if (lo < LN_GAMMA_MIN) {
        if (law != RateLaw.MCT_EQ10) {
          // ν > 0 everywhere: Γ > 0 exists but is below e^−600 (not representable here).
          throw new IllegalStateException(
              "Gamma < e^-600 at T = " + temperature + ": temperature too low to represent");
        }
        // No Γ > 0: the frozen state (ν vanishes on |σ| < σ_B, eq 10 below T_c).
        return frozen(model, law, temperature, sigma);
      }
    }
    double lnGamma = new BrentSolver(1e-15, 1e-14).solve(500, f, lo, hi);
    double gamma = Math.exp(lnGamma);
    double[] p = g.density(gamma);
    return new StationarySolution(
        model,
        law,
        temperature,
        gamma,
        model.alpha() * gamma,
        Double.NaN,
        false,
        "finite-volume",
        n,
        sigma,
        p);
  }

  /** The discretised problem on {@code cells} uniform cells; fills {@code sigma} with the nodes. */
  private static Grid grid(
      BaronBiroliModel model, RateLaw law, double temperature, int cells, double[] sigma) {
    DoubleUnaryOperator nuF = law.at(model, temperature);
    int n = cells;
    double h = 1.0 / n;
    double[] nu = new double[n + 1];
    double[] y = new double[n + 1];
    for (int i = 0; i <= n; i++) {
      double s = i * h;
      sigma[i] = s;
      // At the node σ = 1 the ν and y values of the half cell [1 − h/2, 1] are used (y(1−)).
      double sInside = i == n ? Math.nextDown(1.0) : s;
      nu[i] = nuF.applyAsDouble(sInside);
      y[i] = BaronBiroliModel.redrawDensity(sInside);
    }
    return new Grid(model.alpha(), h, nu, y);
  }

  /**
   * The slope μ = ∂ ln∫P / ∂ ln Γ at the solution's Γ, for the unnormalised solution of α P'' −
   * (ν/Γ) P + y = 0 on the solution's own grid (its normalisation condition is ∫P = 1). μ is the
   * "on-shell" stiffness of the Landau theory: 1 − μ = ∂ ln Γ / ∂ ln D along the local constraint
   * Q(Γ, D) = 0, so μ → 0 where the homogeneous solution becomes marginal (see {@link
   * CorrelationLength}). Central differences in ln Γ at steps 2h and h, Richardson-combined (error
   * O(h^4), h = 1e-3).
   *
   * @param sol a non-frozen finite-volume solution (from {@link #solve} or {@link #solveOnGrid})
   * @return μ, in (0, 1] for every law solved here
   * @throws IllegalArgumentException for a frozen or a shooting solution
   */
  public static double logMassSlope(StationarySolution sol) {
    if (sol.frozen() || !"finite-volume".equals(sol.method())) {
      throw new IllegalArgumentException(
          "mass slope needs a non-frozen finite-volume solution, got "
              + sol.method()
              + (sol.frozen() ? " (frozen)" : ""));
    }
    Grid g =
        grid(sol.model(), sol.law(), sol.temperature(), sol.cells(), new double[sol.cells() + 1]);
    double l = Math.log(sol.gamma());
    double h = 1e-3;
    double d1 = (g.logMass(l + h) - g.logMass(l - h)) / (2 * h);
    double d2 = (g.logMass(l + 2 * h) - g.logMass(l - 2 * h)) / (4 * h);
    return (4 * d1 - d2) / 3;
  }

  private static StationarySolution frozen(
      BaronBiroliModel model, RateLaw law, double temperature, double[] sigma) {
    double sbar = model.sigmaBar();
    double[] p = new double[sigma.length];
    for (int i = 0; i < sigma.length; i++) {
      p[i] = model.zeroTemperatureDensity(sigma[i], sbar);
    }
    return new StationarySolution(
        model, law, temperature, 0.0, 0.0, 0.0, true, "finite-volume", sigma.length - 1, sigma, p);
  }

  /**
   * Γ = 2[∫_0^1 νP + P(1)√D] from a solution's own grid (trapezoid rule): equals Γ up to the
   * discretisation error, a consistency check of the flux balance.
   */
  public static double activityIntegral(StationarySolution sol) {
    DoubleUnaryOperator nuF = sol.law().at(sol.model(), sol.temperature());
    double[] s = sol.sigma();
    double[] p = sol.density();
    double sum = 0;
    for (int i = 1; i < s.length; i++) {
      double r0 = nuF.applyAsDouble(s[i - 1]);
      double r1 = nuF.applyAsDouble(i == s.length - 1 ? Math.nextDown(1.0) : s[i]);
      sum += 0.5 * (s[i] - s[i - 1]) * (r0 * p[i - 1] + r1 * p[i]);
    }
    return 2.0 * (sum + p[s.length - 1] * sol.tailLength());
  }

  /** Total mass ∫P over the whole line of a solution (trapezoid on [0,1] plus exact tail). */
  public static double mass(StationarySolution sol) {
    return 2.0 * (sol.cumulative(1.0) - 0.5)
        + 2.0 * sol.density()[sol.sigma().length - 1] * sol.tailLength();
  }

  /** One grid: coefficients and a scratch array for the Thomas algorithm. */
  private static final class Grid {
    private final double alpha;
    private final double h;
    private final double[] nu;
    private final double[] y;
    private final double[] cp;
    private final double[] p;

    Grid(double alpha, double h, double[] nu, double[] y) {
      this.alpha = alpha;
      this.h = h;
      this.nu = nu;
      this.y = y;
      this.cp = new double[nu.length];
      this.p = new double[nu.length];
    }

    /** ln(∫_{−∞}^{∞} P) for the solution at Γ = e^lnGamma; its root is the normalised Γ. */
    double logMass(double lnGamma) {
      double gamma = Math.exp(lnGamma);
      solve(gamma);
      int n = p.length - 1;
      double sum = 0.5 * (p[0] + p[n]);
      for (int i = 1; i < n; i++) {
        sum += p[i];
      }
      double mass = 2.0 * (sum * h + p[n] * Math.sqrt(alpha * gamma));
      return Math.log(mass);
    }

    double[] density(double gamma) {
      solve(gamma);
      return p.clone();
    }

    /**
     * Tridiagonal system, multiplied by −1 so that the diagonal is positive: d_i P_i − k P_{i−1} −
     * k P_{i+1} = y_i with k = α/h², d_i = 2k + ν_i/Γ; ghost rows at σ = 0 (P_{−1} = P_1) and σ = 1
     * (P_{n+1} = P_{n−1} − 2h P_n/√(αΓ)), both halved to make the matrix symmetric.
     *
     * <p>The diagonal dominance ν_i/Γ is tiny next to k on fine grids, and the textbook Thomas
     * sweep (m_i = d_i − k²/m_{i−1}) would lose it to cancellation (relative error ~ n²ε). The
     * sweep therefore carries the excess g_i = m_i − k, which obeys g_i = r_i + k g_{i−1}/(k +
     * g_{i−1}) with r_i = ν_i/Γ: a sum of positive terms, as are the forward and back
     * substitutions.
     */
    private void solve(double gamma) {
      int n = p.length - 1;
      double k = alpha / (h * h);
      double invGamma = 1.0 / gamma;
      double robin = 2.0 * alpha / (h * Math.sqrt(alpha * gamma));
      // Row 0 halved: (k + r_0/2) P_0 − k P_1 = y_0/2.
      double g = 0.5 * nu[0] * invGamma;
      double m = k + g;
      cp[0] = k / m;
      p[0] = 0.5 * y[0] / m;
      for (int i = 1; i < n; i++) {
        g = nu[i] * invGamma + k * (g / m);
        m = k + g;
        cp[i] = k / m;
        p[i] = (y[i] + k * p[i - 1]) / m;
      }
      // Row n halved: (k + robin/2 + r_n/2) P_n − k P_{n−1} = y_n/2.
      double mn = 0.5 * (robin + nu[n] * invGamma) + k * (g / m);
      p[n] = (0.5 * y[n] + k * p[n - 1]) / mn;
      for (int i = n - 1; i >= 0; i--) {
        p[i] += cp[i] * p[i + 1];
      }
    }
  }
}
