package org.glasslab.pipeline.stages;

import java.util.List;
import java.util.Map;
import org.glasslab.data.Trajectory;
import org.glasslab.pipeline.engine.StageContext;
import org.glasslab.pipeline.task.ModesTask;

/**
 * {@code modes}: the {@link ModesTask} on every inherent structure ({@code is.h5}) → {@code
 * modes.csv} and the Fig 1 e panel, frames in parallel and resumable through the engine's frame
 * loop.
 */
public final class ModesStage extends TaskStage<ModesTask.Options, Trajectory, ModesTask.Result> {
  /** The stage (stateless). */
  public ModesStage() {
    super(
        "modes",
        ModesTask.INSTANCE,
        2,
        List.of(MinimizeStage.IS),
        List.of("modes.csv"),
        "lambda_smallest, zero and negative modes of every inherent structure (Fig 1 e)",
        Map.of());
  }

  @Override
  protected ModesTask.Result compute(StageContext ctx, ModesTask.Options p, Trajectory in)
      throws Exception {
    return ModesTask.INSTANCE.run(p, in, (n, f) -> ctx.mapFrames("modes", n, f::apply));
  }
}
