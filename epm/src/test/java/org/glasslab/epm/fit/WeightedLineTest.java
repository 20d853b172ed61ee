package org.glasslab.epm.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.apache.commons.math3.stat.regression.SimpleRegression;
import org.junit.jupiter.api.Test;

class WeightedLineTest {
  @Test
  void twoPointsGiveTheLineThroughThemAndPropagatedErrors() {
    // y1 = 1 ± 0.1 at x = 0, y2 = 3 ± 0.2 at x = 2: b = 1, σ_b = √(0.1² + 0.2²)/2, σ_a = 0.1
    WeightedLine l =
        WeightedLine.fit(new double[] {0, 2}, new double[] {1, 3}, new double[] {100, 25});
    assertEquals(1, l.intercept(), 1e-12);
    assertEquals(1, l.slope(), 1e-12);
    assertEquals(Math.sqrt(0.01 + 0.04) / 2, l.slopeError(), 1e-12);
    assertEquals(0.1, l.interceptError(), 1e-12);
    assertEquals(0, l.chi2(), 1e-20);
  }

  @Test
  void equalWeightsAgreeWithCommonsMathOrdinaryLeastSquares() {
    double[] x = {1, 2, 3, 4, 5, 6};
    double[] y = {2.1, 3.9, 6.2, 7.8, 10.1, 12.2};
    double[] w = {1, 1, 1, 1, 1, 1};
    SimpleRegression r = new SimpleRegression();
    for (int i = 0; i < x.length; i++) {
      r.addData(x[i], y[i]);
    }
    WeightedLine l = WeightedLine.fit(x, y, w);
    assertEquals(r.getIntercept(), l.intercept(), 1e-12);
    assertEquals(r.getSlope(), l.slope(), 1e-12);
    assertEquals(r.getSumSquaredErrors(), l.chi2(), 1e-12);
    // Commons Math scales by the residual variance s² = SSE/(n-2); ours assumes σ = 1
    double s = Math.sqrt(r.getSumSquaredErrors() / (x.length - 2));
    assertEquals(r.getSlopeStdErr(), l.slopeError() * s, 1e-12);
    assertEquals(r.getInterceptStdErr(), l.interceptError() * s, 1e-12);
  }

  @Test
  void oneDistinctAbscissaIsRefused() {
    assertThrows(
        IllegalArgumentException.class,
        () -> WeightedLine.fit(new double[] {1, 1}, new double[] {0, 2}, new double[] {1, 1}));
  }
}
