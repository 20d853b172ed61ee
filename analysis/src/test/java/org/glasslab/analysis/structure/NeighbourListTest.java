package org.glasslab.analysis.structure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.glasslab.data.Box;
import org.junit.jupiter.api.Test;

class NeighbourListTest {

  private static void compareWithBruteForce(Box box, double[] x, double rc) {
    NeighbourList list = NeighbourList.build(box, x, rc);
    int n = x.length / 2;
    int total = 0;
    for (int i = 0; i < n; i++) {
      int expected = 0;
      for (int j = 0; j < n; j++) {
        if (j == i) {
          continue;
        }
        double dx = box.minImageX(x[2 * j] - x[2 * i]);
        double dy = box.minImageY(x[2 * j + 1] - x[2 * i + 1]);
        if (dx * dx + dy * dy < rc * rc) {
          int found = -1;
          for (int k = list.start(i); k < list.end(i); k++) {
            if (list.neighbour(k) == j) {
              found = k;
            }
          }
          assertEquals(true, found >= 0, "pair " + i + "," + j + " missing");
          assertEquals(dx, list.dx(found), 0);
          assertEquals(dy, list.dy(found), 0);
          expected++;
        }
      }
      assertEquals(expected, list.count(i), "neighbours of " + i);
      for (int k = list.start(i) + 1; k < list.end(i); k++) {
        assertEquals(true, list.neighbour(k) > list.neighbour(k - 1), "row sorted");
      }
      total += expected;
    }
    assertEquals(total, list.entries());
  }

  @Test
  void cellListEqualsBruteForce() {
    SplittableRandom rng = new SplittableRandom(42);
    Box box = new Box(17.3, 12.1);
    double[] x = new double[2 * 400];
    for (int i = 0; i < 400; i++) {
      x[2 * i] = rng.nextDouble() * box.lx();
      x[2 * i + 1] = rng.nextDouble() * box.ly();
    }
    compareWithBruteForce(box, x, 2.4); // cell list (7 x 5 cells)
    compareWithBruteForce(box, x, 4.5); // brute-force fallback (< 3 cells along y)
  }

  @Test
  void rejectsCutoffAtHalfTheBox() {
    Box box = new Box(10, 8);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> NeighbourList.build(box, new double[2], 4.0));
    assertEquals(true, e.getMessage().contains("half the smallest box edge 4.0"), e.getMessage());
  }
}
