package org.glasslab.md;

/**
 * A thermostat plugged into the velocity-Verlet integrator of {@link Simulation}; it acts once per
 * step, at the very end (after the second half kick), on the full-step velocities. {@link Nve} is
 * "no thermostat". Implementations are immutable: a checkpoint stores only which thermostat and its
 * parameters.
 */
public sealed interface Thermostat permits Nve, BrownClarke {

  /** Short name for provenance and checkpoints, e.g. {@code "nve"}, {@code "brown-clarke"}. */
  String name();

  /** Target temperature [energy/k_B], or NaN for none. */
  double targetTemperature();

  /**
   * Adjusts the full-step velocities at the end of a step, given their moments (computed by the
   * integrator in the loop it already runs).
   *
   * @param v [2N] velocities [length/time], modified
   * @param n number of particles
   * @param moments [3] {@code (sum vx, sum vy, sum (vx^2 + vy^2))} of {@code v}, summed particle by
   *     particle in index order; not modified
   */
  void endOfStep(double[] v, int n, double[] moments);

  /**
   * Adjusts the full-step velocities at the end of a step (computes the moments itself).
   *
   * @param v [2N] velocities [length/time], modified
   * @param n number of particles
   */
  default void endOfStep(double[] v, int n) {
    double sx = 0;
    double sy = 0;
    double s2 = 0;
    for (int i = 0; i < n; i++) {
      double vx = v[2 * i];
      double vy = v[2 * i + 1];
      sx += vx;
      sy += vy;
      s2 += vx * vx + vy * vy;
    }
    endOfStep(v, n, new double[] {sx, sy, s2});
  }
}
