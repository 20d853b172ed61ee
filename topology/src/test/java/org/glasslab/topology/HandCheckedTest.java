package org.glasslab.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.glasslab.data.Box;
import org.junit.jupiter.api.Test;

/** Point sets whose Rips barcodes are known in closed form. */
class HandCheckedTest {
  private static final double INF = Double.POSITIVE_INFINITY;

  private static void assertBar(Barcode b, int i, double birth, double death) {
    assertEquals(birth, b.birth(i), 1e-6 * Math.max(1, birth), "birth of bar " + i);
    if (death == INF) {
      assertEquals(INF, b.death(i), "bar " + i + " must be essential");
    } else {
      assertEquals(death, b.death(i), 1e-6 * Math.max(1, death), "death of bar " + i);
    }
  }

  @Test
  void squareHasOneLoopFromSideToDiagonal() {
    double[] p = {0, 0, 1, 0, 1, 1, 0, 1};
    for (RipsOptions o :
        new RipsOptions[] {RipsOptions.euclidean(2), RipsOptions.ripserCompatible(2)}) {
      PersistenceResult r = RipsPersistence.compute(p, null, o);
      assertEquals(1, r.h1().size());
      assertBar(r.h1(), 0, 1, Math.sqrt(2));
      assertEquals(1, r.betti1());
      assertEquals(4, r.h0().size());
      for (int i = 0; i < 3; i++) {
        assertBar(r.h0(), i, 0, 1);
      }
      assertBar(r.h0(), 3, 0, INF);
      assertEquals(6, r.edgeCount());
      assertEquals(4, r.triangleCount());
    }
    // Below the diagonal the loop is still open at the threshold.
    PersistenceResult r = RipsPersistence.compute(p, null, RipsOptions.euclidean(1.2));
    assertEquals(1, r.h1().size());
    assertBar(r.h1(), 0, 1, INF);
    assertEquals(1, r.betti1AtThreshold());
    assertEquals(0, r.triangleCount());
  }

  @Test
  void regularHexagonLoopDiesAtShortDiagonal() {
    double[] p = new double[12];
    for (int k = 0; k < 6; k++) {
      p[2 * k] = Math.cos(k * Math.PI / 3);
      p[2 * k + 1] = Math.sin(k * Math.PI / 3);
    }
    PersistenceResult r = RipsPersistence.compute(p, null, RipsOptions.euclidean(2.5));
    assertEquals(1, r.h1().size(), "one loop, no bars from rounding ties");
    assertBar(r.h1(), 0, 1, Math.sqrt(3));
    assertEquals(15, r.edgeCount());
    assertEquals(20, r.triangleCount());
    assertEquals(6, r.h0().size());
  }

  @Test
  void pointsOnACircleFollowTheRegularPolygonFormula() {
    // Adamaszek-Adams: the Rips complex of the regular n-gon is a circle while edges reach fewer
    // than n/3 steps; the loop dies at the chord of ceil(n/3) steps.
    for (int n : new int[] {7, 12, 20, 31}) {
      double[] p = new double[2 * n];
      for (int k = 0; k < n; k++) {
        p[2 * k] = 3 * Math.cos(2 * Math.PI * k / n);
        p[2 * k + 1] = 3 * Math.sin(2 * Math.PI * k / n);
      }
      PersistenceResult r = RipsPersistence.compute(p, null, RipsOptions.euclidean(7));
      int steps = (n + 2) / 3;
      assertEquals(1, r.h1().size(), "n = " + n);
      assertBar(r.h1(), 0, 6 * Math.sin(Math.PI / n), 6 * Math.sin(Math.PI * steps / n));
      assertEquals(n, r.h0().size());
    }
  }

  /** Triangular lattice with unit spacing, rows of m points, m rows (m even) [2 m^2]. */
  static double[] triangularLattice(int m) {
    double h = Math.sqrt(3) / 2;
    double[] p = new double[2 * m * m];
    int k = 0;
    for (int j = 0; j < m; j++) {
      for (int i = 0; i < m; i++) {
        p[k++] = i + 0.5 * (j & 1) + 0.25;
        p[k++] = j * h + 0.25;
      }
    }
    return p;
  }

  @Test
  void triangularLatticeHasNoSpuriousBarsFromTies() {
    double[] p = triangularLattice(10);
    PersistenceResult r = RipsPersistence.compute(p, null, RipsOptions.euclidean(1.5));
    assertEquals(0, r.h1().size(), "every unit triangle fills in as its last edge appears");
    assertEquals(100, r.h0().size());
    assertEquals(1, r.h0().essentialCount());
    for (int i = 0; i < 99; i++) {
      assertBar(r.h0(), i, 0, 1);
    }
    // A rectangular patch of m rows of m points holds 2 (m-1)^2 unit triangles.
    assertEquals(2L * 9 * 9, r.triangleCount());
    // With the next shell (sqrt 3) still nothing: the patch stays contractible.
    assertEquals(0, RipsPersistence.compute(p, null, RipsOptions.euclidean(1.9)).h1().size());
  }

  @Test
  void periodicTriangularLatticeAddsTheTwoTorusLoops() {
    int m = 10;
    double[] p = triangularLattice(m);
    Box box = new Box(m, m * Math.sqrt(3) / 2);
    PersistenceResult r = RipsPersistence.compute(p, box, RipsOptions.periodic(1.5));
    assertEquals(2, r.h1().size(), "the two wrap-around cycles of the torus");
    assertBar(r.h1(), 0, 1, INF);
    assertBar(r.h1(), 1, 1, INF);
    assertEquals(3L * m * m, r.edgeCount());
    assertEquals(2L * m * m, r.triangleCount());
    // The Euclidean filtration of the same wrapped coordinates sees no loop.
    assertEquals(0, RipsPersistence.compute(p, box, RipsOptions.euclidean(1.5)).h1().size());
  }

  @Test
  void squareLatticeExactTiesGiveSquaresBornAtOneDyingAtTheDiagonal() {
    int m = 6;
    double[] p = new double[2 * m * m];
    for (int k = 0; k < m * m; k++) {
      p[2 * k] = k % m;
      p[2 * k + 1] = k / m;
    }
    PersistenceResult r = RipsPersistence.compute(p, null, RipsOptions.ripserCompatible(1.6));
    assertEquals((m - 1) * (m - 1), r.h1().size());
    for (int i = 0; i < r.h1().size(); i++) {
      assertBar(r.h1(), i, 1, (float) Math.sqrt(2));
    }
  }

  @Test
  void duplicatePointsGiveNoZeroLengthBars() {
    double[] p = {0, 0, 0, 0, 1, 0, 1, 0, 0.5, 0.9};
    PersistenceResult r = RipsPersistence.compute(p, null, RipsOptions.euclidean(3));
    assertEquals(3, r.h0().size(), "two zero-length merges are not bars");
    assertEquals(0, r.h1().size());
  }

  @Test
  void emptyAndTinyInputs() {
    PersistenceResult r =
        RipsPersistence.compute(new double[] {1, 2}, null, RipsOptions.euclidean(1));
    assertEquals(1, r.h0().size());
    assertEquals(0, r.edgeCount());
    r = RipsPersistence.compute(new double[0], null, RipsOptions.euclidean(1));
    assertEquals(0, r.h0().size());
    assertThrows(
        IllegalArgumentException.class,
        () -> RipsPersistence.compute(new double[] {1, 2}, null, RipsOptions.periodic(1)));
    assertThrows(IllegalArgumentException.class, () -> RipsOptions.euclidean(-1));
    // Periodic positions must be wrapped into the box.
    assertThrows(
        IllegalArgumentException.class,
        () ->
            RipsPersistence.compute(
                new double[] {0.5, 0.5, 2.5, 0.5}, new Box(2, 2), RipsOptions.periodic(0.5)));
  }

  @Test
  void paperAlphaUsesTheTwoLargestDiameters() {
    assertEquals(3 * (1.4 + 1.33), RipsOptions.paperAlpha(new double[] {1, 1.33, 0.8, 1.4}), 1e-12);
  }
}
