package org.glasslab.pipeline.stages;

import java.util.List;
import java.util.Map;
import org.glasslab.pipeline.engine.AbstractStage;
import org.glasslab.pipeline.engine.Params;
import org.glasslab.pipeline.engine.StageContext;
import org.glasslab.pipeline.plot.LinePlot;
import org.glasslab.pipeline.plot.Units;
import org.glasslab.pipeline.store.Csv;
import org.glasslab.pipeline.store.Fields;
import org.glasslab.pipeline.task.EventChoice;

/**
 * {@code fig1}: the panels of Jha &amp; Sengupta Fig. 1 for one branch — MSD, shear stress
 * sigma_xy, volumetric stress, stress norm (MD frames), lambda_smallest (inherent structures) and
 * beta_1 against time t = S·dt (not frame index: on the log-block schedule frames are not equally
 * spaced), each with the events of the IS catalogue ({@code events.csv}) marked at their start and
 * the one the {@code event} key chooses labelled — and the joined per-frame table {@code fig1.csv}.
 * The tables are joined by step: tables of different trajectories (MD and IS that do not match) are
 * refused. Pure plotting of upstream results. Version 2: time axis, catalogue events.
 */
public final class Fig1Stage extends AbstractStage {
  static final List<String> TABLES =
      List.of("msd.csv", "events.csv", "stress.csv", "modes.csv", "betti.csv");

  /** The stage (stateless). */
  public Fig1Stage() {
    super(
        "fig1",
        2,
        Scope.BRANCH,
        TABLES,
        List.of("fig1.csv"),
        "Fig 1 panels (MSD, shear/volumetric stress, norm, lambda_smallest, beta_1) against time"
            + " with the catalogue events marked",
        Map.of(EventChoice.EVENT.name(), EventChoice.EVENT.help()));
  }

  @Override
  public void validate(Params p) {
    StageSupport.checked(
        EventChoice.EVENT.name(), () -> EventChoice.check(p.getString("event", null)));
  }

  @Override
  public void run(StageContext ctx) throws Exception {
    Csv.Table msdT = Csv.read(ctx.input("msd.csv"));
    double[] steps = msdT.doubles("step");
    double[] time = msdT.doubles("time");
    double[] msd = msdT.doubles("msd");
    Csv.Table st = Csv.read(ctx.input("stress.csv"));
    Csv.Table modes = Csv.read(ctx.input("modes.csv"));
    Csv.Table betti = Csv.read(ctx.input("betti.csv"));
    sameSteps("msd.csv", steps, "stress.csv", st.doubles("step"));
    sameSteps("msd.csv", steps, "modes.csv", modes.doubles("step"));
    sameSteps("msd.csv", steps, "betti.csv", betti.doubles("step"));
    double[] sxy = st.doubles("sxy");
    double[] vol = st.doubles("s_vol");
    double[] norm = st.doubles("s_norm");
    double[] lam = modes.doubles("lambda_smallest");
    double[] b1 = betti.doubles("beta1");
    List<EventChoice.Row> rows =
        EventChoice.rows(Fields.readCsv(ctx.input("events.csv")), "events.csv");
    for (EventChoice.Row r : rows) {
      int f = r.frame();
      if (f + 1 >= steps.length || steps[f] != r.stepA() || steps[f + 1] != r.stepB()) {
        throw new IllegalArgumentException(
            "events.csv and msd.csv do not match: interval ["
                + f
                + ", "
                + (f + 1)
                + "] at steps "
                + r.stepA()
                + ".."
                + r.stepB()
                + " is not in the MD frames ("
                + steps.length
                + ")");
      }
    }
    // a trajectory whose IS never changed has nothing to choose: the series are still drawn
    EventChoice.Choice chosen =
        rows.stream().anyMatch(r -> r.moved() > 0)
            ? StageSupport.event(ctx.params(), ctx.input("events.csv"))
            : null;
    List<EventChoice.Row> events = EventChoice.events(rows);
    int nf = msd.length;
    long[] stepColumn = new long[nf];
    for (int k = 0; k < nf; k++) {
      stepColumn[k] = (long) steps[k];
    }
    Csv.write(
        ctx.output("fig1.csv"),
        List.of(
            "frame", "step", "time", "msd", "sxy", "s_vol", "s_norm", "lambda_smallest", "beta1"),
        StageSupport.frames(nf),
        stepColumn,
        time,
        msd,
        sxy,
        vol,
        norm,
        lam,
        b1);
    String[][] panels = {
      {"a", "msd", "MSD"},
      {"b", "sxy", "shear stress sigma_xy"},
      {"c", "s_vol", "volumetric stress"},
      {"d", "s_norm", "stress norm"},
      {"e", "lambda_smallest", "lambda_smallest (IS)"},
      {"f", "beta1", "beta_1"}
    };
    double[][] ys = {msd, sxy, vol, norm, lam, b1};
    for (int p = 0; p < panels.length; p++) {
      LinePlot.Builder b =
          LinePlot.builder(
                  "Fig 1 " + panels[p][0] + ": " + panels[p][2],
                  Units.TIME,
                  Units.label(panels[p][2], panels[p][1]))
              .series(panels[p][1], time, ys[p])
              .points(true);
      for (EventChoice.Row e : events) {
        if (chosen == null || e.frame() != chosen.row().frame()) {
          b.marker(e.timeA(), "event " + e.frame());
        }
      }
      if (chosen != null) {
        b.marker(chosen.row().timeA(), "chosen " + chosen.row().frame());
      }
      ctx.figure(
          "fig1_" + panels[p][0] + "_" + panels[p][1],
          b.build(),
          "Fig 1 "
              + panels[p][0]
              + ": "
              + panels[p][2]
              + " against time for branch "
              + ctx.branchId()
              + "; vertical lines: start t(f) of the "
              + events.size()
              + " event(s) of the IS catalogue; chosen: "
              + (chosen == null ? "none (the IS never changed)" : chosen.label())
              + " (jumps judged at equal lag: signatures.csv)");
    }
  }

  /** Throws unless the two step columns are equal, naming both tables. */
  private static void sameSteps(String a, double[] sa, String b, double[] sb) {
    if (sa.length != sb.length) {
      throw new IllegalArgumentException(
          a + " and " + b + " do not match: " + sa.length + " vs " + sb.length + " frames");
    }
    for (int k = 0; k < sa.length; k++) {
      if (sa[k] != sb[k]) {
        throw new IllegalArgumentException(
            a
                + " and "
                + b
                + " do not match: frame "
                + k
                + " at step "
                + (long) sa[k]
                + " vs "
                + (long) sb[k]);
      }
    }
  }
}
