package org.glasslab.pipeline.stages;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.glasslab.analysis.events.EventCatalog;
import org.glasslab.analysis.events.EventOptions;
import org.glasslab.data.Trajectory;
import org.glasslab.pipeline.engine.StageContext;
import org.glasslab.pipeline.store.Csv;
import org.glasslab.pipeline.store.Fields;
import org.glasslab.pipeline.store.Table;
import org.glasslab.pipeline.task.EventsTask;

/**
 * {@code events}: the {@link EventsTask} on the minimize stage's {@code is.h5} → {@code events.csv}
 * (one row per interval), the same catalogue as {@code events.h5} with the parameters and the
 * schedule check ({@code /fields/COLUMN}, attribute {@code parameters}: JSON), and {@code
 * event_list.csv}, the rows classified AVALANCHE or MULTIPLE, shown in the report.
 */
public final class EventsStage extends TaskStage<EventOptions, Trajectory, EventCatalog.Result> {
  /** The stage (stateless). */
  public EventsStage() {
    super(
        "events",
        EventsTask.INSTANCE,
        2,
        List.of(MinimizeStage.IS),
        List.of("events.csv", "events.h5", "event_list.csv"),
        "IS event catalogue judged against intervals of the same lag",
        Map.of());
  }

  @Override
  public void run(StageContext ctx) throws Exception {
    EventOptions p = parameters(ctx);
    try (Trajectory is = read(ctx.input(MinimizeStage.IS), 0)) {
      EventCatalog.Result r = task.run(p, is);
      Table t = task.table(p, r);
      Csv.write(ctx.output("events.csv"), t);
      Fields.write(ctx.output("events.h5"), t, task.report(p, is, r));
      Csv.write(ctx.output("event_list.csv"), events(t));
      for (org.glasslab.pipeline.task.Figure f : task.figures(p, r)) {
        ctx.figure(f.name(), f.figure(), f.caption());
      }
      ctx.table(
          "event_list.csv",
          "The catalogue's events (AVALANCHE: one significant connected cluster; MULTIPLE:"
              + " several), judged against the intervals of the same lag; every interval is in"
              + " events.csv and events.h5 (docs/analysis.md).");
    }
  }

  /** The rows of {@code t} whose kind is AVALANCHE or MULTIPLE. */
  static Table events(Table t) {
    String[] kind = (String[]) t.column("kind");
    List<Integer> keep = new ArrayList<>();
    for (int i = 0; i < kind.length; i++) {
      if (kind[i].equals("AVALANCHE") || kind[i].equals("MULTIPLE")) {
        keep.add(i);
      }
    }
    Object[] cols = new Object[t.columns().length];
    for (int c = 0; c < cols.length; c++) {
      Object src = t.columns()[c];
      Object dst = Array.newInstance(src.getClass().getComponentType(), keep.size());
      for (int k = 0; k < keep.size(); k++) {
        Array.set(dst, k, Array.get(src, keep.get(k)));
      }
      cols[c] = dst;
    }
    return Table.of(t.header(), cols);
  }
}
