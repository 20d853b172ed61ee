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
import org.glasslab.pipeline.plot.Units;
import org.glasslab.pipeline.store.Csv;

/**
 * {@code compare-observables} (ensemble): gathers every branch's {@code observables.csv} and groups
 * the replicas of one parameter set (branch ids that differ only in the replica suffix {@code -rK},
 * e.g. the 12 trajectories of one temperature; any other branch is its own group). For each
 * observable: one curve per group against the frame index (the mean over its replicas, over the
 * frames all have), the distribution of the group's pooled frames, and in {@code
 * observables_summary.csv} (ensemble, observable, replicas, frames, mean, stderr, std, min, max)
 * the mean over replicas of each replica's mean over frames, its standard error across replicas
 * (NaN for one replica) and the pooled std, min and max. Figures and rows grow with the groups, not
 * with the replicas.
 */
public final class CompareObservablesStage extends AbstractStage {
  /** The stage (stateless). */
  public CompareObservablesStage() {
    super(
        "compare-observables",
        2,
        Scope.ENSEMBLE,
        List.of("observables.csv"),
        List.of("observables_summary.csv"),
        "every observable per ensemble of replicas (series, distribution, means with errors)",
        Map.of("bins", "histogram bins (default 30)"));
  }

  @Override
  public void validate(Params p) {
    p.getInt("bins", 30, 1, 10000);
  }

  /** The ensemble of branch {@code id}: the id without its replica suffix {@code -rK}. */
  static String ensembleOf(String id) {
    return id.replaceFirst("-r[0-9]+$", "");
  }

  @Override
  public void run(StageContext ctx) throws Exception {
    int bins = ctx.params().getInt("bins", 30);
    Map<String, List<Csv.Table>> groups = new LinkedHashMap<>();
    for (Map.Entry<String, Path> e : ctx.inputsByBranch("observables.csv").entrySet()) {
      groups
          .computeIfAbsent(ensembleOf(e.getKey()), k -> new ArrayList<>())
          .add(Csv.read(e.getValue()));
    }
    Set<String> names = new LinkedHashSet<>();
    for (List<Csv.Table> g : groups.values()) {
      for (Csv.Table t : g) {
        for (String h : t.header()) {
          if (!h.equals("frame") && !h.equals("step") && !h.equals("time")) {
            names.add(h);
          }
        }
      }
    }
    List<String> rowGroup = new ArrayList<>();
    List<String> rowName = new ArrayList<>();
    List<double[]> rowStats = new ArrayList<>();
    for (String name : names) {
      LinePlot.Builder lines =
          LinePlot.builder(name + " per ensemble", "frame", Units.label(name, name));
      HistogramPlot.Builder hist =
          HistogramPlot.builder("distribution of " + name + " per ensemble", name, bins);
      for (Map.Entry<String, List<Csv.Table>> e : groups.entrySet()) {
        List<double[]> reps = new ArrayList<>();
        for (Csv.Table t : e.getValue()) {
          if (t.header().contains(name) && !t.rows().isEmpty()) {
            reps.add(t.doubles(name));
          }
        }
        if (reps.isEmpty()) {
          continue;
        }
        int frames = Integer.MAX_VALUE;
        int total = 0;
        for (double[] v : reps) {
          frames = Math.min(frames, v.length);
          total += v.length;
        }
        double[] mean = new double[frames];
        double[] pooled = new double[total];
        double[] repMeans = new double[reps.size()];
        int k = 0;
        for (int r = 0; r < reps.size(); r++) {
          double[] v = reps.get(r);
          for (int f = 0; f < frames; f++) {
            mean[f] += v[f] / reps.size();
          }
          System.arraycopy(v, 0, pooled, k, v.length);
          k += v.length;
          repMeans[r] = stats(v)[1];
        }
        String label = e.getKey() + (reps.size() > 1 ? " (" + reps.size() + ")" : "");
        lines.series(label, StageSupport.axis(frames), mean);
        hist.samples(label, pooled);
        double[] all = stats(pooled);
        double[] across = stats(repMeans);
        rowGroup.add(e.getKey());
        rowName.add(name);
        rowStats.add(
            new double[] {
              reps.size(),
              all[0],
              across[1],
              reps.size() > 1 ? across[2] / Math.sqrt(reps.size()) : Double.NaN,
              all[2],
              all[3],
              all[4]
            });
      }
      String base = name.replaceAll("[^A-Za-z0-9_.-]", "_");
      ctx.figure(
          "series_" + base,
          lines.build(),
          "Observable '"
              + name
              + "' against the frame index, one line per ensemble of replicas (their mean;"
              + " replicas in brackets)");
      ctx.figure(
          "distribution_" + base,
          hist.build(),
          "Distribution of '"
              + name
              + "' over the frames of every replica of each ensemble (probability density)");
    }
    int n = rowGroup.size();
    int[] replicas = new int[n];
    int[] frames = new int[n];
    double[][] cols = new double[5][n];
    for (int i = 0; i < n; i++) {
      double[] s = rowStats.get(i);
      replicas[i] = (int) s[0];
      frames[i] = (int) s[1];
      for (int c = 0; c < 5; c++) {
        cols[c][i] = s[c + 2];
      }
    }
    Csv.write(
        ctx.output("observables_summary.csv"),
        List.of(
            "ensemble", "observable", "replicas", "frames", "mean", "stderr", "std", "min", "max"),
        rowGroup.toArray(new String[0]),
        rowName.toArray(new String[0]),
        replicas,
        frames,
        cols[0],
        cols[1],
        cols[2],
        cols[3],
        cols[4]);
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
