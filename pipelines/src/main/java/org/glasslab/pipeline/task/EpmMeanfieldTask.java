package org.glasslab.pipeline.task;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import org.glasslab.epm.meanfield.BaronBiroliModel;
import org.glasslab.epm.meanfield.FokkerPlanckSolver;
import org.glasslab.epm.meanfield.MeanFieldAsymptotics;
import org.glasslab.epm.meanfield.RateLaw;
import org.glasslab.epm.meanfield.ShootingSolver;
import org.glasslab.epm.meanfield.StationarySolution;
import org.glasslab.pipeline.plot.LinePlot;
import org.glasslab.pipeline.store.Table;

/**
 * {@code epm meanfield} / stage {@code epm-meanfield}: the stationary Baron–Biroli mean-field
 * solution (eq 8) at one or more temperatures — Γ, D = αΓ, σ̄ (eq 18), the approximation schemes
 * (eqs 7, 10, 19) and closed forms (eqs 9/B6, 12, 21) — with P(σ) tabulated on [-sigma_max,
 * sigma_max] (table: sigma, P_T&lt;T&gt; per temperature). The stage also writes {@link
 * #gammaTable}.
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

  /**
   * @param temperatures T > 0, at least one
   * @param model the mean-field model (alpha, a)
   * @param law the rate law of P(sigma)
   * @param tolerance relative accuracy of Gamma
   * @param check also solve by shooting
   * @param sigmaMax half-width of the P(sigma) table
   * @param points rows of the table, >= 2
   */
  public record Params(
      double[] temperatures,
      BaronBiroliModel model,
      RateLaw law,
      double tolerance,
      boolean check,
      double sigmaMax,
      int points) {
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
   * @param rows per temperature: Gamma, its error, D, the schemes and closed forms (JSON rows)
   */
  public record Result(List<StationarySolution> solutions, List<Map<String, Object>> rows) {}

  /** The task. */
  public static final EpmMeanfieldTask INSTANCE = new EpmMeanfieldTask();

  private EpmMeanfieldTask() {
    super(
        "epm-meanfield",
        "epm meanfield",
        "Solve the stationary mean-field Fokker-Planck problem (Baron & Biroli eq 8): activity"
            + " Gamma, D = alpha*Gamma, sigma_bar (eq 18), P(sigma); per temperature the"
            + " approximation schemes (eqs 7, 10, 19) and closed forms (eqs 9/B6, 12, 21).",
        Input.NONE,
        List.of(TEMPERATURES, ALPHA, BARRIER_EXPONENT, RATE, TOLERANCE, CHECK, SIGMA_MAX, POINTS));
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
    return new Params(
        v.get(TEMPERATURES),
        model,
        law(v.get(RATE)),
        v.get(TOLERANCE),
        v.get(CHECK),
        v.get(SIGMA_MAX),
        v.get(POINTS));
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
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int k = 0; k < ts.length; k++) {
      double t = ts[k];
      StationarySolution s = sol[k];
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
      row.put("gamma_eq10", gammaOf(model, RateLaw.MCT_EQ10, t));
      row.put("gamma_eq19", gammaOf(model, RateLaw.LOW_T_EQ19, t));
      row.put("gamma_eq9_B6", 1 - MeanFieldAsymptotics.tOnsetPaperB6(model) / t);
      row.put("gamma_eq12", MeanFieldAsymptotics.gammaEq12(model, t));
      row.put("gamma_eq21", MeanFieldAsymptotics.gammaEq21(model, t, true));
      rows.add(row);
    }
    return new Result(List.of(sol), rows);
  }

  private static Double gammaOf(BaronBiroliModel model, RateLaw law, double t) {
    try {
      return FokkerPlanckSolver.solve(model, law, t, 1e-6).gamma();
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
          "%-9s %-14s %-12s %-12s %-12s %-12s %-12s %-12s%n",
          "T",
          "Gamma",
          "eq7",
          "eq10",
          "eq19",
          "eq9/B6",
          "eq12",
          "eq21");
      for (Map<String, Object> r : rows) {
        w.printf(
            Locale.ROOT,
            "%-9.5g %-14.8g %-12s %-12s %-12s %-12s %-12s %-12s%n",
            r.get("temperature"),
            r.get("gamma"),
            fmt(r.get("gamma_eq7")),
            fmt(r.get("gamma_eq10")),
            fmt(r.get("gamma_eq19")),
            fmt(r.get("gamma_eq9_B6")),
            fmt(r.get("gamma_eq12")),
            fmt(r.get("gamma_eq21")));
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
                + " temperature"));
  }
}
