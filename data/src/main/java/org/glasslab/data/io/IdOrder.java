package org.glasslab.data.io;

import java.util.Arrays;

/**
 * Particle order by atom id, for LAMMPS files whose atoms come in processor order: the permutation
 * that sorts ids, and helpers that apply it to per-particle arrays.
 */
final class IdOrder {
  private IdOrder() {}

  /**
   * The permutation {@code order} with {@code ids[order[0]] < ids[order[1]] < ...}.
   *
   * @throws TrajectoryFormatException on a repeated id, naming it
   */
  static int[] of(int[] ids, LineReader r, String context) throws TrajectoryFormatException {
    int n = ids.length;
    Integer[] o = new Integer[n];
    for (int i = 0; i < n; i++) {
      o[i] = i;
    }
    Arrays.sort(o, (a, b) -> Integer.compare(ids[a], ids[b]));
    int[] order = new int[n];
    for (int k = 0; k < n; k++) {
      order[k] = o[k];
      if (k > 0 && ids[o[k]] == ids[o[k - 1]]) {
        throw r.error("duplicate atom id " + ids[o[k]] + context);
      }
    }
    return order;
  }

  /** {@code a} [N] reordered: out[k] = a[order[k]]; {@code null} stays {@code null}. */
  static double[] perParticle(double[] a, int[] order) {
    if (a == null) {
      return null;
    }
    double[] out = new double[order.length];
    for (int k = 0; k < order.length; k++) {
      out[k] = a[order[k]];
    }
    return out;
  }

  /** {@code a} [N] reordered; {@code null} stays {@code null}. */
  static int[] perParticle(int[] a, int[] order) {
    if (a == null) {
      return null;
    }
    int[] out = new int[order.length];
    for (int k = 0; k < order.length; k++) {
      out[k] = a[order[k]];
    }
    return out;
  }

  /** {@code a} [2N] (x,y pairs) reordered; {@code null} stays {@code null}. */
  static double[] perVector(double[] a, int[] order) {
    if (a == null) {
      return null;
    }
    double[] out = new double[2 * order.length];
    for (int k = 0; k < order.length; k++) {
      out[2 * k] = a[2 * order[k]];
      out[2 * k + 1] = a[2 * order[k] + 1];
    }
    return out;
  }

  /** {@code a} [2N] (x,y pairs) reordered; {@code null} stays {@code null}. */
  static int[] perVector(int[] a, int[] order) {
    if (a == null) {
      return null;
    }
    int[] out = new int[2 * order.length];
    for (int k = 0; k < order.length; k++) {
      out[2 * k] = a[2 * order[k]];
      out[2 * k + 1] = a[2 * order[k] + 1];
    }
    return out;
  }
}
