package org.glasslab.pipeline.stages;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.glasslab.analysis.dynamics.AvalancheDetector;
import org.glasslab.pipeline.engine.AbstractStage;
import org.glasslab.pipeline.engine.Params;
import org.glasslab.pipeline.engine.StageContext;
import org.glasslab.pipeline.plot.LinePlot;
import org.glasslab.pipeline.store.Csv;

/**
 * {@code avalanches}: avalanche frames as jumps of the MSD between plateaus (analysis module's
 * change-point detector) → {@code avalanches.csv}, one row per detected event plus the frame the
 * downstream stages use ({@code selected = 1}): the detected event with the largest jump, or — when
 * no event passes the test — the frame with the largest single-frame MSD increase, marked {@code
 * source = largest-increment} so that nobody mistakes it for a detection.
 */
public final class AvalanchesStage extends AbstractStage {
  /** The stage (stateless). */
  public AvalanchesStage() {
    super(
        "avalanches",
        1,
        Scope.BRANCH,
        List.of("msd.csv"),
        List.of("avalanches.csv"),
        "avalanche frames from jumps of the MSD (change-point test); selects one for local stages",
        Map.of(
            "window", "frames on each side of a candidate, >= 5 (default 20)",
            "threshold", "smallest |jump / standard error| (default 5)",
            "min_jump", "smallest MSD jump [diameters^2] (default 0: off)"));
  }

  static AvalancheDetector.Options options(Params p) {
    int w = p.getInt("window", 20, 5, 100_000);
    return StageSupport.checked(
        "",
        () ->
            AvalancheDetector.Options.builder()
                .window(w)
                .threshold(p.getPositive("threshold", 5))
                .minJump(StageSupport.nonNegative(p, "min_jump", 0))
                .build());
  }

  @Override
  public void validate(Params p) {
    options(p);
  }

  @Override
  public void run(StageContext ctx) throws Exception {
    AvalancheDetector.Options o = options(ctx.params());
    Csv.Table t = Csv.read(ctx.input("msd.csv"));
    double[] msd = t.doubles("msd");
    int nf = msd.length;
    if (nf < 2) {
      throw new IllegalArgumentException(
          ctx.input("msd.csv") + ": " + nf + " frame(s); need at least 2 to look for a jump");
    }
    List<AvalancheDetector.Event> events =
        nf >= 2 * o.minWindow() + 1 ? new AvalancheDetector(o).detect(msd).events() : List.of();
    int best = -1;
    for (int i = 0; i < events.size(); i++) {
      if (best < 0 || events.get(i).jump() > events.get(best).jump()) {
        best = i;
      }
    }
    List<Integer> frame = new ArrayList<>();
    List<Double> jump = new ArrayList<>();
    List<Double> stat = new ArrayList<>();
    List<Double> conf = new ArrayList<>();
    List<Integer> sel = new ArrayList<>();
    List<String> src = new ArrayList<>();
    for (int i = 0; i < events.size(); i++) {
      var e = events.get(i);
      frame.add(e.frame());
      jump.add(e.jump());
      stat.add(e.statistic());
      conf.add(e.confidence());
      sel.add(i == best ? 1 : 0);
      src.add("detected");
    }
    int selected;
    String how;
    if (best >= 0) {
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
      frame.add(arg);
      jump.add(msd[arg] - msd[arg - 1]);
      stat.add(Double.NaN);
      conf.add(Double.NaN);
      sel.add(1);
      src.add("largest-increment");
      how = "no significant jump: largest single-frame MSD increase (not a detection)";
      ctx.log("no avalanche passed the test; using the largest MSD increase at frame %d", arg);
    }
    int m = frame.size();
    int[] fr = new int[m];
    double[] jp = new double[m];
    double[] st = new double[m];
    double[] cf = new double[m];
    int[] sl = new int[m];
    for (int i = 0; i < m; i++) {
      fr[i] = frame.get(i);
      jp[i] = jump.get(i);
      st[i] = stat.get(i);
      cf[i] = conf.get(i);
      sl[i] = sel.get(i);
    }
    Csv.write(
        ctx.output("avalanches.csv"),
        List.of("frame", "jump", "statistic", "confidence", "selected", "source"),
        fr,
        jp,
        st,
        cf,
        sl,
        src.toArray(new String[0]));
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
