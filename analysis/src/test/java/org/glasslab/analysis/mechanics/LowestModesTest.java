package org.glasslab.analysis.mechanics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.glasslab.md.Wca;
import org.junit.jupiter.api.Test;

class LowestModesTest {

  @Test
  void lowestModesEqualDenseDecompositionOnRattlerFreeInherentStructure() {
    Hessian h = Hessian.compute(Fixtures.load("wca256-is.txt").config(), Wca.INSTANCE);
    assertEquals(0, h.rattlers().length, "fixture is rattler free");
    double[] dense = LowestModes.denseEigenvalues(h);
    double tol = ModeOptions.DEFAULT.zeroTolerance();
    int zeros = 0;
    int first = -1;
    for (int i = 0; i < dense.length; i++) {
      assertTrue(dense[i] > -tol, "negative dense eigenvalue " + dense[i]);
      if (Math.abs(dense[i]) <= tol) {
        zeros++;
      } else if (first < 0) {
        first = i;
      }
    }
    assertEquals(2, zeros, "exactly the two translations are zero modes");
    for (int b : new int[] {1, 2, 4}) {
      HessianSpectrum s = new LowestModes(ModeOptions.DEFAULT.withBlockSize(b)).compute(h);
      assertEquals(2, s.zeroModes());
      assertEquals(0, s.negativeEigenvalues().length);
      double mean = 0;
      for (int i = 0; i < 30; i++) {
        double ref = dense[first + i];
        assertEquals(ref, s.eigenvalues()[i], 1e-9 * ref, "block " + b + " eigenvalue " + i);
        mean += ref / 30;
      }
      assertEquals(mean, s.lambdaSmallest(), 1e-9 * mean);
      for (double z : s.zeroEigenvalues()) {
        assertTrue(Math.abs(z) < 1e-10);
      }
    }
  }
}
