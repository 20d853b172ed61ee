package org.glasslab.pipeline.task;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.glasslab.analysis.structure.GofrLandmarks;
import org.glasslab.analysis.structure.RadialDistribution;
import org.glasslab.data.Configuration;
import org.glasslab.pipeline.plot.LinePlot;
import org.glasslab.pipeline.store.Csv;
import org.glasslab.pipeline.store.Table;

/**
 * {@code gofr}: radial distribution function g(r) of one frame (all particles, periodic, 2D
 * normalisation with (N-1)/A) with its first peak and minima (smoothed, zig-zag rule); columns r
 * [diameters], g. The parameter record is the analysis module's {@link RadialDistribution.Options}.
 */
public final class GofrTask
    extends AbstractTask<RadialDistribution.Options, Configuration, RadialDistribution.Result> {

  static final Param<Double> RMAX =
      Param.real(
          "rmax",
          null,
          "diameters",
          "R",
          "Largest distance (default: min(5, just below half the box)).");
  static final Param<Double> DR =
      Param.real(
          "dr", RadialDistribution.Options.defaults().binWidth(), "diameters", "DR", "Bin width.");

  /** The task. */
  public static final GofrTask INSTANCE = new GofrTask();

  private GofrTask() {
    super(
        "gofr",
        "Radial distribution function g(r) of one frame (all particles, periodic, 2D"
            + " normalisation with (N-1)/A), with its first peak and minima (smoothed, zig-zag rule).",
        Input.FRAME,
        List.of(RMAX, DR));
  }

  @Override
  public RadialDistribution.Options parameters(Values v) {
    Double rmax = v.get(RMAX);
    double dr = v.get(DR);
    DR.require(dr > 0 && Double.isFinite(dr), "must be finite and positive, got " + dr);
    RMAX.require(
        rmax == null || (rmax > 0 && Double.isFinite(rmax)),
        "must be finite and positive, got " + rmax);
    return new RadialDistribution.Options(rmax == null ? Double.NaN : rmax, v.get(DR));
  }

  @Override
  public RadialDistribution.Result run(RadialDistribution.Options p, Configuration c) {
    return new RadialDistribution(p).compute(c);
  }

  @Override
  public Table table(RadialDistribution.Options p, RadialDistribution.Result r) {
    return Table.of(List.of("r", "g"), r.r(), r.g());
  }

  @Override
  public Map<String, Object> report(
      RadialDistribution.Options p, Configuration c, RadialDistribution.Result r) {
    GofrLandmarks lm = r.landmarks();
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("rmax", r.rMax());
    params.put("bin_width", r.binWidth());
    params.put("particles", r.particles());
    params.put("density", r.density());
    params.put("landmark_smoothing", lm.options().smoothing());
    params.put("landmark_prominence", lm.options().prominence());
    Map<String, Object> marks = new LinkedHashMap<>();
    marks.put("first_peak", nullIfNaN(lm.firstPeak()));
    marks.put("first_minimum", nullIfNaN(lm.firstMinimum()));
    marks.put("second_minimum", nullIfNaN(lm.secondMinimum()));
    marks.put("peaks_r", lm.peakR());
    marks.put("peaks_g", lm.peakG());
    marks.put("minima_r", lm.minR());
    marks.put("minima_g", lm.minG());
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("parameters", params);
    report.put("landmarks", marks);
    report.put("r", r.r());
    report.put("g", r.g());
    return report;
  }

  @Override
  public void print(
      RadialDistribution.Options p, RadialDistribution.Result r, String source, PrintWriter o) {
    GofrLandmarks lm = r.landmarks();
    o.printf(
        Locale.ROOT,
        "# g(r) of %s: N = %d, density %.6g; first peak %.4f, minima %s%n",
        source,
        r.particles(),
        r.density(),
        lm.firstPeak(),
        Arrays.toString(lm.minR()));
    Csv.print(o, table(p, r));
  }

  @Override
  public List<Figure> figures(RadialDistribution.Options p, RadialDistribution.Result r) {
    return List.of(
        new Figure(
            "gofr",
            LinePlot.builder("g(r)", "r", "g(r)").series("g", r.r(), r.g()).build(),
            "Radial distribution function of the selected frame (first peak at "
                + String.format(Locale.ROOT, "%.3f", r.landmarks().firstPeak())
                + ")"));
  }

  private static Double nullIfNaN(double v) {
    return Double.isNaN(v) ? null : v;
  }
}
