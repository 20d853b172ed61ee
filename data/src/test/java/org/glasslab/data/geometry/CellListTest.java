package org.glasslab.data.geometry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import org.glasslab.data.Box;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The shared cell list equals the double loop over all pairs with minimum image, bit for bit. */
class CellListTest {

  /** All pairs i &lt; j with {@code r^2 < rc^2}, as "i,j,dx,dy" with exact doubles. */
  private static List<String> bruteForce(Box box, double[] x, double rc) {
    List<String> out = new ArrayList<>();
    int n = x.length / 2;
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        double dx = box.minImageX(x[2 * j] - x[2 * i]);
        double dy = box.minImageY(x[2 * j + 1] - x[2 * i + 1]);
        if (dx * dx + dy * dy < rc * rc) {
          out.add(i + "," + j + "," + dx + "," + dy);
        }
      }
    }
    Collections.sort(out);
    return out;
  }

  private static List<String> halfVisit(CellList cells, double[] x) {
    List<String> out = new ArrayList<>();
    cells.forEachPair(
        x,
        (i, j, dx, dy, r2) -> {
          assertTrue(i < j, "half visit gives i < j");
          assertEquals(dx * dx + dy * dy, r2, 0.0);
          out.add(i + "," + j + "," + dx + "," + dy);
        });
    Collections.sort(out);
    return out;
  }

  /** The full visit seen from the smaller index (each pair must arrive twice, mirrored). */
  private static List<String> fullVisit(CellList cells, double[] x) {
    List<String> lower = new ArrayList<>();
    List<String> upper = new ArrayList<>();
    int[] lastI = {-1};
    cells.forEachNeighbour(
        x,
        (i, j, dx, dy, r2) -> {
          assertTrue(i != j);
          assertTrue(i >= lastI[0], "rows in ascending order");
          lastI[0] = i;
          if (i < j) {
            lower.add(i + "," + j + "," + dx + "," + dy);
          } else {
            // 0.0 - v negates without turning a zero separation into -0.0
            upper.add(j + "," + i + "," + (0.0 - dx) + "," + (0.0 - dy));
          }
        });
    Collections.sort(lower);
    Collections.sort(upper);
    assertEquals(lower, upper, "full list is symmetric");
    return lower;
  }

  private static List<String> pairList(PairList list, boolean half) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      for (int k = list.start(i); k < list.end(i); k++) {
        int j = list.neighbour(k);
        if (k > list.start(i)) {
          assertTrue(j > list.neighbour(k - 1), "row " + i + " sorted");
        }
        if (half) {
          assertTrue(j > i, "half rows list j > i");
        }
        if (i < j) {
          out.add(i + "," + j + "," + list.dx(k) + "," + list.dy(k));
        }
      }
    }
    Collections.sort(out);
    return out;
  }

  private static void check(Box box, double[] x, double rc) {
    List<String> want = bruteForce(box, x, rc);
    CellList cells = CellList.of(box, rc);
    String where = box + " rc " + rc + " cells " + cells.cellsX() + "x" + cells.cellsY();
    assertEquals(want, halfVisit(cells, x), "half visit, " + where);
    assertEquals(want, fullVisit(cells, x), "full visit, " + where);
    PairList full = PairList.full(box, x, rc);
    PairList half = PairList.half(box, x, rc);
    assertEquals(want, pairList(full, false), "full pair list, " + where);
    assertEquals(want, pairList(half, true), "half pair list, " + where);
    assertEquals(2 * want.size(), full.entries());
    assertEquals(want.size(), half.entries());
  }

  private static double[] random(Box box, int n, long seed, double spread) {
    SplittableRandom r = new SplittableRandom(seed);
    double[] x = new double[2 * n];
    for (int i = 0; i < n; i++) {
      // spread > 1 places particles in other periodic images (unwrapped positions)
      x[2 * i] = (r.nextDouble() * spread - 0.5 * (spread - 1)) * box.lx();
      x[2 * i + 1] = (r.nextDouble() * spread - 0.5 * (spread - 1)) * box.ly();
    }
    return x;
  }

  @ParameterizedTest(name = "N={0} box {1}x{2} rc {3}")
  @CsvSource({
    "400, 17.3, 17.3, 1.5", // square, many cells
    "400, 17.3, 12.1, 2.4", // rectangular, 7 x 5 cells
    "400, 17.3, 12.1, 4.5", // fewer than three cells along y: one cell there
    "300, 30.0, 4.0, 1.2", // narrow in y
    "300, 4.0, 30.0, 1.9", // narrow in x
    "60, 5.0, 5.0, 2.0", // small box: two cells per side become one
    "60, 5.0, 5.0, 2.4999", // cutoff near half the box
    "60, 5.0, 5.0, 2.5", // cutoff exactly half the box
    "80, 9.0, 7.0, 3.0", // L/rc = 3 exactly along x (margin gives two cells: one)
    "500, 12.0, 12.0, 1.0" // cells exactly as wide as the cutoff
  })
  void visitsEqualBruteForce(int n, double lx, double ly, double rc) {
    Box box = new Box(lx, ly);
    for (long seed = 1; seed <= 3; seed++) {
      check(box, random(box, n, seed, 1), rc);
      check(box, random(box, n, seed + 100, 3), rc); // unwrapped positions
    }
  }

  @Test
  void particlesOnCellAndBoxEdges() {
    // A square lattice with spacing equal to the cutoff: every particle on a cell edge and pairs at
    // exactly the cutoff (not listed: r < rc strictly); plus edge coordinates 0, -0.0, L, L - ulp.
    double rc = 1.0;
    Box box = new Box(8, 6);
    List<Double> xs = new ArrayList<>();
    for (int a = 0; a < 8; a++) {
      for (int b = 0; b < 6; b++) {
        xs.add((double) a);
        xs.add((double) b);
      }
    }
    double[][] extra = {
      {-0.0, -0.0}, {8.0, 6.0}, {Math.nextDown(8.0), Math.nextDown(6.0)}, {-0.0, 3.0},
      {8.0, 0.5}, {Math.nextUp(0.0), 5.999999999}, {4.0, -Math.ulp(1.0)}, {-1e-300, 2.0}
    };
    for (double[] e : extra) {
      xs.add(e[0]);
      xs.add(e[1]);
    }
    double[] x = new double[xs.size()];
    for (int k = 0; k < x.length; k++) {
      x[k] = xs.get(k);
    }
    check(box, x, rc);
    check(box, x, Math.nextUp(rc)); // now the lattice bonds are in
    check(box, x, 1.5);
    check(box, x, 3.0); // exactly half of Ly
    // The lattice bonds: 2 per site at rc slightly above the spacing.
    long bonds = bruteForce(new Box(8, 6), java.util.Arrays.copyOf(x, 96), Math.nextUp(rc)).size();
    assertEquals(96, bonds);
  }

  @Test
  void gridHasOneOrAtLeastThreeCellsPerAxis() {
    assertEquals(1, CellList.of(new Box(10, 10), 4.0).cellsX());
    assertEquals(3, CellList.of(new Box(10, 10), 3.2).cellsX());
    CellList c = CellList.of(new Box(40, 10), 3.0);
    assertEquals(13, c.cellsX());
    assertEquals(3, c.cellsY());
    CellList tiny = CellList.of(new Box(1e4, 1e4), 1e-3);
    assertTrue((long) tiny.cellsX() * tiny.cellsY() <= CellList.MAX_CELLS);
    check(new Box(1e4, 1e4), random(new Box(1e4, 1e4), 50, 9, 1), 1e-3);
  }

  @Test
  void halfStencilListsEveryImageOnce() {
    // One cell per axis: the stencil reaches the own cell through the images around it.
    CellList c = CellList.withImages(new Box(3, 3), 2.5);
    assertEquals(1, c.cellsX());
    int[] cells = new int[4];
    int[] codes = new int[4];
    c.halfStencil(0, cells, codes);
    List<Integer> got = new ArrayList<>();
    for (int s = 0; s < 4; s++) {
      assertEquals(0, cells[s]);
      got.add(codes[s]);
    }
    Collections.sort(got);
    // images (1,0), (-1,1), (0,1), (1,1): with their mirrors and the own cell all nine
    assertEquals(
        List.of(
            CellList.imageCode(1, 0),
            CellList.imageCode(-1, 1),
            CellList.imageCode(0, 1),
            CellList.imageCode(1, 1)),
        got);
  }

  @Test
  void rejectsCutoffBeyondHalfTheBox() {
    Box box = new Box(10, 8);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> CellList.of(box, 4.01));
    assertTrue(e.getMessage().contains("cutoff 4.01"), e.getMessage());
    assertTrue(e.getMessage().contains("half the smallest box edge 4.0"), e.getMessage());
    assertTrue(e.getMessage().contains("10.0 x 8.0"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> CellList.of(box, 0));
    assertThrows(IllegalArgumentException.class, () -> CellList.of(box, Double.NaN));
    assertThrows(IllegalArgumentException.class, () -> CellList.withImages(box, 8.5));
    assertThrows(IllegalArgumentException.class, () -> PairList.full(box, new double[2], 4.5));
  }
}
