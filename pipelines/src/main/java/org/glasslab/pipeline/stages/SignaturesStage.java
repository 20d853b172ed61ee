package org.glasslab.pipeline.stages;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.glasslab.pipeline.engine.StageContext;
import org.glasslab.pipeline.store.Csv;
import org.glasslab.pipeline.store.Fields;
import org.glasslab.pipeline.store.JsonFiles;
import org.glasslab.pipeline.task.EventChoice;
import org.glasslab.pipeline.task.SignaturesTask;

/**
 * {@code signatures}: the {@link SignaturesTask} (same parameters as {@code glasslab signatures})
 * on the branch's IS catalogue ({@code events.csv}) with the series of {@code stress.csv} (σxy,
 * σ_vol, ‖σ‖ of the MD frames), {@code modes.csv} (λ_smallest of the IS) and {@code betti.csv} (β₁)
 * → {@code signatures.csv} (one row per event and series, shown in the report) and {@code
 * signatures.json}. The MD trajectory and the IS trajectory must match (N, frames, steps, box),
 * else nothing is written.
 */
public final class SignaturesStage
    extends TaskStage<SignaturesTask.Params, Map<String, double[]>, SignaturesTask.Result> {
  static final List<String> SERIES = List.of("stress.csv", "modes.csv", "betti.csv");

  /** The stage (stateless). */
  public SignaturesStage() {
    super(
        "signatures",
        SignaturesTask.INSTANCE,
        1,
        List.of(
            "events.csv",
            "stress.csv",
            "modes.csv",
            "betti.csv",
            ImportStage.TRAJECTORY,
            MinimizeStage.IS),
        List.of("signatures.csv", "signatures.json"),
        "per-event jumps of stress, lambda_smallest and beta_1 as z-scores at equal lag (Fig 1"
            + " signatures)",
        Map.of());
  }

  @Override
  public void run(StageContext ctx) throws Exception {
    StageSupport.requireMatching(ctx.input(ImportStage.TRAJECTORY), ctx.input(MinimizeStage.IS));
    SignaturesTask.Params p = parameters(ctx.params());
    Path events = ctx.input("events.csv");
    Map<String, double[]> catalogue = Fields.readCsv(events);
    List<Path> files = SERIES.stream().map(ctx::input).toList();
    SignaturesTask.Result r =
        SignaturesTask.INSTANCE.compute(
            p, EventChoice.rows(catalogue, "events.csv"), "events.csv", files);
    Csv.write(ctx.output("signatures.csv"), task.table(p, r));
    JsonFiles.write(ctx.output("signatures.json"), task.report(p, catalogue, r));
    ctx.table(
        "signatures.csv",
        "Per-event signatures: jump of each series across each event interval [f, f+1] of the IS"
            + " catalogue, judged against the increments of the same series at exactly the same"
            + " lag elsewhere in the trajectory (z = (jump - median) / spread, robust;"
            + " docs/analysis.md). Stress from the MD frames, lambda_smallest from the IS.");
  }
}
