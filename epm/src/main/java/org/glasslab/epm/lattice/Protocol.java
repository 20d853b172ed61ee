package org.glasslab.epm.lattice;

/** Time evolution of the lattice thermal EPM (spec §3.2, §3.4 and §4.2). */
public enum Protocol {
  /**
   * Exact continuous-time kinetic Monte Carlo (Gillespie, GooseEPM {@code SystemThermal}): total
   * rate R = Σ r_i, waiting time Exp(R), one site chosen with probability r_i/R; one event per
   * step.
   */
  KMC,
  /**
   * Synchronous discrete time steps of length Δt (spec §3.2 [P]): unstable sites yield (see {@link
   * UnstableRule}), each stable site yields with probability 1 - exp(-Δt r_i), and all yields of
   * the step are applied together from the pre-step state.
   */
  DISCRETE
}
