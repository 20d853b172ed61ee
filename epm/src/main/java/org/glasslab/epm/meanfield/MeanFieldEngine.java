package org.glasslab.epm.meanfield;

import org.glasslab.data.Limits;
import org.glasslab.data.random.Rng;

/**
 * State and bookkeeping shared by the two mean-field engines: parameters, stresses σ [N] [σ_c], the
 * checkpointable RNG, simulated time [τ], event count, and the exact rate ν(σ) of eq 3 (x·√x for
 * the default a = 3/2 instead of pow).
 */
abstract sealed class MeanFieldEngine implements MeanFieldSimulation
    permits DirectGillespie, LazyGillespie {
  final BaronBiroliModel model;
  final double temperature;
  final long seed;
  final int n;
  final double[] sigma;
  final Rng rng;

  /** Kick standard deviation √(2α/N) [σ_c]. */
  final double kick;

  private final double invT;
  private final double a;
  private final boolean threeHalves;
  double time;
  long events;

  /** Fresh engine: σ_i ~ N(0, 1) from the seeded RNG, time 0. */
  MeanFieldEngine(BaronBiroliModel model, double temperature, int n, long seed) {
    if (!(temperature > 0) || !Double.isFinite(temperature)) {
      throw new IllegalArgumentException("temperature " + temperature + " must be positive");
    }
    if (n < 2) {
      throw new IllegalArgumentException("need at least 2 sites, got " + n);
    }
    // sigma (8 bytes a site) plus the engine's own per-site array (cumulative rates or marks, 8)
    Limits.elements(n, 16, "mean-field Gillespie with " + n + " sites");
    this.model = model;
    this.temperature = temperature;
    this.seed = seed;
    this.n = n;
    this.sigma = new double[n];
    this.rng = new Rng(seed);
    this.kick = Math.sqrt(2.0 * model.alpha() / n);
    this.invT = 1.0 / temperature;
    this.a = model.a();
    this.threeHalves = a == 1.5;
    for (int i = 0; i < n; i++) {
      sigma[i] = rng.nextGaussian();
    }
  }

  /** Engine continuing from {@code s}, which must come from {@code engine}. */
  MeanFieldEngine(GillespieState s, GillespieState.Engine engine) {
    this(s.model(), s.temperature(), s.size(), s.seed());
    if (s.engine() != engine) {
      throw new IllegalArgumentException("state of engine " + s.engine() + ", expected " + engine);
    }
    System.arraycopy(s.sigma(), 0, sigma, 0, n);
    rng.restoreState(s.rng());
    time = s.time();
    events = s.events();
  }

  /** ν(σ) of eq 3 [1/τ]. */
  final double rate(double s) {
    double x = 1.0 - Math.abs(s);
    if (x <= 0) {
      return 1.0;
    }
    return Math.exp(-(threeHalves ? x * Math.sqrt(x) : Math.pow(x, a)) * invT);
  }

  @Override
  public final double time() {
    return time;
  }

  @Override
  public final long events() {
    return events;
  }

  @Override
  public final int size() {
    return n;
  }

  @Override
  public final BaronBiroliModel model() {
    return model;
  }

  @Override
  public final double temperature() {
    return temperature;
  }
}
