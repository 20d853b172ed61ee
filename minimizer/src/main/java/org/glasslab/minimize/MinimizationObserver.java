package org.glasslab.minimize;

/**
 * Receives the state after every accepted iteration (tests, traces, progress). Called on the
 * minimizing thread; keep it cheap.
 */
@FunctionalInterface
public interface MinimizationObserver {
  /** Does nothing. */
  MinimizationObserver NONE = (iteration, energy, maxForce, forceNorm) -> {};

  /**
   * One accepted iteration.
   *
   * @param iteration iterations completed so far (0 = the start)
   * @param energy total potential energy [energy]
   * @param maxForce largest absolute force component [energy/length]
   * @param forceNorm Euclidean norm of the force vector [energy/length]
   */
  void iteration(int iteration, double energy, double maxForce, double forceNorm);
}
