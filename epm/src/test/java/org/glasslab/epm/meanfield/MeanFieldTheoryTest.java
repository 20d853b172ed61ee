package org.glasslab.epm.meanfield;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Physics of the stationary mean-field solution (eq 8) and the paper's asymptotic claims. */
class MeanFieldTheoryTest {
  private static final BaronBiroliModel M = BaronBiroliModel.PAPER;

  @Test
  void sigmaBarFromEq18AndEq17IsNormalised() {
    double sbar = M.sigmaBar();
    assertEquals(0.7494, sbar, 5e-5);
    assertEquals(0.110, BaronBiroliModel.alphaOfSigmaBar(sbar), 1e-14);
    // Eq 17 with this σ̄ integrates to 1 (midpoint rule).
    int n = 200_000;
    double sum = 0;
    for (int i = 0; i < n; i++) {
      sum += M.zeroTemperatureDensity((i + 0.5) / n * sbar, sbar);
    }
    assertEquals(1.0, 2 * sum * sbar / n, 1e-9);
  }

  @Test
  void finiteVolumeConvergesUnderGridRefinement() {
    for (double t : new double[] {3.0, 0.5, 0.1, 0.03}) {
      StationarySolution s = FokkerPlanckSolver.solve(M, RateLaw.EXACT, t, 1e-7);
      assertTrue(s.gammaError() <= 1e-7 * s.gamma(), "T=" + t + " error " + s.gammaError());
      StationarySolution finer = FokkerPlanckSolver.solveOnGrid(M, RateLaw.EXACT, t, 2 * s.cells());
      assertEquals(1.0, finer.gamma() / s.gamma(), 1e-6, "T=" + t);
      assertEquals(1.0, FokkerPlanckSolver.mass(s), 1e-12, "normalisation");
      assertEquals(1.0, FokkerPlanckSolver.activityIntegral(s) / s.gamma(), 1e-6, "Γ = ∫νP");
      assertEquals(M.alpha() * s.gamma(), s.diffusion(), 1e-15);
      for (double p : s.density()) {
        assertTrue(p > 0, "P must be positive");
      }
      assertEquals(s.densityAt(0.3), s.densityAt(-0.3), 0.0, "even");
    }
  }

  @Test
  void shootingAgreesWithFiniteVolume() {
    for (double t : new double[] {10.0, 3.0, 0.5, 0.1, 0.05, 0.03, 0.02}) {
      StationarySolution fv = FokkerPlanckSolver.solve(M, RateLaw.EXACT, t, 1e-8);
      StationarySolution sh = ShootingSolver.solve(M, RateLaw.EXACT, t, 1e-11);
      assertEquals(1.0, sh.gamma() / fv.gamma(), 1e-6, "T=" + t);
      assertEquals(fv.densityAt(0.0), sh.densityAt(0.0), 1e-6 * fv.densityAt(0.0), "P(0)");
      double[] ss = sh.sigma();
      double[] ps = sh.density();
      for (int k = 0; k < ss.length; k++) {
        assertEquals(fv.densityAt(ss[k]), ps[k], 1e-5 * fv.densityAt(0.0), "P(" + ss[k] + ")");
      }
    }
  }

  @Test
  void referenceValuesOfTheExactSolution() {
    // Regression values of this solver (finite volume and shooting agree to 3e-8).
    assertEquals(0.8981982, FokkerPlanckSolver.solve(M, RateLaw.EXACT, 3.0, 1e-8).gamma(), 1e-6);
    assertEquals(0.5164000, FokkerPlanckSolver.solve(M, RateLaw.EXACT, 0.5, 1e-8).gamma(), 1e-6);
    assertEquals(0.04981723, FokkerPlanckSolver.solve(M, RateLaw.EXACT, 0.1, 1e-8).gamma(), 1e-7);
  }

  @Tag("validation")
  @Test
  void highTemperatureOnsetDiffersFromPaperBecauseEq7LinearisesTheBarrier() {
    // Paper: Γ ≈ 1 − T_on/T with T_on ≈ 0.284 (eq 9, B6). B6 is exactly the eq-7 coefficient.
    assertEquals(0.2840, MeanFieldAsymptotics.tOnsetPaperB6(M), 5e-5);
    assertEquals(MeanFieldAsymptotics.tOnsetPaperB6(M), MeanFieldAsymptotics.tOnsetEq7(M), 1e-9);
    // The exact rate gives a 12% larger T_on.
    double exact = MeanFieldAsymptotics.tOnsetExact(M);
    assertEquals(0.31897, exact, 5e-5);
    StationarySolution s = FokkerPlanckSolver.solve(M, RateLaw.EXACT, 100.0, 1e-9);
    assertEquals(exact, 100.0 * (1 - s.gamma()), 1e-3);
    StationarySolution s7 = FokkerPlanckSolver.solve(M, RateLaw.HIGH_T_EQ7, 100.0, 1e-9);
    assertEquals(0.2840, 100.0 * (1 - s7.gamma()), 1e-3);
  }

  @Test
  void mctApproximationFreezesAtTcWithCubicOnset() {
    double tc = MeanFieldAsymptotics.tcEq10(M);
    assertEquals(0.0659, tc, 1e-4);
    assertTrue(FokkerPlanckSolver.solve(M, RateLaw.MCT_EQ10, tc - 1e-3, 1e-6).frozen());
    double g1 = FokkerPlanckSolver.solve(M, RateLaw.MCT_EQ10, tc + 2e-3, 1e-6).gamma();
    double g2 = FokkerPlanckSolver.solve(M, RateLaw.MCT_EQ10, tc + 4e-3, 1e-6).gamma();
    // Γ ~ (T − T_c)^3 (eq 14): doubling the distance multiplies Γ by ≈ 8.
    assertEquals(3.0, Math.log(g2 / g1) / Math.log(2), 0.3);
    // The exact rate has no transition there: Γ(T_c) is still 1.4e-2.
    double exact = FokkerPlanckSolver.solve(M, RateLaw.EXACT, tc, 1e-7).gamma();
    assertTrue(exact > 0.01, "exact Γ at T_c " + exact);
    assertFalse(FokkerPlanckSolver.solve(M, RateLaw.EXACT, 0.01, 1e-6).frozen());
  }

  @Tag("validation")
  @Test
  void lowTemperaturePrefactorIsTSquaredNotT() {
    double ebar = M.barrierAtEdge();
    double[] ts = {0.005, 0.003, 0.002};
    double[] overT = new double[3];
    double[] overT2 = new double[3];
    for (int i = 0; i < 3; i++) {
      double g = FokkerPlanckSolver.solve(M, RateLaw.EXACT, ts[i], 1e-7).gamma();
      overT[i] = g * Math.exp(ebar / ts[i]) / ts[i];
      overT2[i] = overT[i] / ts[i];
    }
    // Γ e^(Ē/T)/T² levels off near 50 ...
    assertEquals(1.0, overT2[2] / overT2[1], 0.02);
    assertEquals(49.4, overT2[2], 0.5);
    // ... while the paper's Γ e^(Ē/T)/T (eq 22) keeps falling in proportion to T.
    assertEquals(ts[2] / ts[0], overT[2] / overT[0], 0.05);
    // Eq 19's rate in the exact solver agrees with the exact rate to 2% at T = 0.002.
    double g19 = FokkerPlanckSolver.solve(M, RateLaw.LOW_T_EQ19, 0.002, 1e-7).gamma();
    double g3 = FokkerPlanckSolver.solve(M, RateLaw.EXACT, 0.002, 1e-7).gamma();
    assertEquals(1.0, g19 / g3, 0.03);
  }
}
