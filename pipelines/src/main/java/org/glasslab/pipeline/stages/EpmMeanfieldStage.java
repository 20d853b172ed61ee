package org.glasslab.pipeline.stages;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.glasslab.epm.meanfield.BaronBiroliModel;
import org.glasslab.epm.meanfield.FokkerPlanckSolver;
import org.glasslab.epm.meanfield.MeanFieldAsymptotics;
import org.glasslab.epm.meanfield.RateLaw;
import org.glasslab.epm.meanfield.StationarySolution;
import org.glasslab.pipeline.engine.AbstractStage;
import org.glasslab.pipeline.engine.ParamException;
import org.glasslab.pipeline.engine.Params;
import org.glasslab.pipeline.engine.StageContext;
import org.glasslab.pipeline.plot.LinePlot;
import org.glasslab.pipeline.store.Csv;

/**
 * {@code epm-meanfield} (generator, no trajectory): the stationary state of the mean-field
 * elastoplastic model (epm module, Baron–Biroli Fokker–Planck equation) at each temperature of a
 * scan → {@code gamma.csv} (T, Gamma, D = alpha Gamma, frozen, cells) and {@code p_sigma.csv}
 * (P(sigma) per T on a uniform grid), the Gamma(T) plot with T_c (eq. 10) marked and the P(sigma)
 * plot. Deterministic (no random numbers).
 */
public final class EpmMeanfieldStage extends AbstractStage {
  /** The stage (stateless). */
  public EpmMeanfieldStage() {
    super(
        "epm-meanfield",
        1,
        Scope.BRANCH,
        List.of(),
        List.of("gamma.csv", "p_sigma.csv"),
        "mean-field EPM stationary states: Gamma(T) and P(sigma) (Fokker-Planck, epm module)",
        params());
  }

  private static Map<String, String> params() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("temperatures", "list of temperatures (default [0.05, 0.1, 0.15, 0.2, 0.3, 0.4])");
    m.put("alpha", "coupling alpha (default 0.11)");
    m.put("barrier_exponent", "a in (1-|sigma|)^a (default 1.5)");
    m.put("rate", "exact (default), eq7, eq10 or eq19");
    m.put("tolerance", "relative accuracy of Gamma (default 1e-8)");
    m.put("sigma_max", "P(sigma) table on [-sigma_max, sigma_max] (default 1.5)");
    m.put("points", "rows of the P(sigma) table (default 301)");
    return m;
  }

  static RateLaw law(Params p) {
    String s = p.getString("rate", "exact");
    return switch (s) {
      case "exact", "eq3" -> RateLaw.EXACT;
      case "eq7" -> RateLaw.HIGH_T_EQ7;
      case "eq10" -> RateLaw.MCT_EQ10;
      case "eq19" -> RateLaw.LOW_T_EQ19;
      default -> throw new ParamException("rate", "expected exact, eq7, eq10 or eq19, got " + s);
    };
  }

  static double[] temperatures(Params p) {
    double[] t = p.getDoubles("temperatures", new double[] {0.05, 0.1, 0.15, 0.2, 0.3, 0.4});
    if (t.length == 0) {
      throw new ParamException("temperatures", "give at least one temperature");
    }
    for (double v : t) {
      if (!(v > 0) || !Double.isFinite(v)) {
        throw new ParamException("temperatures", "temperatures must be positive, got " + v);
      }
    }
    return t;
  }

  static BaronBiroliModel model(Params p) {
    return StageSupport.checked(
        "alpha",
        () ->
            new BaronBiroliModel(
                p.getPositive("alpha", 0.11), p.getPositive("barrier_exponent", 1.5)));
  }

  @Override
  public void validate(Params p) {
    temperatures(p);
    model(p);
    law(p);
    p.getPositive("tolerance", 1e-8);
    p.getPositive("sigma_max", 1.5);
    p.getInt("points", 301, 2, 1_000_000);
  }

  @Override
  public void run(StageContext ctx) throws Exception {
    Params p = ctx.params();
    double[] ts = temperatures(p);
    BaronBiroliModel model = model(p);
    RateLaw law = law(p);
    double tol = p.getPositive("tolerance", 1e-8);
    double smax = p.getPositive("sigma_max", 1.5);
    int points = p.getInt("points", 301);
    int nt = ts.length;
    StationarySolution[] sol = new StationarySolution[nt];
    ctx.parallelFor(nt, k -> sol[k] = FokkerPlanckSolver.solve(model, law, ts[k], tol));
    double[] g = new double[nt];
    double[] d = new double[nt];
    int[] frozen = new int[nt];
    int[] cells = new int[nt];
    for (int k = 0; k < nt; k++) {
      g[k] = sol[k].gamma();
      d[k] = sol[k].diffusion();
      frozen[k] = sol[k].frozen() ? 1 : 0;
      cells[k] = sol[k].cells();
    }
    Csv.write(
        ctx.output("gamma.csv"),
        List.of("temperature", "gamma", "diffusion", "frozen", "cells"),
        ts,
        g,
        d,
        frozen,
        cells);
    double[] sigma = new double[points];
    Object[] cols = new Object[nt + 1];
    cols[0] = sigma;
    for (int i = 0; i < points; i++) {
      sigma[i] = -smax + 2 * smax * i / (points - 1);
    }
    List<String> header = new java.util.ArrayList<>();
    header.add("sigma");
    LinePlot.Builder pb = LinePlot.builder("P(sigma), mean-field EPM", "sigma", "P(sigma)");
    for (int k = 0; k < nt; k++) {
      double[] pk = new double[points];
      for (int i = 0; i < points; i++) {
        pk[i] = sol[k].densityAt(sigma[i]);
      }
      cols[k + 1] = pk;
      String name = String.format(Locale.ROOT, "T=%s", ts[k]);
      header.add("P_" + name);
      pb.series(name, sigma, pk);
    }
    Csv.write(ctx.output("p_sigma.csv"), header, cols);
    double tc = MeanFieldAsymptotics.tcEq10(model);
    ctx.figure(
        "gamma_of_t",
        LinePlot.builder("Gamma(T), mean-field EPM", "T", "Gamma")
            .series("Gamma (" + law.label() + ")", ts, g)
            .points(true)
            .marker(tc, "T_c (eq. 10)")
            .build(),
        String.format(
            Locale.ROOT,
            "Stationary activity Gamma against temperature (alpha = %.4g, a = %.4g, %s rate);"
                + " vertical line: T_c = %.4g of eq. 10",
            model.alpha(),
            model.a(),
            law.label(),
            tc));
    ctx.figure(
        "p_sigma",
        pb.build(),
        "Stationary local stress distribution P(sigma) of the mean-field EPM at each temperature");
  }
}
