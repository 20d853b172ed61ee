package org.glasslab.epm.meanfield;

import org.glasslab.data.random.Rng;

/**
 * Appendix E of Baron &amp; Biroli, literally: after every event all N rates are recomputed and
 * stored as prefix sums c_i = Σ_{j≤i} ν_j (an implicit sum tree), the total rate is c_{N−1}, the
 * waiting time is Exp(R) and the failing site is found by binary search for u·R in the prefix sums
 * (O(log N)). Because every event kicks every other site, all N rates change at every event, so the
 * true cost is Θ(N) per event (N Gaussians, N rate evaluations, one fused pass); a Fenwick tree
 * would also have to be rebuilt in O(N) and buys nothing here. See docs/epm-meanfield.md.
 *
 * <p>Order of operations in one event: (1) t += −ln(u_1)/R; (2) pick i with c_{i−1} ≤ u_2 R &lt;
 * c_i; (3) σ_i ← ±ln(1 + u_3(e − 1)) (y of eq 1); (4) σ_j += √(2α/N)·g_j for j ≠ i in index order,
 * recomputing ν_j and c_j in the same pass.
 */
public final class DirectGillespie extends MeanFieldEngine {
  private final double[] cum;

  DirectGillespie(BaronBiroliModel model, double temperature, int n, long seed) {
    super(model, temperature, n, seed);
    this.cum = new double[n];
    rebuild();
  }

  DirectGillespie(GillespieState s) {
    super(s, GillespieState.Engine.DIRECT);
    this.cum = new double[n];
    rebuild();
  }

  private void rebuild() {
    double acc = 0;
    for (int j = 0; j < n; j++) {
      acc += rate(sigma[j]);
      cum[j] = acc;
    }
  }

  @Override
  public void advance(long count) {
    for (long e = 0; e < count; e++) {
      step();
    }
  }

  private void step() {
    final double[] sg = sigma;
    final double[] c = cum;
    final Rng r = rng;
    double total = c[n - 1];
    time += r.nextExponential() / total;
    double target = r.nextDouble() * total;
    int lo = 0;
    int hi = n - 1;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (c[mid] > target) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    final int i = lo;
    double s = MeanFieldSimulation.redrawMagnitude(r.nextDouble());
    double redrawn = r.nextBoolean() ? s : -s;
    double acc = 0;
    final double k = kick;
    for (int j = 0; j < i; j++) {
      double v = sg[j] + k * r.nextGaussian();
      sg[j] = v;
      acc += rate(v);
      c[j] = acc;
    }
    sg[i] = redrawn;
    acc += rate(redrawn);
    c[i] = acc;
    for (int j = i + 1; j < n; j++) {
      double v = sg[j] + k * r.nextGaussian();
      sg[j] = v;
      acc += rate(v);
      c[j] = acc;
    }
    events++;
  }

  @Override
  public void sigma(double[] out) {
    System.arraycopy(sigma, 0, out, 0, n);
  }

  @Override
  public double totalRate() {
    return cum[n - 1];
  }

  @Override
  public GillespieState state() {
    return new GillespieState(
        GillespieState.Engine.DIRECT,
        model,
        temperature,
        seed,
        time,
        events,
        rng.saveState(),
        sigma,
        null);
  }
}
