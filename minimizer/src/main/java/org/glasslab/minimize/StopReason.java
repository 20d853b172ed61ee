package org.glasslab.minimize;

/**
 * Why a minimization stopped. Only {@link #FORCE_TOLERANCE} means converged: the largest force
 * component is at most the requested tolerance. Every other reason is a non-converged exit and is
 * reported as such.
 */
public enum StopReason {
  /** The largest force component is at most {@code ftol}: converged. */
  FORCE_TOLERANCE,
  /**
   * The relative energy change of the last iteration fell below {@code etol} before the force
   * criterion was met (only with an energy criterion set). Not converged in the force sense.
   */
  ENERGY_TOLERANCE,
  /** The iteration cap was reached. */
  MAX_ITERATIONS,
  /** The force-evaluation cap was reached. */
  MAX_FORCE_EVALUATIONS,
  /**
   * The line search found no acceptable step even along steepest descent (CG), typically because
   * the requested tolerance is below the round-off of the forces.
   */
  LINE_SEARCH_FAILED,
  /**
   * No progress: FIRE made too many consecutive uphill steps (P = F.v &le; 0), or CG went {@code
   * max(1000, 2N)} iterations without a new lowest max force (ftol below the force round-off).
   */
  STALLED,
  /** The energy or a force became NaN or infinite. */
  NOT_FINITE;

  /** True only for {@link #FORCE_TOLERANCE}. */
  public boolean converged() {
    return this == FORCE_TOLERANCE;
  }
}
