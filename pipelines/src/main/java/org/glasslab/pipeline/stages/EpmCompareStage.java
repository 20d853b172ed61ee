package org.glasslab.pipeline.stages;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.glasslab.pipeline.engine.AbstractStage;
import org.glasslab.pipeline.engine.Params;
import org.glasslab.pipeline.engine.StageContext;
import org.glasslab.pipeline.plot.LinePlot;
import org.glasslab.pipeline.store.Csv;

/**
 * {@code epm-compare} (ensemble): the avalanche size distributions P(S) of every {@code
 * epm-lattice} branch (e.g. a temperature sweep) overlaid on log–log axes, and a summary {@code
 * epm_summary.csv} (branch, avalanches, mean size, largest size bin).
 */
public final class EpmCompareStage extends AbstractStage {
  /** The stage (stateless). */
  public EpmCompareStage() {
    super(
        "epm-compare",
        1,
        Scope.ENSEMBLE,
        List.of("epm_ps.csv"),
        List.of("epm_summary.csv"),
        "lattice-EPM P(S) of every branch overlaid (e.g. across temperatures)",
        Map.of());
  }

  @Override
  public void validate(Params p) {}

  @Override
  public void run(StageContext ctx) throws Exception {
    Map<String, Path> in = ctx.inputsByBranch("epm_ps.csv");
    LinePlot.Builder b = LinePlot.builder("P(S) across branches", "S", "P(S)").log(true, true);
    String[] branch = new String[in.size()];
    double[] count = new double[in.size()];
    double[] mean = new double[in.size()];
    double[] largest = new double[in.size()];
    int i = 0;
    int drawn = 0;
    for (Map.Entry<String, Path> e : in.entrySet()) {
      Csv.Table t = Csv.read(e.getValue());
      double[] s = t.doubles("size");
      double[] p = t.doubles("p");
      double[] c = t.doubles("count");
      branch[i] = e.getKey();
      double n = 0;
      double sum = 0;
      for (int k = 0; k < s.length; k++) {
        n += c[k];
        sum += c[k] * s[k];
      }
      count[i] = n;
      mean[i] = n > 0 ? sum / n : Double.NaN;
      largest[i] = s.length > 0 ? s[s.length - 1] : Double.NaN;
      if (s.length > 0) {
        b.series(e.getKey(), s, p);
        drawn++;
      }
      i++;
    }
    Csv.write(
        ctx.output("epm_summary.csv"),
        org.glasslab.pipeline.store.Units.EPM.annotate(
            org.glasslab.pipeline.store.Table.of(
                List.of("branch", "avalanches", "mean_size_binned", "largest_size_bin"),
                branch,
                count,
                mean,
                largest)));
    if (drawn == 0) {
      // every branch below its T_c with only single activations, or too short: nothing to overlay
      ctx.log("epm-compare: no branch recorded a completed avalanche; no P(S) figure");
      return;
    }
    ctx.figure(
        "p_of_s_compare",
        b.markersOnly().build(),
        "Avalanche size distributions P(S) of the lattice EPM, one curve per branch (bin centres;"
            + " the mean size in epm_summary.csv uses bin centres too)");
  }
}
