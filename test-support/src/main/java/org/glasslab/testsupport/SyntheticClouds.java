package org.glasslab.testsupport;

import java.util.Arrays;
import org.glasslab.data.Box;
import org.glasslab.data.random.Rng;

/**
 * Seeded synthetic point clouds for tests and benchmarks: uniform random points and a glass-like
 * cloud by random sequential addition (RSA) with a minimum separation, both in a periodic square
 * box at a given number density.
 */
public final class SyntheticClouds {
  private SyntheticClouds() {}

  /**
   * N uniform random points in {@code Box.square(n, density)}.
   *
   * @return positions [2N] wrapped into the box [length]
   */
  public static double[] uniform(int n, double density, long seed) {
    Box box = Box.square(n, density);
    Rng rng = new Rng(seed);
    double[] p = new double[2 * n];
    for (int k = 0; k < 2 * n; k++) {
      p[k] = rng.nextDouble() * box.lx();
    }
    return p;
  }

  /**
   * Random sequential addition in {@code Box.square(n, density)}: uniform trial points are kept
   * when no kept point is closer than {@code minSeparation} (minimum image). At density 0.9 a
   * separation of 0.8 gives a dense, disordered, glass-like cloud (RSA jams near an area fraction
   * of 0.547, i.e. separation about 0.88 at this density).
   *
   * @return positions [2N] wrapped into the box [length]
   * @throws IllegalArgumentException if the packing jams before N points are placed
   */
  public static double[] randomSequentialAddition(
      int n, double density, double minSeparation, long seed) {
    Box box = Box.square(n, density);
    double l = box.lx();
    int m = Math.max(1, (int) (l / minSeparation));
    double w = l / m;
    int[] head = new int[m * m];
    Arrays.fill(head, -1);
    int[] next = new int[n];
    double[] p = new double[2 * n];
    Rng rng = new Rng(seed);
    double s2 = minSeparation * minSeparation;
    long tries = 0;
    int placed = 0;
    while (placed < n) {
      if (++tries > 5000L * n) {
        throw new IllegalArgumentException(
            "random sequential addition jammed after "
                + placed
                + " of "
                + n
                + " points; lower the minimum separation "
                + minSeparation);
      }
      double x = rng.nextDouble() * l;
      double y = rng.nextDouble() * l;
      int cx = Math.min(m - 1, (int) (x / w));
      int cy = Math.min(m - 1, (int) (y / w));
      boolean ok = true;
      for (int dy = -1; dy <= 1 && ok; dy++) {
        for (int dx = -1; dx <= 1 && ok; dx++) {
          int c = Math.floorMod(cy + dy, m) * m + Math.floorMod(cx + dx, m);
          for (int q = head[c]; q >= 0; q = next[q]) {
            double ddx = box.minImageX(x - p[2 * q]);
            double ddy = box.minImageY(y - p[2 * q + 1]);
            if (ddx * ddx + ddy * ddy < s2) {
              ok = false;
              break;
            }
          }
        }
      }
      if (ok) {
        p[2 * placed] = x;
        p[2 * placed + 1] = y;
        int c = cy * m + cx;
        next[placed] = head[c];
        head[c] = placed;
        placed++;
      }
    }
    return p;
  }
}
