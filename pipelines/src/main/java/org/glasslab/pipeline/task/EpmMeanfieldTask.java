package org.glasslab.pipeline.task;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import org.glasslab.epm.meanfield.BaronBiroliModel;
import org.glasslab.epm.meanfield.CorrelationLength;
import org.glasslab.epm.meanfield.FokkerPlanckSolver;
import org.glasslab.epm.meanfield.MeanFieldAsymptotics;
import org.glasslab.epm.meanfield.RateLaw;
import org.glasslab.epm.meanfield.ShootingSolver;
import org.glasslab.epm.meanfield.StationarySolution;
import org.glasslab.epm.propagator.Convention;
import org.glasslab.epm.propagator.EshelbyPropagator;
import org.glasslab.epm.propagator.KernelMoments;
import org.glasslab.epm.propagator.Orientation;
import org.glasslab.pipeline.plot.LinePlot;
import org.glasslab.pipeline.store.Table;

/**
 * {@code epm meanfield} / stage {@code epm-meanfield}: the stationary Baron–Biroli mean-field
 * solution (eq 8) at one or more temperatures — Γ, D = αΓ, σ̄ (eq 18), the approximation schemes
 * (eqs 7, 10, 19) and closed forms (eqs 9/B6, 12, 21) — with P(σ) tabulated on [-sigma_max,
 * sigma_max] (table: sigma, P_T&lt;T&gt; per temperature), and Baron–Biroli's correlation length
 * ξ(T) (eqs 15–16, 23–24; {@link CorrelationLength}) with m/α from the lattice kernel (eq A5). The
 * stage also writes {@link #gammaTable} and {@link #xiTable}; the command writes the latter with
 * {@code --xi-table FILE}.
 */
public final class EpmMeanfieldTask
    extends AbstractTask<EpmMeanfieldTask.Params, Void, EpmMeanfieldTask.Result> {

  static final Param<double[]> TEMPERATURES =
      Param.reals(
              "temperatures",
              new double[] {0.05, 0.1, 0.15, 0.2, 0.3, 0.4},
              "",
              "T,..",
              "Temperature(s) T > 0.")
          .cli("--temperature", "-T", "--temperatures");
  static final Param<Double> ALPHA = Param.real("alpha", 0.11, "", "A", "Coupling alpha.");
  static final Param<Double> BARRIER_EXPONENT =
      Param.real("barrier_exponent", 1.5, "", "a", "a in the barrier (1-|sigma|)^a.");
  static final Param<String> RATE =
      Param.text("rate", "exact", "LAW", "Rate law for P(sigma): exact (eq 3), eq7, eq10, eq19.");
  static final Param<Double> TOLERANCE =
      Param.real("tolerance", 1e-8, "", "TOL", "Relative grid convergence of Gamma.")
          .cli("--tol", "--tolerance");
  static final Param<Boolean> CHECK =
      Param.flag(
          "check", "Also solve by Riccati shooting (Commons Math ODE) and report the difference.");
  static final Param<Double> SIGMA_MAX =
      Param.real("sigma_max", 1.5, "", "S", "P(sigma) table on [-S, S].");
  static final Param<Integer> POINTS =
      Param.integer("points", 601, "", "N", "Rows of the P(sigma) table.");
  static final Param<Integer> KERNEL_SIZE =
      Param.integer(
          "kernel_size",
          64,
          "",
          "L",
          "Lattice size L of the Eshelby kernel whose moments give m/alpha (eq A5) for xi.");
  static final Param<String> ORIENTATION =
      Param.text(
          "orientation",
          "random",
          "O",
          "Kernel orientation for m/alpha: random (averaged over theta) or fixed.");
  static final Param<String> XI_TABLE =
      Param.text(
          "xi_table",
          null,
          "FILE",
          "Also write the xi(T) table (temperature, gamma, tau, mass_slope, xi, xi of the eq 10"
              + " scheme, xi of eqs 16 and 23) to FILE.");

  /**
   * @param temperatures T > 0, at least one
   * @param model the mean-field model (alpha, a)
   * @param law the rate law of P(sigma)
   * @param tolerance relative accuracy of Gamma
   * @param check also solve by shooting
   * @param sigmaMax half-width of the P(sigma) table
   * @param points rows of the table, >= 2
   * @param kernel the θ-averaged kernel moments giving m/α (eq A5)
   * @param xiTable where the command writes the ξ table, or null
   */
  public record Params(
      double[] temperatures,
      BaronBiroliModel model,
      RateLaw law,
      double tolerance,
      boolean check,
      double sigmaMax,
      int points,
      KernelMoments kernel,
      Path xiTable) {
    /** Validates. */
    public Params {
      TEMPERATURES.require(temperatures.length > 0, "give at least one temperature");
      for (double t : temperatures) {
        TEMPERATURES.require(t > 0 && Double.isFinite(t), "temperature " + t + " must be positive");
      }
      TOLERANCE.require(tolerance > 0, "must be positive, got " + tolerance);
      SIGMA_MAX.require(sigmaMax > 0, "must be positive, got " + sigmaMax);
      POINTS.require(points >= 2, "must be >= 2, got " + points);
    }
  }

  /**
   * @param solutions one per temperature, in order
   * @param rows per temperature: Gamma, its error, D, the schemes and closed forms, ξ (JSON rows)
   * @param xi per temperature ξ of the solved law (null where frozen)
   * @param xiScheme per temperature ξ of the eq 10 scheme (null at and below its T_c)
   */
  public record Result(
      List<StationarySolution> solutions,
      List<Map<String, Object>> rows,
      List<CorrelationLength.Point> xi,
      List<CorrelationLength.Point> xiScheme) {}

  /** The task. */
  public static final EpmMeanfieldTask INSTANCE = new EpmMeanfieldTask();

  private EpmMeanfieldTask() {
    super(
        "epm-meanfield",
        "epm meanfield",
        "Solve the stationary mean-field Fokker-Planck problem (Baron & Biroli eq 8): activity"
            + " Gamma, D = alpha*Gamma, sigma_bar (eq 18), P(sigma); per temperature the"
            + " approximation schemes (eqs 7, 10, 19) and closed forms (eqs 9/B6, 12, 21); the"
            + " correlation length xi(T) (eqs 15-16, 23-24) with m/alpha from the lattice"
            + " Eshelby kernel (eq A5), in lattice spacings.",
        Input.NONE,
        List.of(
            TEMPERATURES,
            ALPHA,
            BARRIER_EXPONENT,
            RATE,
            TOLERANCE,
            CHECK,
            SIGMA_MAX,
            POINTS,
            KERNEL_SIZE,
            ORIENTATION));
  }

  @Override
  public List<Param<?>> commandParams() {
    return List.of(XI_TABLE);
  }

  static Orientation orientation(String s) {
    return switch (s.toLowerCase(Locale.ROOT)) {
      case "random" -> Orientation.RANDOM;
      case "fixed" -> Orientation.FIXED;
      default -> throw ORIENTATION.invalid("expected random or fixed, got '" + s + "'");
    };
  }

  static RateLaw law(String s) {
    return switch (s.toLowerCase(Locale.ROOT)) {
      case "exact", "eq3" -> RateLaw.EXACT;
      case "eq7" -> RateLaw.HIGH_T_EQ7;
      case "eq10" -> RateLaw.MCT_EQ10;
      case "eq19" -> RateLaw.LOW_T_EQ19;
      default -> throw RATE.invalid("expected exact, eq7, eq10 or eq19, got '" + s + "'");
    };
  }

  @Override
  public Params parameters(Values v) {
    BaronBiroliModel model;
    try {
      model = new BaronBiroliModel(v.get(ALPHA), v.get(BARRIER_EXPONENT));
      model.sigmaBar();
    } catch (IllegalArgumentException e) {
      throw ALPHA.invalid(e.getMessage());
    }
    int l = v.get(KERNEL_SIZE);
    KERNEL_SIZE.require(l >= 4 && l <= 1024, "must be in [4, 1024], got " + l);
    KernelMoments kernel =
        KernelMoments.of(
            EshelbyPropagator.of(l, orientation(v.get(ORIENTATION)), Convention.IMPOSED_STRESS));
    String xi = v.get(XI_TABLE);
    return new Params(
        v.get(TEMPERATURES),
        model,
        law(v.get(RATE)),
        v.get(TOLERANCE),
        v.get(CHECK),
        v.get(SIGMA_MAX),
        v.get(POINTS),
        kernel,
        xi == null ? null : Path.of(xi));
  }

  @Override
  public Result run(Params p, Void none) {
    double[] ts = p.temperatures();
    StationarySolution[] sol = new StationarySolution[ts.length];
    try {
      IntStream.range(0, ts.length)
          .parallel()
          .forEach(
              k -> sol[k] = FokkerPlanckSolver.solve(p.model(), p.law(), ts[k], p.tolerance()));
    } catch (IllegalArgumentException e) {
      throw RATE.invalid(e.getMessage());
    }
    BaronBiroliModel model = p.model();
    double a = model.a();
    double ratio = p.kernel().mOverAlpha();
    StationarySolution[] scheme = new StationarySolution[ts.length];
    IntStream.range(0, ts.length)
        .parallel()
        .forEach(k -> scheme[k] = solveOrNull(model, RateLaw.MCT_EQ10, ts[k]));
    List<Map<String, Object>> rows = new ArrayList<>();
    List<CorrelationLength.Point> xi = new ArrayList<>();
    List<CorrelationLength.Point> xiScheme = new ArrayList<>();
    for (int k = 0; k < ts.length; k++) {
      double t = ts[k];
      StationarySolution s = sol[k];
      CorrelationLength.Point x = s.frozen() ? null : CorrelationLength.of(s, ratio);
      StationarySolution sc = scheme[k];
      CorrelationLength.Point xs =
          sc == null || sc.frozen() ? null : CorrelationLength.of(sc, ratio);
      xi.add(x);
      xiScheme.add(xs);
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("temperature", t);
      row.put("rate_law", p.law().label());
      row.put("gamma", s.gamma());
      row.put("gamma_error", s.gammaError());
      row.put("diffusion", s.diffusion());
      row.put("frozen", s.frozen());
      row.put("cells", s.cells());
      row.put("P0", s.densityAt(0));
      if (p.check() && !s.frozen()) {
        StationarySolution sh = ShootingSolver.solve(model, p.law(), t, 1e-11);
        row.put("gamma_shooting", sh.gamma());
        row.put("shooting_relative_difference", sh.gamma() / s.gamma() - 1);
      }
      row.put("gamma_eq7", t >= a / Math.pow(2, a) ? gammaOf(model, RateLaw.HIGH_T_EQ7, t) : null);
      row.put("gamma_eq10", scheme[k] == null ? null : scheme[k].gamma());
      row.put("gamma_eq19", gammaOf(model, RateLaw.LOW_T_EQ19, t));
      row.put("gamma_eq9_B6", 1 - MeanFieldAsymptotics.tOnsetPaperB6(model) / t);
      row.put("gamma_eq12", MeanFieldAsymptotics.gammaEq12(model, t));
      row.put("gamma_eq21", MeanFieldAsymptotics.gammaEq21(model, t, true));
      row.put("tau", x == null ? null : x.tau());
      row.put("mass_slope", x == null ? null : x.massSlope());
      row.put("xi", x == null ? null : x.xi());
      row.put("xi_eq10_scheme", xs == null ? null : xs.xi());
      row.put("xi_eq16", finiteOrNull(MeanFieldAsymptotics.xiEq16(model, t, ratio)));
      row.put("xi_eq23", MeanFieldAsymptotics.xiEq23(model, t, ratio, true));
      rows.add(row);
    }
    return new Result(List.of(sol), rows, xi, xiScheme);
  }

  private static Double finiteOrNull(double v) {
    return Double.isFinite(v) ? v : null;
  }

  private static Double gammaOf(BaronBiroliModel model, RateLaw law, double t) {
    StationarySolution s = solveOrNull(model, law, t);
    return s == null ? null : s.gamma();
  }

  private static StationarySolution solveOrNull(BaronBiroliModel model, RateLaw law, double t) {
    try {
      return FokkerPlanckSolver.solve(model, law, t, 1e-6);
    } catch (IllegalArgumentException | IllegalStateException e) {
      return null;
    }
  }

  /** The sigma grid of the P(sigma) table. */
  static double[] sigma(Params p) {
    double[] x = new double[p.points()];
    for (int i = 0; i < x.length; i++) {
      x[i] = -p.sigmaMax() + 2 * p.sigmaMax() * i / (p.points() - 1);
    }
    return x;
  }

  @Override
  public Table table(Params p, Result r) {
    double[] x = sigma(p);
    List<String> header = new ArrayList<>(List.of("sigma"));
    List<Object> cols = new ArrayList<>(List.of(x));
    for (StationarySolution s : r.solutions()) {
      double[] pk = new double[x.length];
      for (int i = 0; i < x.length; i++) {
        pk[i] = s.densityAt(x[i]);
      }
      header.add("P_T" + s.temperature());
      cols.add(pk);
    }
    return new Table(header, cols.toArray());
  }

  /** Per temperature: temperature, gamma, diffusion, frozen (0/1), cells. */
  public Table gammaTable(Params p, Result r) {
    int nt = r.solutions().size();
    double[] g = new double[nt];
    double[] d = new double[nt];
    int[] frozen = new int[nt];
    int[] cells = new int[nt];
    for (int k = 0; k < nt; k++) {
      StationarySolution s = r.solutions().get(k);
      g[k] = s.gamma();
      d[k] = s.diffusion();
      frozen[k] = s.frozen() ? 1 : 0;
      cells[k] = s.cells();
    }
    return Table.of(
        List.of("temperature", "gamma", "diffusion", "frozen", "cells"),
        p.temperatures(),
        g,
        d,
        frozen,
        cells);
  }

  /**
   * ξ(T) per temperature: temperature, gamma, tau = 1/gamma [τ_0], mass_slope μ, xi [lattice units]
   * of the solved law, xi_eq10_scheme (the eq 10 rate solved exactly), xi_eq16, xi_eq23 (closed
   * forms); NaN where undefined (frozen, or at and below T_c for the eq 10 columns).
   */
  public Table xiTable(Params p, Result r) {
    int nt = r.rows().size();
    String[] keys = {"gamma", "tau", "mass_slope", "xi", "xi_eq10_scheme", "xi_eq16", "xi_eq23"};
    List<String> header = new ArrayList<>(List.of("temperature"));
    List<Object> cols = new ArrayList<>(List.of(p.temperatures().clone()));
    for (String key : keys) {
      double[] c = new double[nt];
      for (int k = 0; k < nt; k++) {
        Object o = r.rows().get(k).get(key);
        c[k] = o == null ? Double.NaN : ((Number) o).doubleValue();
      }
      header.add(key);
      cols.add(c);
    }
    return new Table(header, cols.toArray());
  }

  @Override
  public Map<Path, Table> commandFiles(Params p, Result r) {
    return p.xiTable() == null ? Map.of() : Map.of(p.xiTable(), xiTable(p, r));
  }

  @Override
  public Map<String, Object> report(Params p, Void none, Result r) {
    BaronBiroliModel model = p.model();
    double sbar = model.sigmaBar();
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("rate", p.law().label());
    params.put("tolerance", p.tolerance());
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("parameters", params);
    result.put("alpha", model.alpha());
    result.put("barrier_exponent", model.a());
    result.put("sigma_bar", sbar);
    result.put("barrier_at_edge", Math.pow(1 - sbar, model.a()));
    result.put("t_onset_exact", MeanFieldAsymptotics.tOnsetExact(model));
    result.put("t_onset_paper_B6", MeanFieldAsymptotics.tOnsetPaperB6(model));
    result.put("t_c_eq10", MeanFieldAsymptotics.tcEq10(model));
    KernelMoments km = p.kernel();
    Map<String, Object> kernel = new LinkedHashMap<>();
    kernel.put("size", km.size());
    kernel.put("orientation", km.orientation().name().toLowerCase(Locale.ROOT));
    kernel.put("sum_g2", km.sumSquares());
    kernel.put("nearest_sum_g2", km.nearestSumSquares());
    kernel.put("m_over_alpha", km.mOverAlpha());
    kernel.put("alpha_per_drop_variance", km.alphaPerDropVariance());
    kernel.put("mean_square_drop", CorrelationLength.meanSquareDrop(model));
    kernel.put("alpha_kernel", km.alphaPerDropVariance() * CorrelationLength.meanSquareDrop(model));
    kernel.put("alpha_self_consistent", CorrelationLength.selfConsistentAlpha(km.sumSquares()));
    result.put("kernel", kernel);
    result.put("solutions", r.rows());
    return result;
  }

  @Override
  public void print(Params p, Result res, String source, PrintWriter w) {
    BaronBiroliModel model = p.model();
    double sbar = model.sigmaBar();
    w.printf(Locale.ROOT, "alpha            %.6g%n", model.alpha());
    w.printf(Locale.ROOT, "sigma_bar        %.6f   (eq 18)%n", sbar);
    w.printf(
        Locale.ROOT, "E_bar            %.6f   ((1-sigma_bar)^a)%n", Math.pow(1 - sbar, model.a()));
    w.printf(
        Locale.ROOT,
        "T_onset          %.5f exact rate, %.5f paper B6 (= eq 7 scheme)%n",
        MeanFieldAsymptotics.tOnsetExact(model),
        MeanFieldAsymptotics.tOnsetPaperB6(model));
    w.printf(Locale.ROOT, "T_c (eq 10)      %.5f%n", MeanFieldAsymptotics.tcEq10(model));
    w.printf(
        Locale.ROOT,
        "m/alpha (eq A5)  %.6f lattice units^2 (%s kernel, L = %d)%n",
        p.kernel().mOverAlpha(),
        p.kernel().orientation().name().toLowerCase(Locale.ROOT),
        p.kernel().size());
    w.printf(
        Locale.ROOT,
        "alpha of kernel  %.5f self-consistent (eq A5 with <dsigma^2> = 2 alpha + 2 <sigma'^2>_y)%n",
        CorrelationLength.selfConsistentAlpha(p.kernel().sumSquares()));
    List<Map<String, Object>> rows = res.rows();
    if (rows.size() == 1) {
      Map<String, Object> r = rows.get(0);
      w.printf(Locale.ROOT, "T                %.6g%n", r.get("temperature"));
      w.printf(Locale.ROOT, "rate law         %s%n", r.get("rate_law"));
      w.printf(
          Locale.ROOT,
          "Gamma            %.10g  (+- %.1e, %d cells)%n",
          r.get("gamma"),
          r.get("gamma_error"),
          r.get("cells"));
      w.printf(Locale.ROOT, "D = alpha*Gamma  %.10g%n", r.get("diffusion"));
      if (r.get("xi") != null) {
        w.printf(
            Locale.ROOT,
            "xi               %.6g lattice units (mass slope %.6g; eq 23: %.4g)%n",
            r.get("xi"),
            r.get("mass_slope"),
            r.get("xi_eq23"));
      }
      if (r.containsKey("gamma_shooting")) {
        w.printf(
            Locale.ROOT,
            "Gamma shooting   %.10g  (rel. diff %.2e)%n",
            r.get("gamma_shooting"),
            r.get("shooting_relative_difference"));
      }
      if (Boolean.TRUE.equals(r.get("frozen"))) {
        w.println("frozen: no Gamma > 0 (eq 10 below T_c); P is eq 17's frozen distribution");
      }
    } else {
      w.printf(
          Locale.ROOT,
          "%-9s %-14s %-12s %-12s %-12s %-12s %-12s %-12s %-10s %-10s%n",
          "T",
          "Gamma",
          "eq7",
          "eq10",
          "eq19",
          "eq9/B6",
          "eq12",
          "eq21",
          "xi",
          "xi_eq10");
      for (Map<String, Object> r : rows) {
        w.printf(
            Locale.ROOT,
            "%-9.5g %-14.8g %-12s %-12s %-12s %-12s %-12s %-12s %-10s %-10s%n",
            r.get("temperature"),
            r.get("gamma"),
            fmt(r.get("gamma_eq7")),
            fmt(r.get("gamma_eq10")),
            fmt(r.get("gamma_eq19")),
            fmt(r.get("gamma_eq9_B6")),
            fmt(r.get("gamma_eq12")),
            fmt(r.get("gamma_eq21")),
            fmt(r.get("xi")),
            fmt(r.get("xi_eq10_scheme")));
      }
    }
    w.flush();
  }

  private static String fmt(Object o) {
    return o == null ? "-" : String.format(Locale.ROOT, "%.5g", (Double) o);
  }

  @Override
  public List<Figure> figures(Params p, Result r) {
    BaronBiroliModel model = p.model();
    double tc = MeanFieldAsymptotics.tcEq10(model);
    Table gt = gammaTable(p, r);
    Table pt = table(p, r);
    LinePlot.Builder pb = LinePlot.builder("P(sigma), mean-field EPM", "sigma", "P(sigma)");
    double[] x = (double[]) pt.columns()[0];
    for (int k = 1; k < pt.columns().length; k++) {
      pb.series(pt.header().get(k).substring(2), x, (double[]) pt.columns()[k]);
    }
    return List.of(
        new Figure(
            "gamma_of_t",
            LinePlot.builder("Gamma(T), mean-field EPM", "T", "Gamma")
                .series(
                    "Gamma (" + p.law().label() + ")",
                    p.temperatures(),
                    (double[]) gt.column("gamma"))
                .points(true)
                .marker(tc, "T_c (eq. 10)")
                .build(),
            String.format(
                Locale.ROOT,
                "Stationary activity Gamma against temperature (alpha = %.4g, a = %.4g, %s rate);"
                    + " vertical line: T_c = %.4g of eq. 10",
                model.alpha(),
                model.a(),
                p.law().label(),
                tc)),
        new Figure(
            "p_sigma",
            pb.build(),
            "Stationary local stress distribution P(sigma) of the mean-field EPM at each"
                + " temperature"),
        xiOfT(p, r, tc),
        xiOfTau(p, r));
  }

  /** Positive finite (x, y) pairs of two table columns, for logarithmic axes. */
  private static double[][] positive(double[] x, double[] y) {
    int n = 0;
    for (int i = 0; i < x.length; i++) {
      if (x[i] > 0 && y[i] > 0 && Double.isFinite(x[i]) && Double.isFinite(y[i])) {
        n++;
      }
    }
    double[][] out = new double[2][n];
    int j = 0;
    for (int i = 0; i < x.length; i++) {
      if (x[i] > 0 && y[i] > 0 && Double.isFinite(x[i]) && Double.isFinite(y[i])) {
        out[0][j] = x[i];
        out[1][j++] = y[i];
      }
    }
    return out;
  }

  private static void series(LinePlot.Builder b, String name, double[] x, double[] y) {
    double[][] xy = positive(x, y);
    if (xy[0].length > 0) {
      b.series(name, xy[0], xy[1]);
    }
  }

  private Figure xiOfT(Params p, Result r, double tc) {
    Table xt = xiTable(p, r);
    double[] t = (double[]) xt.column("temperature");
    LinePlot.Builder b =
        LinePlot.builder(
                "Correlation length xi(T), mean-field EPM",
                "T [K sigma_c^a]",
                "xi [lattice spacings]")
            .log(true, true)
            .points(true);
    series(b, "xi (" + p.law().label() + ")", t, (double[]) xt.column("xi"));
    series(b, "xi (eq 10 scheme)", t, (double[]) xt.column("xi_eq10_scheme"));
    series(b, "eq 16 (T > T_c)", t, (double[]) xt.column("xi_eq16"));
    series(b, "eq 23 (T -> 0)", t, (double[]) xt.column("xi_eq23"));
    if (tc > 0) {
      b.marker(tc, "T_c (eq. 10)");
    }
    return new Figure(
        "xi_of_t",
        b.build(),
        String.format(
            Locale.ROOT,
            "Baron-Biroli dynamical correlation length xi = sqrt((m/alpha)(1-mu)/mu) (eqs 15-16,"
                + " 23-24), m/alpha = %.4f lattice spacings^2 from the %s Eshelby kernel (L = %d,"
                + " eq A5); mu = dln(int P)/dln(Gamma) of the Fokker-Planck solution. The eq 10"
                + " scheme diverges as (T - T_c)^(-1/2) at T_c = %.4g; the exact rate grows as"
                + " T^(-1/2) as T -> 0",
            p.kernel().mOverAlpha(),
            p.kernel().orientation().name().toLowerCase(Locale.ROOT),
            p.kernel().size(),
            tc));
  }

  private Figure xiOfTau(Params p, Result r) {
    Table xt = xiTable(p, r);
    double[] tau = (double[]) xt.column("tau");
    double[] tauScheme = new double[tau.length];
    for (int k = 0; k < tau.length; k++) {
      CorrelationLength.Point xs = r.xiScheme().get(k);
      tauScheme[k] = xs == null ? Double.NaN : xs.tau();
    }
    LinePlot.Builder b =
        LinePlot.builder(
                "Correlation length vs relaxation time, mean-field EPM",
                "tau = 1/Gamma [tau_0]",
                "xi [lattice spacings]")
            .log(true, true)
            .points(true);
    series(b, "xi (" + p.law().label() + ")", tau, (double[]) xt.column("xi"));
    series(b, "xi (eq 10 scheme)", tauScheme, (double[]) xt.column("xi_eq10_scheme"));
    return new Figure(
        "xi_of_tau",
        b.build(),
        "Correlation length against the relaxation time tau = 1/Gamma of the same solution. Eq 10"
            + " scheme: power law xi ~ tau^(1/6) as T -> T_c+ (Gamma ~ (T - T_c)^3, xi ~ (T -"
            + " T_c)^(-1/2)); exact rate at low T: xi^2 grows linearly in ln tau (xi ~ T^(-1/2),"
            + " tau ~ e^(E_bar/T)/T^2), a logarithmic relation.");
  }

  @Override
  public org.glasslab.pipeline.store.Units units() {
    return org.glasslab.pipeline.store.Units.EPM;
  }
}
