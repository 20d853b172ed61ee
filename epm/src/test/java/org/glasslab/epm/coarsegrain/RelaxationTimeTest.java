package org.glasslab.epm.coarsegrain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.glasslab.data.Box;
import org.junit.jupiter.api.Test;

class RelaxationTimeTest {
  @Test
  void tauAndStretchingOfAStretchedExponential() {
    double[] t = new double[60];
    double[] c = new double[60];
    for (int k = 0; k < t.length; k++) {
      t[k] = 1e-2 * Math.pow(10, k / 10.0);
      c[k] = Math.exp(-Math.pow(t[k] / 3.0, 0.6));
    }
    assertEquals(3.0, RelaxationTime.tauAlpha(t, c), 0.05);
    double[] b = RelaxationTime.stretching(t, c, 0.05, 0.95);
    assertEquals(0.6, b[0], 1e-9);
    assertTrue(Double.isNaN(RelaxationTime.crossing(t, c, -1)));
    double[] chi = new double[t.length];
    for (int k = 0; k < t.length; k++) {
      chi[k] = -c[k] * Math.log(c[k]); // peaks at c = 1/e, i.e. t = tau
    }
    double[] pk = RelaxationTime.peak(t, chi);
    assertEquals(3.0, pk[1], 3.0 * 0.25);
    double[] se = new double[t.length];
    java.util.Arrays.fill(se, 0.01);
    // dc/dln t at tau is beta/e: dtau = tau * 0.01 * e / beta
    assertEquals(3.0 * 0.01 * Math.E / 0.6, RelaxationTime.tauAlphaError(t, c, se), 0.01);
  }

  @Test
  void facilitationRatioOfUniformAndOfClusteredEvents() {
    Box box = new Box(10, 10);
    double exact = 10 * (Math.sqrt(2) + Math.log(1 + Math.sqrt(2))) / 6;
    assertEquals(exact, Facilitation.uniformMeanDistance(box), 1e-4);
    SplittableRandom r = new SplittableRandom(5);
    int n = 4000;
    double[] x = new double[n];
    double[] y = new double[n];
    int[] seq = new int[n];
    for (int i = 0; i < n; i++) {
      x[i] = 10 * r.nextDouble();
      y[i] = 10 * r.nextDouble();
      seq[i] = i < n / 2 ? 0 : 1;
    }
    Measurement u = Facilitation.ratio(x, y, seq, box);
    assertEquals(1.0, u.value(), 3 * u.error());
    for (int i = 1; i < n; i++) { // random walk with steps of 0.5: strongly facilitated
      x[i] = x[i - 1] + 0.5 * (r.nextDouble() - 0.5);
      y[i] = y[i - 1] + 0.5 * (r.nextDouble() - 0.5);
    }
    assertTrue(Facilitation.ratio(x, y, seq, box).value() < 0.1);
    assertFalse(
        Facilitation.ratio(new double[] {1, 2}, new double[] {1, 2}, new int[] {0, 0}, box)
            .measured());
  }
}
