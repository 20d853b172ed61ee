package org.glasslab.data.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Binning and normalisation of the shared histogram against hand-counted cases. */
class HistogramTest {
  @Test
  void linearBinsAreHalfOpenWithTheLastClosed() {
    Histogram h =
        Histogram.of(new double[] {0, 0.25, 0.49, 0.5, 1.0, -0.1, 1.1, Double.NaN}, 0, 1, 2);
    assertArrayEquals(new long[] {3, 2}, h.counts());
    assertEquals(1, h.below());
    assertEquals(1, h.above());
    assertEquals(1, h.skipped());
    assertEquals(8, h.total());
    assertEquals(0.25, h.center(0), 0);
    // in-range density integrates to 1: 3 / (5 * 0.5)
    assertEquals(1.2, h.density(0), 1e-15);
    assertEquals(0.8, h.density(1), 1e-15);
    // per value added: 3 / (8 * 0.5)
    assertEquals(0.75, h.densityOfTotal(0), 1e-15);
  }

  @Test
  void logBinsPerDecade() {
    Histogram h = Histogram.log(1, 1000, 2);
    assertEquals(6, h.bins());
    assertEquals(Math.sqrt(10), h.upper(0), 1e-12);
    assertEquals(Math.sqrt(Math.sqrt(10)), h.center(0), 1e-12);
    for (double x : new double[] {1, 3, 3.2, 10, 999, 1000, 0.5, 0, -1, Double.NaN}) {
      h.add(x);
    }
    // [1, 3.16): 1, 3; [3.16, 10): 3.2; [10, 31.6): 10; [316, 1000): 999; 1000 is past the last bin
    assertArrayEquals(new long[] {2, 1, 1, 0, 0, 1}, h.counts());
    assertEquals(3, h.below());
    assertEquals(1, h.above());
    assertEquals(1, h.skipped());
    assertEquals(2 / (10.0 * (Math.sqrt(10) - 1)), h.densityOfTotal(0), 1e-15);
    assertThrows(IllegalStateException.class, h::width);
    assertEquals(1, h.bin(5));
    assertEquals(-1, h.bin(1000));
    assertEquals(-1, h.bin(0.5));
    assertEquals(-1, h.bin(Double.NaN));
  }

  @Test
  void mergeAddsCountsOfTheSameBinningOnly() {
    Histogram a = Histogram.of(new double[] {0.1, 0.9}, 0, 1, 4);
    Histogram b = Histogram.of(new double[] {0.1, 2}, 0, 1, 4);
    a.merge(b);
    assertArrayEquals(new long[] {2, 0, 0, 1}, a.counts());
    assertEquals(1, a.above());
    assertThrows(IllegalArgumentException.class, () -> a.merge(Histogram.linear(0, 1, 3)));
    assertThrows(IllegalArgumentException.class, () -> a.merge(Histogram.log(1, 10, 4)));
  }

  @Test
  void rangeOfFiniteValues() {
    assertArrayEquals(
        new double[] {-1, 3},
        Histogram.range(new double[] {3, Double.NaN}, new double[] {-1, Double.POSITIVE_INFINITY}),
        0);
    assertArrayEquals(new double[] {1.5, 2.5}, Histogram.range(new double[] {2, 2}), 0);
    assertArrayEquals(new double[] {0, 1}, Histogram.range(new double[0]), 0);
  }
}
