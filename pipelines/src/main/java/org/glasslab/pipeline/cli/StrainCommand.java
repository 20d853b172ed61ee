package org.glasslab.pipeline.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.glasslab.analysis.DisplacementMode;
import org.glasslab.analysis.dynamics.InherentStructureDisplacement;
import org.glasslab.analysis.dynamics.Mobility;
import org.glasslab.analysis.local.LocalAffineFit;
import org.glasslab.analysis.local.LocalFitResult;
import org.glasslab.analysis.structure.CagingSoftness;
import org.glasslab.data.Configuration;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code glasslab strain REF CUR}: per-particle optimal local deformation gradient H, D2min,
 * non-affine vector, strain measures and mobility between a reference and a current frame (Jha
 * &amp; Sengupta Appendix A).
 */
@Command(
    name = "strain",
    mixinStandardHelpOptions = true,
    description = {
      "Local affine fit between two frames (Appendix A): H = A B^-1, D2min, non-affine vector, eps = H - I, eps_vol, ||e||, ||eps||, det H, the mobility m = |x - X| and the displacement (ux, uy) = x - X of each particle (eq 12 when REF and CUR are inherent structures). Neighbours within r_c in REF (default: second minimum of REF's g(r)); pair images fixed by REF. Particles with degenerate neighbourhoods get NaN fields and a non-zero flag (1 = too few neighbours, 2 = singular B)."
    })
public final class StrainCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "REF", description = "Reference configuration file.")
  Path ref;

  @Parameters(index = "1", paramLabel = "CUR", description = "Current configuration file.")
  Path cur;

  @Option(
      names = "--ref-frame",
      paramLabel = "K",
      defaultValue = "0",
      description = "Frame of REF (negative counts from the end; default ${DEFAULT-VALUE}).")
  int refFrame;

  @Option(
      names = "--cur-frame",
      paramLabel = "K",
      defaultValue = "-1",
      description = "Frame of CUR (default ${DEFAULT-VALUE}: the last).")
  int curFrame;

  @Option(
      names = "--rc",
      paramLabel = "R",
      description = "Neighbour cutoff in REF [diameters] (default: second minimum of g(r)).")
  Double rc;

  @Option(
      names = "--symmetric",
      description = "Use the symmetric strain (H + H^T)/2 - I instead of the paper's H - I.")
  boolean symmetric;

  @Option(
      names = "--min-neighbours",
      paramLabel = "K",
      defaultValue = "3",
      description = "Fewest neighbours for a fit (default ${DEFAULT-VALUE}).")
  int minNeighbours;

  @Option(
      names = "--displacement",
      paramLabel = "MODE",
      defaultValue = "unwrapped",
      description =
          "How CUR is matched to REF: unwrapped (stored images) or minimum-image (files"
              + " without images, equal boxes). Default ${DEFAULT-VALUE}.")
  String displacement;

  @Option(
      names = "--with-softness",
      description = "Add the caging softness S of REF (default softness options) as a column.")
  boolean withSoftness;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description = "Per-particle columns to FILE (.csv or .h5), written atomically.")
  Path out;

  @Option(names = "--json", description = "Summary statistics and parameters as JSON.")
  boolean json;

  @Mixin InputOptions input;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    LocalAffineFit.Options opts;
    try {
      DisplacementMode mode =
          DisplacementMode.valueOf(displacement.toUpperCase(Locale.ROOT).replace('-', '_'));
      opts =
          new LocalAffineFit.Options(
              rc == null ? Double.NaN : rc,
              minNeighbours,
              1e-10,
              symmetric
                  ? LocalAffineFit.StrainMeasure.SYMMETRIC
                  : LocalAffineFit.StrainMeasure.PAPER,
              mode);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    if (out != null && !FieldTable.supported(out)) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--out " + out + ": use a .csv, .h5 or .hdf5 file");
    }
    Configuration a = FrameInput.read(input, ref, refFrame);
    Configuration b = FrameInput.read(input, cur, curFrame);
    long t0 = System.nanoTime();
    LocalAffineFit fit = new LocalAffineFit(opts);
    LocalFitResult r = fit.compute(a, b);
    double[] m = new Mobility(opts.displacement()).compute(a, b, null);
    // Displacement vectors CUR - REF; for inherent structures this is u_IS of eq 12.
    double[] u = new InherentStructureDisplacement(opts.displacement()).compute(a, b);
    Map<String, double[]> cols = new LinkedHashMap<>();
    cols.put("id", ids(a));
    cols.put("x", component(a.positions(), 0));
    cols.put("y", component(a.positions(), 1));
    cols.putAll(r.columns());
    cols.put("m", m);
    cols.put("ux", component(u, 0));
    cols.put("uy", component(u, 1));
    CagingSoftness.Result soft = null;
    if (withSoftness) {
      soft = new CagingSoftness().compute(a);
      cols.put("softness", soft.softness());
    }
    double seconds = (System.nanoTime() - t0) * 1e-9;

    Map<String, Object> params = new LinkedHashMap<>();
    params.put("ref", ref.toString());
    params.put("ref_frame", refFrame);
    params.put("cur", cur.toString());
    params.put("cur_frame", curFrame);
    params.put("cutoff", r.cutoff());
    params.put("cutoff_source", r.cutoffSource());
    params.put("strain", opts.strain().name().toLowerCase(Locale.ROOT));
    params.put("displacement", opts.displacement().name().toLowerCase(Locale.ROOT));
    params.put("min_neighbours", opts.minNeighbours());
    params.put("singular_tolerance", opts.singularTolerance());
    if (soft != null) {
      params.put("softness", SoftnessCommand.parameters(soft));
    }
    if (out != null) {
      FieldTable.write(out, cols, params);
    }
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("command", "strain");
    report.put("parameters", params);
    report.put("particles", r.size());
    report.put("fitted", r.validCount());
    report.put(
        "flagged",
        Map.of(
            "too_few_neighbours", r.flagCount(LocalFitResult.FLAG_TOO_FEW),
            "singular", r.flagCount(LocalFitResult.FLAG_SINGULAR)));
    report.put("seconds", seconds);
    report.put("fields", FieldTable.summaries(cols, List.of("id", "x", "y", "flag")));
    var o = spec.commandLine().getOut();
    if (json) {
      Json.print(o, report);
    } else {
      o.printf(
          Locale.ROOT,
          "strain %s[%d] -> %s[%d]: N = %d, fitted %d, cutoff %.4f (%s), strain %s%n",
          ref,
          refFrame,
          cur,
          curFrame,
          r.size(),
          r.validCount(),
          r.cutoff(),
          r.cutoffSource(),
          params.get("strain"));
      @SuppressWarnings("unchecked")
      var fields = (Map<String, org.glasslab.analysis.stats.Summary>) report.get("fields");
      FieldTable.printSummaries(o, fields);
    }
    if (out != null) {
      spec.commandLine().getErr().println("wrote " + out);
    }
    return 0;
  }

  static double[] ids(Configuration c) {
    int[] id = c.ids();
    double[] out = new double[c.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = id == null ? i : id[i];
    }
    return out;
  }

  static double[] component(double[] a, int c) {
    double[] out = new double[a.length / 2];
    for (int i = 0; i < out.length; i++) {
      out[i] = a[2 * i + c];
    }
    return out;
  }
}
