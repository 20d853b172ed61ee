package org.glasslab.epm.meanfield;

/**
 * Exact continuous-time simulation of the Baron–Biroli mean-field dynamics (paper Appendix E): N
 * sites with stresses σ_i; site i fails at rate ν(σ_i) (eq 3), its stress is redrawn from y(σ) (eq
 * 1) and every other site receives an independent kick δσ_j ~ N(0, 2α/N). One mutable owner per
 * run; seeded, with the whole state (RNG included) saveable and restorable.
 */
public sealed interface MeanFieldSimulation permits MeanFieldEngine {

  /** Performs {@code count} plastic events. */
  void advance(long count);

  /** Simulated time [τ]. */
  double time();

  /** Plastic events performed so far. */
  long events();

  /** Number of sites N. */
  int size();

  /** Model parameters. */
  BaronBiroliModel model();

  /** Temperature T. */
  double temperature();

  /**
   * Current stresses.
   *
   * @param out [N] receives σ_i [σ_c] (modified)
   */
  void sigma(double[] out);

  /** Total rate R = Σ_i ν(σ_i) of the current state [1/τ]. */
  double totalRate();

  /** The complete state, RNG included. */
  GillespieState state();

  /** Creates an engine with σ_i ~ N(0, 1) (the paper's initial condition), time 0. */
  static MeanFieldSimulation create(
      GillespieState.Engine engine, BaronBiroliModel model, double temperature, int n, long seed) {
    return switch (engine) {
      case DIRECT -> new DirectGillespie(model, temperature, n, seed);
      case LAZY -> new LazyGillespie(model, temperature, n, seed);
    };
  }

  /** Restores a simulation that continues exactly from {@code state}. */
  static MeanFieldSimulation restore(GillespieState state) {
    return switch (state.engine()) {
      case DIRECT -> new DirectGillespie(state);
      case LAZY -> new LazyGillespie(state);
    };
  }

  /** Inverse-CDF draw of |σ| from y: density e^(s−1)/(1 − e^−1) on [0, 1), u uniform in [0,1). */
  static double redrawMagnitude(double u) {
    return Math.log1p(u * (Math.E - 1.0));
  }
}
