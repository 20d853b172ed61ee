package org.glasslab.pipeline.stages;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.glasslab.data.Trajectory;
import org.glasslab.data.io.H5md;
import org.glasslab.data.io.ReadOptions;
import org.glasslab.pipeline.engine.Params;
import org.glasslab.pipeline.engine.StageContext;
import org.glasslab.pipeline.store.Fields;
import org.glasslab.pipeline.task.EventChoice;
import org.glasslab.pipeline.task.FramePair;
import org.glasslab.pipeline.task.StrainTask;

/**
 * {@code event-fields}: the per-particle fields of {@link LagFieldsStage#FIELDS} (D2min, mobility,
 * ‖e‖, |eps_vol|, det H, ‖eps‖, softness) over the before/after pair of every catalogued event: for
 * each interval [f, f+1] of {@code events.csv} classified AVALANCHE or MULTIPLE, the inherent
 * structure just before the event (frame f, the reference) and just after it (frame f+1), through
 * the {@link StrainTask} as in {@code lag-fields}. Output {@code event_fields.h5} in the layout of
 * {@code lag_fields.h5} (attribute {@code pairs} = number of events, which may be 0), plus {@code
 * lag_steps} [pairs] (each event's S(f+1) − S(f)) and {@code z} [pairs] (its catalogue z-score),
 * read by the {@code event-ensemble} stage.
 */
public final class EventFieldsStage
    extends TaskStage<StrainTask.Params, FramePair, StrainTask.Result> {
  /** The artifact. */
  public static final String FILE = "event_fields.h5";

  /** The stage (stateless). */
  public EventFieldsStage() {
    super(
        "event-fields",
        StrainTask.INSTANCE,
        1,
        List.of(MinimizeStage.IS, "events.csv"),
        List.of(FILE),
        "D2min, mobility, strain norms, det H and softness over the IS pair before/after every"
            + " catalogued event",
        Map.of(
            "temperature",
            "the branch's temperature, recorded for the ensemble (default: the generator's)"));
  }

  @Override
  public void validate(Params p) {
    parameters(p);
    if (p.has("temperature")) {
      p.requireDouble("temperature");
    }
  }

  @Override
  public void run(StageContext ctx) throws Exception {
    StrainTask.Params p = new StrainTask.Params(parameters(ctx.params()).fit(), true);
    double temperature = LagFieldsStage.temperature(ctx);
    List<EventChoice.Row> events =
        EventChoice.events(EventChoice.rows(Fields.readCsv(ctx.input("events.csv")), "events.csv"));
    Path is = ctx.input(MinimizeStage.IS);
    try (Trajectory t = H5md.read(is, ReadOptions.DEFAULTS)) {
      int n = events.size();
      int[] first = new int[n];
      long[] lag = new long[n];
      double[] z = new double[n];
      for (int i = 0; i < n; i++) {
        EventChoice.Row r = events.get(i);
        if (r.frame() + 1 >= t.frameCount() || t.step(r.frame()) != r.stepA()) {
          throw new IllegalArgumentException(
              "events.csv: interval ["
                  + r.frame()
                  + ", "
                  + (r.frame() + 1)
                  + "] at step "
                  + r.stepA()
                  + " does not match "
                  + is.getFileName()
                  + " ("
                  + t.frameCount()
                  + " frames)");
        }
        first[i] = r.frame();
        lag[i] = r.lag();
        z[i] = r.z();
      }
      Map<String, Object> attrs = new LinkedHashMap<>();
      attrs.put("pair_source", "before/after IS of every catalogued event (events.csv)");
      Map<String, Object> extra = new LinkedHashMap<>();
      if (n > 0) {
        extra.put("lag_steps", lag);
        extra.put("z", z);
      }
      LagFieldsStage.writePairFields(
          ctx, task, p, t, first, ctx.output(FILE), temperature, attrs, extra);
      ctx.log("%d catalogued event(s), T = %s", n, temperature);
    }
  }
}
