package org.glasslab.pipeline.stages;

import java.util.List;
import java.util.Map;
import org.glasslab.data.Trajectory;
import org.glasslab.pipeline.engine.Params;
import org.glasslab.pipeline.engine.StageContext;
import org.glasslab.pipeline.task.MinimizeTask;
import org.glasslab.pipeline.task.Param;
import org.glasslab.pipeline.task.Values;

/**
 * {@code minimize}: the {@link MinimizeTask} on the branch's trajectory → the inherent-structure
 * trajectory {@code is.h5} and the convergence table {@code minimize.csv}; frames in parallel and
 * resumable through the engine's frame loop.
 */
public final class MinimizeStage
    extends TaskStage<MinimizeTask.Options, Trajectory, MinimizeTask.Result> {
  /** IS trajectory artifact. */
  public static final String IS = "is.h5";

  /** The stage (stateless). */
  public MinimizeStage() {
    super(
        "minimize",
        MinimizeTask.INSTANCE,
        3, // 3: minimize.csv without the wall-clock column (same inputs, same bytes)
        List.of(ImportStage.TRAJECTORY),
        List.of("minimize.csv", IS),
        "inherent-structure trajectory (energy minimization of every frame, minimizer module)",
        Map.of());
  }

  @Override
  public void validate(Params p) {
    parameters(withOutput(values(p), IS));
  }

  @Override
  protected MinimizeTask.Options parameters(StageContext ctx) {
    return parameters(withOutput(values(ctx.params()), ctx.output(IS).toString()));
  }

  private static Values withOutput(Values v, String out) {
    return new Values() {
      @Override
      public <T> T get(Param<T> q) {
        return q.equals(MinimizeTask.OUTPUT) ? q.type().cast(out) : v.get(q);
      }
    };
  }
}
