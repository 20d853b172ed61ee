package org.glasslab.pipeline.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.glasslab.analysis.stats.Summary;
import org.glasslab.analysis.structure.CagingSoftness;
import org.glasslab.data.Configuration;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code glasslab softness FILE}: per-particle caging softness (Jha &amp; Sengupta Appendix C). */
@Command(
    name = "softness",
    mixinStandardHelpOptions = true,
    description = {
      "Caging softness S_i = 1/|beta phi_i| with beta phi_i = -2 pi rho int r c_i g_i dr, g_i Gaussian-smeared (width delta), c_i = g_i - 1 (Appendix C). The result depends strongly on delta, rmin and rmax; the values used are always reported."
    })
public final class SoftnessCommand implements Callable<Integer> {
  @Mixin FrameInput in;

  @Option(
      names = "--delta",
      paramLabel = "D",
      defaultValue = "0.02",
      description = "Gaussian width delta [diameters] (default ${DEFAULT-VALUE}).")
  double delta;

  @Option(
      names = "--rmin",
      paramLabel = "A",
      defaultValue = "0.5",
      description = "Lower integration limit [diameters] (default ${DEFAULT-VALUE}).")
  double rmin;

  @Option(
      names = "--rmax",
      paramLabel = "B",
      description = "Upper integration limit [diameters] (default: first minimum of g(r)).")
  Double rmax;

  @Option(
      names = "--grid",
      paramLabel = "H",
      description = "Largest integration step [diameters] (default: delta/20).")
  Double grid;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description = "Per-particle columns (id, x, y, beta_phi, softness) to FILE (.csv or .h5).")
  Path out;

  @Option(names = "--json", description = "Summary statistics and parameters as JSON.")
  boolean json;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** The resolved parameters of a softness result, for reports. */
  static Map<String, Object> parameters(CagingSoftness.Result r) {
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
  public Integer call() throws Exception {
    CagingSoftness.Options opts;
    try {
      opts =
          new CagingSoftness.Options(
              delta, rmin, rmax == null ? Double.NaN : rmax, grid == null ? Double.NaN : grid, 8.0);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    if (out != null && !FieldTable.supported(out)) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--out " + out + ": use a .csv, .h5 or .hdf5 file");
    }
    Configuration c = in.read();
    Path file = in.file;
    int frame = in.frame;
    long t0 = System.nanoTime();
    CagingSoftness.Result r = new CagingSoftness(opts).compute(c);
    double seconds = (System.nanoTime() - t0) * 1e-9;
    Map<String, double[]> cols = new LinkedHashMap<>();
    cols.put("id", StrainCommand.ids(c));
    cols.put("x", StrainCommand.component(c.positions(), 0));
    cols.put("y", StrainCommand.component(c.positions(), 1));
    cols.put("beta_phi", r.betaPhi());
    cols.put("softness", r.softness());
    Map<String, Object> params = parameters(r);
    params.put("file", file.toString());
    params.put("frame", frame);
    if (out != null) {
      FieldTable.write(out, cols, params);
    }
    Map<String, Summary> fields = FieldTable.summaries(cols, List.of("id", "x", "y"));
    var o = spec.commandLine().getOut();
    if (json) {
      Map<String, Object> report = new LinkedHashMap<>();
      report.put("command", "softness");
      report.put("parameters", params);
      report.put("particles", r.size());
      report.put("seconds", seconds);
      report.put("fields", fields);
      Json.print(o, report);
    } else {
      o.printf(
          Locale.ROOT,
          "softness %s[%d]: N = %d, delta %.4g, rmin %.4g, rmax %.4g (%s), grid %.3g%n",
          file,
          frame,
          r.size(),
          r.delta(),
          r.rMin(),
          r.rMax(),
          r.rMaxSource(),
          r.gridSpacing());
      FieldTable.printSummaries(o, fields);
    }
    if (out != null) {
      spec.commandLine().getErr().println("wrote " + out);
    }
    return 0;
  }
}
