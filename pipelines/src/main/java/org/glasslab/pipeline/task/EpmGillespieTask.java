package org.glasslab.pipeline.task;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.glasslab.epm.meanfield.BaronBiroliModel;
import org.glasslab.epm.meanfield.FokkerPlanckSolver;
import org.glasslab.epm.meanfield.GillespieMeasurement;
import org.glasslab.epm.meanfield.GillespieOptions;
import org.glasslab.epm.meanfield.GillespieState;
import org.glasslab.epm.meanfield.MeanFieldSimulation;
import org.glasslab.epm.meanfield.RateLaw;
import org.glasslab.epm.meanfield.StationarySolution;
import org.glasslab.pipeline.engine.Progress;
import org.glasslab.pipeline.plot.LinePlot;
import org.glasslab.pipeline.store.Table;

/**
 * {@code epm gillespie} / stage {@code epm-gillespie}: exact continuous-time simulation of the
 * Baron–Biroli mean-field dynamics (App. E) over seeds {@code seed, seed+1, …}; the stationary Γ
 * and the time-weighted P(σ) with standard errors over seeds, against the Fokker–Planck solution
 * (eq 8). Table: one row per σ bin (sigma_lo, sigma_hi, p_sim, p_sim_error, p_theory, density_sim,
 * density_theory).
 */
public final class EpmGillespieTask
    extends AbstractTask<EpmGillespieTask.Params, Void, EpmGillespieTask.Result> {

  static final Param<Integer> N = Param.integer("n", 4000, "", "N", "Number of sites N.");
  static final Param<Double> TEMPERATURE =
      Param.real("temperature", null, "", "T", "Temperature T > 0 (required).")
          .cli("--temperature", "-T");
  static final Param<Long> EVENTS =
      Param.longInt("events", null, "", "E", "Measured events per seed (required).");
  static final Param<Long> BURN_IN =
      Param.longInt("burn_in", null, "", "E", "Events discarded first (default: events/4).");
  static final Param<Long> SEED = Param.seed("First seed.");
  static final Param<Integer> SEEDS =
      Param.integer(
          "seeds", 4, "", "K", "Independent runs seed, seed+1, ... for error bars (>= 2).");
  static final Param<String> ENGINE =
      Param.text(
          "engine",
          "lazy",
          "E",
          "lazy: uniformisation with lazily summed kicks, O(1/Gamma) per event; direct: App. E"
              + " with all N rates per event, Theta(N), faster only below T ~ 0.03. Both are exact"
              + " and simulate the same process.");
  static final Param<Double> ALPHA = Param.real("alpha", 0.11, "", "A", "Coupling alpha.");
  static final Param<Integer> BINS = Param.integer("bins", 60, "", "B", "Histogram bins.");
  static final Param<Double> SIGMA_MAX =
      Param.real("sigma_max", 1.5, "", "S", "Histogram range [-S, S].");
  static final Param<Long> SAMPLE_EVERY =
      Param.longInt("sample_every", null, "", "E", "Events between histogram samples (default N).");
  static final Param<String> SAVE_STATE =
      Param.text(
          "save_state",
          null,
          "FILE",
          "After the run, simulate the first seed again and save its full state (RNG included)"
              + " to FILE (command only).");

  /**
   * @param model the mean-field model (alpha, a = 1.5)
   * @param options engine, N, T, burn-in, events, sampling and binning
   * @param seed first seed
   * @param seeds number of seeds, >= 2
   * @param saveState state file, or null
   */
  public record Params(
      BaronBiroliModel model, GillespieOptions options, long seed, int seeds, Path saveState) {
    /** Validates. */
    public Params {
      SEEDS.require(seeds >= 2, "must be >= 2 for error bars, got " + seeds);
    }
  }

  /**
   * @param ensemble the runs and their mean histogram and Gamma
   * @param theory the Fokker-Planck solution at the same T (exact rate)
   * @param comparison distances between both
   * @param wallSeconds simulation time (not the theory's)
   */
  public record Result(
      GillespieMeasurement.Ensemble ensemble,
      StationarySolution theory,
      GillespieMeasurement.Comparison comparison,
      double wallSeconds) {}

  /** The task. */
  public static final EpmGillespieTask INSTANCE = new EpmGillespieTask();

  private EpmGillespieTask() {
    super(
        "epm-gillespie",
        "epm gillespie",
        "Gillespie simulation of the Baron-Biroli mean-field dynamics: N sites, rate nu(sigma) of"
            + " eq 3, redraw from y(sigma), Gaussian kicks N(0, 2 alpha/N) to all other sites."
            + " Reports the stationary activity Gamma and the time-weighted P(sigma) with standard"
            + " errors over seeds, and their distance to the Fokker-Planck solution (eq 8).",
        Input.NONE,
        List.of(
            N,
            TEMPERATURE,
            EVENTS,
            BURN_IN,
            SEED,
            SEEDS,
            ENGINE,
            ALPHA,
            BINS,
            SIGMA_MAX,
            SAMPLE_EVERY,
            SAVE_STATE));
  }

  static GillespieState.Engine engine(String s) {
    return switch (s.toLowerCase(Locale.ROOT)) {
      case "direct" -> GillespieState.Engine.DIRECT;
      case "lazy" -> GillespieState.Engine.LAZY;
      default -> throw ENGINE.invalid("must be direct or lazy, got '" + s + "'");
    };
  }

  @Override
  public Params parameters(Values v) {
    Double t = v.get(TEMPERATURE);
    TEMPERATURE.require(t != null, "required");
    Long events = v.get(EVENTS);
    EVENTS.require(events != null, "required");
    Long burn = v.get(BURN_IN);
    int n = v.get(N);
    Long every = v.get(SAMPLE_EVERY);
    BaronBiroliModel model;
    try {
      model = new BaronBiroliModel(v.get(ALPHA), 1.5);
    } catch (IllegalArgumentException e) {
      throw ALPHA.invalid(e.getMessage());
    }
    N.require(n >= 2, "must be >= 2, got " + n);
    TEMPERATURE.require(t > 0 && Double.isFinite(t), "must be finite and positive, got " + t);
    EVENTS.require(events >= 1, "must be >= 1, got " + events);
    BURN_IN.require(burn == null || burn >= 0, "must be >= 0, got " + burn);
    BINS.require(v.get(BINS) >= 2, "must be >= 2, got " + v.get(BINS));
    SIGMA_MAX.require(
        v.get(SIGMA_MAX) > 0 && Double.isFinite(v.get(SIGMA_MAX)),
        "must be finite and positive, got " + v.get(SIGMA_MAX));
    SAMPLE_EVERY.require(every == null || every >= 1, "must be >= 1, got " + every);
    GillespieOptions o =
        new GillespieOptions(
            engine(v.get(ENGINE)),
            n,
            t,
            burn == null ? events / 4 : burn,
            events,
            every == null ? n : every,
            v.get(BINS),
            v.get(SIGMA_MAX));
    String state = v.get(SAVE_STATE);
    return new Params(model, o, v.get(SEED), v.get(SEEDS), state == null ? null : Path.of(state));
  }

  @Override
  public Result run(Params p, Void none) throws Exception {
    return run(p, none, Progress.NONE);
  }

  @Override
  public Result run(Params p, Void none, Progress monitor) throws Exception {
    GillespieOptions o = p.options();
    long per = o.burnInEvents() + o.events();
    monitor.total(p.seeds() * per);
    long[] done = {0};
    long t0 = System.nanoTime();
    GillespieMeasurement.Ensemble ens =
        GillespieMeasurement.ensemble(
            p.model(),
            o,
            p.seed(),
            p.seeds(),
            d -> {
              monitor.step(d - done[0]);
              done[0] = d;
            });
    double wall = (System.nanoTime() - t0) * 1e-9;
    StationarySolution theory =
        FokkerPlanckSolver.solve(p.model(), RateLaw.EXACT, o.temperature(), 1e-8);
    if (p.saveState() != null) {
      MeanFieldSimulation sim =
          MeanFieldSimulation.create(o.engine(), p.model(), o.temperature(), o.n(), p.seed());
      sim.advance(per);
      sim.state().write(p.saveState());
    }
    return new Result(ens, theory, GillespieMeasurement.compare(ens, theory), wall);
  }

  @Override
  public Table table(Params p, Result r) {
    GillespieOptions o = p.options();
    double[] edges = o.edges();
    int nb = o.bins();
    double[] lo = new double[nb];
    double[] hi = new double[nb];
    double[] pt = new double[nb];
    double[] ds = new double[nb];
    double[] dt = new double[nb];
    double[] h = r.ensemble().histogram();
    for (int b = 0; b < nb; b++) {
      lo[b] = edges[b];
      hi[b] = edges[b + 1];
      double width = hi[b] - lo[b];
      pt[b] = r.theory().probability(lo[b], hi[b]);
      ds[b] = h[b] / width;
      dt[b] = pt[b] / width;
    }
    return Table.of(
        List.of(
            "sigma_lo",
            "sigma_hi",
            "p_sim",
            "p_sim_error",
            "p_theory",
            "density_sim",
            "density_theory"),
        lo,
        hi,
        h.clone(),
        r.ensemble().histogramError().clone(),
        pt,
        ds,
        dt);
  }

  @Override
  public Map<String, Object> report(Params p, Void none, Result res) {
    GillespieOptions o = p.options();
    GillespieMeasurement.Ensemble ens = res.ensemble();
    GillespieMeasurement.Comparison c = res.comparison();
    long total = p.seeds() * (o.burnInEvents() + o.events());
    Map<String, Object> r = new LinkedHashMap<>();
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("seed", p.seed());
    params.put("seeds", p.seeds());
    r.put("parameters", params);
    r.put("engine", o.engine().name().toLowerCase(Locale.ROOT));
    r.put("n", o.n());
    r.put("temperature", o.temperature());
    r.put("alpha", p.model().alpha());
    r.put("burn_in_events", o.burnInEvents());
    r.put("events", o.events());
    r.put("seed", p.seed());
    r.put("seeds", p.seeds());
    r.put("gamma", ens.gamma());
    r.put("gamma_error", ens.gammaError());
    List<Double> perSeed = new ArrayList<>();
    for (GillespieMeasurement.Run run : ens.runs()) {
      perSeed.add(run.gamma());
    }
    r.put("gamma_per_seed", perSeed);
    r.put("diffusion", p.model().alpha() * ens.gamma());
    r.put("gamma_theory", res.theory().gamma());
    r.put("gamma_relative_difference", c.gammaRelative());
    r.put("gamma_z", c.gammaZ());
    r.put("histogram_l1", c.l1());
    r.put("histogram_l1_noise_floor", c.l1NoiseFloor());
    r.put("histogram_chi2", c.chi2());
    r.put("histogram_bins", c.dof());
    r.put("wall_seconds", res.wallSeconds());
    r.put("us_per_event", res.wallSeconds() * 1e6 / total);
    if (p.saveState() != null) {
      r.put("state_file", p.saveState().toString());
    }
    return r;
  }

  @Override
  public void print(Params p, Result res, String source, PrintWriter w) {
    GillespieOptions o = p.options();
    GillespieMeasurement.Ensemble ens = res.ensemble();
    GillespieMeasurement.Comparison c = res.comparison();
    long total = p.seeds() * (o.burnInEvents() + o.events());
    w.printf(
        Locale.ROOT,
        "engine           %s, N = %d, T = %g, alpha = %g%n",
        o.engine().name().toLowerCase(Locale.ROOT),
        o.n(),
        o.temperature(),
        p.model().alpha());
    w.printf(
        Locale.ROOT,
        "events           %d burn-in + %d measured, x %d seeds from %d%n",
        o.burnInEvents(),
        o.events(),
        p.seeds(),
        p.seed());
    w.printf(
        Locale.ROOT,
        "Gamma            %.6f +- %.6f (s.e. over seeds)%n",
        ens.gamma(),
        ens.gammaError());
    w.printf(
        Locale.ROOT,
        "Gamma (FP eq 8)  %.6f   rel. diff %+.4f, %.2f s.e.%n",
        res.theory().gamma(),
        c.gammaRelative(),
        c.gammaZ());
    w.printf(
        Locale.ROOT,
        "P(sigma) L1      %.5f   (noise floor %.5f; chi2 %.1f / %d bins)%n",
        c.l1(),
        c.l1NoiseFloor(),
        c.chi2(),
        c.dof());
    w.printf(
        Locale.ROOT,
        "time             %.1f s, %.3f us/event%n",
        res.wallSeconds(),
        res.wallSeconds() * 1e6 / total);
    w.flush();
  }

  @Override
  public List<Figure> figures(Params p, Result r) {
    Table t = table(p, r);
    double[] lo = (double[]) t.column("sigma_lo");
    double[] hi = (double[]) t.column("sigma_hi");
    double[] x = new double[lo.length];
    for (int b = 0; b < x.length; b++) {
      x[b] = 0.5 * (lo[b] + hi[b]);
    }
    return List.of(
        new Figure(
            "p_sigma",
            LinePlot.builder("P(sigma), mean-field Gillespie", "sigma", "P(sigma)")
                .series("simulation", x, (double[]) t.column("density_sim"))
                .series("Fokker-Planck (eq 8)", x, (double[]) t.column("density_theory"))
                .build(),
            String.format(
                Locale.ROOT,
                "Time-weighted local stress distribution of the Gillespie simulation (N = %d, T ="
                    + " %.4g, %d seeds) against the stationary Fokker-Planck solution",
                p.options().n(),
                p.options().temperature(),
                p.seeds())));
  }
}
