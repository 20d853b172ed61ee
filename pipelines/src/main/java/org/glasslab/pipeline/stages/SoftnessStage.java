package org.glasslab.pipeline.stages;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.glasslab.analysis.events.EventFrames;
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
 * {@code glasslab softness}) on the reference inherent structure of each of the three equal-time
 * frame pairs around a catalogue event ({@code event} and {@code refined} keys, {@link
 * StageSupport#window}): before (the pair ending where the event starts), at (frame f, the last
 * structure before the event [f, f+1]) and after (frame f+1, the first structure after it) → {@code
 * softness.csv} (id, softness_before, softness_at, softness_after), the distributions and a
 * snapshot coloured by the softness at the event's start. Version 3: the event from the catalogue.
 */
public final class SoftnessStage
    extends TaskStage<CagingSoftness.Options, Configuration, SoftnessTask.Result> {
  /** The stage (stateless). */
  public SoftnessStage() {
    super(
        "softness",
        SoftnessTask.INSTANCE,
        3,
        List.of(MinimizeStage.IS, "events.csv"),
        List.of("softness.csv"),
        "caging softness per particle before, at and after a catalogue event",
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
    StageSupport.EventWindow w =
        StageSupport.window(
            ctx.params(), ctx.input("events.csv"), ctx.input(MinimizeStage.IS), "is.h5");
    Configuration[] ref = {w.configs()[0][0], w.configs()[1][0], w.configs()[2][0]};
    int[] fr = {w.frames().pairs()[0][0], w.frames().pairs()[1][0], w.frames().pairs()[2][0]};
    CagingSoftness.Options p = parameters(ctx.params());
    double[][] s = ctx.mapFrames("softness", 3, i -> task.run(p, ref[i]).softness().softness());
    Csv.write(
        ctx.output("softness.csv"),
        List.of("id", "softness_before", "softness_at", "softness_after"),
        Columns.ids(ref[1]),
        s[0],
        s[1],
        s[2]);
    String where = w.refined() ? "refined frame " : "frame ";
    HistogramPlot.Builder h = HistogramPlot.builder("P(softness)", "softness", 30);
    for (int i = 0; i < 3; i++) {
      h.samples(EventFrames.NAMES[i] + " (" + where + fr[i] + ")", LocalStage.finiteOnly(s[i]));
    }
    ctx.figure(
        "softness_dist",
        h.build(),
        "Distribution of the caging softness over particles of the reference inherent structure"
            + " of each frame pair of "
            + w.summary());
    ctx.figure(
        "softness_at",
        Snapshot.builder(ref[1])
            .field(LocalStage.finiteOrZero(s[1]), "softness")
            .title(ctx.branchId() + ": softness, " + where + fr[1])
            .boxPixels(ctx.params().getInt("pixels", 500))
            .build(),
        "Inherent structure of "
            + where
            + fr[1]
            + ", the last before event "
            + w.choice().label()
            + ", coloured by caging softness");
  }

  @Override
  public List<Path> parameterFiles(Params p) {
    return StageSupport.refinedFiles(p);
  }
}
