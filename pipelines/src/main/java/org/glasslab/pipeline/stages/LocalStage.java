package org.glasslab.pipeline.stages;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.glasslab.analysis.events.EventFrames;
import org.glasslab.analysis.local.LocalAffineFit;
import org.glasslab.analysis.local.LocalFitResult;
import org.glasslab.analysis.stats.Summary;
import org.glasslab.data.Configuration;
import org.glasslab.pipeline.engine.Params;
import org.glasslab.pipeline.engine.StageContext;
import org.glasslab.pipeline.plot.HistogramPlot;
import org.glasslab.pipeline.plot.Snapshot;
import org.glasslab.pipeline.store.Csv;
import org.glasslab.pipeline.store.Hdf5Arrays;
import org.glasslab.pipeline.task.Columns;
import org.glasslab.pipeline.task.FramePair;
import org.glasslab.pipeline.task.StrainTask;

/**
 * {@code local}: the {@link StrainTask} (same parameters and per-particle table as {@code glasslab
 * strain}) giving local deformation fields of the inherent structures around an event of the IS
 * catalogue (analysis module, Jha &amp; Sengupta Appendix A): optimal local H, D2min, non-affine
 * vectors, strain measures (eps_vol, |eps_vol|, deviatoric and total norms, det H) and the
 * mobility, for three frame pairs of equal elapsed time — before, at (the event interval [f, f+1])
 * and after ({@code event} and {@code refined} keys, {@link StageSupport#window}); the first frame
 * of each pair is the reference. Outputs {@code local.h5} (groups {@code before/at/after}, one
 * dataset per field [N], plus {@code frames} and {@code steps} of the pair), {@code local.csv} (the
 * strain task's per-particle table of the pair at the event, input of {@code correlate}), snapshots
 * coloured by D2min with the non-affine vectors as arrows, and distributions before/at/after.
 * Version 3: the event from the catalogue instead of an MSD frame index.
 */
public final class LocalStage extends TaskStage<StrainTask.Params, FramePair, StrainTask.Result> {
  static final String[] PAIRS = EventFrames.NAMES;

  /** The per-particle metrics whose distributions are compared before/at/after (m = mobility). */
  static final List<String> METRICS =
      List.of("d2min", "m", "dev_norm", "eps_vol", "abs_eps_vol", "total_norm", "detH");

  /** The stage (stateless). */
  public LocalStage() {
    super(
        "local",
        StrainTask.INSTANCE,
        3,
        List.of(MinimizeStage.IS, "events.csv"),
        List.of("local.h5", "local.csv", "pairs.csv"),
        "D2min, non-affine vectors, strain measures, mobility before/at/after a catalogue event"
            + " (equal-time frame pairs)",
        extra());
  }

  private static Map<String, String> extra() {
    Map<String, String> m = StageSupport.eventKeys();
    m.put("pixels", "snapshot size, pixels across the box (default 500)");
    return m;
  }

  @Override
  public void validate(Params p) {
    parameters(p);
    StageSupport.validateEvent(p);
    p.getInt("pixels", 500, 100, 4000);
  }

  @Override
  public void run(StageContext ctx) throws Exception {
    StrainTask.Params p = parameters(ctx.params());
    LocalAffineFit.Options o = p.fit();
    int pixels = ctx.params().getInt("pixels", 500);
    StageSupport.EventWindow w =
        StageSupport.window(
            ctx.params(), ctx.input("events.csv"), ctx.input(MinimizeStage.IS), "is.h5");
    ctx.log("%s", w.summary());
    Configuration[][] c = w.configs();
    int[][] pr = w.frames().pairs();
    StrainTask.Result[] out = new StrainTask.Result[3];
    LocalFitResult[] res = new LocalFitResult[3];
    double[][] mob = new double[3][];
    ctx.parallelFor(
        3,
        i -> {
          out[i] = task.run(p, new FramePair(c[i][0], c[i][1]));
          res[i] = out[i].fit();
          mob[i] = out[i].mobility();
        });
    Map<String, Object> ds = new LinkedHashMap<>();
    for (int i = 0; i < 3; i++) {
      for (Map.Entry<String, double[]> e : res[i].columns().entrySet()) {
        ds.put(PAIRS[i] + "/" + e.getKey(), Columns.typed(e.getKey(), e.getValue()));
      }
      ds.put(PAIRS[i] + "/m", mob[i]);
      ds.put(PAIRS[i] + "/frames", pr[i]);
      ds.put(PAIRS[i] + "/steps", new long[] {c[i][0].step(), c[i][1].step()});
    }
    Map<String, Object> attrs = new LinkedHashMap<>();
    attrs.put("event_frame", w.choice().row().frame());
    attrs.put("event_kind", w.choice().row().kind().name());
    attrs.put("event_is_event", w.choice().event() ? 1 : 0);
    attrs.put("event_lag_steps", w.choice().row().lag());
    attrs.put("refined", w.refined() ? 1 : 0);
    // the run directory must not enter the bytes: the branch file by name, a refined one as given
    attrs.put(
        "frames_source", w.refined() ? w.source().toString() : w.source().getFileName().toString());
    attrs.put("cutoff", res[1].cutoff());
    attrs.put("cutoff_source", res[1].cutoffSource());
    attrs.put("strain", o.strain().name().toLowerCase(Locale.ROOT));
    Hdf5Arrays.write(ctx.output("local.h5"), ds, attrs);

    Csv.write(ctx.output("local.csv"), task.table(p, out[1]));

    for (int i = 0; i < 3; i++) {
      double[] d2 = finiteOrZero(res[i].d2min());
      double[] na = finiteOrZero(res[i].nonAffine());
      double maxLen = 0;
      for (int j = 0; j < na.length / 2; j++) {
        maxLen = Math.max(maxLen, Math.hypot(na[2 * j], na[2 * j + 1]));
      }
      double scale = maxLen > 0 ? 2.0 / maxLen : 1;
      if (!w.drawn(i)) {
        continue; // the event pair repeated (no frame on this side); said in its caption
      }
      ctx.figure(
          "d2min_" + PAIRS[i],
          Snapshot.builder(c[i][0])
              .field(d2, "D2min")
              .arrows(na, scale)
              .title(
                  ctx.branchId()
                      + ": D2min, frames "
                      + pr[i][0]
                      + " -> "
                      + pr[i][1]
                      + " ("
                      + PAIRS[i]
                      + ")")
              .boxPixels(pixels)
              .build(),
          String.format(
                  Locale.ROOT,
                  "Inherent structure of the reference frame coloured by D2min, %s; %s. Arrows:"
                      + " non-affine displacement x %.3g (longest drawn 2 diameters). Particles"
                      + " without a fit (%d) drawn at 0.",
                  w.describe(i),
                  "event " + w.choice().label(),
                  scale,
                  res[i].size() - res[i].validCount())
              + (i == 1 ? w.repeatedNote() : ""));
    }
    writePairs(ctx, w, res, mob);
    for (String f : METRICS) {
      HistogramPlot.Builder h = HistogramPlot.builder("P(" + f + ")", f, 30);
      for (int i = 0; i < 3; i++) {
        if (!w.drawn(i)) {
          continue;
        }
        double[] vals = f.equals("m") ? mob[i] : res[i].columns().get(f);
        h.samples(PAIRS[i] + " (" + w.frames().spans()[i] + " steps)", finiteOnly(vals));
      }
      ctx.figure(
          "dist_" + f,
          h.build(),
          "Distribution of " + f + " over particles for the frame pairs of " + w.summary());
    }
  }

  /**
   * {@code pairs.csv} (shown in the report): per pair its frames, steps and span [steps], and the
   * median and 95th percentile of every metric over the fitted particles.
   */
  private static void writePairs(
      StageContext ctx, StageSupport.EventWindow w, LocalFitResult[] res, double[][] mob)
      throws java.io.IOException {
    List<String> header =
        new java.util.ArrayList<>(
            List.of("pair", "ref_frame", "cur_frame", "ref_step", "cur_step", "span_steps"));
    Object[] cols = new Object[6 + 2 * METRICS.size()];
    String[] name = new String[3];
    int[] rf = new int[3];
    int[] cf = new int[3];
    long[] rs = new long[3];
    long[] cs = new long[3];
    long[] span = new long[3];
    for (int i = 0; i < 3; i++) {
      name[i] = PAIRS[i];
      rf[i] = w.frames().pairs()[i][0];
      cf[i] = w.frames().pairs()[i][1];
      rs[i] = w.configs()[i][0].step();
      cs[i] = w.configs()[i][1].step();
      span[i] = w.frames().spans()[i];
    }
    Object[] fixed = {name, rf, cf, rs, cs, span};
    System.arraycopy(fixed, 0, cols, 0, 6);
    int c = 6;
    for (String f : METRICS) {
      double[] med = new double[3];
      double[] q95 = new double[3];
      for (int i = 0; i < 3; i++) {
        Summary sm = Summary.of(finiteOnly(f.equals("m") ? mob[i] : res[i].columns().get(f)));
        med[i] = sm.median();
        q95[i] = sm.q95();
      }
      header.add(f + "_median");
      header.add(f + "_q95");
      cols[c++] = med;
      cols[c++] = q95;
    }
    Csv.write(ctx.output("pairs.csv"), header, cols);
    ctx.table(
        "pairs.csv",
        "Frame pairs before/at/after "
            + w.choice().label()
            + " (spans in steps; the event's lag is "
            + w.choice().row().lag()
            + ") and the median and 95th percentile of each per-particle metric over the fitted"
            + " particles (m = mobility).");
  }

  static double[] finiteOrZero(double[] v) {
    double[] o = v.clone();
    for (int i = 0; i < o.length; i++) {
      if (!Double.isFinite(o[i])) {
        o[i] = 0;
      }
    }
    return o;
  }

  static double[] finiteOnly(double[] v) {
    int n = 0;
    for (double x : v) {
      if (Double.isFinite(x)) {
        n++;
      }
    }
    double[] o = new double[n];
    int k = 0;
    for (double x : v) {
      if (Double.isFinite(x)) {
        o[k++] = x;
      }
    }
    return o;
  }

  @Override
  public List<Path> parameterFiles(Params p) {
    return StageSupport.refinedFiles(p);
  }
}
