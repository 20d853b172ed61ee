package org.glasslab.data;

import java.util.Arrays;

/**
 * An immutable snapshot of N particles in a periodic {@link Box}: wrapped positions plus integer
 * images, diameters, optional velocities, optional ids and types, the MD step and the time.
 *
 * <p>Shapes and units: positions {@code [2N]} (x0,y0,x1,y1,...) in {@code [0,L)} [length]; images
 * {@code [2N]} (unwrapped = position + image * L); diameters {@code [N]} [length]; velocities
 * {@code [2N]} [length/time] or absent; ids {@code [N]} (any distinct integers, e.g. LAMMPS atom
 * ids) or absent; types {@code [N]} (integers &ge; 1, LAMMPS convention) or absent. Reduced units:
 * mean diameter 1, epsilon 1, mass 1, k_B 1. Arrays are copied on the way in and on the way out.
 */
public final class Configuration {
  private final Box box;
  private final double[] positions;
  private final int[] images;
  private final double[] diameters;
  private final double[] velocities;
  private final int[] ids;
  private final int[] types;
  private final long step;
  private final double time;

  /**
   * Validates and copies a snapshot.
   *
   * @param box the periodic box
   * @param positions [2N] wrapped into {@code [0,L)} [length], not modified
   * @param images [2N] integer images, or {@code null} for all zero, not modified
   * @param diameters [N] positive [length], not modified
   * @param velocities [2N] [length/time] or {@code null}, not modified
   * @param ids [N] distinct particle ids or {@code null}, not modified
   * @param types [N] types &ge; 1 or {@code null}, not modified
   * @param step MD step (&ge; 0)
   * @param time simulation time [time], finite
   * @throws IllegalArgumentException naming the offending field and particle
   */
  public Configuration(
      Box box,
      double[] positions,
      int[] images,
      double[] diameters,
      double[] velocities,
      int[] ids,
      int[] types,
      long step,
      double time) {
    if (box == null) {
      throw new IllegalArgumentException("box is required");
    }
    if (diameters == null || diameters.length == 0) {
      throw new IllegalArgumentException("diameters are required and N must be positive");
    }
    int n = diameters.length;
    checkLength("positions", positions, 2 * n, n);
    if (images != null && images.length != 2 * n) {
      throw new IllegalArgumentException(
          "images must have length 2N = " + 2 * n + ", got " + images.length);
    }
    if (velocities != null) {
      checkLength("velocities", velocities, 2 * n, n);
    }
    if (ids != null && ids.length != n) {
      throw new IllegalArgumentException("ids must have length N = " + n + ", got " + ids.length);
    }
    if (types != null && types.length != n) {
      throw new IllegalArgumentException(
          "types must have length N = " + n + ", got " + types.length);
    }
    for (int i = 0; i < n; i++) {
      double d = diameters[i];
      if (!(d > 0) || !Double.isFinite(d)) {
        throw new IllegalArgumentException(
            "diameter of particle " + i + " must be finite and positive, got " + d);
      }
      for (int c = 0; c < 2; c++) {
        double x = positions[2 * i + c];
        double l = box.length(c);
        if (!Double.isFinite(x)) {
          throw new IllegalArgumentException(
              "position " + axis(c) + " of particle " + i + " is not finite: " + x);
        }
        if (x < 0 || x >= l) {
          throw new IllegalArgumentException(
              "position "
                  + axis(c)
                  + " of particle "
                  + i
                  + " = "
                  + x
                  + " is outside the box [0, "
                  + l
                  + "); wrap it first (Box.wrapAll)");
        }
        if (velocities != null && !Double.isFinite(velocities[2 * i + c])) {
          throw new IllegalArgumentException(
              "velocity " + axis(c) + " of particle " + i + " is not finite");
        }
      }
      if (types != null && types[i] < 1) {
        throw new IllegalArgumentException(
            "type of particle " + i + " must be >= 1, got " + types[i]);
      }
    }
    if (step < 0) {
      throw new IllegalArgumentException("step must be >= 0, got " + step);
    }
    if (!Double.isFinite(time)) {
      throw new IllegalArgumentException("time must be finite, got " + time);
    }
    this.box = box;
    this.positions = positions.clone();
    this.images = images == null ? new int[2 * n] : images.clone();
    this.diameters = diameters.clone();
    this.velocities = velocities == null ? null : velocities.clone();
    this.ids = ids == null ? null : ids.clone();
    this.types = types == null ? null : types.clone();
    this.step = step;
    this.time = time;
  }

  /** A snapshot with positions and diameters only: zero images, step 0, time 0. */
  public static Configuration of(Box box, double[] positions, double[] diameters) {
    return new Configuration(box, positions, null, diameters, null, null, null, 0, 0.0);
  }

  private static void checkLength(String field, double[] a, int expected, int n) {
    if (a == null || a.length != expected) {
      throw new IllegalArgumentException(
          field
              + " must have length 2N = "
              + expected
              + " for N = "
              + n
              + " particles in 2D, got "
              + (a == null ? "none" : a.length));
    }
  }

  private static String axis(int c) {
    return c == 0 ? "x" : "y";
  }

  /** Number of particles. */
  public int size() {
    return diameters.length;
  }

  /** The periodic box. */
  public Box box() {
    return box;
  }

  /** Wrapped x of particle {@code i} [length]. */
  public double x(int i) {
    return positions[2 * i];
  }

  /** Wrapped y of particle {@code i} [length]. */
  public double y(int i) {
    return positions[2 * i + 1];
  }

  /** Copy of the wrapped positions [2N] [length]. */
  public double[] positions() {
    return positions.clone();
  }

  /** Copy of the integer images [2N]. */
  public int[] images() {
    return images.clone();
  }

  /** Unwrapped positions {@code x + image * L} [2N] [length]. */
  public double[] unwrappedPositions() {
    return box.unwrap(positions, images, null);
  }

  /** Copy of the diameters [N] [length]. */
  public double[] diameters() {
    return diameters.clone();
  }

  /** Diameter of particle {@code i} [length]. */
  public double diameter(int i) {
    return diameters[i];
  }

  /** True when velocities are present. */
  public boolean hasVelocities() {
    return velocities != null;
  }

  /** Copy of the velocities [2N] [length/time], or {@code null} when absent. */
  public double[] velocities() {
    return velocities == null ? null : velocities.clone();
  }

  /** Copy of the particle ids [N], or {@code null} when absent (particles are then 0..N-1). */
  public int[] ids() {
    return ids == null ? null : ids.clone();
  }

  /** Copy of the particle types [N] (&ge; 1), or {@code null} when absent. */
  public int[] types() {
    return types == null ? null : types.clone();
  }

  /** MD step of this snapshot. */
  public long step() {
    return step;
  }

  /** Simulation time of this snapshot [time]. */
  public double time() {
    return time;
  }

  /** Number density N / A [length^-2]. */
  public double density() {
    return size() / box.area();
  }

  /** The same snapshot with another step and time. */
  public Configuration withStepAndTime(long newStep, double newTime) {
    return new Configuration(
        box, positions, images, diameters, velocities, ids, types, newStep, newTime);
  }

  /** The same snapshot with other velocities ({@code null} drops them). */
  public Configuration withVelocities(double[] newVelocities) {
    return new Configuration(
        box, positions, images, diameters, newVelocities, ids, types, step, time);
  }

  /** The same particles at new wrapped positions and images (e.g. an inherent structure). */
  public Configuration withPositions(double[] newPositions, int[] newImages) {
    return new Configuration(
        box, newPositions, newImages, diameters, velocities, ids, types, step, time);
  }

  /** Bit-for-bit equality of every field. */
  @Override
  public boolean equals(Object o) {
    return o instanceof Configuration c
        && box.equals(c.box)
        && step == c.step
        && Double.doubleToLongBits(time) == Double.doubleToLongBits(c.time)
        && Arrays.equals(positions, c.positions)
        && Arrays.equals(images, c.images)
        && Arrays.equals(diameters, c.diameters)
        && Arrays.equals(velocities, c.velocities)
        && Arrays.equals(ids, c.ids)
        && Arrays.equals(types, c.types);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(positions) * 31 + Long.hashCode(step);
  }

  @Override
  public String toString() {
    return "Configuration[N=" + size() + ", " + box + ", step=" + step + ", time=" + time + "]";
  }
}
