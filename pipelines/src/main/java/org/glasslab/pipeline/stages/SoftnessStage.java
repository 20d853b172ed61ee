package org.glasslab.pipeline.stages;

import java.util.List;
import java.util.Map;
import org.glasslab.analysis.structure.CagingSoftness;
import org.glasslab.data.Configuration;
import org.glasslab.pipeline.engine.Params;
import org.glasslab.pipeline.engine.StageContext;
import org.glasslab.pipeline.plot.HistogramPlot;
import org.glasslab.pipeline.plot.Snapshot;
import org.glasslab.pipeline.store.Csv;
import org.glasslab.pipeline.task.Columns;
import org.glasslab.pipeline.task.SoftnessTask;

/**
 * {@code softness}: the {@link SoftnessTask} (per-particle caging softness, same parameters as
 * {@code glasslab softness}) on the inherent structures just before (a-1) and just after (a+1) the
 * selected avalanche frame a (clamped) → {@code softness.csv} (id, softness_before,
 * softness_after), the two distributions and a snapshot coloured by the softness before the
 * avalanche.
 */
public final class SoftnessStage
    extends TaskStage<CagingSoftness.Options, Configuration, SoftnessTask.Result> {
  /** The stage (stateless). */
  public SoftnessStage() {
    super(
        "softness",
        SoftnessTask.INSTANCE,
        2,
        List.of(MinimizeStage.IS, "avalanches.csv"),
        List.of("softness.csv"),
        "caging softness per particle before and after the avalanche",
        Map.of("pixels", "snapshot size, pixels across the box (default 500)"));
  }

  @Override
  public void validate(Params p) {
    parameters(p);
    p.getInt("pixels", 500, 100, 4000);
  }

  @Override
  public void run(StageContext ctx) throws Exception {
    Configuration[] c = StageSupport.readAll(ctx.input(MinimizeStage.IS));
    int nf = c.length;
    int a = StageSupport.avalancheFrame(ctx.input("avalanches.csv"));
    int[] fr = {StageSupport.clamp(a - 1, nf), StageSupport.clamp(a + 1, nf)};
    CagingSoftness.Options p = parameters(ctx.params());
    double[][] s = ctx.mapFrames("softness", 2, i -> task.run(p, c[fr[i]]).softness().softness());
    Csv.write(
        ctx.output("softness.csv"),
        List.of("id", "softness_before", "softness_after"),
        Columns.ids(c[fr[0]]),
        s[0],
        s[1]);
    ctx.figure(
        "softness_dist",
        HistogramPlot.builder("P(softness)", "softness", 30)
            .samples("before (frame " + fr[0] + ")", LocalStage.finiteOnly(s[0]))
            .samples("after (frame " + fr[1] + ")", LocalStage.finiteOnly(s[1]))
            .build(),
        "Distribution of the caging softness over particles of the inherent structures before"
            + " and after the avalanche at frame "
            + a);
    ctx.figure(
        "softness_before",
        Snapshot.builder(c[fr[0]])
            .field(LocalStage.finiteOrZero(s[0]), "softness")
            .title(ctx.branchId() + ": softness, frame " + fr[0])
            .boxPixels(ctx.params().getInt("pixels", 500))
            .build(),
        "Inherent structure of frame "
            + fr[0]
            + " (before the avalanche at "
            + a
            + ") coloured by caging softness");
  }
}
