package org.glasslab.data.io;

import java.nio.file.Path;
import org.glasslab.data.Box;
import org.glasslab.data.Configuration;

/**
 * Turns raw per-particle columns read from a file into a validated {@link Configuration}: checks
 * finiteness, wraps coordinates that lie slightly outside the box (adjusting images) and rejects
 * those beyond the tolerance, with messages naming the file and place.
 */
final class FrameAssembler {
  private FrameAssembler() {}

  /**
   * Builds a configuration from raw columns.
   *
   * @param x [2N] coordinates relative to the box origin [length]; wrapped in place, modified
   * @param images [2N] images read from the file or {@code null} (then zero before wrapping),
   *     modified
   * @param unwrapped true when {@code x} holds unwrapped coordinates (images then come from
   *     wrapping and the tolerance does not apply)
   */
  static Configuration assemble(
      Path file,
      String where,
      Box box,
      double[] x,
      int[] images,
      double[] diameters,
      double[] velocities,
      int[] ids,
      int[] types,
      long step,
      double time,
      boolean unwrapped,
      double tolerance)
      throws TrajectoryFormatException {
    int n = diameters.length;
    int[] img = images == null ? new int[2 * n] : images;
    double[] tmp = new double[1];
    for (int k = 0; k < 2 * n; k++) {
      double v = x[k];
      String what = ((k & 1) == 0 ? "x" : "y") + " of particle " + particleName(ids, k / 2);
      if (!Double.isFinite(v)) {
        throw new TrajectoryFormatException(file, where, what + " is not finite (" + v + ")");
      }
      double l = box.length(k & 1);
      if (!unwrapped && (v < -tolerance || v >= l + tolerance)) {
        throw new TrajectoryFormatException(
            file,
            where,
            what
                + " = "
                + v
                + " is outside the box [0, "
                + l
                + ") by more than the tolerance "
                + tolerance);
      }
      int shift = box.wrap(v, k & 1, tmp);
      x[k] = tmp[0];
      img[k] += shift;
    }
    for (int i = 0; i < n; i++) {
      double d = diameters[i];
      if (!(d > 0) || !Double.isFinite(d)) {
        throw new TrajectoryFormatException(
            file,
            where,
            "diameter of particle " + particleName(ids, i) + " must be positive, got " + d);
      }
    }
    if (velocities != null) {
      for (int k = 0; k < 2 * n; k++) {
        if (!Double.isFinite(velocities[k])) {
          throw new TrajectoryFormatException(
              file, where, "velocity of particle " + particleName(ids, k / 2) + " is not finite");
        }
      }
    }
    try {
      return new Configuration(box, x, img, diameters, velocities, ids, types, step, time);
    } catch (IllegalArgumentException e) {
      throw new TrajectoryFormatException(file, where, e.getMessage(), e);
    }
  }

  static String particleName(int[] ids, int i) {
    return ids == null ? "#" + i : "id " + ids[i];
  }

  /** A box from edge lengths read from a file, with a file-naming error. */
  static Box box(Path file, String where, double lx, double ly) throws TrajectoryFormatException {
    if (!(lx > 0) || !(ly > 0) || !Double.isFinite(lx) || !Double.isFinite(ly)) {
      throw new TrajectoryFormatException(
          file, where, "box edges must be finite and positive, got " + lx + " x " + ly);
    }
    return new Box(lx, ly);
  }
}
