package org.glasslab.epm.lattice;

/** How unstable sites (x ≤ 0) fail in the {@link LatticeProtocol#DISCRETE} protocol. */
public enum UnstableRule {
  /** Spec §3.2 (a): every unstable site yields in the next step, deterministically. */
  IMMEDIATE,
  /**
   * Unstable sites yield with probability 1 - exp(-Δt f0), the discretisation of the KMC rate f0;
   * with this rule the discrete protocol converges to KMC as Δt → 0.
   */
  RATE
}
