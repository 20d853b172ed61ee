package org.glasslab.pipeline.stages;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.glasslab.pipeline.engine.StageContext;
import org.glasslab.pipeline.store.Csv;
import org.glasslab.pipeline.store.Fields;
import org.glasslab.pipeline.task.CorrelateTask;
import org.glasslab.pipeline.task.Figure;

/**
 * {@code correlate}: the {@link CorrelateTask} over the paper's per-particle metrics of the frame
 * pair at the catalogue event ({@code local.csv}: dev_norm, det H, |eps_vol|, D2min, mobility m,
 * total norm) and the softness of that pair's reference structure, the last before the event
 * ({@code softness.csv} column softness_at, same particle order) → {@code correlation.csv} (long
 * form: method, a, b, r), two heatmaps and scatter plots of D2min against m, dev_norm and softness.
 * The event is the one {@code local} and {@code softness} chose (give both the same {@code event}).
 */
public final class CorrelateStage
    extends TaskStage<CorrelateTask.Params, Map<String, double[]>, CorrelateTask.Result> {
  /** The stage (stateless). */
  public CorrelateStage() {
    super(
        "correlate",
        CorrelateTask.INSTANCE,
        2,
        List.of("local.csv", "softness.csv"),
        List.of("correlation.csv"),
        "Pearson and Spearman heatmaps and scatter plots over per-particle metrics",
        Map.of());
  }

  @Override
  public void run(StageContext ctx) throws Exception {
    Map<String, double[]> cols = new LinkedHashMap<>(Fields.readCsv(ctx.input("local.csv")));
    double[] soft = Fields.readCsv(ctx.input("softness.csv")).get("softness_at");
    if (soft == null || soft.length != cols.get("d2min").length) {
      throw new IllegalArgumentException(
          "softness.csv: expected a softness_at column with one row per particle of"
              + " local.csv");
    }
    cols.put("softness", soft);
    CorrelateTask.Params p = parameters(ctx.params());
    CorrelateTask.Result r = task.run(p, cols);
    Csv.write(ctx.output("correlation.csv"), task.table(p, r));
    for (Figure f : task.figures(p, r)) {
      ctx.figure(f.name(), f.figure(), f.caption());
    }
    for (String other : List.of("m", "dev_norm", "softness")) {
      Figure f =
          CorrelateTask.scatter(ctx.branchId(), "d2min", cols.get("d2min"), other, cols.get(other));
      ctx.figure(f.name(), f.figure(), f.caption() + " for the frame pair at the event");
    }
  }
}
