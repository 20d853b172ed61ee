package org.glasslab.analysis.structure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.SplittableRandom;
import org.glasslab.analysis.Fixtures;
import org.glasslab.data.Box;
import org.glasslab.data.Configuration;
import org.junit.jupiter.api.Test;

class RadialDistributionTest {

  @Test
  void agreesWithNumpyHistogram() {
    Configuration ref = Fixtures.config("local_ref.csv");
    RadialDistribution.Result r =
        new RadialDistribution(new RadialDistribution.Options(5.0, 0.02)).compute(ref);
    Map<String, double[]> want = Fixtures.table("gofr_expected.csv");
    double[] g = r.g();
    double[] rc = r.r();
    assertEquals(want.get("g").length, g.length);
    for (int k = 0; k < g.length; k++) {
      assertEquals(want.get("r")[k], rc[k], 1e-12);
      assertEquals(want.get("g")[k], g[k], 1e-10, "bin " + k);
    }
  }

  @Test
  void idealGasIsFlat() {
    SplittableRandom rng = new SplittableRandom(1);
    int n = 4000;
    Box box = Box.square(n, 0.9);
    double[] x = new double[2 * n];
    for (int k = 0; k < x.length; k++) {
      x[k] = rng.nextDouble() * box.lx();
    }
    RadialDistribution.Result r =
        new RadialDistribution(new RadialDistribution.Options(5.0, 0.1)).compute(box, x);
    double mean = 0;
    double[] g = r.g();
    for (int k = 10; k < g.length; k++) {
      mean += g[k];
    }
    mean /= g.length - 10;
    assertEquals(1.0, mean, 0.01);
  }

  @Test
  void squareLatticeLandmarks() {
    int side = 30;
    Box box = new Box(side, side);
    double[] x = new double[2 * side * side];
    SplittableRandom rng = new SplittableRandom(3);
    for (int i = 0; i < side; i++) {
      for (int j = 0; j < side; j++) {
        x[2 * (i * side + j)] = i + 0.5 + 0.03 * (rng.nextDouble() - 0.5);
        x[2 * (i * side + j) + 1] = j + 0.5 + 0.03 * (rng.nextDouble() - 0.5);
      }
    }
    GofrLandmarks lm = new RadialDistribution().compute(box, x).landmarks();
    assertEquals(1.0, lm.firstPeak(), 0.05);
    double[] peaks = lm.peakR();
    assertEquals(Math.sqrt(2), peaks[1], 0.05);
    // minima between 1 and sqrt 2, and between sqrt 2 and 2
    assertTrue(lm.firstMinimum() > 1.05 && lm.firstMinimum() < 1.37, "" + lm.firstMinimum());
    assertTrue(lm.secondMinimum() > 1.45 && lm.secondMinimum() < 1.95, "" + lm.secondMinimum());
  }
}
