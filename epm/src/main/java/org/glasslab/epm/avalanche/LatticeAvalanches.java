package org.glasslab.epm.avalanche;

import java.util.ArrayList;
import java.util.List;
import org.glasslab.data.stats.Histogram;
import org.glasslab.epm.lattice.LatticeListener;

/**
 * Segments an undriven thermal lattice-EPM run into avalanches (spec §3.3 [P]):
 *
 * <ul>
 *   <li>start: a step with at least one yield while the system was quiescent (no x_i ≤ 0);
 *   <li>continue: while at least one site has x ≤ 0 after the step's yields;
 *   <li>end: the first step after which no site is unstable;
 *   <li>runaway: a cascade ({@link Avalanche#cascadeSize()}: the trigger plus the failures of
 *       unstable sites, thermal activations during it excluded) of more than {@code c·N} failures,
 *       or more than {@code maxDuration} steps; it is recorded with {@code runaway = true}, and the
 *       detector ignores steps until the system is quiescent again (those yields belong to no
 *       avalanche).
 * </ul>
 *
 * Both size conventions are stored on every avalanche ({@link Avalanche#size()} counts thermal
 * activations during the cascade, {@link Avalanche#cascadeSize()} does not; {@link
 * Avalanche#mixed()} flags the avalanches that had any). x_min of every quiescent state and of the
 * state each avalanche started from is histogrammed. Each avalanche records its epicentre (the
 * triggering site) and the periodic centroid of its distinct failed sites (circular mean per axis
 * over a lattice of {@code width} columns, site = y·width + x).
 */
public final class LatticeAvalanches implements LatticeListener {
  private final int sites;
  private final int width;
  private final int rows;

  /** cos, sin of 2π x / width and 2π y / rows per column / row (centroid by circular mean). */
  private final double[] cosX;

  private final double[] sinX;
  private final double[] cosY;
  private final double[] sinY;
  private int epicentre;
  private double sumCx;
  private double sumSx;
  private double sumCy;
  private double sumSy;
  private final long maxSize;
  private final long maxDuration;
  private final List<Avalanche> avalanches = new ArrayList<>();
  private final Histogram xMinQuiescent;
  private final Histogram xMinAtStart;
  private final int[] stamp;
  private int stampId = 1;
  private boolean active;
  private boolean draining;
  private boolean quiescent = true;
  private double lastXmin = Double.NaN;
  private double startTime;
  private double startXmin;
  private long size;
  private long unstableSize;
  private double released;
  private int area;
  private long duration;
  private long runaways;
  private long completed;

  /**
   * A detector for a chain of {@code sites} sites (one row: centroids have y = 0).
   *
   * @param runawayFactor c: a cascade of more than c·N failures is a runaway (&gt; 0)
   * @param maxDuration D_max: more steps than this is a runaway (&gt; 0)
   */
  public LatticeAvalanches(int sites, double runawayFactor, long maxDuration) {
    this(sites, sites, runawayFactor, maxDuration);
  }

  /**
   * A detector for a periodic lattice of {@code sites} sites in rows of {@code width} (an L×L
   * lattice: width L).
   *
   * @param width sites per row; must divide {@code sites}
   * @param runawayFactor c: a cascade of more than c·N failures is a runaway (&gt; 0)
   * @param maxDuration D_max: more steps than this is a runaway (&gt; 0)
   */
  public LatticeAvalanches(int sites, int width, double runawayFactor, long maxDuration) {
    if (sites <= 0) {
      throw new IllegalArgumentException("number of sites must be positive, got " + sites);
    }
    if (width <= 0 || sites % width != 0) {
      throw new IllegalArgumentException(
          "width must be positive and divide the " + sites + " sites, got " + width);
    }
    if (!(runawayFactor > 0)) {
      throw new IllegalArgumentException("runaway factor c must be > 0, got " + runawayFactor);
    }
    if (maxDuration <= 0) {
      throw new IllegalArgumentException("maximum duration must be > 0, got " + maxDuration);
    }
    this.sites = sites;
    this.width = width;
    this.rows = sites / width;
    this.cosX = new double[width];
    this.sinX = new double[width];
    this.cosY = new double[rows];
    this.sinY = new double[rows];
    for (int x = 0; x < width; x++) {
      cosX[x] = Math.cos(2 * Math.PI * x / width);
      sinX[x] = Math.sin(2 * Math.PI * x / width);
    }
    for (int y = 0; y < rows; y++) {
      cosY[y] = Math.cos(2 * Math.PI * y / rows);
      sinY[y] = Math.sin(2 * Math.PI * y / rows);
    }
    this.maxSize = (long) Math.ceil(runawayFactor * sites);
    this.maxDuration = maxDuration;
    this.stamp = new int[sites];
    this.xMinQuiescent = xMinHistogram();
    this.xMinAtStart = xMinHistogram();
  }

  /** An empty x_min histogram with the binning this detector uses (10 per decade, 1e-6 … 10). */
  public static Histogram xMinHistogram() {
    return Histogram.log(1e-6, 10, 10);
  }

  /**
   * Tells the detector whether the model is quiescent now (call once after attaching it to a model
   * that was not freshly relaxed); x_min of that state is remembered as the start value.
   */
  public void prime(boolean isQuiescent, double xMin) {
    this.quiescent = isQuiescent;
    this.lastXmin = xMin;
    this.draining = !isQuiescent && !active;
  }

  @Override
  public void onYield(int site, double dsigma, boolean unstable) {
    if (draining) {
      return;
    }
    if (!active) {
      if (!quiescent) {
        return;
      }
      active = true;
      size = 0;
      unstableSize = 0;
      released = 0;
      area = 0;
      duration = 0;
      startXmin = lastXmin;
      stampId++;
      if (stampId == Integer.MAX_VALUE) {
        java.util.Arrays.fill(stamp, 0);
        stampId = 1;
      }
      startTime = Double.NaN;
      epicentre = site;
      sumCx = 0;
      sumSx = 0;
      sumCy = 0;
      sumSy = 0;
    }
    size++;
    if (unstable) {
      unstableSize++;
    }
    released += Math.abs(dsigma);
    if (stamp[site] != stampId) {
      stamp[site] = stampId;
      area++;
      int x = site % width;
      int y = site / width;
      sumCx += cosX[x];
      sumSx += sinX[x];
      sumCy += cosY[y];
      sumSy += sinY[y];
    }
  }

  @Override
  public void onStepEnd(double time, int yields, int unstableAfter, double xMin) {
    lastXmin = xMin;
    boolean nowQuiescent = unstableAfter == 0;
    if (draining) {
      if (nowQuiescent) {
        draining = false;
      }
    } else if (active) {
      duration++;
      if (Double.isNaN(startTime)) {
        startTime = time;
      }
      if (nowQuiescent) {
        finish(time, false);
      } else if (unstableSize + 1 > maxSize || duration > maxDuration) {
        finish(time, true);
        draining = true;
      }
    }
    quiescent = nowQuiescent;
    if (nowQuiescent) {
      xMinQuiescent.add(xMin);
    }
  }

  private void finish(double time, boolean runaway) {
    avalanches.add(
        new Avalanche(
            startTime,
            size,
            unstableSize,
            released,
            area,
            duration,
            time - startTime,
            runaway,
            startXmin,
            epicentre,
            circularMean(sumSx, sumCx, width),
            circularMean(sumSy, sumCy, rows)));
    if (!Double.isNaN(startXmin)) {
      xMinAtStart.add(startXmin);
    }
    if (runaway) {
      runaways++;
    } else {
      completed++;
    }
    active = false;
  }

  /**
   * The periodic mean position in [0, period) from Σ sin, Σ cos of the angles 2π x / period; for a
   * perfectly balanced set (zero resultant, e.g. a cascade spanning the box evenly) the angle is
   * that of atan2(0, 0) = 0.
   */
  private static double circularMean(double s, double c, int period) {
    double a = Math.atan2(s, c) / (2 * Math.PI) * period;
    return a < 0 ? a + period : (a >= period ? a - period : a);
  }

  /** Sites per row (x = site % width, y = site / width). */
  public int width() {
    return width;
  }

  /** Whether an avalanche is in progress. */
  public boolean active() {
    return active;
  }

  /** Whether a runaway was cut and the system has not been quiescent since. */
  public boolean draining() {
    return draining;
  }

  /** All recorded avalanches, runaways included (flagged), in order. */
  public List<Avalanche> avalanches() {
    return List.copyOf(avalanches);
  }

  /** Number of recorded avalanches (runaways included). */
  public int count() {
    return avalanches.size();
  }

  /** Number of runaways. */
  public long runaways() {
    return runaways;
  }

  /** Number of avalanches that ended normally. */
  public long completed() {
    return completed;
  }

  /** Histogram of x_min over quiescent states (one entry per quiescent step end). */
  public Histogram xMinQuiescent() {
    return xMinQuiescent;
  }

  /** Histogram of x_min of the states avalanches started from. */
  public Histogram xMinAtStart() {
    return xMinAtStart;
  }

  /** S_max = ceil(c·N). */
  public long maxSize() {
    return maxSize;
  }

  /** Number of lattice sites. */
  public int sites() {
    return sites;
  }
}
