package org.glasslab.pipeline.task;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.glasslab.analysis.structure.CagingSoftness;
import org.glasslab.data.Configuration;
import org.glasslab.pipeline.store.Fields;
import org.glasslab.pipeline.store.Table;

/**
 * {@code softness}: per-particle caging softness S_i = 1/|beta phi_i| (Jha &amp; Sengupta Appendix
 * C) of one frame; table id, x, y, beta_phi, softness. The parameter record is the analysis
 * module's {@link CagingSoftness.Options} (Gaussian cutoff fixed at its default, 8 widths).
 */
public final class SoftnessTask
    extends AbstractTask<CagingSoftness.Options, Configuration, SoftnessTask.Result> {

  private static final CagingSoftness.Options DEFAULTS = CagingSoftness.Options.defaults();

  static final Param<Double> DELTA =
      Param.real("delta", DEFAULTS.delta(), "diameters", "D", "Gaussian width delta.");
  static final Param<Double> RMIN =
      Param.real("rmin", DEFAULTS.rMin(), "diameters", "A", "Lower integration limit.");
  static final Param<Double> RMAX =
      Param.real(
          "rmax",
          null,
          "diameters",
          "B",
          "Upper integration limit (default: first minimum of g(r)).");
  static final Param<Double> GRID =
      Param.real("grid", null, "diameters", "H", "Largest integration step (default: delta/20).");

  /**
   * @param frame the configuration analysed (for the table's id and position columns)
   * @param softness the analysis result
   */
  public record Result(Configuration frame, CagingSoftness.Result softness) {}

  /** The task. */
  public static final SoftnessTask INSTANCE = new SoftnessTask();

  private SoftnessTask() {
    super(
        "softness",
        "Caging softness S_i = 1/|beta phi_i| with beta phi_i = -2 pi rho int r c_i g_i dr, g_i"
            + " Gaussian-smeared (width delta), c_i = g_i - 1 (Appendix C). The result depends"
            + " strongly on delta, rmin and rmax; the values used are always reported.",
        Input.FRAME,
        List.of(DELTA, RMIN, RMAX, GRID));
  }

  @Override
  public CagingSoftness.Options parameters(Values v) {
    Double rmax = v.get(RMAX);
    Double grid = v.get(GRID);
    double delta = v.get(DELTA);
    double rmin = v.get(RMIN);
    DELTA.require(delta > 0 && Double.isFinite(delta), "must be finite and positive, got " + delta);
    RMIN.require(rmin >= 0 && Double.isFinite(rmin), "must be finite and >= 0, got " + rmin);
    RMAX.require(
        rmax == null || (rmax > rmin && Double.isFinite(rmax)),
        "must be finite and above --rmin " + rmin + ", got " + rmax);
    GRID.require(
        grid == null || (grid > 0 && Double.isFinite(grid)),
        "must be finite and positive, got " + grid);
    return new CagingSoftness.Options(
        v.get(DELTA),
        v.get(RMIN),
        rmax == null ? Double.NaN : rmax,
        grid == null ? Double.NaN : grid,
        DEFAULTS.gaussianCutoff());
  }

  @Override
  public Result run(CagingSoftness.Options p, Configuration c) {
    return new Result(c, new CagingSoftness(p).compute(c));
  }

  @Override
  public Table table(CagingSoftness.Options p, Result r) {
    Configuration c = r.frame();
    return Table.of(
        List.of("id", "x", "y", "beta_phi", "softness"),
        Columns.ids(c),
        Columns.component(c.positions(), 0),
        Columns.component(c.positions(), 1),
        r.softness().betaPhi(),
        r.softness().softness());
  }

  /** The resolved parameters of a softness result, for reports. */
  public static Map<String, Object> resolved(CagingSoftness.Result r) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("delta", r.delta());
    p.put("rmin", r.rMin());
    p.put("rmax", r.rMax());
    p.put("rmax_source", r.rMaxSource());
    p.put("grid_spacing", r.gridSpacing());
    p.put("grid_points", r.gridPoints());
    p.put("gaussian_cutoff_deltas", r.gaussianCutoff());
    p.put("density", r.density());
    p.put("integration", "composite Simpson");
    return p;
  }

  @Override
  public Map<String, Object> report(CagingSoftness.Options p, Configuration c, Result r) {
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("parameters", resolved(r.softness()));
    report.put("particles", r.softness().size());
    report.put("fields", Fields.summaries(table(p, r), List.of("id", "x", "y")));
    return report;
  }

  @Override
  public void print(CagingSoftness.Options p, Result res, String source, PrintWriter o) {
    CagingSoftness.Result r = res.softness();
    o.printf(
        Locale.ROOT,
        "softness %s: N = %d, delta %.4g, rmin %.4g, rmax %.4g (%s), grid %.3g%n",
        source,
        r.size(),
        r.delta(),
        r.rMin(),
        r.rMax(),
        r.rMaxSource(),
        r.gridSpacing());
    Fields.printSummaries(o, Fields.summaries(table(p, res), List.of("id", "x", "y")));
  }
}
