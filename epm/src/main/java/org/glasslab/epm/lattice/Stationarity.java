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
    return maxDrift(from, m) <= z;
  }

  /**
   * The drift statistic of blocks [from, from + m) and [from + m, from + 2m): the largest, over the
   * observables, of |difference of the block means| / its standard error (+∞ when an observable
   * drifts with zero scatter, NaN when one is undefined).
   */
  private double maxDrift(int from, int m) {
    double worst = 0;
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
      double d = Math.abs(a - b) - 1e-12 * Math.max(Math.abs(a), Math.abs(b));
      double zc = d <= 0 ? 0 : se > 0 ? d / se : Double.POSITIVE_INFINITY;
      if (Double.isNaN(zc)) {
        return Double.NaN; // an undefined observable counts as drift
      }
      worst = Math.max(worst, zc);
    }
    return worst;
  }

  /**
   * The detector's current drift statistic (the largest block difference in standard errors over
   * the observables, compared with {@link #tolerance()}), or NaN before 2m windows.
   */
  public double drift() {
    int h = count / 4;
    return h >= halfWindows ? maxDrift(count - 2 * h, h) : Double.NaN;
  }

  /** The tolerance z in standard errors. */
  public double tolerance() {
    return z;
  }

  /** The fewest windows per compared block, m (so at least 4m windows before a verdict). */
  public int halfWindows() {
    return halfWindows;
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
    return warmUp(m, window, maxEvents, () -> {});
  }

  /**
   * As {@link #warmUp(LatticeEpm, long, long)}, calling {@code afterWindow} after each window is
   * recorded (progress reports: read {@link #windows()}, {@link #drift()}, the model's counters).
   */
  public long warmUp(LatticeEpm m, long window, long maxEvents, Runnable afterWindow) {
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
      afterWindow.run();
    }
    return m.events() - start;
  }
}
