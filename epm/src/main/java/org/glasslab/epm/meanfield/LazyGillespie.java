package org.glasslab.epm.meanfield;

import org.glasslab.data.random.Rng;

/**
 * The same stochastic process as {@link DirectGillespie}, simulated by uniformisation with lazily
 * summed kicks. Since ν ≤ 1, candidate events occur at total rate N (waiting time Exp(N)) at a
 * uniformly chosen site j, and are accepted with probability ν(σ_j); rates only change at accepted
 * events, so this thinning is exact. The kicks of the k events that site j has not yet seen are
 * i.i.d. N(0, 2α/N), so their sum is one N(0, 2αk/N) draw, taken when j is next looked at (marks[j]
 * = event count already included in σ_j). Expected cost per event: N/R = 1/⟨ν⟩ candidates of O(1)
 * each, independent of N (about 1.1 at T = 3, 2 at T = 0.5, 20 at T = 0.1, 2·10^3 at T = 0.03). A
 * full materialisation (O(N)) happens only when the state is read ({@link #sigma}, {@link
 * #totalRate}, {@link #state}).
 */
public final class LazyGillespie extends MeanFieldEngine {
  private final long[] marks;
  private long candidates;

  LazyGillespie(BaronBiroliModel model, double temperature, int n, long seed) {
    super(model, temperature, n, seed);
    this.marks = new long[n];
  }

  LazyGillespie(GillespieState s) {
    super(s, GillespieState.Engine.LAZY);
    this.marks = new long[n];
    System.arraycopy(s.marks(), 0, marks, 0, n);
  }

  private double materialise(int j) {
    long missed = events - marks[j];
    double v = sigma[j];
    if (missed > 0) {
      v += kick * Math.sqrt((double) missed) * rng.nextGaussian();
      sigma[j] = v;
      marks[j] = events;
    }
    return v;
  }

  @Override
  public void advance(long count) {
    final Rng r = rng;
    final double invN = 1.0 / n;
    for (long e = 0; e < count; e++) {
      int j;
      while (true) {
        candidates++;
        time += r.nextExponential() * invN;
        j = r.nextInt(n);
        double v = materialise(j);
        double nu = rate(v);
        if (nu >= 1.0 || r.nextDouble() < nu) {
          break;
        }
      }
      double s = MeanFieldSimulation.redrawMagnitude(r.nextDouble());
      sigma[j] = r.nextBoolean() ? s : -s;
      events++;
      marks[j] = events;
    }
  }

  /** Candidate events drawn so far (accepted + rejected); candidates/events ≈ 1/⟨ν⟩. */
  public long candidates() {
    return candidates;
  }

  @Override
  public void sigma(double[] out) {
    for (int j = 0; j < n; j++) {
      out[j] = materialise(j);
    }
  }

  @Override
  public double totalRate() {
    double acc = 0;
    for (int j = 0; j < n; j++) {
      acc += rate(materialise(j));
    }
    return acc;
  }

  @Override
  public GillespieState state() {
    return new GillespieState(
        GillespieState.Engine.LAZY,
        model,
        temperature,
        seed,
        time,
        events,
        rng.saveState(),
        sigma,
        marks);
  }
}
