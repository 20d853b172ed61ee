package org.glasslab.epm.propagator;

import java.util.random.RandomGenerator;

/**
 * Lattice stress propagator of an {@code L x L} periodic elastoplastic model: a plastic event at
 * site i releasing δσ changes the stress of every site j by {@code G(r_ij) δσ}, self term included.
 * Fields are flat arrays {@code [L*L]}, site {@code (x, y)} at index {@code y*L + x}; {@code r_ij =
 * (x_j - x_i, y_j - y_i) mod L}. Stress in units of the mean yield threshold.
 *
 * <p>Implementations are immutable after construction apart from internal work buffers; they are
 * not thread-safe when batched updates are used.
 */
public interface StressPropagator {
  /** Linear lattice size L. */
  int size();

  /** The zero-mode convention this kernel satisfies. */
  Convention convention();

  /**
   * Draws the orientation angle θ [rad] of one plastic event. Kernels without an orientation return
   * 0 and do not touch {@code rng}, so fixed-orientation runs consume no extra randoms.
   */
  double drawAngle(RandomGenerator rng);

  /** Kernel value G_θ at separation (dx, dy) (any integers; taken modulo L). */
  double value(int dx, int dy, double theta);

  /**
   * The full kernel G_θ(r) for separations r = (x, y) at index {@code y*L + x}.
   *
   * @param out destination [L*L], modified; allocated when null
   * @return {@code out}
   */
  double[] kernel(double theta, double[] out);

  /**
   * Applies one event: {@code sigma[j] += G_θ(r_ij) * dsigma} for every site j, in O(N).
   *
   * @param sigma stress field [L*L], modified
   */
  void applyEvent(double[] sigma, int site, double dsigma, double theta);

  /**
   * Applies {@code count} simultaneous events (all computed from the same pre-step state). The
   * result equals applying them one by one with {@link #applyEvent}, up to round-off;
   * implementations may use FFT convolutions when {@code count} is large.
   *
   * @param sigma stress field [L*L], modified
   * @param sites failing sites [count], not modified
   * @param dsigma released stresses [count], not modified
   * @param theta event angles [count], not modified
   */
  default void applyEvents(
      double[] sigma, int[] sites, double[] dsigma, double[] theta, int count) {
    for (int k = 0; k < count; k++) {
      applyEvent(sigma, sites[k], dsigma[k], theta[k]);
    }
  }

  /** Checks the conventions (self term, sum rule) and returns the measured values. */
  PropagatorCheck check();
}
