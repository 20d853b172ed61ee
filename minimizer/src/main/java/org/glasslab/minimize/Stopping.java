package org.glasslab.minimize;

/** The stopping tests shared by every minimizer, in the order they are applied. */
final class Stopping {
  private Stopping() {}

  /**
   * The reason to stop before the next iteration, or {@code null} to go on: non-finite energy or
   * force, then the force tolerance (converged), then the iteration and evaluation caps.
   */
  static StopReason before(
      double energy, double maxForce, int iterations, long evaluations, MinimizerOptions opt) {
    if (!Double.isFinite(energy) || !Double.isFinite(maxForce)) {
      return StopReason.NOT_FINITE;
    }
    if (maxForce <= opt.ftol()) {
      return StopReason.FORCE_TOLERANCE;
    }
    if (iterations >= opt.maxIterations()) {
      return StopReason.MAX_ITERATIONS;
    }
    if (evaluations >= opt.maxForceEvaluations()) {
      return StopReason.MAX_FORCE_EVALUATIONS;
    }
    return null;
  }

  /**
   * True when the optional energy criterion stops the run after an iteration from {@code eOld} to
   * {@code e} (only while the force criterion is not met; see {@link StopReason#ENERGY_TOLERANCE}).
   */
  static boolean energy(double e, double eOld, double maxForce, MinimizerOptions opt) {
    return opt.etol() > 0
        && maxForce > opt.ftol()
        && Math.abs(e - eOld) <= opt.etol() * Math.max(Math.abs(e), Math.abs(eOld));
  }
}
