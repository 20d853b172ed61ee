package org.glasslab.analysis.mechanics;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.glasslab.data.Box;
import org.glasslab.data.Configuration;
import org.glasslab.md.Wca;
import org.glasslab.minimize.Method;
import org.glasslab.minimize.MinimizationResult;
import org.glasslab.minimize.Minimizer;
import org.glasslab.minimize.MinimizerOptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 4's stability check with the analytic Hessian: inherent structures returned as converged by
 * CG and FIRE have no negative Hessian eigenvalue, while a partly relaxed state does (so the check
 * can fail).
 */
class MinimizerStabilityTest {

  static Configuration randomGlass(int n, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    Box box = Box.square(n, 0.9);
    double[] x = new double[2 * n];
    double[] d = new double[n];
    for (int i = 0; i < n; i++) {
      x[2 * i] = r.nextDouble() * box.lx();
      x[2 * i + 1] = r.nextDouble() * box.ly();
      d[i] = Math.max(0.7, Math.min(1.3, 1 + 0.11 * r.nextGaussian()));
    }
    return Configuration.of(box, x, d);
  }

  @ParameterizedTest
  @ValueSource(strings = {"cg", "fire"})
  void convergedInherentStructuresAreStable(String method) {
    Minimizer m = Method.parse(method).create(Wca.INSTANCE);
    for (long seed = 3; seed <= 4; seed++) {
      MinimizationResult r = m.minimize(randomGlass(400, seed), MinimizerOptions.defaults());
      assertTrue(r.converged(), method + " seed " + seed + ": " + r);
      HessianSpectrum s =
          new LowestModes(ModeOptions.DEFAULT)
              .compute(Hessian.compute(r.configuration(), Wca.INSTANCE));
      assertTrue(
          s.stable(),
          method
              + " seed "
              + seed
              + ": negative eigenvalues "
              + java.util.Arrays.toString(s.negativeEigenvalues()));
      assertTrue(s.lambdaSmallest() > 0);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"cg"})
  void aPartlyRelaxedStateIsReportedUnstable(String method) {
    MinimizationResult r =
        Method.parse(method)
            .create(Wca.INSTANCE)
            .minimize(randomGlass(400, 3), MinimizerOptions.defaults().withMaxIterations(40));
    assertFalse(r.converged());
    Hessian h = Hessian.compute(r.configuration(), Wca.INSTANCE);
    double[] dense = LowestModes.denseEigenvalues(h);
    assertTrue(dense[0] < -1e-6, "a partly relaxed state has negative curvature: " + dense[0]);
  }
}
