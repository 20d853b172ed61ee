package org.glasslab.analysis.mlsoftness;

import org.glasslab.analysis.events.EventCatalog;
import org.glasslab.data.Box;

/**
 * Rearrangement labels of one inherent-structure (IS) trajectory, the targets of the
 * machine-learned softness.
 *
 * <p><b>Rearranging</b> at frame f: particle i moved more than {@code moveThreshold} mean diameters
 * between IS frames f and f+1 (the event catalogue's "moved" criterion, minimum image between
 * consecutive frames) in an interval that the {@link EventCatalog} classifies as an event
 * (AVALANCHE or MULTIPLE). Creep across long lags and moves the catalogue does not judge are not
 * rearrangements. <b>Non-rearranging</b> at frame f: over a quiet stretch of at least {@code
 * quietSteps} steps after frame f (frames f+1 … g, g the first frame with S(g) − S(f) ≥
 * quietSteps), the particle's IS displacement from frame f (summed minimum-image steps) stays below
 * {@code quietThreshold} mean diameters at every frame. Frames whose stretch runs past the end of
 * the trajectory give no non-rearranging labels. The two classes are disjoint because {@code
 * quietThreshold <= moveThreshold}. Features of both classes are taken on IS frame f, the last
 * structure before the interval.
 *
 * @param rearranging [frames][N] true where particle i rearranges in [f, f+1] (last frame: none)
 * @param quiet [frames][N] true where particle i stays quiet for the stretch after frame f
 */
public record Rearrangements(boolean[][] rearranging, boolean[][] quiet) {

  /**
   * Labels from stored IS frames and their event catalogue.
   *
   * @param box the periodic box
   * @param positions [frames][2N] IS positions [length], wrapped or not; not modified
   * @param steps [frames] S(f) [steps], ascending
   * @param catalogue the catalogue of the same trajectory
   * @param moveThreshold rearranging above this many mean diameters
   * @param quietThreshold non-rearranging below this many mean diameters, at most moveThreshold
   * @param quietSteps length of the quiet stretch [steps], positive
   * @param meanDiameter the mean diameter [length]
   */
  public static Rearrangements of(
      Box box,
      double[][] positions,
      long[] steps,
      EventCatalog.Result catalogue,
      double moveThreshold,
      double quietThreshold,
      long quietSteps,
      double meanDiameter) {
    if (!(quietThreshold > 0 && quietThreshold <= moveThreshold)) {
      throw new IllegalArgumentException(
          "quiet threshold "
              + quietThreshold
              + " must be positive and at most the move threshold "
              + moveThreshold);
    }
    if (quietSteps < 1) {
      throw new IllegalArgumentException("quiet stretch must be >= 1 step, got " + quietSteps);
    }
    int frames = positions.length;
    int n = frames == 0 ? 0 : positions[0].length / 2;
    boolean[][] rearr = new boolean[frames][n];
    boolean[][] quiet = new boolean[frames][n];
    boolean[] event = new boolean[frames];
    for (EventCatalog.Interval iv : catalogue.events()) {
      event[iv.frame()] = true;
    }
    double move2 = sq(moveThreshold * meanDiameter);
    double quiet2 = sq(quietThreshold * meanDiameter);
    for (int f = 0; f + 1 < frames; f++) {
      if (!event[f]) {
        continue;
      }
      double[] a = positions[f];
      double[] b = positions[f + 1];
      for (int i = 0; i < n; i++) {
        double dx = box.minImageX(b[2 * i] - a[2 * i]);
        double dy = box.minImageY(b[2 * i + 1] - a[2 * i + 1]);
        rearr[f][i] = dx * dx + dy * dy > move2;
      }
    }
    double[] ux = new double[n];
    double[] uy = new double[n];
    double[] max2 = new double[n];
    for (int f = 0; f < frames; f++) {
      int g = f + 1;
      while (g < frames && steps[g] - steps[f] < quietSteps) {
        g++;
      }
      if (g >= frames) {
        continue; // the stretch is not covered
      }
      java.util.Arrays.fill(ux, 0);
      java.util.Arrays.fill(uy, 0);
      java.util.Arrays.fill(max2, 0);
      for (int h = f + 1; h <= g; h++) {
        double[] a = positions[h - 1];
        double[] b = positions[h];
        for (int i = 0; i < n; i++) {
          ux[i] += box.minImageX(b[2 * i] - a[2 * i]);
          uy[i] += box.minImageY(b[2 * i + 1] - a[2 * i + 1]);
          max2[i] = Math.max(max2[i], ux[i] * ux[i] + uy[i] * uy[i]);
        }
      }
      for (int i = 0; i < n; i++) {
        quiet[f][i] = max2[i] < quiet2;
      }
    }
    return new Rearrangements(rearr, quiet);
  }

  private static double sq(double x) {
    return x * x;
  }

  /** Number of rearranging (frame, particle) labels. */
  public int rearrangingCount() {
    return count(rearranging);
  }

  /** Number of non-rearranging (frame, particle) labels. */
  public int quietCount() {
    return count(quiet);
  }

  private static int count(boolean[][] a) {
    int c = 0;
    for (boolean[] row : a) {
      for (boolean b : row) {
        c += b ? 1 : 0;
      }
    }
    return c;
  }
}
