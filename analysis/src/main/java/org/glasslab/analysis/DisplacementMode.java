package org.glasslab.analysis;

import org.glasslab.data.Box;
import org.glasslab.data.Configuration;

/**
 * How the motion of a particle between a reference frame and a current frame is obtained.
 *
 * <ul>
 *   <li>{@link #UNWRAPPED}: from the stored integer images, {@code u = x + image * L} in each frame
 *       (exact for trajectories written with images; boxes may differ, e.g. a deformed box).
 *   <li>{@link #MINIMUM_IMAGE}: the minimum image of the wrapped difference, for files without
 *       images; requires equal boxes and assumes every particle moved less than half a box edge.
 * </ul>
 */
public enum DisplacementMode {
  /** Unwrapped positions from the stored images. */
  UNWRAPPED,
  /** Minimum image of the wrapped displacement (equal boxes only). */
  MINIMUM_IMAGE;

  /**
   * Positions of the current frame expressed consistently with the reference frame's unwrapped
   * positions: {@code current - reference} is each particle's displacement.
   *
   * @param reference the reference frame
   * @param current the current frame (same N)
   * @param out [2N] output, may be {@code null}; modified
   * @return current positions [2N] [length]
   * @throws IllegalArgumentException if N differs, or boxes differ in {@link #MINIMUM_IMAGE} mode
   */
  public double[] currentPositions(Configuration reference, Configuration current, double[] out) {
    if (reference.size() != current.size()) {
      throw new IllegalArgumentException(
          "reference frame has N = "
              + reference.size()
              + " particles but the current frame has "
              + current.size());
    }
    if (this == UNWRAPPED) {
      return current.box().unwrap(current.positions(), current.images(), out);
    }
    Box box = reference.box();
    if (!box.equals(current.box())) {
      throw new IllegalArgumentException(
          "minimum-image displacements need equal boxes, got "
              + reference.box()
              + " (reference) and "
              + current.box()
              + " (current); use UNWRAPPED with imaged frames");
    }
    double[] ref = reference.unwrappedPositions();
    int n2 = ref.length;
    double[] u = out == null ? new double[n2] : out;
    for (int i = 0; i < n2; i += 2) {
      u[i] = ref[i] + box.minImageX(current.x(i / 2) - reference.x(i / 2));
      u[i + 1] = ref[i + 1] + box.minImageY(current.y(i / 2) - reference.y(i / 2));
    }
    return u;
  }
}
