package org.glasslab.pipeline.task;

import org.glasslab.data.Configuration;

/** Per-particle columns shared by the tasks' tables: ids and the x/y halves of [2N] arrays. */
public final class Columns {
  private Columns() {}

  /** Particle ids [N] (the index when the file has none). */
  public static int[] ids(Configuration c) {
    int[] id = c.ids();
    if (id != null) {
      return id.clone();
    }
    int[] out = new int[c.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = i;
    }
    return out;
  }

  /** Component {@code c} (0 = x, 1 = y) of an interleaved [2N] array, as [N]. */
  public static double[] component(double[] a, int c) {
    double[] out = new double[a.length / 2];
    for (int i = 0; i < out.length; i++) {
      out[i] = a[2 * i + c];
    }
    return out;
  }
}
