package org.glasslab.pipeline.stages;

import java.util.List;
import java.util.Map;
import org.glasslab.pipeline.engine.ParamException;
import org.glasslab.pipeline.engine.Params;
import org.glasslab.pipeline.engine.StageContext;
import org.glasslab.pipeline.task.Param;
import org.glasslab.pipeline.task.StressTask;
import org.glasslab.pipeline.task.Values;

/**
 * {@code stress}: the {@link StressTask} on the branch's trajectory → {@code stress.csv} and three
 * panels (Fig. 1 b–d). The kinetic term uses the {@code temperature} parameter, else the
 * generator's {@code temperature} for generated branches.
 */
public final class StressStage
    extends TaskStage<StressTask.Options, org.glasslab.data.Trajectory, StressTask.Result> {
  /** The stage (stateless). */
  public StressStage() {
    super(
        "stress",
        StressTask.INSTANCE,
        2,
        List.of(ImportStage.TRAJECTORY),
        List.of("stress.csv"),
        "stress tensor, volumetric stress and norm against time (Fig 1 b-d)",
        Map.of());
  }

  @Override
  public void validate(Params p) {
    parameters(withTemperature(values(p), p.has(StressTask.TEMPERATURE.name()) ? null : 0.0));
  }

  @Override
  protected StressTask.Options parameters(StageContext ctx) {
    Values v = values(ctx.params());
    if (ctx.params().has(StressTask.TEMPERATURE.name())) {
      return parameters(v);
    }
    var b = ctx.branch();
    if (b.generated() && b.params().has("temperature")) {
      return parameters(withTemperature(v, b.params().getDouble("temperature", 0)));
    }
    throw new ParamException(
        "temperature",
        "give the run temperature of branch '" + ctx.branchId() + "' (kinetic term rho*T)");
  }

  /** {@code v} with the temperature {@code t} unless null. */
  private static Values withTemperature(Values v, Double t) {
    return new Values() {
      @Override
      public <T> T get(Param<T> q) {
        return t != null && q.equals(StressTask.TEMPERATURE) ? q.type().cast(t) : v.get(q);
      }
    };
  }
}
