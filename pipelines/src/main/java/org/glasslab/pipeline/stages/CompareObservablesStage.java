package org.glasslab.pipeline.stages;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.glasslab.pipeline.engine.AbstractStage;
import org.glasslab.pipeline.engine.Params;
import org.glasslab.pipeline.engine.StageContext;
import org.glasslab.pipeline.plot.HistogramPlot;
import org.glasslab.pipeline.plot.LinePlot;
import org.glasslab.pipeline.store.Csv;

/**
 * {@code compare-observables} (ensemble): gathers every branch's {@code observables.csv} and, for
 * each observable, overlays the branches' series against the frame index and their distributions
 * (histograms on common bins), e.g. across temperatures; writes the per-branch statistics to {@code
 * observables_summary.csv} (branch, observable, frames, mean, std, min, max).
 */
public final class CompareObservablesStage extends AbstractStage {
  /** The stage (stateless). */
  public CompareObservablesStage() {
    super(
        "compare-observables",
        1,
        Scope.ENSEMBLE,
        List.of("observables.csv"),
        List.of("observables_summary.csv"),
        "overlay every branch's observables (series and distributions) and tabulate statistics",
        Map.of("bins", "histogram bins (default 30)"));
  }

  @Override
  public void validate(Params p) {
    p.getInt("bins", 30, 1, 10000);
  }

  @Override
  public void run(StageContext ctx) throws Exception {
    int bins = ctx.params().getInt("bins", 30);
    Map<String, Csv.Table> tables = new LinkedHashMap<>();
    for (Map.Entry<String, Path> e : ctx.inputsByBranch("observables.csv").entrySet()) {
      tables.put(e.getKey(), Csv.read(e.getValue()));
    }
    Set<String> names = new LinkedHashSet<>();
    for (Csv.Table t : tables.values()) {
      for (String h : t.header()) {
        if (!h.equals("frame") && !h.equals("step") && !h.equals("time")) {
          names.add(h);
        }
      }
    }
    List<String> rowBranch = new ArrayList<>();
    List<String> rowName = new ArrayList<>();
    List<double[]> rowStats = new ArrayList<>();
    for (String name : names) {
      LinePlot.Builder lines = LinePlot.builder(name + " across branches", "frame", name);
      HistogramPlot.Builder hist =
          HistogramPlot.builder("distribution of " + name + " across branches", name, bins);
      for (Map.Entry<String, Csv.Table> e : tables.entrySet()) {
        Csv.Table t = e.getValue();
        if (!t.header().contains(name) || t.rows().isEmpty()) {
          continue;
        }
        double[] v = t.doubles(name);
        lines.series(e.getKey(), t.doubles("frame"), v);
        hist.samples(e.getKey(), v);
        rowBranch.add(e.getKey());
        rowName.add(name);
        rowStats.add(stats(v));
      }
      String base = name.replaceAll("[^A-Za-z0-9_.-]", "_");
      ctx.figure(
          "series_" + base,
          lines.build(),
          "Observable '" + name + "' against the frame index, one line per branch");
      ctx.figure(
          "distribution_" + base,
          hist.build(),
          "Distribution of '" + name + "' over the frames of each branch (probability density)");
    }
    int n = rowBranch.size();
    int[] frames = new int[n];
    double[][] cols = new double[4][n];
    for (int i = 0; i < n; i++) {
      double[] s = rowStats.get(i);
      frames[i] = (int) s[0];
      for (int c = 0; c < 4; c++) {
        cols[c][i] = s[c + 1];
      }
    }
    Csv.write(
        ctx.output("observables_summary.csv"),
        List.of("branch", "observable", "frames", "mean", "std", "min", "max"),
        rowBranch.toArray(new String[0]),
        rowName.toArray(new String[0]),
        frames,
        cols[0],
        cols[1],
        cols[2],
        cols[3]);
  }

  /** {count, mean, sample std, min, max} of the finite values. */
  static double[] stats(double[] v) {
    int n = 0;
    double mean = 0;
    double m2 = 0;
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (double x : v) {
      if (!Double.isFinite(x)) {
        continue;
      }
      n++;
      double d = x - mean;
      mean += d / n;
      m2 += d * (x - mean);
      min = Math.min(min, x);
      max = Math.max(max, x);
    }
    double std = n > 1 ? Math.sqrt(m2 / (n - 1)) : 0;
    return n == 0
        ? new double[] {0, Double.NaN, Double.NaN, Double.NaN, Double.NaN}
        : new double[] {n, mean, std, min, max};
  }
}
