package org.glasslab.pipeline.stages;

import java.util.List;
import java.util.Map;
import org.glasslab.data.Trajectory;
import org.glasslab.data.io.H5md;
import org.glasslab.data.io.ReadOptions;
import org.glasslab.pipeline.engine.Params;
import org.glasslab.pipeline.engine.StageContext;
import org.glasslab.pipeline.task.Param;
import org.glasslab.pipeline.task.RefineTask;
import org.glasslab.pipeline.task.Values;

/**
 * {@code refine}: the {@link RefineTask} on the branch's MD trajectory (the simulate stage's {@code
 * trajectory.h5}, which records the run's parameters) and the {@code events} stage's catalogue →
 * {@code refined_md.h5}, {@code refined_is.h5} (four frames: before, at, after the event) and
 * {@code refined_event.json}. The prefix keeps {@code refined_is.h5} apart from the branch's {@code
 * is.h5}.
 */
public final class RefineStage
    extends TaskStage<RefineTask.Options, Trajectory, RefineTask.Result> {
  /** Prefix of the stage's artifacts. */
  public static final String PREFIX = "refined_";

  /** The catalogue artifact of the events stage. */
  static final String CATALOG = "events.csv";

  /** The stage (stateless). */
  public RefineStage() {
    super(
        "refine",
        RefineTask.INSTANCE,
        1,
        List.of(ImportStage.TRAJECTORY, CATALOG),
        RefineTask.INSTANCE.files().stream().map(f -> PREFIX + f).toList(),
        "replay refinement of a catalogue event: 4 equally spaced MD and IS frames around it",
        Map.of());
  }

  @Override
  public void validate(Params p) {
    parameters(withCatalog(values(p), CATALOG));
  }

  @Override
  public void run(StageContext ctx) throws Exception {
    RefineTask.Options p =
        parameters(withCatalog(values(ctx.params()), ctx.input(CATALOG).toString()));
    try (Trajectory md = H5md.read(ctx.input(ImportStage.TRAJECTORY), ReadOptions.DEFAULTS)) {
      RefineTask.Result r = task.run(p, md);
      task.write(p, r, f -> ctx.output(PREFIX + f));
      ctx.log(
          "interval [%d, %d]: bracket [%d, %d], w = %d steps, %d steps replayed",
          r.frame(),
          r.frame() + 1,
          r.refined().bracketStart(),
          r.refined().bracketEnd(),
          r.refined().window(),
          r.refined().stepsReplayed());
    }
  }

  private static Values withCatalog(Values v, String catalog) {
    return new Values() {
      @Override
      public boolean given(Param<?> q) {
        return q.equals(RefineTask.CATALOG) || v.given(q);
      }

      @Override
      public <T> T get(Param<T> q) {
        return q.equals(RefineTask.CATALOG) ? q.type().cast(catalog) : v.get(q);
      }
    };
  }
}
