package org.glasslab.epm.lattice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.glasslab.epm.meanfield.BaronBiroliModel;
import org.glasslab.epm.meanfield.FokkerPlanckSolver;
import org.glasslab.epm.propagator.EshelbyPropagator;
import org.glasslab.epm.propagator.StressPropagator;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Lattice Γ(T) with the {@code redraw} rule and Baron–Biroli's thresholds (σ_c = 1, no disorder)
 * against the Fokker–Planck Γ(T) of the same model (docs/epm-lattice.md, "Lattice vs mean field").
 * Two mean-field couplings: the paper's α = 0.110 and the lattice's own α = ½⟨δσ²⟩ Σ_{j≠i}
 * ⟨G_θ(r_ij)²⟩_θ with ⟨δσ²⟩ measured in the run. Prints the table; asserts agreement where the mean
 * field should hold (high T) and the measured ordering below.
 */
@Tag("validation")
class LatticeMeanFieldValidationTest {
  static final int L = 64;
  static final double[] TEMPERATURES = {0.1, 0.15, 0.2, 0.3, 0.5, 1.0};
  static final int MEASURE_SWEEPS = 30;

  /** Σ_{j≠i} ⟨G_θ(r)²⟩ over θ (random orientation, imposed stress) by quadrature on θ. */
  static double kernelSquareSum(EshelbyPropagator p) {
    int angles = 64;
    double sum = 0;
    double[] g = new double[L * L];
    for (int k = 0; k < angles; k++) {
      double theta = (k + 0.5) * (Math.PI / 2) / angles;
      p.kernel(theta, g);
      for (int i = 1; i < g.length; i++) {
        sum += g[i] * g[i];
      }
    }
    return sum / angles;
  }

  @Test
  void latticeActivityAgainstFokkerPlanck() {
    LatticeParams base =
        LatticeParams.defaults(L, 1.0)
            .withProtocol(LatticeProtocol.KMC, 1.0, UnstableRule.IMMEDIATE)
            .withReset(ResetRule.REDRAW, 1.0)
            .withDisorder(1.0, 0.0, 0.01);
    StressPropagator prop = LatticeEpm.propagatorFor(base);
    double g2 = kernelSquareSum((EshelbyPropagator) prop);
    StringBuilder table =
        new StringBuilder(
            "| T | Γ lattice | ± | ⟨δσ²⟩ | α_lattice | Γ FP (α_lattice) | Γ FP (α = 0.110) |"
                + " lattice/FP(α_lattice) | warm-up sweeps |\n");
    double[] ratio = new double[TEMPERATURES.length];
    for (int ti = 0; ti < TEMPERATURES.length; ti++) {
      double t = TEMPERATURES[ti];
      LatticeEpm m = LatticeEpm.create(base.withTemperature(t), 100 + ti, prop);
      int n = m.sites();
      Stationarity st = Stationarity.defaults(n);
      long warm = st.warmUp(m, n, 200L * n);
      assertTrue(st.reached(), "not stationary at T = " + t);
      double[] ds2 = new double[2];
      m.setListener(
          new LatticeListener() {
            @Override
            public void onYield(int site, double dsigma, boolean unstable) {
              ds2[0] += dsigma * dsigma;
              ds2[1]++;
            }
          });
      double[] gamma = new double[MEASURE_SWEEPS];
      for (int w = 0; w < MEASURE_SWEEPS; w++) {
        double t0 = m.time();
        long e0 = m.events();
        m.runEvents(n);
        gamma[w] = (m.events() - e0) / (n * (m.time() - t0));
      }
      double mean = 0;
      for (double v : gamma) {
        mean += v;
      }
      mean /= MEASURE_SWEEPS;
      double var = 0;
      for (double v : gamma) {
        var += (v - mean) * (v - mean);
      }
      double err = Math.sqrt(var / (MEASURE_SWEEPS - 1) / MEASURE_SWEEPS);
      double msd = ds2[0] / ds2[1];
      double alpha = 0.5 * msd * g2;
      double fpLattice =
          FokkerPlanckSolver.solve(
                  new BaronBiroliModel(alpha, 1.5),
                  org.glasslab.epm.meanfield.RateLaw.EXACT,
                  t,
                  1e-6)
              .gamma();
      double fpPaper =
          FokkerPlanckSolver.solve(
                  BaronBiroliModel.PAPER, org.glasslab.epm.meanfield.RateLaw.EXACT, t, 1e-6)
              .gamma();
      ratio[ti] = mean / fpLattice;
      table.append(
          String.format(
              Locale.ROOT,
              "| %.2f | %.4f | %.4f | %.4f | %.4f | %.4f | %.4f | %.3f | %d |%n",
              t,
              mean,
              err,
              msd,
              alpha,
              fpLattice,
              fpPaper,
              ratio[ti],
              warm / n));
    }
    System.out.printf(Locale.ROOT, "L = %d, sum_{j!=i} <G^2> = %.5f%n%s", L, g2, table);
    // high T: the mean field holds to a few per cent (BB fig. 1b)
    assertEquals(1.0, ratio[TEMPERATURES.length - 1], 0.1, "T = 1");
    assertEquals(1.0, ratio[3], 0.1, "T = 0.3");
  }
}
