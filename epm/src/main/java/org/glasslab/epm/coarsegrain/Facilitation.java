package org.glasslab.epm.coarsegrain;

import org.glasslab.data.Box;

/**
 * Spatial correlation of successive rearrangements (facilitation): the mean minimum-image distance
 * between the positions of consecutive events, divided by the mean distance of two independent
 * uniform points in the same periodic box. A ratio below 1 means that an event tends to follow
 * close to the previous one; 1 means no spatial memory. The facilitation length is the mean
 * successive distance itself [length].
 */
public final class Facilitation {
  private Facilitation() {}

  /**
   * Mean distance of two independent uniform points in the periodic box (midpoint rule on a 400×400
   * grid of minimum-image separations; exact for a square: L(√2 + asinh 1)/6 ≈ 0.3826 L).
   */
  public static double uniformMeanDistance(Box box) {
    int m = 400;
    double s = 0;
    for (int i = 0; i < m; i++) {
      double dx = ((i + 0.5) / m - 0.5) * box.lx();
      for (int j = 0; j < m; j++) {
        double dy = ((j + 0.5) / m - 0.5) * box.ly();
        s += Math.sqrt(dx * dx + dy * dy);
      }
    }
    return s / ((double) m * m);
  }

  /**
   * The successive-event distance ratio ⟨d(k, k+1)⟩ / ⟨d⟩_uniform with its standard error
   * (std/√(n−1) over the n−1 pairs, consecutive pairs treated as independent); not enough data with
   * fewer than 3 events. {@code x}, {@code y} are event positions in time order; {@code sequence}
   * labels independent sequences (replicas): pairs never span two sequences.
   */
  public static Measurement ratio(double[] x, double[] y, int[] sequence, Box box) {
    double u = uniformMeanDistance(box);
    int n = 0;
    double s = 0;
    double ss = 0;
    for (int k = 1; k < x.length; k++) {
      if (sequence[k] != sequence[k - 1]) {
        continue;
      }
      double dx = box.minImageX(x[k] - x[k - 1]);
      double dy = box.minImageY(y[k] - y[k - 1]);
      double d = Math.sqrt(dx * dx + dy * dy) / u;
      n++;
      s += d;
      ss += d * d;
    }
    if (n < 2) {
      return Measurement.notEnoughData(n + " successive event pair(s), need 2");
    }
    double m = s / n;
    double sd = Math.sqrt(Math.max(0, (ss - n * m * m) / (n - 1)));
    return Measurement.of(
        m,
        sd / Math.sqrt(n),
        String.format(
            java.util.Locale.ROOT,
            "%d successive pairs; <d>_uniform = %.4g (facilitation length %.4g)",
            n,
            u,
            m * u));
  }
}
