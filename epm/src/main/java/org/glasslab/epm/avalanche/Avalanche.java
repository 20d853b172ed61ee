package org.glasslab.epm.avalanche;

/**
 * One undriven thermal avalanche (spec §3.3 [P]).
 *
 * @param startTime clock at the start step [1/f0]
 * @param size S: plastic events in the avalanche, thermal activations during the cascade included
 * @param unstableSize events of sites that were unstable before their step (the variant that does
 *     not count thermal activations after the triggering step)
 * @param released total released stress Σ|δσ| [stress]
 * @param area distinct sites that failed (rearranging area A in lattice units)
 * @param duration D: protocol steps from the start step to the end step inclusive (KMC: events)
 * @param durationTime clock difference end - start [1/f0] (0 for a one-step avalanche)
 * @param runaway true if it was cut because its cascade exceeded c·N failures or D_max steps (never
 *     mixed into P(S))
 * @param xMinAtStart min_i x_i of the quiescent state the triggering activation came from [stress]
 * @param epicentre the site of the triggering yield (index y·L + x), −1 if not recorded
 * @param centroidX periodic centroid of the distinct failed sites, x in [0, L) [lattice spacings]
 *     (circular mean over the sites, so a cascade across the boundary is not split); NaN if not
 *     recorded
 * @param centroidY the same for y
 */
public record Avalanche(
    double startTime,
    long size,
    long unstableSize,
    double released,
    int area,
    long duration,
    double durationTime,
    boolean runaway,
    double xMinAtStart,
    int epicentre,
    double centroidX,
    double centroidY) {

  /** An avalanche without position (epicentre −1, centroid NaN). */
  public Avalanche(
      double startTime,
      long size,
      long unstableSize,
      double released,
      int area,
      long duration,
      double durationTime,
      boolean runaway,
      double xMinAtStart) {
    this(
        startTime,
        size,
        unstableSize,
        released,
        area,
        duration,
        durationTime,
        runaway,
        xMinAtStart,
        -1,
        Double.NaN,
        Double.NaN);
  }

  /**
   * The cascade size: the triggering thermal activation plus the failures of unstable sites,
   * unstableSize + 1. Thermal activations during the cascade ({@link #thermalDuring()}) are not
   * part of it; P(S), the cut-off and the runaway criterion use this size.
   */
  public long cascadeSize() {
    return unstableSize + 1;
  }

  /** Thermal activations of stable sites during the cascade, after the triggering one (≥ 0). */
  public long thermalDuring() {
    return Math.max(0, size - unstableSize - 1);
  }

  /** Flag: thermal activations happened during the cascade (S &gt; cascade size). */
  public boolean mixed() {
    return thermalDuring() > 0;
  }
}
