package org.glasslab.minimize;

import org.glasslab.data.Configuration;

/**
 * Minimizes the potential energy of a configuration at fixed box. Implementations: {@link
 * ConjugateGradient} (default, the paper's method) and {@link Fire} (FIRE 2.0). Instances hold only
 * their potential and tuning constants and are safe to share between threads; each call allocates
 * its own work arrays.
 */
public interface Minimizer {

  /** Short name written into outputs: "cg" or "fire". */
  String name();

  /** The pair potential whose energy is minimized (recorded in the outputs' metadata). */
  org.glasslab.md.PairPotential potential();

  /**
   * Minimizes from {@code start}; never throws for non-convergence (see {@link
   * MinimizationResult#stopReason()}).
   *
   * @param start the starting configuration (not modified)
   * @param options stopping criteria and numerical settings
   * @param observer called after every accepted iteration
   * @throws IllegalStateException if the neighbour list overflows (collapsed configuration)
   */
  default MinimizationResult minimize(
      Configuration start, MinimizerOptions options, MinimizationObserver observer) {
    return minimize(start, null, options, observer);
  }

  /**
   * Minimizes over the particles not marked {@code frozen}: the frozen ones keep their start
   * positions (their forces are set to zero before the minimizer sees them), as the frozen-matrix
   * local yield stress method needs; the force criterion applies to the free particles only.
   *
   * @param start the starting configuration (not modified)
   * @param frozen [N] true for a particle that must not move, or {@code null} (none frozen)
   * @param options stopping criteria and numerical settings
   * @param observer called after every accepted iteration
   * @throws IllegalArgumentException if {@code frozen} has not N entries
   * @throws IllegalStateException if the neighbour list overflows (collapsed configuration)
   */
  MinimizationResult minimize(
      Configuration start,
      boolean[] frozen,
      MinimizerOptions options,
      MinimizationObserver observer);

  /** {@link #minimize(Configuration, MinimizerOptions, MinimizationObserver)} without observer. */
  default MinimizationResult minimize(Configuration start, MinimizerOptions options) {
    return minimize(start, options, MinimizationObserver.NONE);
  }
}
