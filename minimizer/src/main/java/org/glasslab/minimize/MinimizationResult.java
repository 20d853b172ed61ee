package org.glasslab.minimize;

import org.glasslab.data.Configuration;

/**
 * The outcome of one minimization. Energy and forces refer to {@code configuration} (the last
 * accepted point), whatever the stop reason.
 *
 * @param method the minimizer's name ("cg" or "fire")
 * @param configuration the final configuration: positions wrapped, images updated (unwrapped
 *     displacement from the start = final unwrapped - start unwrapped), step and time of the start
 * @param energy total potential energy [energy]
 * @param maxForce largest absolute force component [energy/length]
 * @param forceNorm Euclidean norm of the 2N force vector [energy/length]
 * @param iterations iterations done (CG line searches, FIRE steps)
 * @param forceEvaluations force (and energy) evaluations, the initial one included
 * @param stopReason why it stopped
 */
public record MinimizationResult(
    String method,
    Configuration configuration,
    double energy,
    double maxForce,
    double forceNorm,
    int iterations,
    long forceEvaluations,
    StopReason stopReason) {

  /** Validates. */
  public MinimizationResult {
    if (configuration == null || stopReason == null || method == null) {
      throw new IllegalArgumentException("method, configuration and stop reason are required");
    }
    if (iterations < 0 || forceEvaluations < 0) {
      throw new IllegalArgumentException("iteration and evaluation counts must be >= 0");
    }
  }

  /** True only when the force criterion holds ({@link StopReason#FORCE_TOLERANCE}). */
  public boolean converged() {
    return stopReason.converged();
  }

  /** Energy per particle [energy]. */
  public double energyPerParticle() {
    return energy / configuration.size();
  }
}
