package org.glasslab.pipeline.cli;

import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.glasslab.data.io.AtomicFile;
import org.glasslab.epm.meanfield.BaronBiroliModel;
import org.glasslab.epm.meanfield.FokkerPlanckSolver;
import org.glasslab.epm.meanfield.MeanFieldAsymptotics;
import org.glasslab.epm.meanfield.RateLaw;
import org.glasslab.epm.meanfield.ShootingSolver;
import org.glasslab.epm.meanfield.StationarySolution;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code glasslab epm meanfield}: the stationary Baron–Biroli mean-field solution (eq 8) at one or
 * more temperatures: Γ, D = αΓ, σ̄, the paper's approximations and P(σ) to a CSV file.
 */
@Command(
    name = "meanfield",
    mixinStandardHelpOptions = true,
    description = {
      "Solve the stationary mean-field Fokker-Planck problem (Baron & Biroli eq 8) with the exact"
          + " rate (eq 3): activity Gamma, D = alpha*Gamma, sigma_bar (eq 18), P(sigma).",
      "With several temperatures, prints one row per T with the approximation schemes"
          + " (eqs 7, 10, 19) and the closed forms (eqs 9/B6, 12, 21) next to the exact Gamma."
    })
public final class EpmMeanfieldCommand implements Callable<Integer> {
  @Option(names = "--alpha", defaultValue = "0.11", description = "Coupling alpha (default 0.11).")
  double alpha;

  @Option(names = "--barrier-exponent", defaultValue = "1.5", description = "a in (1-|s|)^a.")
  double a;

  @Option(
      names = {"--temperature", "-T"},
      required = true,
      split = ",",
      description = "Temperature(s) T > 0, comma-separated.")
  List<Double> temperatures;

  @Option(
      names = "--rate",
      defaultValue = "exact",
      description = "Rate law for P(sigma): exact (eq 3), eq7, eq10, eq19.")
  String rate;

  @Option(
      names = "--tol",
      defaultValue = "1e-8",
      description = "Relative grid convergence of Gamma (default 1e-8).")
  double tol;

  @Option(
      names = "--check",
      description = "Also solve by Riccati shooting (Commons Math ODE) and report the difference.")
  boolean check;

  @Option(names = "--out", description = "Write P(sigma) as CSV (sigma, P per temperature).")
  Path out;

  @Option(names = "--points", defaultValue = "601", description = "CSV rows (default 601).")
  int points;

  @Option(
      names = "--sigma-max",
      defaultValue = "1.5",
      description = "CSV range [-max, max] (default 1.5).")
  double sigmaMax;

  @Option(names = "--json", description = "Print JSON instead of text.")
  boolean json;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  static RateLaw parseLaw(CommandLine cl, String s) {
    return switch (s.toLowerCase(Locale.ROOT)) {
      case "exact", "eq3" -> RateLaw.EXACT;
      case "eq7" -> RateLaw.HIGH_T_EQ7;
      case "eq10" -> RateLaw.MCT_EQ10;
      case "eq19" -> RateLaw.LOW_T_EQ19;
      default ->
          throw new CommandLine.ParameterException(
              cl, "--rate must be exact, eq7, eq10 or eq19, got '" + s + "'");
    };
  }

  @Override
  public Integer call() throws Exception {
    CommandLine cl = spec.commandLine();
    BaronBiroliModel model;
    double sbar;
    try {
      model = new BaronBiroliModel(alpha, a);
      sbar = model.sigmaBar();
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(cl, e.getMessage());
    }
    RateLaw law = parseLaw(cl, rate);
    for (double t : temperatures) {
      if (!(t > 0) || !Double.isFinite(t)) {
        throw new CommandLine.ParameterException(cl, "temperature " + t + " must be positive");
      }
    }
    if (points < 2 || !(sigmaMax > 0)) {
      throw new CommandLine.ParameterException(cl, "need --points >= 2 and --sigma-max > 0");
    }
    List<StationarySolution> sols = new ArrayList<>();
    List<Map<String, Object>> rows = new ArrayList<>();
    for (double t : temperatures) {
      StationarySolution s;
      try {
        s = FokkerPlanckSolver.solve(model, law, t, tol);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.ParameterException(cl, e.getMessage());
      }
      sols.add(s);
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("temperature", t);
      row.put("rate_law", law.label());
      row.put("gamma", s.gamma());
      row.put("gamma_error", s.gammaError());
      row.put("diffusion", s.diffusion());
      row.put("frozen", s.frozen());
      row.put("cells", s.cells());
      row.put("P0", s.densityAt(0));
      if (check && !s.frozen()) {
        StationarySolution sh = ShootingSolver.solve(model, law, t, 1e-11);
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
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("alpha", alpha);
    result.put("barrier_exponent", a);
    result.put("sigma_bar", sbar);
    result.put("barrier_at_edge", Math.pow(1 - sbar, a));
    result.put("t_onset_exact", MeanFieldAsymptotics.tOnsetExact(model));
    result.put("t_onset_paper_B6", MeanFieldAsymptotics.tOnsetPaperB6(model));
    result.put("t_c_eq10", MeanFieldAsymptotics.tcEq10(model));
    result.put("solutions", rows);
    if (out != null) {
      writeCsv(out, sols);
      result.put("density_file", out.toString());
    }
    var w = cl.getOut();
    if (json) {
      Json.print(w, result);
      return 0;
    }
    w.printf(Locale.ROOT, "alpha            %.6g%n", alpha);
    w.printf(Locale.ROOT, "sigma_bar        %.6f   (eq 18)%n", sbar);
    w.printf(Locale.ROOT, "E_bar            %.6f   ((1-sigma_bar)^a)%n", Math.pow(1 - sbar, a));
    w.printf(
        Locale.ROOT,
        "T_onset          %.5f exact rate, %.5f paper B6 (= eq 7 scheme)%n",
        result.get("t_onset_exact"),
        result.get("t_onset_paper_B6"));
    w.printf(Locale.ROOT, "T_c (eq 10)      %.5f%n", result.get("t_c_eq10"));
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
    if (out != null) {
      w.println("P(sigma) written to " + out);
    }
    w.flush();
    return 0;
  }

  private static String fmt(Object o) {
    return o == null ? "-" : String.format(Locale.ROOT, "%.5g", (Double) o);
  }

  private static Double gammaOf(BaronBiroliModel model, RateLaw law, double t) {
    try {
      return FokkerPlanckSolver.solve(model, law, t, 1e-6).gamma();
    } catch (IllegalArgumentException | IllegalStateException e) {
      return null;
    }
  }

  private void writeCsv(Path file, List<StationarySolution> sols) throws java.io.IOException {
    AtomicFile.write(
        file,
        tmp -> {
          try (BufferedWriter bw = Files.newBufferedWriter(tmp)) {
            StringBuilder head = new StringBuilder("sigma");
            for (StationarySolution s : sols) {
              head.append(String.format(Locale.ROOT, ",P_T%s", s.temperature()));
            }
            bw.write(head.append('\n').toString());
            for (int i = 0; i < points; i++) {
              double x = -sigmaMax + 2 * sigmaMax * i / (points - 1);
              StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%.6f", x));
              for (StationarySolution s : sols) {
                line.append(String.format(Locale.ROOT, ",%.10e", s.densityAt(x)));
              }
              bw.write(line.append('\n').toString());
            }
          }
        });
  }
}
