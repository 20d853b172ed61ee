package org.glasslab.epm.meanfield;

import java.util.function.LongConsumer;

/**
 * Stationary measurements on mean-field Gillespie runs: the activity Γ = (events)/(N·time) over the
 * measured window and the time-weighted stress histogram. Histogram samples are taken every {@code
 * sampleEvery} events, each weighted by 1/R (R = total rate of the sampled state): the expected
 * sojourn time of that state, so the histogram estimates the time average P(σ) rather than the
 * distribution seen at event times (which is biased by R). Error bars come from independent seeds.
 */
public final class GillespieMeasurement {
  private GillespieMeasurement() {}

  /**
   * One run.
   *
   * @param seed RNG seed (recorded in the result)
   * @param progress receives the number of events done so far (burn-in included), may be null
   */
  public static Run run(
      BaronBiroliModel model, GillespieOptions o, long seed, LongConsumer progress) {
    MeanFieldSimulation sim =
        MeanFieldSimulation.create(o.engine(), model, o.temperature(), o.n(), seed);
    long chunk = Math.max(1, Math.min(o.sampleEvery(), 100_000));
    long done = 0;
    while (done < o.burnInEvents()) {
      long k = Math.min(chunk, o.burnInEvents() - done);
      sim.advance(k);
      done += k;
      if (progress != null) {
        progress.accept(done);
      }
    }
    double t0 = sim.time();
    long e0 = sim.events();
    double[] hist = new double[o.bins()];
    double[] buf = new double[o.n()];
    double weightSum = 0;
    double outside = 0;
    double lo = -o.sigmaMax();
    double scale = o.bins() / (2 * o.sigmaMax());
    long measured = 0;
    while (measured < o.events()) {
      long k = Math.min(o.sampleEvery(), o.events() - measured);
      sim.advance(k);
      measured += k;
      double w = 1.0 / sim.totalRate();
      sim.sigma(buf);
      for (double s : buf) {
        int b = (int) Math.floor((s - lo) * scale);
        if (b >= 0 && b < hist.length) {
          hist[b] += w;
        } else {
          outside += w;
        }
      }
      weightSum += w * buf.length;
      if (progress != null) {
        progress.accept(o.burnInEvents() + measured);
      }
    }
    for (int b = 0; b < hist.length; b++) {
      hist[b] /= weightSum;
    }
    double duration = sim.time() - t0;
    long events = sim.events() - e0;
    double gamma = events / (o.n() * duration);
    long candidates = sim instanceof LazyGillespie lz ? lz.candidates() : sim.events();
    return new Run(seed, gamma, duration, events, hist, outside / weightSum, candidates);
  }

  /**
   * Independent runs with seeds {@code seed0, seed0+1, …}; Γ and the histogram with standard errors
   * of the mean over seeds.
   *
   * @param progress receives cumulative events over all runs, may be null
   */
  public static Ensemble ensemble(
      BaronBiroliModel model, GillespieOptions o, long seed0, int seeds, LongConsumer progress) {
    if (seeds < 2) {
      throw new IllegalArgumentException("need at least 2 seeds for error bars, got " + seeds);
    }
    Run[] runs = new Run[seeds];
    long per = o.burnInEvents() + o.events();
    for (int s = 0; s < seeds; s++) {
      final long base = s * per;
      runs[s] = run(model, o, seed0 + s, progress == null ? null : d -> progress.accept(base + d));
    }
    double[] g = new double[seeds];
    double[][] h = new double[seeds][];
    for (int s = 0; s < seeds; s++) {
      g[s] = runs[s].gamma();
      h[s] = runs[s].histogram();
    }
    double[] gm = meanAndError(g);
    double[] hm = new double[o.bins()];
    double[] he = new double[o.bins()];
    double[] col = new double[seeds];
    for (int b = 0; b < o.bins(); b++) {
      for (int s = 0; s < seeds; s++) {
        col[s] = h[s][b];
      }
      double[] me = meanAndError(col);
      hm[b] = me[0];
      he[b] = me[1];
    }
    return new Ensemble(o, seed0, runs, gm[0], gm[1], hm, he);
  }

  /** {mean, standard error of the mean} of x (n ≥ 2). */
  static double[] meanAndError(double[] x) {
    double m = 0;
    for (double v : x) {
      m += v;
    }
    m /= x.length;
    double ss = 0;
    for (double v : x) {
      ss += (v - m) * (v - m);
    }
    return new double[] {m, Math.sqrt(ss / (x.length - 1) / x.length)};
  }

  /**
   * Compares an ensemble histogram with a stationary solution: L1 distance Σ_b |p̂_b − p_b| of bin
   * probabilities, its noise floor Σ_b √(2/π)·SE_b (the expected L1 if the only difference were the
   * seeds' statistical error), χ² = Σ_b ((p̂_b − p_b)/SE_b)² over bins with SE_b &gt; 0, and the Γ
   * deviation in standard errors.
   */
  public static Comparison compare(Ensemble e, StationarySolution theory) {
    double[] edges = e.options().edges();
    double l1 = 0;
    double floor = 0;
    double chi2 = 0;
    int dof = 0;
    for (int b = 0; b < edges.length - 1; b++) {
      double p = theory.probability(edges[b], edges[b + 1]);
      double d = e.histogram()[b] - p;
      l1 += Math.abs(d);
      double se = e.histogramError()[b];
      floor += Math.sqrt(2 / Math.PI) * se;
      if (se > 0) {
        chi2 += d * d / (se * se);
        dof++;
      }
    }
    double gammaRel = e.gamma() / theory.gamma() - 1;
    double gammaZ = (e.gamma() - theory.gamma()) / e.gammaError();
    return new Comparison(l1, floor, chi2, dof, gammaRel, gammaZ);
  }

  /**
   * One run's results.
   *
   * @param seed RNG seed
   * @param gamma Γ = events/(N·time) over the measured window [1/τ]
   * @param duration measured simulated time [τ]
   * @param events measured events
   * @param histogram [bins] time-weighted bin probabilities (sum ≤ 1)
   * @param outside probability mass outside [−sigmaMax, sigmaMax]
   * @param candidates lazy engine: candidate events drawn (incl. burn-in); direct: events
   */
  public record Run(
      long seed,
      double gamma,
      double duration,
      long events,
      double[] histogram,
      double outside,
      long candidates) {}

  /**
   * Ensemble over seeds.
   *
   * @param options the common options
   * @param seed0 first seed (runs use seed0, seed0+1, …)
   * @param runs per-seed results
   * @param gamma mean Γ over seeds [1/τ]
   * @param gammaError standard error of the mean Γ [1/τ]
   * @param histogram [bins] mean bin probabilities
   * @param histogramError [bins] standard errors of the mean
   */
  public record Ensemble(
      GillespieOptions options,
      long seed0,
      Run[] runs,
      double gamma,
      double gammaError,
      double[] histogram,
      double[] histogramError) {}

  /**
   * Simulation vs theory.
   *
   * @param l1 Σ_b |p̂_b − p_b|
   * @param l1NoiseFloor Σ_b √(2/π) SE_b
   * @param chi2 Σ_b ((p̂_b − p_b)/SE_b)²
   * @param dof number of bins in χ²
   * @param gammaRelative Γ_sim/Γ_theory − 1
   * @param gammaZ (Γ_sim − Γ_theory)/SE(Γ_sim)
   */
  public record Comparison(
      double l1, double l1NoiseFloor, double chi2, int dof, double gammaRelative, double gammaZ) {}
}
