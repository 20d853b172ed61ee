package org.glasslab.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.glasslab.data.Box;
import org.glasslab.testsupport.SyntheticClouds;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The 1-skeleton: every pair within alpha exactly once, in ripser's filtration order. */
class RipsGraphTest {

  private static void check(double[] p, Box box, RipsOptions o) {
    RipsGraph g = RipsGraph.build(p, box, o);
    RipsGraph.EdgeMetric f = new RipsGraph.EdgeMetric(p, box, o);
    int n = p.length / 2;
    long brute = 0;
    for (int a = 1; a < n; a++) {
      for (int b = 0; b < a; b++) {
        double d = f.distance(a, b);
        boolean in =
            o.precision() == DistancePrecision.FLOAT32
                ? (float) d <= (float) o.threshold()
                : d <= o.threshold();
        if (in) {
          brute++;
        }
      }
    }
    assertEquals(brute, g.edgeCount);
    for (int v = 1; v < g.values.length; v++) {
      assertTrue(g.values[v] > g.values[v - 1], "distinct values ascend");
    }
    for (int r = 0; r < g.edgeCount; r++) {
      assertTrue(g.ea[r] > g.eb[r]);
      double d = f.distance(g.ea[r], g.eb[r]);
      if (o.tieTolerance() == 0) {
        assertEquals(d, g.diameter(r), 0.0, "edge " + r);
      } else {
        assertEquals(d, g.diameter(r), d * o.tieTolerance());
      }
      if (r > 0) {
        assertTrue(g.evr[r] >= g.evr[r - 1], "value ranks ascend");
        if (g.evr[r] == g.evr[r - 1]) {
          long idx = (long) g.ea[r] * (g.ea[r] - 1) / 2 + g.eb[r];
          long prev = (long) g.ea[r - 1] * (g.ea[r - 1] - 1) / 2 + g.eb[r - 1];
          assertTrue(idx < prev, "ties in descending combinatorial index");
        }
      }
    }
    for (int v = 0; v < n; v++) {
      for (int q = g.off[v] + 1; q < g.off[v + 1]; q++) {
        assertTrue(g.nbr[q] < g.nbr[q - 1], "neighbour lists descend");
      }
    }
  }

  @Tag("validation")
  @Test
  void edgesAreAllPairsWithinAlphaInFiltrationOrder() {
    double[] p = SyntheticClouds.uniform(3000, 0.9, 17);
    Box box = Box.square(3000, 0.9);
    check(p, box, RipsOptions.euclidean(2.5).withTieTolerance(0));
    check(p, box, RipsOptions.euclidean(2.5));
    check(p, box, RipsOptions.ripserCompatible(2.5));
    check(p, box, RipsOptions.periodic(2.5).withTieTolerance(0));
    // Periodic with alpha between L/3 and L/2: one cell per axis, still minimum image.
    Box small = Box.square(60, 0.9);
    double[] q = SyntheticClouds.uniform(60, 0.9, 3);
    check(q, small, RipsOptions.periodic(0.45 * small.lx()).withTieTolerance(0));
    // Beyond half the box: all pairs, minimum image.
    check(q, small, RipsOptions.periodic(0.6 * small.lx()).withTieTolerance(0));
    // An open cloud far from the origin, with negative coordinates and duplicate points at alpha 0.
    double[] far = q.clone();
    for (int k = 0; k < far.length; k++) {
      far[k] = far[k] * 3 - 1e3;
    }
    far[2] = far[0];
    far[3] = far[1];
    check(far, null, RipsOptions.euclidean(2.5));
    check(far, null, RipsOptions.ripserCompatible(2.5));
    check(far, null, RipsOptions.euclidean(0).withTieTolerance(0));
    // Lattice: long runs of equal (float) distances.
    check(HandCheckedTest.triangularLattice(30), null, RipsOptions.euclidean(2.1));
    check(HandCheckedTest.triangularLattice(30), null, RipsOptions.ripserCompatible(2.1));
  }
}
