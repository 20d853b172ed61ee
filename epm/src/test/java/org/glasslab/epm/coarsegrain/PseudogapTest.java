package org.glasslab.epm.coarsegrain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.glasslab.data.random.Rng;
import org.junit.jupiter.api.Test;

/** The pseudogap fit on samples of a known power law, and its refusal on too few samples. */
class PseudogapTest {

  @Test
  void recoversTheExponentOfAPowerLawWithAnHonestError() {
    double theta = 0.6;
    int n = 4000;
    Rng rng = new Rng(3);
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      // P(x) ~ x^theta on [0, 1], above it a flat tail the fit must not see
      x[i] = i % 2 == 0 ? Math.pow(rng.nextDouble(), 1 / (theta + 1)) : 1 + rng.nextDouble();
    }
    Pseudogap.Fit f = Pseudogap.fit(x, 0.3, 200, 1L);
    assertTrue(f.ok());
    assertEquals(0, f.nonPositive());
    assertTrue(f.xMax() < 1, "range inside the power law: " + f.xMax());
    // asymptotic error of the estimator: (theta + 1) / sqrt(k)
    double expected = (theta + 1) / Math.sqrt(f.fitted());
    assertEquals(expected, f.thetaError(), 0.3 * expected);
    assertEquals(theta, f.theta(), 3 * f.thetaError());
  }

  @Test
  void tooFewPatchesIsNotEnoughDataNotANumber() {
    double[] x = {0.1, 0.2, Double.NaN, 0.3, -0.1, 0.4, 0.5, 0.6, 0.7, 0.8};
    Pseudogap.Fit f = Pseudogap.fit(x, 0.5, 100, 1L);
    assertFalse(f.ok());
    assertTrue(Double.isNaN(f.theta()) && Double.isNaN(f.thetaError()));
    assertTrue(f.note().startsWith("not enough data"), f.note());
    assertEquals(1, f.nonPositive());
  }
}
