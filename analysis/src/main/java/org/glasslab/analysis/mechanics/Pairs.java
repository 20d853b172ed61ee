package org.glasslab.analysis.mechanics;

import org.glasslab.data.Box;
import org.glasslab.md.NeighbourList;
import org.glasslab.md.PairPotential;

/** The one place where this package builds md-engine neighbour lists for a single frame. */
final class Pairs {
  private Pairs() {}

  /**
   * A copy of {@code x} wrapped into the box (the neighbour list wants wrapped positions).
   *
   * @param x [2N] positions [length], not modified
   */
  static double[] wrapped(Box box, double[] x) {
    double[] w = x.clone();
    box.wrapAll(w, new int[w.length]);
    return w;
  }

  /**
   * A neighbour list without skin listing every pair image within its pair cutoff.
   *
   * @param x [2N] positions wrapped into the box [length], not modified; the list's separations
   *     refer to exactly these positions
   * @param d [N] diameters [length], not modified
   */
  static NeighbourList list(Box box, double[] x, double[] d, PairPotential potential) {
    double dMax = 0;
    for (double v : d) {
      dMax = Math.max(dMax, v);
    }
    NeighbourList list = new NeighbourList(box, d.length, potential.maxCutoff(dMax), 0.0, 256);
    list.build(x, d, potential);
    return list;
  }

  /** Receives one listed pair image: {@code (dx, dy) = r_i - r_j} (with the image shift). */
  @FunctionalInterface
  interface Visitor {
    /** Called once per listed pair image, {@code r2 = dx^2 + dy^2} [length^2]. */
    void pair(int i, int j, double dx, double dy, double r2);
  }

  /**
   * Calls {@code visitor} for every pair image in {@code list} (each pair once).
   *
   * @param x [2N] the wrapped positions the list was built from, not modified
   */
  static void forEach(NeighbourList list, double[] x, Visitor visitor) {
    final int n = list.size();
    final int[] start = list.start();
    final int[] entries = list.entries();
    final double[] sx = list.shiftX();
    final double[] sy = list.shiftY();
    for (int i = 0; i < n; i++) {
      final double xi = x[2 * i];
      final double yi = x[2 * i + 1];
      for (int k = start[i], e = start[i + 1]; k < e; k++) {
        final int p = entries[k];
        final int j = p >>> NeighbourList.SHIFT_BITS;
        final int c = p & ((1 << NeighbourList.SHIFT_BITS) - 1);
        final double dx = xi - x[2 * j] + sx[c];
        final double dy = yi - x[2 * j + 1] + sy[c];
        visitor.pair(i, j, dx, dy, dx * dx + dy * dy);
      }
    }
  }
}
