package org.glasslab.analysis.stats;

import org.glasslab.data.random.Rng;

/**
 * Paired values of two per-particle metrics for a scatter plot (the paper's Fig. 8): rows with NaN
 * in either column are dropped; when more than {@code maxPoints} remain, a uniform random subset of
 * that size is kept, drawn with a seeded {@link Rng} (seed recorded here), in the original row
 * order.
 *
 * @param xName x metric name
 * @param yName y metric name
 * @param x [n] x values
 * @param y [n] y values
 * @param seed the subsampling seed
 */
public record ScatterData(String xName, String yName, double[] x, double[] y, long seed) {

  /** Copies. */
  public ScatterData {
    x = x.clone();
    y = y.clone();
  }

  @Override
  public double[] x() {
    return x.clone();
  }

  @Override
  public double[] y() {
    return y.clone();
  }

  /**
   * Builds scatter data.
   *
   * @param x [n] not modified
   * @param y [n] not modified
   * @param maxPoints largest number of points kept (&ge; 1)
   * @param seed subsampling seed
   */
  public static ScatterData of(
      String xName, String yName, double[] x, double[] y, int maxPoints, long seed) {
    if (x.length != y.length) {
      throw new IllegalArgumentException(
          "x and y must have equal lengths, got " + x.length + " and " + y.length);
    }
    if (maxPoints < 1) {
      throw new IllegalArgumentException("maxPoints must be >= 1, got " + maxPoints);
    }
    int n = 0;
    int[] idx = new int[x.length];
    for (int i = 0; i < x.length; i++) {
      if (!Double.isNaN(x[i]) && !Double.isNaN(y[i])) {
        idx[n++] = i;
      }
    }
    int m = Math.min(n, maxPoints);
    // Selection sampling (Knuth's algorithm S): a uniform subset of size m, in order.
    Rng rng = new Rng(seed);
    double[] ox = new double[m];
    double[] oy = new double[m];
    int chosen = 0;
    for (int t = 0; t < n && chosen < m; t++) {
      if (rng.nextDouble() * (n - t) < m - chosen) {
        ox[chosen] = x[idx[t]];
        oy[chosen] = y[idx[t]];
        chosen++;
      }
    }
    return new ScatterData(xName, yName, ox, oy, seed);
  }
}
