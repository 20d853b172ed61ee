package org.glasslab.epm.propagator;

/** Orientation of the Eshelby quadrupole of each plastic event (spec §2.1 and §2.2). */
public enum Orientation {
  /** Scalar σ_xy model: every event has the same orientation (GooseEPM, Tahaei et al.). */
  FIXED,
  /**
   * A fresh angle θ ~ U[0, π/2) per event (Rodriguez-Lopez &amp; Ferrero's "randomly oriented
   * Eshelby kernel"; discretisation [P], spec §2.2).
   */
  RANDOM
}
