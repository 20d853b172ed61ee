package org.glasslab.analysis.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.glasslab.analysis.Fixtures;
import org.glasslab.data.stats.Histogram;
import org.junit.jupiter.api.Test;

class StatsTest {

  @Test
  void correlationMatricesEqualScipy() {
    Map<String, double[]> t = Fixtures.table("corr_table.csv");
    List<String> names = new ArrayList<>(t.keySet());
    double[][] cols = t.values().toArray(new double[0][]);
    CorrelationMatrices cm = CorrelationMatrices.of(names, cols);
    Map<String, double[]> p = Fixtures.table("corr_pearson.csv");
    Map<String, double[]> s = Fixtures.table("corr_spearman.csv");
    double[][] gp = cm.pearson();
    double[][] gs = cm.spearman();
    for (int a = 0; a < names.size(); a++) {
      for (int b = 0; b < names.size(); b++) {
        String col = names.get(b);
        assertEquals(p.get(col)[a], gp[a][b], 1e-12, "pearson " + a + "," + b);
        assertEquals(s.get(col)[a], gs[a][b], 1e-12, "spearman " + a + "," + b);
      }
    }
    assertEquals(240, cm.rows());
    assertEquals(0, cm.dropped());
  }

  @Test
  void correlationDropsRowsWithNaN() {
    double[] x = {1, 2, 3, Double.NaN, 5};
    double[] y = {2, 4, 6, 8, 11};
    CorrelationMatrices cm = CorrelationMatrices.of(List.of("x", "y"), new double[][] {x, y});
    assertEquals(4, cm.rows());
    assertEquals(1, cm.dropped());
    assertEquals(1.0, cm.spearman()[0][1], 1e-15);
  }

  @Test
  void summaryMatchesNumpyConventions() {
    double[] v = {3, 1, 4, 1, 5, 9, 2, 6, Double.NaN};
    Summary s = Summary.of(v);
    assertEquals(8, s.count());
    assertEquals(1, s.skipped());
    assertEquals(3.875, s.mean(), 1e-15);
    // numpy: np.std(v, ddof=1), np.percentile(v, [5,25,50,75,95]) (linear)
    assertEquals(2.748376143, s.std(), 1e-9);
    assertEquals(1.0, s.q05(), 1e-12);
    assertEquals(1.75, s.q25(), 1e-12);
    assertEquals(3.5, s.median(), 1e-12);
    assertEquals(5.25, s.q75(), 1e-12);
    assertEquals(7.95, s.q95(), 1e-12);
  }

  @Test
  void histogramBinningIsAsDocumented() {
    double[] v = {0, 0.25, 0.5, 0.999, 1.0, -0.1, 1.1, Double.NaN};
    Histogram h = Histogram.of(v, 0, 1, 4);
    assertArrayEquals(new long[] {1, 1, 1, 2}, h.counts()); // 1.0 falls in the closed last bin
    assertEquals(1, h.below());
    assertEquals(1, h.above());
    assertEquals(1, h.skipped());
    double integral = 0;
    for (double d : h.density()) {
      integral += d * h.width();
    }
    assertEquals(1.0, integral, 1e-15);
    assertArrayEquals(new double[] {0.125, 0.375, 0.625, 0.875}, h.centers(), 1e-15);
  }

  @Test
  void avalancheComparisonPoolsFramesAroundTheEvent() {
    double[][] field = new double[10][];
    for (int f = 0; f < 10; f++) {
      field[f] = new double[] {f < 5 ? 1 : 3, f < 5 ? 2 : 4, Double.NaN};
    }
    AvalancheComparison c = AvalancheComparison.of(field, 5, 2, 4);
    assertEquals(4, c.before().count());
    assertEquals(2, c.before().skipped());
    assertEquals(1.5, c.before().mean(), 1e-15);
    assertEquals(3.5, c.at().mean(), 1e-15);
    assertEquals(3.5, c.after().mean(), 1e-15);
    assertEquals(1.0, c.ksStatistic(), 1e-15);
    assertEquals(c.histBefore().lo(), c.histAfter().lo());
  }

  @Test
  void replicaBootstrapPoolsReplicasAndResamplesWholeReplicas() {
    Histogram bins = Histogram.linear(0, 2, 2);
    var a = ReplicaBootstrap.Replica.of(new double[] {0.5, 0.5, Double.NaN}, bins);
    var b = ReplicaBootstrap.Replica.of(new double[] {0.5, 1.5, 3.0}, bins); // 3.0 not binned
    assertEquals(2, a.values());
    assertEquals(3, b.values());
    double[] w = {1, 1};
    // draws: {a, a} pools 4 values in bin 0; {b, b} pools 2/6 and 2/6; {a, b} the pooled ensemble
    int[][] draws = {{0, 0}, {1, 1}, {0, 1}};
    var r = ReplicaBootstrap.of(java.util.List.of(a, b), w, draws, 0.5);
    assertArrayEquals(new double[] {3.0 / 5, 1.0 / 5}, r.density(), 1e-15);
    assertEquals(6.0 / 5, r.mean(), 1e-15);
    assertEquals(5, r.values());
    // bin 0 resampled: {1, 1/3, 3/5} sorted {1/3, 3/5, 1}; percentiles 25 and 75 interpolate
    assertEquals(1.0 / 3 + 0.5 * (3.0 / 5 - 1.0 / 3), r.densityLo()[0], 1e-15);
    assertEquals(3.0 / 5 + 0.5 * (1 - 3.0 / 5), r.densityHi()[0], 1e-15);
    double[] means = {0.5, 5.0 / 3, 6.0 / 5};
    double mm = (means[0] + means[1] + means[2]) / 3;
    double v = 0;
    for (double x : means) {
      v += (x - mm) * (x - mm);
    }
    assertEquals(Math.sqrt(v / 2), r.meanStderr(), 1e-15);
    int[][] d = ReplicaBootstrap.draws(3, 50, new org.glasslab.data.random.Rng(7));
    assertArrayEquals(
        d[49], ReplicaBootstrap.draws(3, 50, new org.glasslab.data.random.Rng(7))[49]);
    for (int[] row : d) {
      for (int i : row) {
        assertTrue(i >= 0 && i < 3);
      }
    }
  }

  @Test
  void scatterDataIsASeededSubsetInOrder() {
    double[] x = new double[1000];
    double[] y = new double[1000];
    for (int i = 0; i < x.length; i++) {
      x[i] = i;
      y[i] = i % 7 == 0 ? Double.NaN : 2 * i;
    }
    ScatterData s = ScatterData.of("x", "y", x, y, 100, 42);
    assertEquals(100, s.x().length);
    for (int i = 0; i < 100; i++) {
      assertEquals(2 * s.x()[i], s.y()[i], 0);
      assertTrue(i == 0 || s.x()[i] > s.x()[i - 1]);
    }
    assertArrayEquals(s.x(), ScatterData.of("x", "y", x, y, 100, 42).x(), 0);
  }
}
