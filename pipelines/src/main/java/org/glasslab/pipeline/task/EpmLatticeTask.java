package org.glasslab.pipeline.task;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.glasslab.data.stats.Histogram;
import org.glasslab.epm.avalanche.Avalanche;
import org.glasslab.epm.avalanche.AvalancheStatistics;
import org.glasslab.epm.avalanche.AvalancheTables;
import org.glasslab.epm.avalanche.LatticeAvalanches;
import org.glasslab.epm.avalanche.PersistenceTracker;
import org.glasslab.epm.lattice.LatticeEpm;
import org.glasslab.epm.lattice.LatticeListener;
import org.glasslab.epm.lattice.LatticeParams;
import org.glasslab.epm.lattice.LatticeProtocol;
import org.glasslab.epm.lattice.LatticeStateIO;
import org.glasslab.epm.lattice.ResetRule;
import org.glasslab.epm.lattice.Stationarity;
import org.glasslab.epm.lattice.UnstableRule;
import org.glasslab.epm.propagator.Convention;
import org.glasslab.epm.propagator.Orientation;
import org.glasslab.pipeline.engine.Progress;
import org.glasslab.pipeline.plot.LinePlot;
import org.glasslab.pipeline.store.Csv;
import org.glasslab.pipeline.store.Table;
import org.glasslab.pipeline.store.TextFiles;

/**
 * {@code epm lattice} / stage {@code epm-lattice}: one run of the undriven 2D lattice thermal EPM
 * (Arrhenius activation, Eshelby kernel) from a fresh quench or a checkpoint, with avalanche
 * detection ({@link LatticeAvalanches}), persistence/χ4 and x_min statistics and {@code snapshots}
 * site-field snapshots. A directory task: avalanches, distributions (P(S), P(D), ⟨S⟩(D)), P(S) on
 * logarithmic bins, persistence, x_min, series, final fields, site snapshots and the checkpoint
 * {@code state.bin} (for {@code --restore}).
 */
public final class EpmLatticeTask
    extends AbstractTask<EpmLatticeTask.Params, Void, EpmLatticeTask.Result> {

  static final Param<Integer> SIZE =
      Param.integer("size", 16, "sites", "L", "Lattice size L (N = L^2).");
  static final Param<Double> TEMPERATURE =
      Param.real(
          "temperature", null, "barrier units", "T", "Temperature T (required unless restore).");
  static final Param<String> ORIENTATION =
      Param.text("orientation", "random", "O", "Event orientation: random or fixed.");
  static final Param<Long> EVENTS =
      Param.longInt(
          "events", null, "", "E", "Plastic events to measure after the warm-up (default 20 N).");
  static final Param<String> RESET =
      Param.text(
          "reset",
          "redraw",
          "RULE",
          "Post-yield stress: redraw (Baron-Biroli eq. 1, steady state), zero (spec, drains the"
              + " stress) or drop (random drop).");
  static final Param<Double> RESET_WIDTH =
      Param.real(
          "reset_width",
          1.0,
          "stress",
          "W",
          "Width of the reset rule: sigma_0 of the redraw law, mean drop of drop.");
  static final Param<Double> WARMUP =
      Param.real(
          "warmup",
          100.0,
          "N events",
          "S",
          "Longest warm-up before measuring, in sweeps; measuring starts once P(sigma), P(x) and"
              + " the activity stop drifting (0: measure from the quench).");
  static final Param<Long> SEED =
      Param.seed("Seed of a fresh run (a restored run continues its own).");
  static final Param<String> PROTOCOL =
      Param.text("protocol", "kmc", "P", "Dynamics: kmc, discrete or extremal.");
  static final Param<Double> X0 =
      Param.real(
          "x0",
          LatticeParams.DEFAULT_EXTREMAL_CUTOFF,
          "",
          "X0",
          "Extremal protocol: every site with x < x0 yields each step, the weakest alone when none"
              + " does.");
  static final Param<Double> DT =
      Param.real("dt", 1.0, "", "DT", "Time step of the discrete protocol.");
  static final Param<String> UNSTABLE_RULE =
      Param.text(
          "unstable_rule",
          "immediate",
          "R",
          "Discrete protocol: immediate or rate failure of unstable sites.");
  static final Param<String> CONVENTION =
      Param.text(
          "convention", "stress", "C", "Propagator zero mode: stress (sum 0) or strain (sum -1).");
  static final Param<Double> INITIAL_STRESS_STD =
      Param.real(
          "initial_stress_std",
          1.0,
          "",
          "S",
          "Std of the initial compatible stress field before relaxation.");
  static final Param<Double> RUNAWAY_FACTOR =
      Param.real(
          "runaway_factor",
          1.0,
          "",
          "C",
          "c: an avalanche with more than c N events is a runaway.");
  static final Param<Double> LAG_MIN =
      Param.real("lag_min", 0.01, "", "T", "Smallest persistence lag.");
  static final Param<Double> LAG_MAX =
      Param.real("lag_max", 1000.0, "", "T", "Largest persistence lag.");
  static final Param<Integer> PER_DECADE =
      Param.integer("per_decade", 5, "", "K", "Logarithmic bins per decade of P(S) and P(D).");
  static final Param<Integer> SNAPSHOTS =
      Param.integer(
          "snapshots", 10, "", "K", "Site-field snapshots (sites.csv), evenly spaced in events.");
  static final Param<String> RESTORE =
      Param.text("restore", null, "FILE", "Continue from a state.bin checkpoint (command only).");

  /**
   * @param lattice the model of a fresh run (null when restoring)
   * @param restore checkpoint to continue, or null
   * @param seed seed of a fresh run
   * @param events events to measure after the warm-up (null: 20 N)
   * @param warmupSweeps longest warm-up in sweeps (0: none)
   * @param runawayFactor c of the runaway criterion
   * @param lagMin smallest persistence lag
   * @param lagMax largest persistence lag
   * @param perDecade bins per decade of the size and duration histograms
   * @param snapshots site-field snapshots, >= 1
   */
  public record Params(
      LatticeParams lattice,
      Path restore,
      long seed,
      Long events,
      double warmupSweeps,
      double runawayFactor,
      double lagMin,
      double lagMax,
      int perDecade,
      int snapshots) {
    /** Validates. */
    public Params {
      EVENTS.require(events == null || events > 0, "must be positive, got " + events);
      WARMUP.require(
          warmupSweeps >= 0 && warmupSweeps <= 1e6, "must be in [0, 1e6], got " + warmupSweeps);
      LAG_MIN.require(lagMin > 0 && lagMax > lagMin, "need 0 < lag_min < lag_max");
      RUNAWAY_FACTOR.require(runawayFactor > 0, "must be positive, got " + runawayFactor);
      PER_DECADE.require(
          perDecade >= 1 && perDecade <= 100, "must be in [1, 100], got " + perDecade);
      SNAPSHOTS.require(
          snapshots >= 1 && snapshots <= 1000, "must be in [1, 1000], got " + snapshots);
    }
  }

  /**
   * @param model the model after the run
   * @param events events run
   * @param stationarity the warm-up's drift detector (null when there was no warm-up)
   * @param warmupEvents events of the warm-up
   * @param startTime clock when the measurement started (after the warm-up) [1/f0]
   * @param avalanches the detector (avalanches, x_min histogram)
   * @param persistence p and χ4
   * @param stats P(S), P(D), ⟨S⟩(D)
   * @param series time, events, mean and std of sigma, x_min, mean x, unstable count (CSV text)
   * @param sites snapshot, events, time, site, sigma, threshold, x
   * @param seconds simulation wall time
   */
  public record Result(
      LatticeEpm model,
      long events,
      Stationarity stationarity,
      long warmupEvents,
      double startTime,
      LatticeAvalanches avalanches,
      PersistenceTracker persistence,
      AvalancheStatistics stats,
      String series,
      Table sites,
      double seconds) {}

  /** The task. */
  public static final EpmLatticeTask INSTANCE = new EpmLatticeTask();

  private EpmLatticeTask() {
    super(
        "epm-lattice",
        "epm lattice",
        "Run the undriven 2D lattice thermal EPM (Arrhenius activation, Eshelby kernel) for a"
            + " number of plastic events; avalanches, P(S), P(D), <S>(D), persistence and chi4,"
            + " x_min statistics, site-field snapshots and a checkpoint.",
        Input.NONE,
        List.of(
            SIZE,
            TEMPERATURE,
            ORIENTATION,
            EVENTS,
            RESET,
            RESET_WIDTH,
            WARMUP,
            SEED,
            PROTOCOL,
            X0,
            DT,
            UNSTABLE_RULE,
            CONVENTION,
            INITIAL_STRESS_STD,
            RUNAWAY_FACTOR,
            LAG_MIN,
            LAG_MAX,
            PER_DECADE,
            SNAPSHOTS,
            RESTORE));
  }

  /**
   * Parses an orientation name, random or fixed (case-insensitive).
   *
   * @throws InvalidParam naming {@code orientation}
   */
  public static Orientation orientation(String s) {
    return orientation(ORIENTATION, s);
  }

  static Orientation orientation(Param<String> p, String s) {
    return switch (s.toLowerCase(Locale.ROOT)) {
      case "random" -> Orientation.RANDOM;
      case "fixed" -> Orientation.FIXED;
      default -> throw p.invalid("must be random or fixed, got '" + s + "'");
    };
  }

  /** Parses a reset-rule name, zero, redraw or drop (case-insensitive), errors naming {@code p}. */
  static ResetRule resetRule(Param<String> p, String s) {
    return switch (s.toLowerCase(Locale.ROOT)) {
      case "zero" -> ResetRule.ZERO;
      case "redraw" -> ResetRule.REDRAW;
      case "drop" -> ResetRule.DROP;
      default -> throw p.invalid("must be redraw, zero or drop, got '" + s + "'");
    };
  }

  /** Parses a protocol name (case-insensitive), errors naming {@code p}. */
  static LatticeProtocol protocol(Param<String> p, String s) {
    return switch (s.toLowerCase(Locale.ROOT)) {
      case "discrete" -> LatticeProtocol.DISCRETE;
      case "kmc" -> LatticeProtocol.KMC;
      case "extremal" -> LatticeProtocol.EXTREMAL;
      default -> throw p.invalid("must be kmc, discrete or extremal, got '" + s + "'");
    };
  }

  @Override
  public Params parameters(Values v) {
    String restore = v.get(RESTORE);
    LatticeParams lp = null;
    if (restore != null) {
      // what a restored run may still choose; the model and random state are the checkpoint's
      List<Param<?>> free =
          List.of(RESTORE, EVENTS, RUNAWAY_FACTOR, LAG_MIN, LAG_MAX, PER_DECADE, SNAPSHOTS);
      for (Param<?> q : params()) {
        RESTORE.require(
            free.contains(q) || !v.given(q),
            "continues the checkpoint's own model and random state; drop " + q.option());
      }
    }
    if (restore == null) {
      Double t = v.get(TEMPERATURE);
      TEMPERATURE.require(t != null, "required unless restore is given");
      UnstableRule rule =
          switch (v.get(UNSTABLE_RULE).toLowerCase(Locale.ROOT)) {
            case "immediate" -> UnstableRule.IMMEDIATE;
            case "rate" -> UnstableRule.RATE;
            default ->
                throw UNSTABLE_RULE.invalid(
                    "must be immediate or rate, got '" + v.get(UNSTABLE_RULE) + "'");
          };
      Convention conv =
          switch (v.get(CONVENTION).toLowerCase(Locale.ROOT)) {
            case "stress" -> Convention.IMPOSED_STRESS;
            case "strain" -> Convention.IMPOSED_STRAIN;
            default ->
                throw CONVENTION.invalid(
                    "must be stress or strain, got '" + v.get(CONVENTION) + "'");
          };
      try {
        LatticeParams.defaults(v.get(SIZE), t);
      } catch (IllegalArgumentException e) {
        throw InvalidParam.attribute(e, "lattice size", SIZE, "temperature", TEMPERATURE);
      }
      lp =
          LatticeParams.defaults(v.get(SIZE), t)
              .withOrientation(orientation(ORIENTATION, v.get(ORIENTATION)))
              .withProtocol(protocol(PROTOCOL, v.get(PROTOCOL)), v.get(DT), rule)
              .withInitialStress(0.0, v.get(INITIAL_STRESS_STD))
              .withReset(resetRule(RESET, v.get(RESET)), v.get(RESET_WIDTH))
              .toBuilder()
              .convention(conv)
              .extremalCutoff(v.get(X0))
              .build();
    }
    return new Params(
        lp,
        restore == null ? null : Path.of(restore),
        v.get(SEED),
        v.get(EVENTS),
        v.get(WARMUP),
        v.get(RUNAWAY_FACTOR),
        v.get(LAG_MIN),
        v.get(LAG_MAX),
        v.get(PER_DECADE),
        v.get(SNAPSHOTS));
  }

  /** Wall time between two warm-up notes (the first window is always reported). */
  private static final long WARMUP_NOTE_NANOS = 30_000_000_000L;

  /**
   * One line on the warm-up: windows, events and sweeps so far against the budget, the clock, and
   * the stationarity detector's drift statistic against its threshold.
   */
  static String warmUpNote(Stationarity st, LatticeEpm m, long done, long budget) {
    double drift = st.drift();
    String verdict =
        st.reached()
            ? String.format(Locale.ROOT, "stationary (drift %.2f <= %.2f)", drift, st.tolerance())
            : Double.isNaN(drift)
                ? "drift: not yet (needs " + 4 * st.halfWindows() + " windows)"
                : String.format(
                    Locale.ROOT, "drift %.2f (stationary at <= %.2f)", drift, st.tolerance());
    return String.format(
        Locale.ROOT,
        "warm-up window %d: %d of at most %d events (%.1f sweeps), t = %.4g; %s",
        st.windows(),
        done,
        budget,
        (double) done / m.sites(),
        m.time(),
        verdict);
  }

  @Override
  public Result run(Params p, Void none) throws Exception {
    return run(p, none, Progress.NONE);
  }

  @Override
  public Result run(Params p, Void none, Progress monitor) throws Exception {
    LatticeEpm m;
    if (p.restore() != null) {
      RESTORE.require(Files.isRegularFile(p.restore()), p.restore() + " does not exist");
      m = LatticeEpm.restore(LatticeStateIO.read(p.restore()));
    } else {
      m = LatticeEpm.create(p.lattice(), p.seed());
    }
    int n = m.sites();
    long events = p.events() == null ? 20L * n : p.events();
    Stationarity stationarity = null;
    long warm = 0;
    long maxWarm = p.warmupSweeps() > 0 ? (long) Math.ceil(p.warmupSweeps() * n) : 0;
    // one bar for the warm-up budget and the measurement; an early stationary verdict skips the
    // rest of the budget
    monitor.total(maxWarm + events);
    if (maxWarm > 0) {
      Stationarity st = Stationarity.defaults(n);
      stationarity = st;
      long warmStart = m.events();
      long[] last = {m.events(), System.nanoTime() - WARMUP_NOTE_NANOS};
      warm =
          st.warmUp(
              m,
              n,
              maxWarm,
              () -> {
                monitor.step(m.events() - last[0]);
                last[0] = m.events();
                long now = System.nanoTime();
                if (now - last[1] >= WARMUP_NOTE_NANOS || st.reached()) {
                  last[1] = now;
                  monitor.note(warmUpNote(st, m, m.events() - warmStart, maxWarm));
                }
              });
      monitor.step(maxWarm - warm);
    }
    double startTime = m.time();
    LatticeAvalanches det =
        new LatticeAvalanches(n, m.params().size(), p.runawayFactor(), Long.MAX_VALUE / 4);
    det.prime(m.unstableCount() == 0, m.xMin());
    PersistenceTracker pers =
        new PersistenceTracker(n, PersistenceTracker.logLags(p.lagMin(), p.lagMax(), 41));
    pers.newSample(m.time());
    m.setListener(LatticeListener.of(det, pers));
    StringBuilder series =
        new StringBuilder("time,events,mean_sigma,std_sigma,xmin,mean_x,unstable\n");
    Snapshots snaps = new Snapshots(p.snapshots(), n);
    long chunk = Math.max(1, events / 200);
    long start = m.events();
    long t0 = System.nanoTime();
    double[] xbuf = new double[n];
    appendSeries(series, m, xbuf);
    while (m.events() - start < events) {
      long target = Math.min(start + events, m.events() + chunk);
      long before = m.events();
      while (m.events() < target) {
        m.step();
        snaps.take(m, m.events() - start, events);
      }
      appendSeries(series, m, xbuf);
      monitor.step(m.events() - before);
    }
    snaps.take(m, Long.MAX_VALUE, events);
    double seconds = (System.nanoTime() - t0) * 1e-9;
    m.setListener(null);
    return new Result(
        m,
        m.events() - start,
        stationarity,
        warm,
        startTime,
        det,
        pers,
        AvalancheStatistics.of(
            det.avalanches(), p.perDecade(), m.params().protocol() == LatticeProtocol.KMC),
        series.toString(),
        snaps.table(),
        seconds);
  }

  /** Site fields at {@code count} evenly spaced event counts. */
  private static final class Snapshots {
    final int count;
    final int sites;
    int taken;
    final int[] snap;
    final long[] events;
    final double[] time;
    final int[] site;
    final double[] sigma;
    final double[] threshold;
    final double[] x;

    Snapshots(int count, int sites) {
      this.count = count;
      this.sites = sites;
      int rows = count * sites;
      snap = new int[rows];
      events = new long[rows];
      time = new double[rows];
      site = new int[rows];
      sigma = new double[rows];
      threshold = new double[rows];
      x = new double[rows];
    }

    /** Takes the snapshots due after {@code done} of {@code total} events. */
    void take(LatticeEpm m, long done, long total) {
      while (taken < count && done >= (taken + 1) * total / count) {
        double[] s = m.sigma();
        double[] t = m.thresholds();
        double[] xs = m.distances(null);
        for (int i = 0; i < sites; i++) {
          int r = taken * sites + i;
          snap[r] = taken;
          events[r] = m.events();
          time[r] = m.time();
          site[r] = i;
          sigma[r] = s[i];
          threshold[r] = t[i];
          x[r] = xs[i];
        }
        taken++;
      }
    }

    Table table() {
      return Table.of(
          List.of("snapshot", "events", "time", "site", "sigma", "threshold", "x"),
          snap,
          events,
          time,
          site,
          sigma,
          threshold,
          x);
    }
  }

  private static void appendSeries(StringBuilder sb, LatticeEpm m, double[] xbuf) {
    double[] s = m.sigma();
    double mean = 0;
    for (double v : s) {
      mean += v;
    }
    mean /= s.length;
    double var = 0;
    for (double v : s) {
      var += (v - mean) * (v - mean);
    }
    m.distances(xbuf);
    double mx = 0;
    for (double v : xbuf) {
      mx += v;
    }
    sb.append(
        String.format(
            Locale.ROOT,
            "%.10g,%d,%.10g,%.10g,%.10g,%.10g,%d%n",
            m.time(),
            m.events(),
            mean,
            Math.sqrt(var / s.length),
            m.xMin(),
            mx / s.length,
            m.unstableCount()));
  }

  private static String fields(LatticeEpm m) {
    int l = m.params().size();
    double[] s = m.sigma();
    double[] th = m.thresholds();
    double[] ep = m.plasticStrain();
    StringBuilder sb = new StringBuilder("x,y,sigma,threshold,distance,plastic_strain\n");
    for (int i = 0; i < s.length; i++) {
      sb.append(i % l).append(',').append(i / l).append(',');
      sb.append(
          String.format(
              Locale.ROOT,
              "%.10g,%.10g,%.10g,%.10g%n",
              s[i],
              th[i],
              th[i] - Math.abs(s[i]),
              ep[i]));
    }
    return sb.toString();
  }

  /** P(S) of the completed avalanches on logarithmic bins (non-empty bins): size, p, count. */
  @Override
  public Table table(Params p, Result r) {
    Histogram h = r.stats().sizeHistogram();
    List<double[]> rows = new ArrayList<>();
    for (int b = 0; b < h.bins(); b++) {
      if (h.count(b) > 0) {
        rows.add(
            new double[] {Math.sqrt(h.lower(b) * h.upper(b)), h.densityOfTotal(b), h.count(b)});
      }
    }
    double[] x = new double[rows.size()];
    double[] ps = new double[rows.size()];
    long[] c = new long[rows.size()];
    for (int i = 0; i < x.length; i++) {
      x[i] = rows.get(i)[0];
      ps[i] = rows.get(i)[1];
      c[i] = (long) rows.get(i)[2];
    }
    return Table.of(List.of("size", "p", "count"), x, ps, c);
  }

  @Override
  public List<String> files() {
    return List.of(
        "avalanches.csv",
        "distributions.csv",
        "ps.csv",
        "persistence.csv",
        "xmin.csv",
        "series.csv",
        "fields.csv",
        "sites.csv",
        "stationarity.csv",
        "state.bin");
  }

  @Override
  public void write(Params p, Result r, Function<String, Path> out) throws IOException {
    List<Avalanche> av = r.avalanches().avalanches();
    Csv.writeText(out.apply("avalanches.csv"), AvalancheTables.avalanches(av), units());
    Csv.writeText(
        out.apply("distributions.csv"), AvalancheTables.distributions(r.stats()), units());
    Csv.write(out.apply("ps.csv"), units().annotate(table(p, r)));
    Csv.writeText(
        out.apply("persistence.csv"), AvalancheTables.persistence(r.persistence()), units());
    Csv.writeText(out.apply("xmin.csv"), AvalancheTables.xMin(r.avalanches()), units());
    Csv.writeText(out.apply("series.csv"), r.series(), units());
    Csv.writeText(out.apply("fields.csv"), fields(r.model()), units());
    Csv.write(out.apply("sites.csv"), units().annotate(r.sites()));
    TextFiles.write(
        out.apply("stationarity.csv"),
        r.stationarity() == null ? "no warm-up\n" : r.stationarity().csv());
    LatticeStateIO.write(out.apply("state.bin"), r.model().snapshot());
  }

  @Override
  public Map<String, Object> report(Params p, Void none, Result r) {
    LatticeEpm m = r.model();
    PersistenceTracker pers = r.persistence();
    double[] chi = pers.chi4();
    double chiMax = Double.NaN;
    double chiLag = Double.NaN;
    double[] lags = pers.lags();
    for (int k = 0; k < chi.length; k++) {
      if (!Double.isNaN(chi[k]) && (Double.isNaN(chiMax) || chi[k] > chiMax)) {
        chiMax = chi[k];
        chiLag = lags[k];
      }
    }
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("lattice", m.params());
    params.put("restored_from", p.restore() == null ? null : p.restore().toString());
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("parameters", params);
    s.put("size", m.params().size());
    s.put("temperature", m.params().temperature());
    s.put("orientation", m.params().orientation());
    s.put("protocol", m.params().protocol());
    if (m.params().protocol() == LatticeProtocol.EXTREMAL) {
      s.put("x0", m.params().extremalCutoff());
    }
    s.put("reset", m.params().resetRule());
    s.put("seed", m.seed());
    Stationarity st = r.stationarity();
    s.put("warmup_events", r.warmupEvents());
    s.put("stationary", st != null && st.reached());
    s.put(
        "stationarity",
        st == null
            ? "not checked (no warm-up): measured from the quench"
            : st.reached()
                ? String.format(
                    Locale.ROOT,
                    "reached after %d warm-up events (%.4g sweeps, t = %.6g)",
                    r.warmupEvents(),
                    r.warmupEvents() / (double) m.sites(),
                    st.reachedAtTime())
                : "NOT reached within the warm-up: measurements include the transient");
    s.put("events", r.events());
    s.put("time", m.time());
    // plastic activity Γ per site and unit time over the measurement (the mean field's Γ)
    s.put("activity", r.events() / (m.sites() * (m.time() - r.startTime())));
    s.put("mixed_avalanches", r.stats().mixed());
    s.put("cutoff_S2_over_S", r.stats().cutoff());
    s.put("avalanches", r.avalanches().count());
    s.put("runaways", r.avalanches().runaways());
    s.put("runaway_fraction", r.stats().runawayFraction());
    // γ of <S> ~ D^γ over the bins with >= 5 avalanches and D >= 1 (KMC: clock duration [1/f0],
    // from one unstable-site failure time on; discrete: steps)
    double[] gamma = r.stats().sizeDurationFit(5, 1.0);
    s.put("duration_unit", r.stats().clock() ? "clock [1/f0]" : "steps");
    s.put("size_duration_exponent", gamma[0]);
    s.put("size_duration_exponent_err", gamma[1]);
    s.put("size_duration_bins", (long) gamma[2]);
    s.put("persistence_windows", pers.windows());
    s.put("tau_alpha", pers.tauAlpha());
    s.put("chi4_max", chiMax);
    s.put("chi4_max_lag", chiLag);
    s.put("mean_stress", m.meanStress());
    s.put("xmin", m.xMin());
    s.put("events_per_second", r.events() / r.seconds());
    return s;
  }

  @Override
  public void print(Params p, Result r, String source, PrintWriter w) {
    for (Map.Entry<String, Object> e : report(p, null, r).entrySet()) {
      if (!e.getKey().equals("parameters")) {
        w.println(e.getKey() + " = " + e.getValue());
      }
    }
    w.flush();
  }

  @Override
  public List<Figure> figures(Params p, Result r) {
    Table t = table(p, r);
    if (t.rows() == 0) {
      return List.of();
    }
    LatticeParams lp = r.model().params();
    return List.of(
        new Figure(
            "p_of_s",
            LinePlot.builder("P(S), lattice EPM", "S", "P(S)")
                .series(
                    String.format(Locale.ROOT, "L=%d, T=%s", lp.size(), lp.temperature()),
                    (double[]) t.column("size"),
                    (double[]) t.column("p"))
                .markersOnly()
                .log(true, true)
                .build(),
            String.format(
                Locale.ROOT,
                "Avalanche size distribution of the thermal lattice EPM (L = %d, T = %s, %d"
                    + " events, %d avalanches, %d runaways excluded), logarithmic bins",
                lp.size(),
                lp.temperature(),
                r.events(),
                r.avalanches().count(),
                r.stats().runaways())));
  }

  @Override
  public org.glasslab.pipeline.store.Units units() {
    return org.glasslab.pipeline.store.Units.EPM;
  }
}
