package org.glasslab.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BoxTest {
  private final Box box = new Box(10.0, 7.5);

  @Test
  void minimumImageLiesWithinHalfTheBox() {
    SplittableRandom r = new SplittableRandom(1);
    for (int k = 0; k < 10_000; k++) {
      double dx = (r.nextDouble() - 0.5) * 100;
      double mx = box.minImageX(dx);
      assertTrue(Math.abs(mx) <= 5.0 + 1e-12, "|" + mx + "| > Lx/2");
      double shift = (dx - mx) / 10.0;
      assertEquals(Math.rint(shift), shift, 1e-9, "difference is a whole number of box lengths");
      double my = box.minImageY(dx);
      assertTrue(Math.abs(my) <= 3.75 + 1e-12);
    }
    assertEquals(1.0, box.minImageX(11.0), 1e-15);
    assertEquals(-1.0, box.minImageX(9.0), 1e-15);
  }

  @Test
  void wrapAndUnwrapAreInverse() {
    SplittableRandom r = new SplittableRandom(2);
    double[] x = new double[2000];
    for (int k = 0; k < x.length; k++) {
      x[k] = (r.nextDouble() - 0.5) * 200;
    }
    double[] w = x.clone();
    int[] img = new int[x.length];
    box.wrapAll(w, img);
    double[] u = box.unwrap(w, img, null);
    for (int k = 0; k < x.length; k++) {
      double l = box.length(k & 1);
      assertTrue(w[k] >= 0 && w[k] < l, "wrapped " + w[k] + " outside [0," + l + ")");
      assertEquals(x[k], u[k], 1e-12 * Math.max(1, Math.abs(x[k])));
    }
  }

  @Test
  void wrapHandlesValuesThatRoundOntoTheEdge() {
    double[] out = new double[1];
    // -1e-17 + 10 rounds to exactly 10.0, which must fold back to 0 with the image adjusted.
    int shift = box.wrap(-1e-17, 0, out);
    assertTrue(out[0] >= 0 && out[0] < 10.0);
    assertEquals(out[0] == 0.0 ? 0 : -1, shift);
    assertEquals(0, box.wrap(0.0, 0, out));
    assertEquals(0.0, out[0]);
    assertEquals(1, box.wrap(10.0, 0, out));
    assertEquals(0.0, out[0]);
    assertEquals(-1, box.wrap(-2.5, 1, out));
    assertEquals(5.0, out[0]);
  }

  @Test
  void rejectsImpossibleEdges() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Box(-1, 2));
    assertTrue(e.getMessage().contains("Lx"));
    assertThrows(IllegalArgumentException.class, () -> new Box(1, Double.NaN));
    assertThrows(IllegalArgumentException.class, () -> new Box(1, 0));
  }

  @Test
  void squareBoxHasTheRequestedDensity() {
    Box b = Box.square(2000, 0.9);
    assertEquals(0.9, 2000 / b.area(), 1e-12);
    assertEquals(b.lx(), b.ly());
  }
}
