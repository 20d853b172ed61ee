package org.glasslab.pipeline.stages;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.glasslab.analysis.stats.CorrelationMatrices;
import org.glasslab.pipeline.engine.AbstractStage;
import org.glasslab.pipeline.engine.Params;
import org.glasslab.pipeline.engine.StageContext;
import org.glasslab.pipeline.plot.Heatmap;
import org.glasslab.pipeline.plot.ScatterPlot;
import org.glasslab.pipeline.store.Csv;

/**
 * {@code correlate}: Pearson and Spearman correlation matrices (analysis module) over the paper's
 * per-particle metrics of the frame pair at the avalanche — dev_norm, det H, |eps_vol|, D2min,
 * mobility m, total norm — and the softness before the avalanche (same particle order) → {@code
 * correlation.csv} (long form: method, a, b, r), two heatmaps and scatter plots of D2min against
 * the others. Particles with a NaN in any metric (no fit) are dropped.
 */
public final class CorrelateStage extends AbstractStage {
  static final List<String> METRICS =
      List.of("dev_norm", "detH", "abs_eps_vol", "d2min", "m", "total_norm");

  /** The stage (stateless). */
  public CorrelateStage() {
    super(
        "correlate",
        1,
        Scope.BRANCH,
        List.of("local.csv", "softness.csv"),
        List.of("correlation.csv"),
        "Pearson and Spearman heatmaps and scatter plots over per-particle metrics",
        Map.of());
  }

  @Override
  public void validate(Params p) {}

  @Override
  public void run(StageContext ctx) throws Exception {
    Csv.Table local = Csv.read(ctx.input("local.csv"));
    Csv.Table soft = Csv.read(ctx.input("softness.csv"));
    List<String> names = new ArrayList<>(METRICS);
    names.add("softness");
    double[][] cols = new double[names.size()][];
    for (int i = 0; i < METRICS.size(); i++) {
      cols[i] = local.doubles(METRICS.get(i));
    }
    cols[METRICS.size()] = soft.doubles("softness_before");
    if (cols[METRICS.size()].length != cols[0].length) {
      throw new IllegalArgumentException(
          "local.csv has " + cols[0].length + " particles, softness.csv " + cols[6].length);
    }
    CorrelationMatrices cm = CorrelationMatrices.of(names, cols);
    int k = names.size();
    List<String> method = new ArrayList<>();
    List<String> an = new ArrayList<>();
    List<String> bn = new ArrayList<>();
    double[] r = new double[2 * k * k];
    int row = 0;
    for (String m : List.of("pearson", "spearman")) {
      double[][] mat = m.equals("pearson") ? cm.pearson() : cm.spearman();
      for (int i = 0; i < k; i++) {
        for (int j = 0; j < k; j++) {
          method.add(m);
          an.add(names.get(i));
          bn.add(names.get(j));
          r[row++] = mat[i][j];
        }
      }
    }
    Csv.write(
        ctx.output("correlation.csv"),
        List.of("method", "a", "b", "r"),
        method.toArray(new String[0]),
        an.toArray(new String[0]),
        bn.toArray(new String[0]),
        r);
    String[] labels = names.toArray(new String[0]);
    String used =
        String.format(Locale.ROOT, "%d particles used, %d dropped (NaN)", cm.rows(), cm.dropped());
    ctx.figure(
        "pearson",
        Heatmap.correlation("Pearson", labels, cm.pearson()),
        "Pearson correlation matrix of the per-particle metrics at the avalanche (" + used + ")");
    ctx.figure(
        "spearman",
        Heatmap.correlation("Spearman", labels, cm.spearman()),
        "Spearman rank correlation matrix of the per-particle metrics at the avalanche ("
            + used
            + ")");
    double[] d2 = cols[names.indexOf("d2min")];
    for (String other : List.of("m", "dev_norm", "softness")) {
      double[] y = cols[names.indexOf(other)];
      ctx.figure(
          "scatter_d2min_" + other,
          ScatterPlot.builder(other + " vs D2min", "D2min", other)
              .points(ctx.branchId(), finite(d2, y, 0), finite(d2, y, 1))
              .build(),
          "Per-particle " + other + " against D2min for the frame pair at the avalanche");
    }
  }

  /** Component {@code c} (0 = x, 1 = y) of the pairs where both are finite. */
  private static double[] finite(double[] x, double[] y, int c) {
    int n = 0;
    for (int i = 0; i < x.length; i++) {
      if (Double.isFinite(x[i]) && Double.isFinite(y[i])) {
        n++;
      }
    }
    double[] o = new double[n];
    int k = 0;
    for (int i = 0; i < x.length; i++) {
      if (Double.isFinite(x[i]) && Double.isFinite(y[i])) {
        o[k++] = c == 0 ? x[i] : y[i];
      }
    }
    return o;
  }
}
