package org.glasslab.epm.lattice;

import org.glasslab.data.random.Rng;
import org.glasslab.epm.propagator.Convention;
import org.glasslab.epm.propagator.EshelbyPropagator;
import org.glasslab.epm.propagator.LocalPropagator;
import org.glasslab.epm.propagator.StressPropagator;

/**
 * The 2D lattice thermal elastoplastic model (spec §1, §3.2, §4.2): the one mutable owner of the
 * state (σ, σ_th, ε_p, clock, generator).
 *
 * <p>Site i has distance to yielding {@code x_i = σ_th,i - |σ_i|}; a stable site (x &gt; 0) fails
 * at rate {@code f0 exp(-x^a/T)}, an unstable one at rate f0. Rates are handled in log space
 * ({@code log r = log f0 - x^a/T}) so nothing overflows at small T. A failure at i redraws σ_th,i
 * from N(μ, s_y^2) truncated at &gt; 0, picks the post-yield stress σ_new by the {@link ResetRule}
 * (spec: σ_new = -η; default: Baron–Biroli's redraw from y(σ) truncated at the new threshold),
 * releases {@code δσ = σ_i - σ_new}, updates {@code σ_j += G_θ(r_ij) δσ} for all j (so σ_i → σ_new)
 * and adds δσ to ε_p,i.
 *
 * <p>Order of operations of one {@link #step()}:
 *
 * <ul>
 *   <li>KMC: choose the next event exactly by uniformization (proposals at the bounding rate N·f0,
 *       a uniform site, accepted with probability r_i/f0; O(1) per proposal), falling back after
 *       max(32, N/32) rejections to thinning with per-site bounds (exact rates for the sites within
 *       Δ of the largest rate, one shared bound for the rest; one O(N) pass without exponentials,
 *       see {@link #thinnedEvent}); draw θ; fail the site (O(N) kernel update); re-centre if due;
 *       rescan x_min and the unstable count (O(N), no exponentials). The event cost is O(N) with a
 *       small constant.
 *   <li>Discrete: if no site is unstable, the run of empty steps before the next step with at least
 *       one thermal activation is skipped exactly (geometric number of steps, then that step
 *       sampled conditioned on one activation). Unstable sites fail per {@link UnstableRule}; the
 *       independent activations {@code 1 - exp(-Δt r_i)} of stable sites are sampled exactly as a
 *       Poisson process on the cumulative-rate axis located in the sum tree (O(N) tree build, O(log
 *       N) per activation). All yields of the step are computed from the pre-step state and applied
 *       together (FFT convolution when many).
 *   <li>Extremal: every site with x &lt; x0 (or the weakest alone) yields, applied together; time
 *       += 1. O(N) scan plus the kernel updates.
 * </ul>
 *
 * <p>Initial state [P]: thresholds drawn; σ = a compatible field (white noise convolved with the
 * propagator, with a random angle per site in random-orientation mode) rescaled to mean σ̄ and std
 * {@code initialStressStd}; then athermal synchronous relaxation (all unstable sites fail together)
 * until every x_i &gt; 0. The clock starts at 0 after the relaxation.
 *
 * <p>Not thread-safe. Reproducible: the same parameters and seed give bit-identical runs, and
 * {@link #snapshot()} / {@link #restore} continue identically.
 */
public final class LatticeEpm {
  private static final int MAX_RELAX_SWEEPS = 1_000_000;

  /**
   * Initial width Δ of the "near" window b_i &lt; b_min + Δ of the KMC stage-2 thinning (in units
   * of T, i.e. rate ratios e^{-Δ}); about 1 % of the sites near T_c (L = 64–256, T = 0.045–0.064).
   */
  static final double NEAR_WIDTH = 3.0;

  private final LatticeParams params;
  private final long seed;
  private final StressPropagator propagator;
  private final int n;
  private final double[] sigma;
  private final double[] thresholds;
  private final double[] plasticStrain;
  private final double[] logRate;
  private final double[] tree;
  private final int[] near;
  private final double[] nearCum;
  private final int leaves;
  private final Rng rng;
  private final double logF0;
  private final double invT;
  private final boolean threeHalves;
  private double time;
  private long events;
  private long steps;
  private long relaxationEvents;
  private double targetMean;
  private long nextRecenter;
  private int unstableCount;
  private double xMin;
  private double maxLogRate;
  private boolean ratesValid;
  private boolean uniformization = true;
  private double nearWidth = NEAR_WIDTH;
  private LatticeListener listener = LatticeListener.NONE;
  // per-step buffers of the discrete protocol
  private final int[] ySites;
  private final double[] yDs;
  private final double[] yTheta;
  private final double[] yThreshold;
  private final boolean[] yUnstable;

  private LatticeEpm(LatticeParams params, long seed, StressPropagator propagator) {
    this.params = params;
    this.seed = seed;
    this.propagator = propagator;
    int l = params.size();
    this.n = l * l;
    this.sigma = new double[n];
    this.thresholds = new double[n];
    this.plasticStrain = new double[n];
    this.logRate = new double[n];
    this.leaves = Integer.highestOneBit(Math.max(1, n - 1)) << 1;
    this.tree = new double[2 * leaves];
    this.near = new int[n];
    this.nearCum = new double[n];
    this.rng = new Rng(seed);
    this.logF0 = Math.log(params.attemptRate());
    this.invT = 1.0 / params.temperature();
    this.threeHalves = params.barrierExponent() == 1.5;
    this.ySites = new int[n];
    this.yDs = new double[n];
    this.yTheta = new double[n];
    this.yThreshold = new double[n];
    this.yUnstable = new boolean[n];
  }

  /** The propagator the parameters ask for (Eshelby fixed/random, or local). */
  public static StressPropagator propagatorFor(LatticeParams p) {
    if (p.localKernel()) {
      return new LocalPropagator(p.size());
    }
    return EshelbyPropagator.of(p.size(), p.orientation(), p.convention());
  }

  /** A new model: initial state drawn from {@code seed} and relaxed athermally (class doc). */
  public static LatticeEpm create(LatticeParams params, long seed) {
    return create(params, seed, propagatorFor(params));
  }

  /**
   * As {@link #create(LatticeParams, long)} with a prebuilt propagator (reuse it across samples:
   * building an Eshelby kernel costs a few FFTs). The propagator must match the parameters.
   */
  public static LatticeEpm create(LatticeParams params, long seed, StressPropagator propagator) {
    if (propagator.size() != params.size()) {
      throw new IllegalArgumentException(
          "propagator size " + propagator.size() + " != lattice size " + params.size());
    }
    LatticeEpm m = new LatticeEpm(params, seed, propagator);
    m.initialise();
    return m;
  }

  /** Restores a model from a checkpoint; it continues exactly as the original would. */
  public static LatticeEpm restore(LatticeState s) {
    return restore(s, propagatorFor(s.params()));
  }

  /** As {@link #restore(LatticeState)} with a prebuilt propagator matching the parameters. */
  public static LatticeEpm restore(LatticeState s, StressPropagator propagator) {
    LatticeEpm m = new LatticeEpm(s.params(), s.seed(), propagator);
    System.arraycopy(s.sigma(), 0, m.sigma, 0, m.n);
    System.arraycopy(s.thresholds(), 0, m.thresholds, 0, m.n);
    System.arraycopy(s.plasticStrain(), 0, m.plasticStrain, 0, m.n);
    m.time = s.time();
    m.events = s.events();
    m.steps = s.steps();
    m.relaxationEvents = s.relaxationEvents();
    m.targetMean = s.targetMean();
    m.nextRecenter = s.nextRecenter();
    m.rng.restoreState(s.rngState());
    m.refresh();
    return m;
  }

  /** A checkpoint of the complete state, generator included. */
  public LatticeState snapshot() {
    return new LatticeState(
        params,
        seed,
        sigma,
        thresholds,
        plasticStrain,
        time,
        events,
        steps,
        relaxationEvents,
        targetMean,
        nextRecenter,
        rng.saveState());
  }

  private void initialise() {
    for (int i = 0; i < n; i++) {
      thresholds[i] = drawThreshold();
    }
    if (params.initialStressStd() > 0) {
      int[] sites = new int[n];
      double[] w = new double[n];
      double[] th = new double[n];
      for (int i = 0; i < n; i++) {
        sites[i] = i;
        w[i] = rng.nextGaussian();
        th[i] = propagator.drawAngle(rng);
      }
      propagator.applyEvents(sigma, sites, w, th, n);
      double mean = 0;
      for (double v : sigma) {
        mean += v;
      }
      mean /= n;
      double var = 0;
      for (double v : sigma) {
        var += (v - mean) * (v - mean);
      }
      double std = Math.sqrt(var / n);
      double f = std > 0 ? params.initialStressStd() / std : 0;
      for (int i = 0; i < n; i++) {
        sigma[i] = params.meanStress() + (sigma[i] - mean) * f;
      }
    } else {
      java.util.Arrays.fill(sigma, params.meanStress());
    }
    targetMean = meanStress();
    relaxAthermal();
    if (params.convention() == Convention.IMPOSED_STRESS && !params.localKernel()) {
      recenter();
    }
    nextRecenter = params.recenterEvery();
    refresh();
  }

  private void relaxAthermal() {
    for (int sweep = 0; sweep < MAX_RELAX_SWEEPS; sweep++) {
      int count = 0;
      for (int i = 0; i < n; i++) {
        if (thresholds[i] - Math.abs(sigma[i]) <= 0) {
          ySites[count++] = i;
        }
      }
      if (count == 0) {
        return;
      }
      prepareYields(count);
      propagator.applyEvents(sigma, ySites, yDs, yTheta, count);
      for (int k = 0; k < count; k++) {
        int i = ySites[k];
        plasticStrain[i] += yDs[k];
        thresholds[i] = yThreshold[k];
      }
      relaxationEvents += count;
    }
    throw new IllegalStateException(
        "athermal relaxation did not converge in " + MAX_RELAX_SWEEPS + " sweeps");
  }

  /** Renewed thresholds, released stresses and angles of the yields {@code ySites[0..count)}. */
  private void prepareYields(int count) {
    for (int k = 0; k < count; k++) {
      double th = drawThreshold();
      yThreshold[k] = th;
      yDs[k] = release(ySites[k], th);
      yTheta[k] = propagator.drawAngle(rng);
    }
  }

  /**
   * Released stress δσ = σ_i - σ_new of a yield at site i whose renewed threshold is {@code
   * newThreshold}, with σ_new chosen by the {@link ResetRule}.
   */
  private double release(int i, double newThreshold) {
    double s = sigma[i];
    double w = params.resetWidth();
    switch (params.resetRule()) {
      case ZERO:
        return s + params.residualStd() * rng.nextGaussian();
      case REDRAW:
        {
          // y(σ) ∝ e^{(|σ| - σ_c)/w} on |σ| < σ_c by inversion: |σ| = σ_c + w ln(e^{-σ_c/w} + u(1 -
          // e^{-σ_c/w})); one uniform v in [-1, 1) gives u = |v| and the sign
          double v = 2 * rng.nextDouble() - 1;
          double e = Math.exp(-newThreshold / w);
          double mag =
              Math.min(newThreshold + w * Math.log(e + Math.abs(v) * (1 - e)), newThreshold);
          return s - (v < 0 ? -mag : mag);
        }
      case DROP:
        {
          double d = 2 * w * rng.nextDouble();
          return s >= 0 ? d : -d;
        }
      default:
        throw new AssertionError(params.resetRule());
    }
  }

  private double drawThreshold() {
    double mu = params.thresholdMean();
    double sd = params.thresholdStd();
    if (sd == 0) {
      return mu;
    }
    for (int tries = 0; tries < 1_000_000; tries++) {
      double v = mu + sd * rng.nextGaussian();
      if (v > 0) {
        return v;
      }
    }
    throw new IllegalStateException(
        "threshold law N(" + mu + ", " + sd + "^2) truncated at > 0 has almost no mass");
  }

  /** Recomputes x_min and the unstable count (cheap, no exponentials); invalidates the rates. */
  private void scan() {
    int unstable = 0;
    double xm = Double.POSITIVE_INFINITY;
    for (int i = 0; i < n; i++) {
      double x = thresholds[i] - Math.abs(sigma[i]);
      if (x < xm) {
        xm = x;
      }
      if (x <= 0) {
        unstable++;
      }
    }
    unstableCount = unstable;
    xMin = xm;
    ratesValid = false;
  }

  private void ensureRates() {
    if (!ratesValid) {
      refresh();
    }
  }

  /** Recomputes log-rates, x_min and the unstable count from σ and σ_th. */
  private void refresh() {
    double m = Double.NEGATIVE_INFINITY;
    int unstable = 0;
    double xm = Double.POSITIVE_INFINITY;
    for (int i = 0; i < n; i++) {
      double x = thresholds[i] - Math.abs(sigma[i]);
      if (x < xm) {
        xm = x;
      }
      double lr;
      if (x <= 0) {
        lr = logF0;
        unstable++;
      } else {
        lr = logF0 - barrier(x) * invT;
      }
      logRate[i] = lr;
      if (lr > m) {
        m = lr;
      }
    }
    maxLogRate = m;
    unstableCount = unstable;
    xMin = xm;
    ratesValid = true;
  }

  /**
   * Fills the sum tree with {@code exp(log r_i - max)} (0 for unstable sites if {@code
   * zeroUnstable}) and returns the scaled total W; the true total rate is {@code e^max W}.
   */
  private double buildTree(boolean zeroUnstable) {
    final double m = maxLogRate;
    final int base = leaves;
    for (int i = 0; i < n; i++) {
      tree[base + i] = Math.exp(logRate[i] - m);
    }
    if (zeroUnstable) {
      for (int i = 0; i < n; i++) {
        if (thresholds[i] - Math.abs(sigma[i]) <= 0) {
          tree[base + i] = 0;
        }
      }
    }
    for (int k = base - 1; k >= 1; k--) {
      tree[k] = tree[2 * k] + tree[2 * k + 1];
    }
    return tree[1];
  }

  private int selectFromTree(double u) {
    int k = 1;
    while (k < leaves) {
      int left = 2 * k;
      if (u < tree[left]) {
        k = left;
      } else {
        u -= tree[left];
        k = left + 1;
      }
    }
    int i = k - leaves;
    if (i >= n || tree[k] == 0) {
      // round-off at the right edge: take the last site with positive weight
      for (int j = n - 1; j >= 0; j--) {
        if (tree[leaves + j] > 0) {
          return j;
        }
      }
    }
    return i;
  }

  /**
   * Switches the uniformization stage of the KMC event choice off (stage 2 only) or on (the
   * default). Both are exact; used by the equivalence tests of spec §7 item 13.
   */
  void setUniformization(boolean on) {
    this.uniformization = on;
  }

  /**
   * Sets the initial near-window width Δ of the stage-2 thinning ({@link #NEAR_WIDTH} by default;
   * +∞ = every site near, plain Gillespie). Any Δ &gt; 0 is exact; used by the exactness tests.
   */
  void setNearWidth(double delta) {
    if (!(delta > 0)) {
      throw new IllegalArgumentException("near width must be > 0, got " + delta);
    }
    this.nearWidth = delta;
  }

  /** Sets a listener (null = none). */
  public void setListener(LatticeListener l) {
    this.listener = l == null ? LatticeListener.NONE : l;
  }

  /**
   * One protocol step (KMC: one event; discrete: one Δt step, after skipping empty steps; extremal:
   * one unit step).
   */
  public void step() {
    if (params.protocol() == LatticeProtocol.KMC) {
      stepKmc();
    } else if (params.protocol() == LatticeProtocol.EXTREMAL) {
      stepExtremal();
    } else if (unstableCount == 0) {
      stepDiscreteActivation();
    } else {
      stepDiscrete();
    }
  }

  /** Runs {@link #step()} until at least {@code count} more events have happened. */
  public void runEvents(long count) {
    long target = events + count;
    while (events < target) {
      step();
    }
  }

  private double barrier(double x) {
    return threeHalves ? x * Math.sqrt(x) : Math.pow(x, params.barrierExponent());
  }

  /**
   * One exact KMC event in two stages, each exact on its own, chained by memorylessness (the state
   * does not change while no event fires):
   *
   * <ol>
   *   <li>Uniformization (thinning at the global bound): proposals arrive at rate N·f0 (every r_i ≤
   *       f0), each picks a uniform site i and is accepted with probability r_i/f0; O(1) per
   *       proposal. Cheap while the mean acceptance R/(N f0) is not too small (high T).
   *   <li>After {@code max(32, N/32)} rejections: thinning with per-site bounds ({@link
   *       #thinnedEvent}), one O(N) pass without exponentials plus a few exponentials.
   * </ol>
   *
   * The stage-1 budget N/32 is about what one stage-2 event costs (an O(N) pass at ~1 ns per site
   * against ~30 ns per proposal), so a hopeless stage 1 at most doubles the stage-2 cost.
   */
  private void stepKmc() {
    final int maxProposals = uniformization ? Math.max(32, n >> 5) : 0;
    final double invRate = 1.0 / (n * params.attemptRate());
    double t = time;
    for (int k = 0; k < maxProposals; k++) {
      t += rng.nextExponential() * invRate;
      int i = rng.nextInt(n);
      double x = thresholds[i] - Math.abs(sigma[i]);
      boolean unstable = x <= 0;
      if (unstable || rng.nextDouble() < Math.exp(-barrier(x) * invT)) {
        fireKmc(i, unstable, t);
        return;
      }
    }
    thinnedEvent(t);
  }

  /**
   * Stage 2 of {@link #stepKmc}: exact thinning with per-site bounds ρ_i ≥ r_i, chosen from the
   * current state only (so runs stay reproducible across {@link #snapshot()}/{@link #restore}).
   * With b_i = x_i^a/T (0 when x_i ≤ 0), b_min from x_min and a cut b_c = b_min + Δ: "near" sites
   * (x_i below the cut) get their exact rate, ρ_i = r_i; "far" sites get the common bound ρ = f0
   * e^{-b_c}. Candidates arrive at the total bound rate B = Σ ρ_i; a candidate is near site i with
   * probability r_i/B (always accepted), or a uniform far site j (drawn by rejecting near sites)
   * with probability N_far ρ / B, accepted with probability r_j/ρ = e^{b_c - b_j}. The accepted
   * candidates of each site form a Poisson process of rate r_i, so the first one is the exact next
   * event. Δ starts at {@link #nearWidth}; if the far bound exceeds 64× the near rate the pass is
   * redone with a larger Δ (far candidates would mostly be rejected), and when over 3/4 of the
   * sites are near every site is made near (plain Gillespie). Weights are scaled by e^{b_min}, so
   * nothing under- or overflows at low T. Cost: one O(N) pass (no exponentials) plus one
   * exponential per near site.
   */
  private void thinnedEvent(double tStart) {
    final double bMin = xMin <= 0 ? 0 : barrier(xMin) * invT;
    double delta = nearWidth;
    int nn;
    double xCut;
    double bCut;
    double wFar;
    double rNear;
    while (true) {
      bCut = bMin + delta;
      xCut = Double.isInfinite(bCut) ? bCut : inverseBarrier(bCut * params.temperature());
      nn = 0;
      for (int i = 0; i < n; i++) {
        if (thresholds[i] - Math.abs(sigma[i]) < xCut) {
          near[nn++] = i;
        }
      }
      int nFar = n - nn;
      if (nFar > 0 && 4 * (long) nFar < n) {
        delta = Double.POSITIVE_INFINITY;
        continue;
      }
      bCut = nFar == 0 ? Double.POSITIVE_INFINITY : barrier(xCut) * invT;
      wFar = nFar == 0 ? 0 : Math.exp(bMin - bCut);
      rNear = 0;
      for (int k = 0; k < nn; k++) {
        int i = near[k];
        double x = thresholds[i] - Math.abs(sigma[i]);
        rNear += x <= 0 ? Math.exp(bMin) : Math.exp(bMin - barrier(x) * invT);
        nearCum[k] = rNear;
      }
      double farTotal = nFar * wFar;
      if (farTotal > 64 * rNear) {
        delta += Math.max(1.0, Math.log(farTotal / (4 * rNear)));
        continue;
      }
      break;
    }
    final double total = rNear + (n - nn) * wFar;
    // one candidate waits Exp(1)/(B f0 e^{-b_min}); logs keep e^{b_min} from overflowing
    final double logScale = bMin - logF0 - Math.log(total);
    double t = tStart;
    while (true) {
      double dtime = Math.exp(Math.log(rng.nextExponential()) + logScale);
      t += dtime;
      if (!Double.isFinite(t)) {
        throw new IllegalStateException(
            "KMC waiting time overflows (total rate e^"
                + (logF0 - bMin + Math.log(total))
                + "); temperature "
                + params.temperature()
                + " is too low for this state");
      }
      double u = rng.nextDouble() * total;
      if (u < rNear) {
        int i = near[upperBound(nearCum, nn, u)];
        fireKmc(i, thresholds[i] - Math.abs(sigma[i]) <= 0, t);
        return;
      }
      int j;
      double x;
      do {
        j = rng.nextInt(n);
        x = thresholds[j] - Math.abs(sigma[j]);
      } while (x < xCut);
      if (rng.nextDouble() < Math.exp(bCut - barrier(x) * invT)) {
        fireKmc(j, false, t);
        return;
      }
    }
  }

  /** First index k in [0, count) with {@code cum[k] > u} (cum non-decreasing, u < cum[count-1]). */
  private static int upperBound(double[] cum, int count, double u) {
    int lo = 0;
    int hi = count - 1;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (cum[mid] > u) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo;
  }

  /** The x with barrier(x) = e (x = e^{1/a}). */
  private double inverseBarrier(double e) {
    return threeHalves ? Math.cbrt(e * e) : Math.pow(e, 1.0 / params.barrierExponent());
  }

  private void fireKmc(int i, boolean unstable, double newTime) {
    double theta = propagator.drawAngle(rng);
    listener.onAdvance(newTime);
    double ds = fail(i, theta);
    listener.onYield(i, ds, unstable);
    time = newTime;
    steps++;
    events++;
    maybeRecenter();
    scan();
    listener.onStepEnd(time, 1, unstableCount, xMin);
  }

  private double fail(int i, double theta) {
    double th = drawThreshold();
    double ds = release(i, th);
    propagator.applyEvent(sigma, i, ds, theta);
    plasticStrain[i] += ds;
    thresholds[i] = th;
    return ds;
  }

  private void stepDiscrete() {
    ensureRates();
    final double dt = params.dt();
    final boolean immediate = params.unstableRule() == UnstableRule.IMMEDIATE;
    int count = 0;
    if (immediate) {
      for (int i = 0; i < n; i++) {
        if (thresholds[i] - Math.abs(sigma[i]) <= 0) {
          yUnstable[count] = true;
          ySites[count++] = i;
        }
      }
    }
    double total = buildTree(immediate);
    double spacing = Math.exp(-maxLogRate) / dt;
    count = addPoissonPoints(count, rng.nextExponential() * spacing, total, spacing);
    applyStep(count, time + dt, 1);
  }

  /**
   * One extremal step: every site with x &lt; x0 yields, or the weakest site alone when none does;
   * all yields computed from the pre-step state and applied together; time advances by 1.
   */
  private void stepExtremal() {
    final double x0 = params.extremalCutoff();
    int count = 0;
    int weakest = 0;
    double weakestX = Double.POSITIVE_INFINITY;
    for (int i = 0; i < n; i++) {
      double x = thresholds[i] - Math.abs(sigma[i]);
      if (x < x0) {
        yUnstable[count] = x <= 0;
        ySites[count++] = i;
      }
      if (x < weakestX) {
        weakestX = x;
        weakest = i;
      }
    }
    if (count == 0) {
      yUnstable[0] = false;
      ySites[count++] = weakest;
    }
    applyStep(count, time + 1.0, 1);
  }

  /**
   * Samples the stable-site activations of one step: site i yields with probability {@code 1 -
   * exp(-Δt r_i)}, independently. Equivalent exact construction: a Poisson process of density
   * {@code Δt e^m} on the scaled cumulative-rate axis {@code [0, W)} (W = tree total); a site
   * yields if at least one point falls in its interval. Points are generated in increasing order,
   * located by descending the sum tree (O(log N) each), and consecutive points in one interval
   * count once.
   */
  private int addPoissonPoints(int count, double firstPoint, double total, double spacing) {
    double y = firstPoint;
    int last = -1;
    while (y < total) {
      int i = selectFromTree(y);
      if (i != last) {
        yUnstable[count] = thresholds[i] - Math.abs(sigma[i]) <= 0;
        ySites[count++] = i;
        last = i;
      }
      y += rng.nextExponential() * spacing;
    }
    return count;
  }

  /**
   * Quiescent state (no unstable site): skip the geometric number of empty steps before the next
   * step with at least one thermal activation, then sample that step conditioned on at least one
   * activation (the first Poisson point is drawn from the exponential law truncated to [0, W)).
   */
  private void stepDiscreteActivation() {
    ensureRates();
    final double dt = params.dt();
    final double m = maxLogRate;
    double total = buildTree(false);
    double logLambda = Math.log(dt) + m + Math.log(total);
    double lambda = Math.exp(logLambda);
    double pAny = -Math.expm1(-lambda);
    double empty = 0;
    double u = 1.0 - rng.nextDouble(); // (0, 1]
    if (lambda == 0) {
      empty = Math.floor(Math.exp(Math.log(-Math.log(u)) - logLambda));
    } else if (pAny < 1) {
      double lg = Math.log1p(-pAny);
      empty = Math.floor(Math.log(u) / (lg == 0 ? -lambda : lg));
    }
    if (!Double.isFinite(time + (empty + 1) * dt)) {
      throw new IllegalStateException(
          "next thermal activation time overflows (total rate e^"
              + (m + Math.log(total))
              + ") at temperature "
              + params.temperature());
    }
    double spacing = Math.exp(-m) / dt;
    double v = rng.nextDouble();
    double first =
        lambda == 0 || !Double.isFinite(spacing)
            ? v * total
            : Math.min(-Math.log1p(-v * pAny) * spacing, Math.nextDown(total));
    int count = addPoissonPoints(0, first, total, spacing);
    // the step counter saturates at Long.MAX_VALUE (the clock stays exact as a double)
    long emptySteps = empty >= 0x1p62 ? (1L << 62) : (long) empty;
    steps = steps > Long.MAX_VALUE - emptySteps - 1 ? Long.MAX_VALUE - 1 : steps + emptySteps;
    applyStep(count, time + (empty + 1) * dt, 1);
  }

  private void applyStep(int count, double newTime, long stepCount) {
    prepareYields(count);
    listener.onAdvance(newTime);
    propagator.applyEvents(sigma, ySites, yDs, yTheta, count);
    for (int k = 0; k < count; k++) {
      int i = ySites[k];
      plasticStrain[i] += yDs[k];
      thresholds[i] = yThreshold[k];
      listener.onYield(i, yDs[k], yUnstable[k]);
    }
    time = newTime;
    steps += stepCount;
    events += count;
    maybeRecenter();
    scan();
    listener.onStepEnd(time, count, unstableCount, xMin);
  }

  private void maybeRecenter() {
    if (params.recenterEvery() > 0
        && events >= nextRecenter
        && params.convention() == Convention.IMPOSED_STRESS
        && !params.localKernel()) {
      recenter();
      nextRecenter = events + params.recenterEvery();
    }
  }

  private void recenter() {
    double shift = meanStress() - targetMean;
    for (int i = 0; i < n; i++) {
      sigma[i] -= shift;
    }
  }

  /** Parameters. */
  public LatticeParams params() {
    return params;
  }

  /** Seed of this run. */
  public long seed() {
    return seed;
  }

  /** The propagator in use. */
  public StressPropagator propagator() {
    return propagator;
  }

  /** Number of sites N = L^2. */
  public int sites() {
    return n;
  }

  /** Clock [1/f0]. */
  public double time() {
    return time;
  }

  /** Plastic events since the end of the initial relaxation. */
  public long events() {
    return events;
  }

  /** LatticeProtocol steps so far (discrete: skipped empty steps included). */
  public long steps() {
    return steps;
  }

  /** Events spent in the initial athermal relaxation. */
  public long relaxationEvents() {
    return relaxationEvents;
  }

  /** Number of sites with x ≤ 0 now. */
  public int unstableCount() {
    return unstableCount;
  }

  /** Minimum distance to yielding min_i x_i now [stress]. */
  public double xMin() {
    return xMin;
  }

  /** Mean stress σ̄ [stress] (O(N)). */
  public double meanStress() {
    double s = 0;
    for (double v : sigma) {
      s += v;
    }
    return s / n;
  }

  /** The mean stress re-centring restores [stress]. */
  public double targetMeanStress() {
    return targetMean;
  }

  /** Total failure rate R = Σ r_i [1/time] (O(N)); may be 0 by underflow at very small T. */
  public double totalRate() {
    ensureRates();
    double s = 0;
    for (int i = 0; i < n; i++) {
      s += Math.exp(logRate[i] - maxLogRate);
    }
    return Math.exp(maxLogRate) * s;
  }

  /** Copy of the stresses σ [N] [stress]. */
  public double[] sigma() {
    return sigma.clone();
  }

  /** Copy of the thresholds σ_th [N] [stress]. */
  public double[] thresholds() {
    return thresholds.clone();
  }

  /** Copy of the accumulated plastic strain ε_p [N] [stress]. */
  public double[] plasticStrain() {
    return plasticStrain.clone();
  }

  /**
   * Distances to yielding x_i = σ_th,i - |σ_i| [stress].
   *
   * @param out destination [N], modified; allocated when null
   */
  public double[] distances(double[] out) {
    double[] o = out == null ? new double[n] : out;
    for (int i = 0; i < n; i++) {
      o[i] = thresholds[i] - Math.abs(sigma[i]);
    }
    return o;
  }
}
