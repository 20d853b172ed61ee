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
   * Adjusts the full-step velocities at the end of a step.
   *
   * @param v [2N] velocities [length/time], modified
   * @param n number of particles
   */
  void endOfStep(double[] v, int n);
}
