package org.glasslab.data.io;

import java.nio.file.Path;
import java.util.Arrays;
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
    refuseCoincident(file, where, box, x, diameters, ids);
    try {
      return new Configuration(box, x, img, diameters, velocities, ids, types, step, time);
    } catch (IllegalArgumentException e) {
      throw new TrajectoryFormatException(file, where, e.getMessage(), e);
    }
  }

  /**
   * Pairs closer than this fraction of the smaller diameter are coincident: no configuration of
   * repulsive disks has them, and every force, stress or Hessian computed on one is infinite.
   */
  static final double COINCIDENT = 1e-6;

  /**
   * Refuses a frame in which two particles (nearly) coincide, naming the pair and its distance.
   * Wrapped coordinates {@code x} [2N]; sorts particles by x (packed primitive keys, no boxing) and
   * compares each with the few that follow within the coincidence range, across the periodic edge.
   */
  static void refuseCoincident(
      Path file, String where, Box box, double[] x, double[] diameters, int[] ids)
      throws TrajectoryFormatException {
    int n = diameters.length;
    if (n < 2) {
      return;
    }
    double dmax = 0;
    for (double d : diameters) {
      dmax = Math.max(dmax, d);
    }
    double range = COINCIDENT * dmax;
    double lx = box.lx();
    int indexBits = 64 - Long.numberOfLeadingZeros(n);
    double scale = Math.scalb(1.0, 62 - indexBits);
    long[] keys = new long[n];
    for (int i = 0; i < n; i++) {
      long q = (long) (x[2 * i] / lx * scale);
      keys[i] = (q << indexBits) | i;
    }
    Arrays.sort(keys);
    long mask = (1L << indexBits) - 1;
    for (int a = 0; a < n; a++) {
      int i = (int) (keys[a] & mask);
      // The window wraps once around the box so that pairs across x = 0 / x = Lx are seen.
      for (int b = a + 1; b < a + n; b++) {
        int j = (int) (keys[b % n] & mask);
        double dx = x[2 * j] - x[2 * i] + (b >= n ? lx : 0);
        if (dx > range) {
          break;
        }
        double r =
            Math.hypot(
                box.minImage(x[2 * j] - x[2 * i], 0), box.minImage(x[2 * j + 1] - x[2 * i + 1], 1));
        if (r < COINCIDENT * Math.min(diameters[i], diameters[j])) {
          throw new TrajectoryFormatException(
              file,
              where,
              "particles "
                  + particleName(ids, i)
                  + " and "
                  + particleName(ids, j)
                  + " coincide (distance "
                  + r
                  + ", diameters "
                  + diameters[i]
                  + " and "
                  + diameters[j]
                  + "): overlapping disks have infinite energy; is a column or frame misread?");
        }
      }
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
