package org.glasslab.epm.lattice;

/** Time evolution of the lattice thermal EPM (spec §3.2, §3.4 and §4.2). */
public enum LatticeProtocol {
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
  DISCRETE,
  /**
   * The extremal protocol (spec §3.2 item 3): deterministic synchronous steps of unit time in which
   * every site with {@code x_i < x0} yields ({@link LatticeParams#extremalCutoff}); when no site is
   * below x0 the weakest site (smallest x) yields alone, as in extremal (Bak–Sneppen-type) dynamics
   * [P]. The temperature plays no role.
   */
  EXTREMAL
}
