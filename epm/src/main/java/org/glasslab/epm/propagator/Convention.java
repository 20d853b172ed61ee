package org.glasslab.epm.propagator;

/**
 * Zero-mode convention of a lattice stress propagator G(r) (spec §2.1, GooseEPM). In both, the self
 * term is G(0) = -1, so a failing site drops by exactly the stress it releases.
 */
public enum Convention {
  /**
   * Mean stress conserved: sum_r G(r) = 0 (Ĝ(q=0) = 0). Use for undriven runs at fixed mean stress;
   * round-off drift is removed by periodic re-centring.
   */
  IMPOSED_STRESS,
  /**
   * Imposed (fixed) total strain: sum_r G(r) = -1, so each event lowers the mean stress by δσ/N.
   * Implemented [P] by adding -1/(N-1) to every off-site value of the imposed-stress kernel.
   */
  IMPOSED_STRAIN;

  /** The sum rule {@code sum_r G(r)} this convention enforces. */
  public double expectedSum() {
    return this == IMPOSED_STRESS ? 0.0 : -1.0;
  }
}
