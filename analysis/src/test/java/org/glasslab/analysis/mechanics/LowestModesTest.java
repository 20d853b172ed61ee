package org.glasslab.analysis.mechanics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.glasslab.data.Configuration;
import org.glasslab.md.Wca;
import org.junit.jupiter.api.Tag;
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

  @Test
  void eigenvectorsSatisfyEigenEquationWithParticipationRatios() {
    Hessian h = Hessian.compute(Fixtures.load("wca256-is.txt").config(), Wca.INSTANCE);
    HessianSpectrum s =
        new LowestModes(ModeOptions.DEFAULT.withCount(10).withVectors(true)).compute(h);
    double[] hv = new double[h.dimension()];
    for (int i = 0; i < 10; i++) {
      double[] v = s.vectors()[i];
      assertEquals(1.0, LowestModes.dot(v, v), 1e-12);
      h.multiply(v, hv);
      for (int r = 0; r < hv.length; r++) {
        assertEquals(s.eigenvalues()[i] * v[r], hv[r], 1e-7);
      }
      double pr = s.participationRatios()[i];
      assertTrue(pr > 1.0 / h.particles() && pr <= 1.0, "participation ratio " + pr);
      assertEquals(pr, HessianSpectrum.participationRatio(v), 1e-15);
    }
    // orthogonal to the translations
    double sx = 0;
    for (int r = 0; r < hv.length; r += 2) {
      sx += s.vectors()[0][r];
    }
    assertEquals(0.0, sx, 1e-10);
    assertEquals(null, new LowestModes(ModeOptions.DEFAULT).compute(h).vectors());
  }

  /** Steepest descent (test-only) from a thermal snapshot until few negative modes remain. */
  static Hessian partlyMinimized(int maxNegatives) {
    Configuration c = Fixtures.load("wca256-thermal.txt").config();
    double[] x = c.positions();
    double[] d = c.diameters();
    for (int round = 0; round < 200; round++) {
      Hessian h = Hessian.compute(c.box(), x, d, Wca.INSTANCE);
      double[] dense = LowestModes.denseEigenvalues(h);
      if (dense[0] < -1e-3 && dense[maxNegatives] > 1e-3) {
        return h;
      }
      for (int step = 0; step < 50; step++) {
        double[] f = HessianTest.forces(c.box(), x, d, Wca.INSTANCE);
        for (int k = 0; k < x.length; k++) {
          x[k] += 2e-4 * f[k];
        }
      }
    }
    throw new IllegalStateException(
        "descent did not reach a state with 1.." + maxNegatives + " negative modes");
  }

  @Tag("validation")
  @Test
  void unminimizedConfigurationReportsNegativeEigenvalues() {
    Hessian h = partlyMinimized(6);
    double[] dense = LowestModes.denseEigenvalues(h);
    int negatives = 0;
    for (double v : dense) {
      if (v < -ModeOptions.DEFAULT.zeroTolerance()) {
        negatives++;
      }
    }
    HessianSpectrum s = new LowestModes(ModeOptions.DEFAULT.withCount(5)).compute(h);
    assertTrue(!s.stable());
    assertEquals(negatives, s.negativeEigenvalues().length);
    for (int i = 0; i < negatives; i++) {
      assertEquals(dense[i], s.negativeEigenvalues()[i], 1e-9 * Math.abs(dense[i]));
    }
    int zeros = 0;
    for (double v : dense) {
      if (Math.abs(v) <= ModeOptions.DEFAULT.zeroTolerance()) {
        zeros++;
      }
    }
    assertEquals(zeros, s.zeroModes());
    for (int i = 0; i < 5; i++) {
      double ref = dense[negatives + zeros + i];
      assertEquals(ref, s.eigenvalues()[i], 1e-9 * ref);
    }
    assertTrue(s.shift() > -dense[0], "shift raised above the most negative eigenvalue");
  }

  @Test
  void liquidSnapshotFailsLoudly() {
    Hessian h = Hessian.compute(Fixtures.load("wca256-thermal.txt").config(), Wca.INSTANCE);
    IllegalStateException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            IllegalStateException.class, () -> new LowestModes(ModeOptions.DEFAULT).compute(h));
    assertTrue(e.getMessage().contains("negative"), e.getMessage());
  }

  @Test
  void optionsAreValidated() {
    org.junit.jupiter.api.Assertions.assertThrows(
        IllegalArgumentException.class, () -> ModeOptions.DEFAULT.withCount(0));
    org.junit.jupiter.api.Assertions.assertThrows(
        IllegalArgumentException.class, () -> new ModeOptions(30, -1, 1e-4, 1, 1e-10, 0, false, 1));
  }
}
