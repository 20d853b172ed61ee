package org.glasslab.pipeline.stages;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.glasslab.analysis.stats.Summary;
import org.glasslab.pipeline.engine.AbstractStage;
import org.glasslab.pipeline.engine.Params;
import org.glasslab.pipeline.engine.StageContext;
import org.glasslab.pipeline.plot.HistogramPlot;
import org.glasslab.pipeline.store.Csv;

/**
 * {@code compare-local} (ensemble): the per-particle distributions at the avalanche (D2min,
 * mobility, deviatoric norm, |eps_vol| from each branch's {@code local.csv}) overlaid across
 * branches — e.g. temperatures of a sweep — and a summary table {@code local_summary.csv} (branch,
 * metric, count, mean, std, min, max).
 */
public final class CompareLocalStage extends AbstractStage {
  static final List<String> METRICS = List.of("d2min", "m", "dev_norm", "abs_eps_vol");

  /** The stage (stateless). */
  public CompareLocalStage() {
    super(
        "compare-local",
        1,
        Scope.ENSEMBLE,
        List.of("local.csv"),
        List.of("local_summary.csv"),
        "per-particle distributions at the avalanche compared across branches (e.g. temperatures)",
        Map.of("bins", "histogram bins (default 30)"));
  }

  @Override
  public void validate(Params p) {
    p.getInt("bins", 30, 2, 10_000);
  }

  @Override
  public void run(StageContext ctx) throws Exception {
    int bins = ctx.params().getInt("bins", 30);
    Map<String, Csv.Table> tables = new LinkedHashMap<>();
    for (Map.Entry<String, Path> e : ctx.inputsByBranch("local.csv").entrySet()) {
      tables.put(e.getKey(), Csv.read(e.getValue()));
    }
    List<String> br = new ArrayList<>();
    List<String> me = new ArrayList<>();
    List<double[]> st = new ArrayList<>();
    for (String m : METRICS) {
      HistogramPlot.Builder h = HistogramPlot.builder("P(" + m + ") across branches", m, bins);
      for (Map.Entry<String, Csv.Table> e : tables.entrySet()) {
        double[] v = LocalStage.finiteOnly(e.getValue().doubles(m));
        h.samples(e.getKey(), v);
        Summary s = Summary.of(v);
        br.add(e.getKey());
        me.add(m);
        st.add(new double[] {v.length, s.mean(), s.std(), s.min(), s.max()});
      }
      ctx.figure(
          "compare_" + m,
          h.build(),
          "Distribution of "
              + m
              + " over particles for the frame pair at each branch's avalanche,"
              + " one curve per branch ("
              + tables.size()
              + " branches)");
    }
    int n = br.size();
    double[][] c = new double[5][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < 5; j++) {
        c[j][i] = st.get(i)[j];
      }
    }
    Csv.write(
        ctx.output("local_summary.csv"),
        List.of("branch", "metric", "count", "mean", "std", "min", "max"),
        br.toArray(new String[0]),
        me.toArray(new String[0]),
        c[0],
        c[1],
        c[2],
        c[3],
        c[4]);
  }
}
