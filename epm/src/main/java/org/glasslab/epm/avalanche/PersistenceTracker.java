package org.glasslab.epm.avalanche;

import org.glasslab.epm.lattice.LatticeListener;

/**
 * Persistence p(t) and four-point susceptibility χ4(t) (spec §3.4) over consecutive,
 * non-overlapping time windows of length {@code lags[last]}: in each window starting at t0, {@code
 * p(t) = (1/N) Σ_i [site i has not yielded in (t0, t0 + t]]} is recorded at every lag; over windows
 * (and samples, after {@link #newSample}) {@code ⟨p⟩} and {@code χ4 = N(⟨p²⟩ - ⟨p⟩²)} are
 * accumulated. τ_α is where ⟨p⟩ = 1/e (log-linear interpolation) [P].
 */
public final class PersistenceTracker implements LatticeListener {
  private final int sites;
  private final double[] lags;
  private final boolean[] yielded;
  private final double[] sumP;
  private final double[] sumP2;
  private final double[] current;
  private long windows;
  private int notYielded;
  private double t0;
  private int nextLag;
  private boolean started;

  /**
   * @param sites N
   * @param lags increasing positive lag times [1/f0], not modified
   */
  public PersistenceTracker(int sites, double[] lags) {
    if (sites <= 0 || lags.length == 0) {
      throw new IllegalArgumentException("need sites > 0 and at least one lag");
    }
    for (int k = 0; k < lags.length; k++) {
      if (!(lags[k] > 0) || (k > 0 && !(lags[k] > lags[k - 1]))) {
        throw new IllegalArgumentException("lags must be positive and increasing");
      }
    }
    this.sites = sites;
    this.lags = lags.clone();
    this.yielded = new boolean[sites];
    this.sumP = new double[lags.length];
    this.sumP2 = new double[lags.length];
    this.current = new double[lags.length];
  }

  /** Log-spaced lags from {@code first} to {@code last} with {@code count} points. */
  public static double[] logLags(double first, double last, int count) {
    if (!(first > 0) || !(last > first) || count < 2) {
      throw new IllegalArgumentException("need 0 < first < last and count >= 2");
    }
    double[] l = new double[count];
    for (int k = 0; k < count; k++) {
      l[k] = first * Math.pow(last / first, (double) k / (count - 1));
    }
    return l;
  }

  /** Starts the first window at time {@code time} (also after a new sample's model). */
  public void newSample(double time) {
    startWindow(time);
    started = true;
  }

  private void startWindow(double origin) {
    java.util.Arrays.fill(yielded, false);
    notYielded = sites;
    t0 = origin;
    nextLag = 0;
  }

  @Override
  public void onAdvance(double newTime) {
    if (!started) {
      return;
    }
    while (true) {
      while (nextLag < lags.length && t0 + lags[nextLag] < newTime) {
        current[nextLag++] = (double) notYielded / sites;
      }
      if (nextLag < lags.length) {
        return;
      }
      // only completed windows enter the averages
      for (int k = 0; k < lags.length; k++) {
        sumP[k] += current[k];
        sumP2[k] += current[k] * current[k];
      }
      windows++;
      startWindow(t0 + lags[lags.length - 1]);
    }
  }

  @Override
  public void onYield(int site, double dsigma, boolean unstable) {
    if (started && !yielded[site]) {
      yielded[site] = true;
      notYielded--;
    }
  }

  /** Completed windows. */
  public long windows() {
    return windows;
  }

  /** The lags [1/f0] (copy). */
  public double[] lags() {
    return lags.clone();
  }

  /** ⟨p(t)⟩ per lag over completed windows. */
  public double[] meanPersistence() {
    double[] o = new double[lags.length];
    for (int k = 0; k < lags.length; k++) {
      o[k] = windows == 0 ? Double.NaN : sumP[k] / windows;
    }
    return o;
  }

  /** χ4(t) = N(⟨p²⟩ - ⟨p⟩²) per lag over completed windows. */
  public double[] chi4() {
    double[] o = new double[lags.length];
    for (int k = 0; k < lags.length; k++) {
      double m = sumP[k] / windows;
      o[k] = windows == 0 ? Double.NaN : sites * (sumP2[k] / windows - m * m);
    }
    return o;
  }

  /** τ_α with ⟨p(τ_α)⟩ = 1/e, log-linear interpolation between lags; NaN if not bracketed. */
  public double tauAlpha() {
    double[] p = meanPersistence();
    double target = Math.exp(-1);
    for (int k = 1; k < p.length; k++) {
      if (p[k - 1] >= target && p[k] < target) {
        double f = (p[k - 1] - target) / (p[k - 1] - p[k]);
        return Math.exp(Math.log(lags[k - 1]) + f * (Math.log(lags[k]) - Math.log(lags[k - 1])));
      }
    }
    return Double.NaN;
  }
}
