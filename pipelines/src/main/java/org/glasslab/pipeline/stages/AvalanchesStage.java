package org.glasslab.pipeline.stages;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.glasslab.analysis.dynamics.JumpDetector;
import org.glasslab.analysis.dynamics.MeanSquareDisplacement;
import org.glasslab.data.Trajectory;
import org.glasslab.pipeline.engine.StageContext;
import org.glasslab.pipeline.plot.LinePlot;
import org.glasslab.pipeline.store.Csv;
import org.glasslab.pipeline.store.Table;
import org.glasslab.pipeline.task.AvalanchesTask;

/**
 * {@code avalanches}: the {@link AvalanchesTask} (same parameters as {@code glasslab avalanches})
 * on the MSD of {@code msd.csv} → {@code avalanches.csv}, the task's table (one row per detected
 * event; version 2 added step and time) with the columns selected and source, plus the frame the
 * downstream stages use ({@code selected = 1}): the detected event with the largest jump, or — when
 * no event passes the test — the frame with the largest single-frame MSD increase, marked {@code
 * source = largest-increment} so that nobody mistakes it for a detection.
 */
public final class AvalanchesStage
    extends TaskStage<JumpDetector.Options, Trajectory, AvalanchesTask.Result> {
  /** The stage (stateless). */
  public AvalanchesStage() {
    super(
        "avalanches",
        AvalanchesTask.INSTANCE,
        2,
        List.of("msd.csv"),
        List.of("avalanches.csv"),
        "avalanche frames from jumps of the MSD (change-point test); selects one for local stages",
        Map.of());
  }

  @Override
  public void run(StageContext ctx) throws Exception {
    JumpDetector.Options o = parameters(ctx.params());
    Csv.Table t = Csv.read(ctx.input("msd.csv"));
    double[] msd = t.doubles("msd");
    int nf = msd.length;
    if (nf < 2) {
      throw new IllegalArgumentException(
          ctx.input("msd.csv") + ": " + nf + " frame(s); need at least 2 to look for a jump");
    }
    long[] steps = new long[nf];
    int[] frames = new int[nf];
    double[] step = t.doubles("step");
    for (int k = 0; k < nf; k++) {
      steps[k] = (long) step[k];
      frames[k] = k;
    }
    MeanSquareDisplacement.Result series =
        new MeanSquareDisplacement.Result(frames, steps, t.doubles("time"), msd);
    AvalanchesTask.Result r = AvalanchesTask.INSTANCE.detect(o, series);
    List<JumpDetector.Event> events = r.events();
    int best = -1;
    for (int i = 0; i < events.size(); i++) {
      if (best < 0 || events.get(i).jump() > events.get(best).jump()) {
        best = i;
      }
    }
    Table detected = task.table(o, r);
    int m = events.size() + (best >= 0 ? 0 : 1);
    int[] fr = Arrays.copyOf((int[]) detected.column("frame"), m);
    long[] st = Arrays.copyOf((long[]) detected.column("step"), m);
    double[] tm = Arrays.copyOf((double[]) detected.column("time"), m);
    double[] jp = Arrays.copyOf((double[]) detected.column("jump"), m);
    double[] ts = Arrays.copyOf((double[]) detected.column("statistic"), m);
    double[] cf = Arrays.copyOf((double[]) detected.column("confidence"), m);
    int[] sl = new int[m];
    String[] src = new String[m];
    Arrays.fill(src, "detected");
    int selected;
    String how;
    if (best >= 0) {
      sl[best] = 1;
      selected = events.get(best).frame();
      how = "detected avalanche (largest jump of " + events.size() + " event(s))";
    } else {
      int arg = 1;
      for (int k = 2; k < nf; k++) {
        if (msd[k] - msd[k - 1] > msd[arg] - msd[arg - 1]) {
          arg = k;
        }
      }
      selected = arg;
      int i = m - 1;
      fr[i] = arg;
      st[i] = steps[arg];
      tm[i] = series.times()[arg];
      jp[i] = msd[arg] - msd[arg - 1];
      ts[i] = Double.NaN;
      cf[i] = Double.NaN;
      sl[i] = 1;
      src[i] = "largest-increment";
      how = "no significant jump: largest single-frame MSD increase (not a detection)";
      ctx.log("no avalanche passed the test; using the largest MSD increase at frame %d", arg);
    }
    List<String> header = new ArrayList<>(detected.header());
    header.addAll(List.of("selected", "source"));
    Csv.write(ctx.output("avalanches.csv"), header, fr, st, tm, jp, ts, cf, sl, src);
    LinePlot.Builder b =
        LinePlot.builder("MSD and avalanches", "frame", "MSD")
            .series("msd", StageSupport.axis(nf), msd)
            .points(true);
    for (int i = 0; i < m; i++) {
      b.marker(fr[i], sl[i] == 1 ? "avalanche (selected)" : "avalanche");
    }
    ctx.figure(
        "msd_avalanches",
        b.build(),
        String.format(
            Locale.ROOT,
            "MSD since frame 0 with the avalanche frames marked; selected frame %d: %s (window %d,"
                + " threshold %.3g)",
            selected,
            how,
            o.window(),
            o.threshold()));
  }
}
