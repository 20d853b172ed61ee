package org.glasslab.epm.meanfield;

/**
 * Parameters of one stationary Gillespie measurement.
 *
 * @param engine simulation engine
 * @param n number of sites N ≥ 2
 * @param temperature T &gt; 0
 * @param burnInEvents events discarded before measuring (relaxation from σ ~ N(0,1))
 * @param events events measured after the burn-in
 * @param sampleEvery events between histogram samples (each sample costs O(N))
 * @param bins histogram bins on [−sigmaMax, sigmaMax]
 * @param sigmaMax histogram half-width [σ_c]; mass outside is counted in the outer bins' tallies
 *     only through {@code outside}
 */
public record GillespieOptions(
    GillespieState.Engine engine,
    int n,
    double temperature,
    long burnInEvents,
    long events,
    long sampleEvery,
    int bins,
    double sigmaMax) {

  /** Validates ranges with actionable messages. */
  public GillespieOptions {
    if (engine == null) {
      throw new IllegalArgumentException("engine must be DIRECT or LAZY");
    }
    if (n < 2) {
      throw new IllegalArgumentException("n " + n + " must be at least 2");
    }
    if (!(temperature > 0) || !Double.isFinite(temperature)) {
      throw new IllegalArgumentException("temperature " + temperature + " must be positive");
    }
    if (burnInEvents < 0 || events < 1) {
      throw new IllegalArgumentException(
          "need burnInEvents >= 0 and events >= 1, got " + burnInEvents + ", " + events);
    }
    if (sampleEvery < 1) {
      throw new IllegalArgumentException("sampleEvery " + sampleEvery + " must be >= 1");
    }
    if (bins < 2 || !(sigmaMax > 0)) {
      throw new IllegalArgumentException(
          "need bins >= 2 and sigmaMax > 0, got " + bins + ", " + sigmaMax);
    }
  }

  /** Defaults: sample every N events, 60 bins on [−1.5, 1.5]. */
  public static GillespieOptions of(
      GillespieState.Engine engine, int n, double temperature, long burnIn, long events) {
    return new GillespieOptions(engine, n, temperature, burnIn, events, n, 60, 1.5);
  }

  /** Bin edges [bins + 1] [σ_c]. */
  public double[] edges() {
    double[] e = new double[bins + 1];
    for (int b = 0; b <= bins; b++) {
      e[b] = -sigmaMax + 2.0 * sigmaMax * b / bins;
    }
    return e;
  }
}
