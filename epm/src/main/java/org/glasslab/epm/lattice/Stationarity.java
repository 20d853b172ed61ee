package org.glasslab.epm.lattice;

import java.util.Arrays;
import java.util.Locale;

/**
 * Detects when a lattice run stops drifting (spec §7 item 15): after every window of events it
 * records moments of P(σ) (std σ, mean |σ|), of P(x) (mean x, std x, the 10 % quantile of x) and
 * the activity Γ = events / (N Δt) of the window. After c windows the last half of the run is cut
 * into two blocks of h = ⌊c/4⌋ windows, [c−2h, c−h) and [c−h, c); the run is stationary when h ≥ m
 * and, for every observable, the two block means agree within {@code z} standard errors (errors
 * from the window-to-window scatter in each block). The blocks grow with the run, so an aging run
 * whose drift slows down (logarithmic aging of the spec's draining rule) keeps failing the test
 * while the errors shrink. Measurements start after the window at which this first holds; a run
 * that never satisfies it is reported as not stationary.
 *
 * <p>Not thread-safe; O(N log N) per window (a sort for the quantile), negligible beside the N
 * events of a window.
 */
public final class Stationarity {
  /** Names of the recorded observables, in column order. */
  public static final String[] OBSERVABLES = {
    "std_sigma", "mean_abs_sigma", "mean_x", "std_x", "x_q10", "activity"
  };

  private final int halfWindows;
  private final double z;
  private final double[] xbuf;
  private double[] rows = new double[64 * (OBSERVABLES.length + 2)];
  private int count;
  private long lastEvents = -1;
  private double lastTime;
  private int reachedAt = -1;

  /**
   * @param sites N
   * @param halfWindows m: the fewest windows per compared block (&ge; 2)
   * @param z tolerance in standard errors (&gt; 0)
   */
  public Stationarity(int sites, int halfWindows, double z) {
    if (halfWindows < 2) {
      throw new IllegalArgumentException("need at least 2 windows per half, got " + halfWindows);
    }
    if (!(z > 0)) {
      throw new IllegalArgumentException("tolerance z must be > 0, got " + z);
    }
    this.halfWindows = halfWindows;
    this.z = z;
    this.xbuf = new double[sites];
  }

  /** The default detector: blocks of at least m = 5 windows, z = 3. */
  public static Stationarity defaults(int sites) {
    return new Stationarity(sites, 5, 3.0);
  }

  private static final int COLS = OBSERVABLES.length + 2; // events, time, observables

  /**
   * Starts the first window at the model's current state (call before the first window's events).
   */
  public void start(LatticeEpm m) {
    lastEvents = m.events();
    lastTime = m.time();
  }

  /**
   * Closes a window at the model's current state and records its observables.
   *
   * @return whether the run is stationary now (it stays so once reached)
   */
  public boolean observe(LatticeEpm m) {
    if (lastEvents < 0) {
      throw new IllegalStateException("start(model) was not called");
    }
    int n = m.sites();
    double[] s = m.sigma();
    double mean = 0;
    double meanAbs = 0;
    for (double v : s) {
      mean += v;
      meanAbs += Math.abs(v);
    }
    mean /= n;
    meanAbs /= n;
    double var = 0;
    for (double v : s) {
      var += (v - mean) * (v - mean);
    }
    m.distances(xbuf);
    double mx = 0;
    for (double v : xbuf) {
      mx += v;
    }
    mx /= n;
    double vx = 0;
    for (double v : xbuf) {
      vx += (v - mx) * (v - mx);
    }
    Arrays.sort(xbuf);
    double q10 = xbuf[(int) (0.1 * (n - 1))];
    double dt = m.time() - lastTime;
    double activity = dt > 0 ? (m.events() - lastEvents) / (n * dt) : Double.NaN;
    if ((count + 1) * COLS > rows.length) {
      rows = Arrays.copyOf(rows, rows.length * 2);
    }
    int o = count * COLS;
    rows[o] = m.events();
    rows[o + 1] = m.time();
    rows[o + 2] = Math.sqrt(var / n);
    rows[o + 3] = meanAbs;
    rows[o + 4] = mx;
    rows[o + 5] = Math.sqrt(vx / n);
    rows[o + 6] = q10;
    rows[o + 7] = activity;
    count++;
    lastEvents = m.events();
    lastTime = m.time();
    int h = count / 4;
    if (reachedAt < 0 && h >= halfWindows && noDrift(count - 2 * h, h)) {
      reachedAt = count - 1;
    }
    return reachedAt >= 0;
  }

  /** Whether blocks [from, from + m) and [from + m, from + 2m) agree in every observable. */
  private boolean noDrift(int from, int m) {
    for (int c = 2; c < COLS; c++) {
      double a = 0;
      double b = 0;
      for (int k = 0; k < m; k++) {
        a += rows[(from + k) * COLS + c];
        b += rows[(from + m + k) * COLS + c];
      }
      a /= m;
      b /= m;
      double va = 0;
      double vb = 0;
      for (int k = 0; k < m; k++) {
        double da = rows[(from + k) * COLS + c] - a;
        double db = rows[(from + m + k) * COLS + c] - b;
        va += da * da;
        vb += db * db;
      }
      double se = Math.sqrt((va + vb) / ((m - 1.0) * m));
      if (!(Math.abs(a - b) <= z * se + 1e-12 * Math.max(Math.abs(a), Math.abs(b)))) {
        return false;
      }
    }
    return true;
  }

  /** Whether stationarity was reached. */
  public boolean reached() {
    return reachedAt >= 0;
  }

  /** Event count at which stationarity was detected (measurements start there), or -1. */
  public long reachedAtEvents() {
    return reachedAt < 0 ? -1 : (long) rows[reachedAt * COLS];
  }

  /** Clock at which stationarity was detected [1/f0], or NaN. */
  public double reachedAtTime() {
    return reachedAt < 0 ? Double.NaN : rows[reachedAt * COLS + 1];
  }

  /** Number of recorded windows. */
  public int windows() {
    return count;
  }

  /**
   * Observable {@code k} (index into {@link #OBSERVABLES}) of window {@code w}.
   *
   * @throws IndexOutOfBoundsException for a window or observable that does not exist
   */
  public double value(int w, int k) {
    if (w < 0 || w >= count || k < 0 || k >= OBSERVABLES.length) {
      throw new IndexOutOfBoundsException("window " + w + ", observable " + k);
    }
    return rows[w * COLS + 2 + k];
  }

  /** The windows as CSV: events, time, the observables, and whether the run was stationary. */
  public String csv() {
    StringBuilder sb = new StringBuilder("events,time");
    for (String name : OBSERVABLES) {
      sb.append(',').append(name);
    }
    sb.append(",stationary\n");
    for (int w = 0; w < count; w++) {
      sb.append((long) rows[w * COLS]);
      for (int c = 1; c < COLS; c++) {
        sb.append(',').append(String.format(Locale.ROOT, "%.8g", rows[w * COLS + c]));
      }
      sb.append(',').append(reachedAt >= 0 && w >= reachedAt ? 1 : 0).append('\n');
    }
    return sb.toString();
  }

  /**
   * Runs {@code m} in windows of {@code window} events until this detector reports stationarity or
   * {@code maxEvents} events have passed (the caller reads {@link #reached()}).
   *
   * @return events run
   */
  public long warmUp(LatticeEpm m, long window, long maxEvents) {
    if (window <= 0) {
      throw new IllegalArgumentException("stationarity window must be > 0 events, got " + window);
    }
    long start = m.events();
    if (lastEvents < 0) {
      start(m);
    }
    while (!reached() && m.events() - start < maxEvents) {
      m.runEvents(Math.min(window, maxEvents - (m.events() - start)));
      observe(m);
    }
    return m.events() - start;
  }
}
