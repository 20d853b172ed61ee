package org.glasslab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ConfigurationTest {
  private final Box box = new Box(4, 4);

  private static String message(Runnable r) {
    return assertThrows(IllegalArgumentException.class, r::run).getMessage();
  }

  @Test
  void namesTheOffendingField() {
    double[] d = {1, 1};
    assertTrue(
        message(() -> Configuration.of(box, new double[] {1, 1, Double.NaN, 1}, d))
            .contains("position x of particle 1 is not finite"));
    assertTrue(
        message(() -> Configuration.of(box, new double[] {1, 1, 4.0, 1}, d))
            .contains("outside the box"));
    assertTrue(
        message(() -> Configuration.of(box, new double[] {1, 1, 2, 1}, new double[] {1, 0}))
            .contains("diameter of particle 1"));
    assertTrue(
        message(() -> Configuration.of(box, new double[] {1, 1, 2}, d)).contains("length 2N = 4"));
    assertTrue(
        message(
                () ->
                    new Configuration(
                        box,
                        new double[] {1, 1, 2, 2},
                        null,
                        d,
                        null,
                        null,
                        new int[] {1, 0},
                        0,
                        0))
            .contains("type of particle 1"));
  }

  @Test
  void copiesArraysInAndOut() {
    double[] x = {1, 1, 2, 2};
    Configuration c = Configuration.of(box, x, new double[] {1, 1.1});
    x[0] = 3;
    assertEquals(1.0, c.x(0));
    c.positions()[0] = 3;
    assertEquals(1.0, c.x(0));
    assertArrayEquals(new int[4], c.images());
  }

  @Test
  void unwrapsWithImages() {
    Configuration c =
        new Configuration(
            box,
            new double[] {1, 1, 2, 2},
            new int[] {1, 0, -2, 3},
            new double[] {1, 1},
            null,
            null,
            null,
            0,
            0);
    assertArrayEquals(new double[] {5, 1, -6, 14}, c.unwrappedPositions());
    assertEquals(2 / 16.0, c.density());
  }
}
