package org.glasslab.md;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.glasslab.data.Box;
import org.glasslab.data.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NeighbourListTest {

  static List<String> listPairs(NeighbourList nl) {
    List<String> out = new ArrayList<>();
    int[] start = nl.start();
    int[] e = nl.entries();
    for (int i = 0; i < nl.size(); i++) {
      for (int k = start[i]; k < start[i + 1]; k++) {
        int j = e[k] >>> NeighbourList.SHIFT_BITS;
        int code = e[k] & 15;
        int kx = code % 3 - 1;
        int ky = code / 3 - 1;
        if (i < j) {
          out.add(i + "," + j + "," + kx + "," + ky);
        } else {
          out.add(j + "," + i + "," + (-kx) + "," + (-ky));
        }
      }
    }
    return out;
  }

  @ParameterizedTest(name = "N={0} box {1}x{2} skin {3}")
  @CsvSource({
    "200, 14.9, 14.9, 0.3",
    "300, 20.0, 12.0, 0.5",
    "12, 3.1, 3.1, 0.2", // one cell per side
    "20, 4.7, 3.9, 0.4", // two / one cells
    "30, 6.5, 5.0, 0.3", // fewer than three cells
    "40, 9.0, 3.0, 0.1", // narrow in y
    "150, 8.0, 8.0, 1.5"
  })
  void listEqualsBruteForce(int n, double lx, double ly, double skin) {
    for (long seed = 1; seed <= 5; seed++) {
      Configuration c = TestSystems.random(n, lx, ly, seed);
      double cutoff = Wca.INSTANCE.maxCutoff(1.3);
      NeighbourList nl = new NeighbourList(c.box(), n, cutoff, skin, 4 * n);
      double[] x = c.positions();
      nl.build(x, c.diameters(), Wca.INSTANCE);
      List<String> got = listPairs(nl);
      List<String> want =
          TestSystems.bruteForcePairs(x, c.diameters(), c.box(), Wca.INSTANCE, skin);
      Collections.sort(got);
      Collections.sort(want);
      assertEquals(want, got, "seed " + seed + " cells " + nl.cellsX() + "x" + nl.cellsY());
    }
  }

  @Test
  void cutoffOfHalfTheBoxIsAnError() {
    Box box = new Box(2.4, 10);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new NeighbourList(box, 4, 1.2, 0.1, 8));
    assertTrue(e.getMessage().contains("half the box width 1.2"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new NeighbourList(box, 4, 1.1, 1.5, 8));
  }

  @Test
  void overflowIsAnError() {
    // 50 particles piled into a tiny region
    Box box = new Box(10, 10);
    double[] x = new double[100];
    for (int i = 0; i < 50; i++) {
      x[2 * i] = 5 + 0.001 * i;
      x[2 * i + 1] = 5;
    }
    NeighbourList nl = new NeighbourList(box, 50, 1.2, 0.3, 16);
    double[] ones = new double[50];
    java.util.Arrays.fill(ones, 1.0);
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> nl.build(x, ones, Wca.INSTANCE));
    assertTrue(e.getMessage().contains("overflow"), e.getMessage());
  }

  @Test
  void rebuildTriggerIsHalfTheSkin() {
    Configuration c = TestSystems.random(50, 10, 10, 3);
    NeighbourList nl = new NeighbourList(c.box(), 50, 1.2, 0.4, 64);
    double[] x = c.positions();
    assertTrue(nl.needsRebuild(x));
    nl.build(x, c.diameters(), Wca.INSTANCE);
    x[6] += 0.19;
    assertTrue(!nl.needsRebuild(x));
    x[6] += 0.02;
    assertTrue(nl.needsRebuild(x));
  }
}
