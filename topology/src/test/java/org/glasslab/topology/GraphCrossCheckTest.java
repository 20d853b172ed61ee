package org.glasslab.topology;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.glasslab.data.Box;
import org.jgrapht.alg.connectivity.ConnectivityInspector;
import org.jgrapht.alg.spanning.KruskalMinimumSpanningTree;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.SimpleWeightedGraph;
import org.junit.jupiter.api.Test;

/**
 * H0 against JGraphT on the 1-skeleton built by brute force: the finite H0 deaths are the edge
 * weights of a minimum spanning forest, the essential H0 bars are the connected components. Also
 * checks that barcodes do not depend on the order of the input points.
 */
class GraphCrossCheckTest {

  static double[] cloud(int n, double side, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    double[] p = new double[2 * n];
    for (int k = 0; k < 2 * n; k++) {
      p[k] = rng.nextDouble() * side;
    }
    return p;
  }

  @Test
  void h0IsTheMinimumSpanningForestOfTheNeighbourGraph() {
    for (boolean periodic : new boolean[] {false, true}) {
      int n = 400;
      double side = Math.sqrt(n / 0.9);
      Box box = new Box(side, side);
      double[] p = cloud(n, side, periodic ? 7 : 8);
      double alpha = 1.1;
      SimpleWeightedGraph<Integer, DefaultWeightedEdge> g =
          new SimpleWeightedGraph<>(DefaultWeightedEdge.class);
      for (int i = 0; i < n; i++) {
        g.addVertex(i);
      }
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < i; j++) {
          double dx = p[2 * i] - p[2 * j];
          double dy = p[2 * i + 1] - p[2 * j + 1];
          if (periodic) {
            dx = box.minImageX(dx);
            dy = box.minImageY(dy);
          }
          double d = Math.sqrt(dx * dx + dy * dy);
          if (d <= alpha) {
            g.setEdgeWeight(g.addEdge(i, j), d);
          }
        }
      }
      RipsOptions o = periodic ? RipsOptions.periodic(alpha) : RipsOptions.euclidean(alpha);
      PersistenceResult r = RipsPersistence.compute(p, box, o.withTieTolerance(0));
      assertEquals(g.edgeSet().size(), r.edgeCount());
      int components = new ConnectivityInspector<>(g).connectedSets().size();
      assertEquals(components, r.components());
      double[] mst =
          new KruskalMinimumSpanningTree<>(g)
              .getSpanningTree().getEdges().stream()
                  .mapToDouble(g::getEdgeWeight)
                  .sorted()
                  .toArray();
      double[] deaths = Arrays.copyOf(r.h0().deaths(), r.h0().size() - components);
      Arrays.sort(deaths);
      assertArrayEquals(mst, deaths, 0.0);
      assertEquals(n, r.h0().size());
    }
  }

  @Test
  void barcodesDoNotDependOnInputOrder() {
    int n = 800;
    double side = Math.sqrt(n / 0.9);
    Box box = new Box(side, side);
    double[] p = cloud(n, side, 99);
    SplittableRandom rng = new SplittableRandom(5);
    int[] perm = new int[n];
    for (int i = 0; i < n; i++) {
      perm[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int t = perm[i];
      perm[i] = perm[j];
      perm[j] = t;
    }
    double[] q = new double[2 * n];
    for (int i = 0; i < n; i++) {
      q[2 * i] = p[2 * perm[i]];
      q[2 * i + 1] = p[2 * perm[i] + 1];
    }
    for (RipsOptions o :
        new RipsOptions[] {
          RipsOptions.euclidean(2.2), RipsOptions.periodic(2.2), RipsOptions.ripserCompatible(2.2)
        }) {
      PersistenceResult a = RipsPersistence.compute(p, box, o);
      PersistenceResult b = RipsPersistence.compute(q, box, o);
      assertEquals(a.h0(), b.h0(), o.toString());
      assertEquals(a.h1(), b.h1(), o.toString());
      assertEquals(a.triangleCount(), b.triangleCount());
      assertEquals(true, a.h1().size() > 10);
    }
  }
}
