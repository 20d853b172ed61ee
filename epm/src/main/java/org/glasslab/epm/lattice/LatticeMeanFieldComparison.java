package org.glasslab.epm.lattice;

import org.apache.commons.math3.stat.StatUtils;
import org.glasslab.epm.meanfield.BaronBiroliModel;
import org.glasslab.epm.meanfield.FokkerPlanckSolver;
import org.glasslab.epm.meanfield.RateLaw;
import org.glasslab.epm.propagator.EshelbyPropagator;
import org.glasslab.epm.propagator.KernelMoments;
import org.glasslab.epm.propagator.StressPropagator;

/**
 * Lattice activity Γ(T) against the Baron–Biroli Fokker–Planck Γ(T) of the same model
 * (docs/epm-lattice.md, "Lattice vs mean field"): exact KMC with the {@code redraw} reset and
 * thresholds σ_c = 1 without disorder, warmed up to {@link Stationarity}, then one-sweep windows
 * measuring Γ = events/(N Δt) [per site per 1/f0] and the mean squared stress drop ⟨δσ²⟩. The mean
 * field is solved with the lattice's own coupling α_lattice = ½⟨δσ²⟩ Σ_{j≠i}⟨G_θ(r_ij)²⟩_θ (eq A5,
 * {@link KernelMoments}) and with the paper's α = 0.110. Temperatures in barrier units.
 */
public final class LatticeMeanFieldComparison {
  /** The rate law and barrier exponent of both mean-field solutions (eq 3, a = 3/2). */
  static final double BARRIER_EXPONENT = 1.5;

  /** Relative accuracy of the Fokker–Planck Γ. */
  static final double FP_TOLERANCE = 1e-6;

  private LatticeMeanFieldComparison() {}

  /**
   * One temperature of the comparison.
   *
   * @param temperature T [barrier units]
   * @param gamma lattice Γ, mean over the windows [per site per 1/f0]
   * @param gammaError standard error of that mean over the windows
   * @param meanSquareDrop ⟨δσ²⟩ over the measured events [σ_c²]
   * @param alpha α_lattice = ½⟨δσ²⟩ Σ_{j≠i}⟨G²⟩
   * @param gammaFpLattice Fokker–Planck Γ with α_lattice
   * @param gammaFpPaper Fokker–Planck Γ with α = 0.110 (the paper's)
   * @param warmupSweeps events of the warm-up / N
   */
  public record Row(
      double temperature,
      double gamma,
      double gammaError,
      double meanSquareDrop,
      double alpha,
      double gammaFpLattice,
      double gammaFpPaper,
      long warmupSweeps) {
    /** Γ_lattice / Γ_FP(α_lattice). */
    public double ratio() {
      return gamma / gammaFpLattice;
    }
  }

  /** The lattice model of the comparison at size L (T = 1; each run sets its temperature). */
  public static LatticeParams params(int size) {
    return LatticeParams.defaults(size, 1.0)
        .withProtocol(LatticeProtocol.KMC, 1.0, UnstableRule.IMMEDIATE)
        .withReset(ResetRule.REDRAW, 1.0)
        .withDisorder(1.0, 0.0, 0.01);
  }

  /**
   * Runs the comparison at each temperature, one lattice per temperature seeded {@code seed + k}.
   *
   * @param size L (the lattice has N = L² sites)
   * @param temperatures T &gt; 0 [barrier units]
   * @param measureSweeps one-sweep (N events) windows measured after the warm-up, &ge; 2
   * @param seed seed of the first temperature's lattice
   * @return one row per temperature, in order
   * @throws IllegalStateException if a lattice does not become stationary within 200 sweeps
   */
  public static Row[] run(int size, double[] temperatures, int measureSweeps, long seed) {
    if (measureSweeps < 2) {
      throw new IllegalArgumentException("measure sweeps must be >= 2, got " + measureSweeps);
    }
    LatticeParams base = params(size);
    StressPropagator prop = LatticeEpm.propagatorFor(base);
    double sumG2 = KernelMoments.of((EshelbyPropagator) prop).sumSquares();
    Row[] rows = new Row[temperatures.length];
    double[] gamma = new double[measureSweeps];
    double[] drops = new double[2];
    LatticeListener dropListener =
        new LatticeListener() {
          @Override
          public void onYield(int site, double dsigma, boolean unstable) {
            drops[0] += dsigma * dsigma;
            drops[1]++;
          }
        };
    for (int k = 0; k < temperatures.length; k++) {
      double t = temperatures[k];
      if (!(t > 0) || !Double.isFinite(t)) {
        throw new IllegalArgumentException("temperature must be positive, got " + t);
      }
      LatticeEpm m = LatticeEpm.create(base.withTemperature(t), seed + k, prop);
      int n = m.sites();
      Stationarity st = Stationarity.defaults(n);
      long warm = st.warmUp(m, n, 200L * n);
      if (!st.reached()) {
        throw new IllegalStateException("lattice L = " + size + " not stationary at T = " + t);
      }
      drops[0] = 0;
      drops[1] = 0;
      m.setListener(dropListener);
      for (int w = 0; w < measureSweeps; w++) {
        double t0 = m.time();
        long e0 = m.events();
        m.runEvents(n);
        gamma[w] = (m.events() - e0) / (n * (m.time() - t0));
      }
      double mean = StatUtils.mean(gamma);
      // standard error of the mean over the windows (sample variance, n - 1)
      double err = Math.sqrt(StatUtils.variance(gamma, mean) / measureSweeps);
      double msd = drops[0] / drops[1];
      double alpha = 0.5 * msd * sumG2;
      double fpLattice =
          FokkerPlanckSolver.solve(
                  new BaronBiroliModel(alpha, BARRIER_EXPONENT), RateLaw.EXACT, t, FP_TOLERANCE)
              .gamma();
      double fpPaper =
          FokkerPlanckSolver.solve(BaronBiroliModel.PAPER, RateLaw.EXACT, t, FP_TOLERANCE).gamma();
      rows[k] = new Row(t, mean, err, msd, alpha, fpLattice, fpPaper, warm / n);
    }
    return rows;
  }
}
