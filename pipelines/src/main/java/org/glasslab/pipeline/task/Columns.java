package org.glasslab.pipeline.task;

import org.glasslab.data.Configuration;

/** Per-particle columns shared by the tasks' tables: ids and the x/y halves of [2N] arrays. */
public final class Columns {
  private Columns() {}

  /**
   * Particle ids [N]: the file's ids, else index + 1 (1..N, as LAMMPS numbers atoms and as
   * GlassLab's LAMMPS writers number them); the one particle-id convention of every results table.
   */
  public static int[] ids(Configuration c) {
    int[] id = c.ids();
    if (id != null) {
      return id.clone();
    }
    int[] out = new int[c.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = i + 1;
    }
    return out;
  }

  /**
   * A local-fit column as written: the counts {@code neighbours} and {@code flag} as int[], any
   * other as the double[] it is.
   */
  public static Object typed(String name, double[] v) {
    if (!name.equals("neighbours") && !name.equals("flag")) {
      return v;
    }
    int[] out = new int[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = (int) v[i];
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
