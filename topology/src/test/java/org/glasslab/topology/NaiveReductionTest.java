package org.glasslab.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.SplittableRandom;
import org.glasslab.data.Box;
import org.glasslab.testsupport.SyntheticClouds;
import org.junit.jupiter.api.Test;

/**
 * Cross-check against a textbook implementation written independently of ripser's ideas: all
 * simplices listed explicitly, the boundary matrix reduced column by column (homology, no clearing,
 * no apparent pairs). Exact equality in double precision with no tie merging, because the
 * persistence diagram does not depend on how ties are broken.
 */
class NaiveReductionTest {

  /** H1 bars by the standard algorithm; returns {births, deaths}. */
  static double[][] naiveH1(double[] p, Box box, double alpha) {
    int n = p.length / 2;
    double[][] d = new double[n][n];
    for (int a = 0; a < n; a++) {
      for (int b = 0; b < n; b++) {
        double dx = p[2 * a] - p[2 * b];
        double dy = p[2 * a + 1] - p[2 * b + 1];
        if (box != null) {
          dx = box.minImageX(dx);
          dy = box.minImageY(dy);
        }
        d[a][b] = Math.sqrt(dx * dx + dy * dy);
      }
    }
    List<int[]> edges = new ArrayList<>();
    for (int a = 0; a < n; a++) {
      for (int b = 0; b < a; b++) {
        if (d[a][b] <= alpha) {
          edges.add(new int[] {a, b});
        }
      }
    }
    edges.sort((e, f) -> Double.compare(d[e[0]][e[1]], d[f[0]][f[1]]));
    int[][] edgeId = new int[n][n];
    for (int[] row : edgeId) {
      Arrays.fill(row, -1);
    }
    for (int k = 0; k < edges.size(); k++) {
      edgeId[edges.get(k)[0]][edges.get(k)[1]] = k;
      edgeId[edges.get(k)[1]][edges.get(k)[0]] = k;
    }
    List<int[]> tris = new ArrayList<>();
    for (int a = 0; a < n; a++) {
      for (int b = 0; b < a; b++) {
        for (int c = 0; c < b; c++) {
          if (edgeId[a][b] >= 0 && edgeId[a][c] >= 0 && edgeId[b][c] >= 0) {
            tris.add(new int[] {edgeId[a][b], edgeId[a][c], edgeId[b][c]});
          }
        }
      }
    }
    // Triangle diameter = its latest edge in the edge order.
    tris.sort((s, t) -> Integer.compare(max(s), max(t)));
    // H0 by union-find in edge order: the edges that merge components are negative.
    int[] parent = new int[n];
    for (int v = 0; v < n; v++) {
      parent[v] = v;
    }
    boolean[] negative = new boolean[edges.size()];
    for (int k = 0; k < edges.size(); k++) {
      int u = root(parent, edges.get(k)[0]);
      int v = root(parent, edges.get(k)[1]);
      if (u != v) {
        parent[u] = v;
        negative[k] = true;
      }
    }
    int[] lowOwner = new int[edges.size()];
    Arrays.fill(lowOwner, -1);
    BitSet[] cols = new BitSet[tris.size()];
    List<double[]> bars = new ArrayList<>();
    boolean[] paired = new boolean[edges.size()];
    for (int t = 0; t < tris.size(); t++) {
      BitSet c = new BitSet();
      for (int e : tris.get(t)) {
        c.flip(e);
      }
      while (!c.isEmpty()) {
        int low = c.length() - 1;
        if (lowOwner[low] < 0) {
          lowOwner[low] = t;
          paired[low] = true;
          double birth = d[edges.get(low)[0]][edges.get(low)[1]];
          int last = max(tris.get(t));
          double death = d[edges.get(last)[0]][edges.get(last)[1]];
          if (death > birth) {
            bars.add(new double[] {birth, death});
          }
          break;
        }
        c.xor(cols[lowOwner[low]]);
      }
      cols[t] = c;
    }
    for (int k = 0; k < edges.size(); k++) {
      if (!negative[k] && !paired[k]) {
        bars.add(new double[] {d[edges.get(k)[0]][edges.get(k)[1]], Double.POSITIVE_INFINITY});
      }
    }
    double[][] out = new double[2][bars.size()];
    for (int k = 0; k < bars.size(); k++) {
      out[0][k] = bars.get(k)[0];
      out[1][k] = bars.get(k)[1];
    }
    return out;
  }

  private static int max(int[] t) {
    return Math.max(t[0], Math.max(t[1], t[2]));
  }

  private static int root(int[] parent, int v) {
    while (parent[v] != v) {
      v = parent[v];
    }
    return v;
  }

  @Test
  void h1EqualsTextbookReductionOnRandomClouds() {
    SplittableRandom rng = new SplittableRandom(2024);
    int checked = 0;
    for (int trial = 0; trial < 30; trial++) {
      int n = 20 + rng.nextInt(40);
      double side = Math.sqrt(n / 0.9);
      Box box = new Box(side, side);
      double[] p = new double[2 * n];
      for (int k = 0; k < 2 * n; k++) {
        p[k] = rng.nextDouble() * side;
      }
      double alpha = 0.8 + 2.2 * rng.nextDouble();
      boolean periodic = trial % 2 == 1 && alpha < side / 3;
      RipsOptions o =
          (periodic ? RipsOptions.periodic(alpha) : RipsOptions.euclidean(alpha))
              .withTieTolerance(0);
      Barcode mine = RipsPersistence.compute(p, box, o).h1();
      double[][] ref = naiveH1(p, periodic ? box : null, alpha);
      assertEquals(new Barcode(1, ref[0], ref[1]), mine, "trial " + trial);
      checked += mine.size();
    }
    assertEquals(true, checked > 30, "the trials must contain loops to be meaningful");
    // Periodic with alpha between L/3 and L/2 (all-pairs search, torus loops essential).
    for (int trial = 0; trial < 4; trial++) {
      int n = 40;
      Box box = Box.square(n, 0.9);
      double[] p = SyntheticClouds.uniform(n, 0.9, 500 + trial);
      double alpha = box.lx() * (0.34 + 0.04 * trial);
      Barcode mine =
          RipsPersistence.compute(p, box, RipsOptions.periodic(alpha).withTieTolerance(0)).h1();
      double[][] ref = naiveH1(p, box, alpha);
      assertEquals(new Barcode(1, ref[0], ref[1]), mine, "periodic trial " + trial);
    }
  }
}
