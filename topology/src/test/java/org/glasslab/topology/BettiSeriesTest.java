package org.glasslab.topology;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.glasslab.data.Box;
import org.glasslab.data.Configuration;
import org.glasslab.data.MemoryTrajectory;
import org.glasslab.data.TimeSeries;
import org.glasslab.testsupport.SyntheticClouds;
import org.junit.jupiter.api.Test;

class BettiSeriesTest {
  @Test
  void betti1PerFrameEqualsSingleFrameComputations() {
    int n = 500;
    Box box = Box.square(n, 0.9);
    double[] d = new double[n];
    java.util.Arrays.fill(d, 1.0);
    List<Configuration> frames = new ArrayList<>();
    for (int k = 0; k < 4; k++) {
      double[] p = SyntheticClouds.randomSequentialAddition(n, 0.9, 0.8, 40 + k);
      frames.add(new Configuration(box, p, null, d, null, null, null, 100L * k, 0.3 * k));
    }
    MemoryTrajectory t = MemoryTrajectory.of(frames);
    RipsOptions o = RipsOptions.euclidean(RipsOptions.paperAlpha(d));
    int[] seen = new int[1];
    int[] b = BettiSeries.betti1(t, o, k -> seen[0]++);
    assertEquals(4, seen[0]);
    int[] expected = new int[4];
    for (int k = 0; k < 4; k++) {
      expected[k] = RipsPersistence.compute(frames.get(k), o).betti1();
    }
    assertArrayEquals(expected, b);
    TimeSeries s = BettiSeries.series(t, o, null);
    assertEquals("beta1", s.name());
    assertEquals(300L, s.steps()[3]);
    assertEquals(expected[2], (int) s.component(0)[2]);
  }
}
