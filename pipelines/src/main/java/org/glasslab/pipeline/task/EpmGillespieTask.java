package org.glasslab.pipeline.task;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.glasslab.epm.meanfield.BaronBiroliModel;
import org.glasslab.epm.meanfield.FiniteSizeExtrapolation;
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
 * (eq 8), with the z-score of Γ flagging a finite-N bias. With several N ({@code --n
 * 500,1000,4000}) each N is run with the same events and seeds and Γ(N) is extrapolated to N → ∞ by
 * a weighted fit Γ_∞ + b/N ({@link FiniteSizeExtrapolation}). Table: one row per σ bin of the
 * largest N (sigma_lo, sigma_hi, p_sim, p_sim_error, p_theory, density_sim, density_theory).
 */
public final class EpmGillespieTask
    extends AbstractTask<EpmGillespieTask.Params, Void, EpmGillespieTask.Result> {

  static final Param<double[]> N =
      Param.reals(
          "n",
          new double[] {4000},
          "",
          "N,..",
          "Number of sites N; several (comma-separated) are each run and Gamma(N) is extrapolated"
              + " to N -> infinity as Gamma_inf + b/N.");
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
   * @param options engine, N (the largest of {@code sizes}), T, burn-in, events, sampling and
   *     binning
   * @param sizes the N values run, ascending, distinct, >= 2
   * @param sampleEvery events between histogram samples, or null for N of each run
   * @param seed first seed
   * @param seeds number of seeds, >= 2
   * @param saveState state file, or null
   */
  public record Params(
      BaronBiroliModel model,
      GillespieOptions options,
      int[] sizes,
      Long sampleEvery,
      long seed,
      int seeds,
      Path saveState) {
    /** Validates. */
    public Params {
      SEEDS.require(seeds >= 2, "must be >= 2 for error bars, got " + seeds);
      N.require(sizes.length > 0, "give at least one N");
    }

    /** The options of the run at {@code n} sites. */
    public GillespieOptions options(int n) {
      GillespieOptions o = options;
      return new GillespieOptions(
          o.engine(),
          n,
          o.temperature(),
          o.burnInEvents(),
          o.events(),
          sampleEvery == null ? n : sampleEvery,
          o.bins(),
          o.sigmaMax());
    }
  }

  /**
   * One N.
   *
   * @param n sites
   * @param ensemble the runs over seeds
   * @param comparison against the Fokker-Planck solution (gammaZ is the finite-N flag)
   */
  public record Size(
      int n, GillespieMeasurement.Ensemble ensemble, GillespieMeasurement.Comparison comparison) {
    /** True when Γ at this N is more than {@value FiniteSizeExtrapolation#FLAG_Z} s.e. off. */
    public boolean flagged() {
      return Math.abs(comparison.gammaZ()) > FiniteSizeExtrapolation.FLAG_Z;
    }
  }

  /**
   * @param sizes one entry per N, ascending
   * @param theory the Fokker-Planck solution at the same T (exact rate)
   * @param extrapolation the 1/N fit of Γ, null with a single N
   * @param wallSeconds simulation time (not the theory's)
   */
  public record Result(
      List<Size> sizes,
      StationarySolution theory,
      FiniteSizeExtrapolation extrapolation,
      double wallSeconds) {
    /** The runs at the largest N. */
    public GillespieMeasurement.Ensemble ensemble() {
      return sizes.get(sizes.size() - 1).ensemble();
    }

    /** Simulation vs theory at the largest N. */
    public GillespieMeasurement.Comparison comparison() {
      return sizes.get(sizes.size() - 1).comparison();
    }
  }

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
    int[] sizes = sizes(v.get(N));
    int n = sizes[sizes.length - 1];
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
    return new Params(
        model, o, sizes, every, v.get(SEED), v.get(SEEDS), state == null ? null : Path.of(state));
  }

  /** The N values: integers >= 2, sorted, distinct. */
  static int[] sizes(double[] values) {
    N.require(values != null && values.length > 0, "give at least one N");
    int[] out = new int[values.length];
    for (int i = 0; i < values.length; i++) {
      double d = values[i];
      N.require(
          d >= 2 && d <= Integer.MAX_VALUE && d == Math.rint(d),
          "expected integers >= 2, got " + d);
      out[i] = (int) d;
    }
    java.util.Arrays.sort(out);
    for (int i = 1; i < out.length; i++) {
      N.require(out[i] != out[i - 1], "N = " + out[i] + " given twice");
    }
    return out;
  }

  @Override
  public Result run(Params p, Void none) throws Exception {
    return run(p, none, Progress.NONE);
  }

  @Override
  public Result run(Params p, Void none, Progress monitor) throws Exception {
    GillespieOptions o = p.options();
    long per = o.burnInEvents() + o.events();
    monitor.total(p.seeds() * per * p.sizes().length);
    long t0 = System.nanoTime();
    StationarySolution theory =
        FokkerPlanckSolver.solve(p.model(), RateLaw.EXACT, o.temperature(), 1e-8);
    List<Size> sizes = new ArrayList<>();
    for (int n : p.sizes()) {
      long[] done = {0};
      GillespieMeasurement.Ensemble ens =
          GillespieMeasurement.ensemble(
              p.model(),
              p.options(n),
              p.seed(),
              p.seeds(),
              d -> {
                monitor.step(d - done[0]);
                done[0] = d;
              });
      sizes.add(new Size(n, ens, GillespieMeasurement.compare(ens, theory)));
    }
    double wall = (System.nanoTime() - t0) * 1e-9;
    FiniteSizeExtrapolation fit = null;
    if (sizes.size() > 1) {
      int k = sizes.size();
      int[] ns = new int[k];
      double[] g = new double[k];
      double[] e = new double[k];
      for (int i = 0; i < k; i++) {
        ns[i] = sizes.get(i).n();
        g[i] = sizes.get(i).ensemble().gamma();
        e[i] = sizes.get(i).ensemble().gammaError();
      }
      fit = FiniteSizeExtrapolation.fit(ns, g, e, theory.gamma());
    }
    if (p.saveState() != null) {
      MeanFieldSimulation sim =
          MeanFieldSimulation.create(o.engine(), p.model(), o.temperature(), o.n(), p.seed());
      sim.advance(per);
      sim.state().write(p.saveState());
    }
    return new Result(sizes, theory, fit, wall);
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
    long total = p.seeds() * (o.burnInEvents() + o.events()) * p.sizes().length;
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
    r.put("finite_n_flag", res.sizes().get(res.sizes().size() - 1).flagged());
    List<Map<String, Object>> perN = new ArrayList<>();
    for (Size sz : res.sizes()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("n", sz.n());
      m.put("gamma", sz.ensemble().gamma());
      m.put("gamma_error", sz.ensemble().gammaError());
      m.put("gamma_z", sz.comparison().gammaZ());
      m.put("flagged", sz.flagged());
      m.put("histogram_l1", sz.comparison().l1());
      m.put("histogram_l1_noise_floor", sz.comparison().l1NoiseFloor());
      perN.add(m);
    }
    r.put("sizes", perN);
    FiniteSizeExtrapolation fit = res.extrapolation();
    if (fit != null) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("gamma_infinity", fit.valueAtInfinity());
      m.put("gamma_infinity_error", fit.valueAtInfinityError());
      m.put("gamma_infinity_z", fit.zInfinity());
      m.put("slope", fit.slope());
      m.put("slope_error", fit.slopeError());
      m.put("slope_z", fit.zSlope());
      m.put("chi2", fit.chi2());
      m.put("dof", fit.dof());
      m.put("biased", fit.biased());
      m.put("disagrees", fit.disagrees());
      r.put("extrapolation", m);
    }
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
    long total = p.seeds() * (o.burnInEvents() + o.events()) * p.sizes().length;
    w.printf(
        Locale.ROOT,
        "engine           %s, N = %s, T = %g, alpha = %g%n",
        o.engine().name().toLowerCase(Locale.ROOT),
        sizesText(p.sizes()),
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
    if (res.sizes().size() > 1) {
      w.printf(Locale.ROOT, "%-9s %-22s %s%n", "N", "Gamma", "z vs FP");
      for (Size sz : res.sizes()) {
        w.printf(
            Locale.ROOT,
            "%-9d %.6f +- %.6f   %+.2f%s%n",
            sz.n(),
            sz.ensemble().gamma(),
            sz.ensemble().gammaError(),
            sz.comparison().gammaZ(),
            sz.flagged() ? "  FINITE-N BIAS" : "");
      }
      FiniteSizeExtrapolation fit = res.extrapolation();
      w.printf(
          Locale.ROOT,
          "Gamma(N->inf)    %.6f +- %.6f   %+.2f s.e. from FP; slope b = %.4g +- %.2g"
              + " (%+.1f s.e.), chi2 %.2f / %d%n",
          fit.valueAtInfinity(),
          fit.valueAtInfinityError(),
          fit.zInfinity(),
          fit.slope(),
          fit.slopeError(),
          fit.zSlope(),
          fit.chi2(),
          fit.dof());
      if (fit.biased()) {
        w.println(
            "finite-N bias   Gamma depends on 1/N significantly: use Gamma(N->inf), not the"
                + " largest N");
      }
      if (fit.disagrees()) {
        w.println("WARNING          the extrapolated Gamma disagrees with Fokker-Planck (|z| > 3)");
      }
    } else if (res.sizes().get(0).flagged()) {
      w.printf(
          Locale.ROOT,
          "FINITE-N BIAS    Gamma is %.1f s.e. from Fokker-Planck at N = %d: run several N"
              + " (--n N1,N2,...) to extrapolate%n",
          c.gammaZ(),
          o.n());
    }
    w.printf(
        Locale.ROOT,
        "time             %.1f s, %.3f us/event%n",
        res.wallSeconds(),
        res.wallSeconds() * 1e6 / total);
    w.flush();
  }

  private static String sizesText(int[] sizes) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < sizes.length; i++) {
      b.append(i > 0 ? "," : "").append(sizes[i]);
    }
    return b.toString();
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
    List<Figure> out = new ArrayList<>();
    out.add(
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
    FiniteSizeExtrapolation fit = r.extrapolation();
    if (fit != null) {
      int k = r.sizes().size();
      double[] inv = new double[k];
      double[] g = new double[k];
      double[] line = new double[k + 1];
      double[] lineX = new double[k + 1];
      double[] fp = new double[k + 1];
      for (int i = 0; i < k; i++) {
        inv[i] = 1.0 / r.sizes().get(i).n();
        g[i] = r.sizes().get(i).ensemble().gamma();
      }
      for (int i = 0; i <= k; i++) {
        lineX[i] = i == 0 ? 0 : inv[k - i];
        line[i] = fit.valueAtInfinity() + fit.slope() * lineX[i];
        fp[i] = r.theory().gamma();
      }
      out.add(
          new Figure(
              "gamma_of_n",
              LinePlot.builder("Gamma(N), mean-field Gillespie", "1/N", "Gamma [1/tau_0]")
                  .series("simulation", inv, g)
                  .series("fit Gamma_inf + b/N", lineX, line)
                  .series("Fokker-Planck (N -> inf)", lineX, fp)
                  .points(true)
                  .build(),
              String.format(
                  Locale.ROOT,
                  "Finite-N bias of the activity at T = %.4g: Gamma against 1/N (%d seeds per N),"
                      + " the weighted fit Gamma_inf + b/N (Gamma_inf = %.6g +- %.2g, %+.1f s.e."
                      + " from Fokker-Planck; b = %.4g +- %.2g) and the Fokker-Planck value",
                  p.options().temperature(),
                  p.seeds(),
                  fit.valueAtInfinity(),
                  fit.valueAtInfinityError(),
                  fit.zInfinity(),
                  fit.slope(),
                  fit.slopeError())));
    }
    return out;
  }

  @Override
  public org.glasslab.pipeline.store.Units units() {
    return org.glasslab.pipeline.store.Units.EPM;
  }
}
