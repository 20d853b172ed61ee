package org.glasslab.analysis.mechanics;

import org.glasslab.data.Box;
import org.glasslab.md.NeighbourList;
import org.glasslab.md.PairPotential;

/** The one place where this package builds md-engine neighbour lists for a single frame. */
final class Pairs {
  private Pairs() {}

  /**
   * A neighbour list without skin listing every pair image within the largest cutoff.
   *
   * @param x [2N] positions [length], not modified
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
}
