package org.glasslab.analysis.mechanics;

import org.glasslab.data.Box;
import org.glasslab.data.geometry.CellList;
import org.glasslab.data.geometry.PairVisitor;
import org.glasslab.md.PairPotential;

/** The pair search of this package: the shared {@link CellList} at the potential's range. */
final class Pairs {
  private Pairs() {}

  /**
   * Visits every pair closer than the largest pair cutoff of {@code potential} for these diameters
   * once ({@code i < j}, minimum-image separation {@code r_j - r_i}); the visitor applies the
   * per-pair cutoff itself.
   *
   * @param x [2N] positions [length], wrapped or not, not modified
   * @param d [N] diameters [length], not modified
   * @throws IllegalArgumentException if the interaction range exceeds half the box width
   */
  static void forEach(Box box, double[] x, double[] d, PairPotential potential, PairVisitor v) {
    double dMax = 0;
    for (double di : d) {
      dMax = Math.max(dMax, di);
    }
    CellList.of(box, potential.maxCutoff(dMax)).forEachPair(x, v);
  }
}
