package org.glasslab.pipeline.task;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.glasslab.analysis.events.EqualLagJumps;
import org.glasslab.pipeline.store.Fields;
import org.glasslab.pipeline.store.Table;

/**
 * {@code signatures}: the per-event signatures of Jha &amp; Sengupta Fig. 1 — for every event of
 * the IS catalogue ({@code events.csv}, interval [f, f+1]) the jump X(f+1) − X(f) of per-frame
 * series (default σxy, σ_vol, ‖σ‖ of the MD frames, λ_smallest of the IS, β₁), each judged against
 * the same series' increments at exactly the same lag elsewhere in the trajectory ({@link
 * EqualLagJumps}: robust z-score). Series come from CSV tables with a {@code step} column (the
 * {@code stress}, {@code modes} and {@code betti} tables); frames are matched by step, so a table
 * of another trajectory is refused. Result in long form: one row per interval and series.
 */
public final class SignaturesTask
    extends AbstractTask<SignaturesTask.Params, Map<String, double[]>, SignaturesTask.Result> {

  /** The default series: the stress components, λ_smallest and β₁ (Fig. 1 b–f). */
  public static final List<String> FIG1_SERIES =
      List.of("sxy", "s_vol", "s_norm", "lambda_smallest", "beta1");

  static final Param<List<String>> COLUMNS =
      Param.names(
          "columns",
          FIG1_SERIES,
          "A,B,...",
          "Per-frame series to judge (columns of the series tables).");
  static final Param<Integer> MIN_REFERENCES =
      Param.integer(
          "min_references",
          3,
          "increments",
          "M",
          "Fewest increments of the same lag elsewhere needed for a z-score.");
  static final Param<Boolean> ALL_INTERVALS =
      Param.flag(
          "all_intervals",
          "Judge every interval where the IS changed, not only the catalogue's events (to see the"
              + " null distribution of z).");
  static final Param<List<String>> SERIES =
      Param.names(
          "series",
          List.of(),
          "FILE,...",
          "CSV tables with a step column holding the series (e.g. stress.csv,modes.csv,betti.csv);"
              + " a column is taken from the first table that has it.");

  /**
   * @param columns the series to judge
   * @param minReferences fewest reference increments for a z-score (&ge; 2)
   * @param allIntervals judge every interval where something moved, not only events
   * @param series the command's series tables (the stage supplies its artifacts)
   */
  public record Params(
      List<String> columns, int minReferences, boolean allIntervals, List<String> series) {
    /** Copies the lists. */
    public Params {
      columns = List.copyOf(columns);
      series = List.copyOf(series);
    }
  }

  /**
   * One per-frame series.
   *
   * @param source the file it was read from (named in errors)
   * @param steps [F] frame steps, increasing
   * @param values [F] the series
   */
  public record Series(String source, long[] steps, double[] values) {}

  /**
   * One judged jump.
   *
   * @param interval the catalogue interval
   * @param series the series name
   * @param jump the jump and its z-score
   */
  public record Entry(EventChoice.Row interval, String series, EqualLagJumps.Jump jump) {}

  /** The signatures, interval by interval, series in the order asked. */
  public record Result(List<Entry> entries) {}

  /** The task. */
  public static final SignaturesTask INSTANCE = new SignaturesTask();

  private SignaturesTask() {
    super(
        "signatures",
        "Per-event signatures: jumps of per-frame series (stress, lambda_smallest, beta_1) across"
            + " each event of an IS catalogue (events.csv), as robust z-scores against the same"
            + " series' increments at equal lag elsewhere in the trajectory.",
        Input.TABLE,
        List.of(COLUMNS, MIN_REFERENCES, ALL_INTERVALS));
  }

  @Override
  public List<Param<?>> commandParams() {
    return List.of(SERIES);
  }

  @Override
  public Params parameters(Values v) {
    List<String> cols = v.get(COLUMNS);
    COLUMNS.require(cols != null && !cols.isEmpty(), "give at least one column");
    int m = v.get(MIN_REFERENCES);
    MIN_REFERENCES.require(m >= 2, "must be >= 2 (a median and a spread), got " + m);
    List<String> series = v.get(SERIES);
    return new Params(cols, m, v.get(ALL_INTERVALS), series == null ? List.of() : series);
  }

  @Override
  public Result run(Params p, Map<String, double[]> events) throws IOException {
    SERIES.require(!p.series().isEmpty(), "give the series tables, e.g. stress.csv,modes.csv");
    List<Path> files = p.series().stream().map(Path::of).toList();
    return compute(p, EventChoice.rows(events, "the events table"), "the events table", files);
  }

  /**
   * The signatures of the catalogue {@code rows} (read from {@code eventsSource}) with the series
   * read from {@code files}: the command's and the stage's one function.
   */
  public Result compute(Params p, List<EventChoice.Row> rows, String eventsSource, List<Path> files)
      throws IOException {
    Map<String, Series> series = series(p.columns(), files);
    List<EventChoice.Row> judged =
        p.allIntervals()
            ? rows.stream().filter(r -> r.moved() > 0).toList()
            : EventChoice.events(rows);
    List<Entry> out = new ArrayList<>();
    for (EventChoice.Row r : judged) {
      for (Map.Entry<String, Series> e : series.entrySet()) {
        Series s = e.getValue();
        int a = frameOf(s, r.stepA(), r, eventsSource);
        int b = frameOf(s, r.stepB(), r, eventsSource);
        out.add(
            new Entry(
                r,
                e.getKey(),
                EqualLagJumps.judge(s.steps(), s.values(), a, b, p.minReferences())));
      }
    }
    return new Result(out);
  }

  /** The frame of {@code s} at {@code step}; a missing one means another trajectory. */
  private static int frameOf(Series s, long step, EventChoice.Row r, String eventsSource) {
    int k = Arrays.binarySearch(s.steps(), step);
    if (k < 0) {
      throw new IllegalArgumentException(
          s.source()
              + " has no frame at step "
              + step
              + " of interval ["
              + r.frame()
              + ", "
              + (r.frame() + 1)
              + "] of "
              + eventsSource
              + ": the two come from different trajectories");
    }
    return k;
  }

  /**
   * The series named {@code columns}, each from the first of {@code files} that has it (with its
   * {@code step} column).
   */
  public static Map<String, Series> series(List<String> columns, List<Path> files)
      throws IOException {
    List<Map<String, double[]>> tables = new ArrayList<>();
    for (Path f : files) {
      Map<String, double[]> t = Fields.readCsv(f);
      if (!t.containsKey("step")) {
        throw new IllegalArgumentException(f + ": no 'step' column (needed to match frames)");
      }
      tables.add(t);
    }
    Map<String, Series> out = new LinkedHashMap<>();
    for (String c : columns) {
      int i = 0;
      while (i < tables.size() && !tables.get(i).containsKey(c)) {
        i++;
      }
      if (i == tables.size()) {
        throw COLUMNS.invalid("no table of " + files + " has a column '" + c + "'");
      }
      double[] st = tables.get(i).get("step");
      long[] steps = new long[st.length];
      for (int k = 0; k < st.length; k++) {
        steps[k] = (long) st[k];
      }
      out.put(c, new Series(files.get(i).toString(), steps, tables.get(i).get(c)));
    }
    return out;
  }

  @Override
  public Table table(Params p, Result r) {
    int n = r.entries().size();
    int[] frame = new int[n];
    long[] stepA = new long[n];
    long[] stepB = new long[n];
    long[] lag = new long[n];
    double[] timeA = new double[n];
    double[] timeB = new double[n];
    String[] kind = new String[n];
    double[] eventZ = new double[n];
    String[] series = new String[n];
    double[] jump = new double[n];
    double[] median = new double[n];
    double[] spread = new double[n];
    int[] refs = new int[n];
    double[] z = new double[n];
    for (int k = 0; k < n; k++) {
      Entry e = r.entries().get(k);
      EventChoice.Row i = e.interval();
      frame[k] = i.frame();
      stepA[k] = i.stepA();
      stepB[k] = i.stepB();
      lag[k] = i.lag();
      timeA[k] = i.timeA();
      timeB[k] = i.timeB();
      kind[k] = i.kind().name();
      eventZ[k] = i.z();
      series[k] = e.series();
      jump[k] = e.jump().jump();
      median[k] = e.jump().median();
      spread[k] = e.jump().spread();
      refs[k] = e.jump().references();
      z[k] = e.jump().z();
    }
    return Table.of(
        List.of(
            "frame",
            "step_a",
            "step_b",
            "lag_steps",
            "time_a",
            "time_b",
            "kind",
            "event_z",
            "series",
            "jump",
            "median",
            "spread",
            "references",
            "z"),
        frame,
        stepA,
        stepB,
        lag,
        timeA,
        timeB,
        kind,
        eventZ,
        series,
        jump,
        median,
        spread,
        refs,
        z);
  }

  @Override
  public Map<String, Object> report(Params p, Map<String, double[]> input, Result r) {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("columns", p.columns());
    params.put("min_references", p.minReferences());
    params.put("all_intervals", p.allIntervals());
    List<Map<String, Object>> intervals = new ArrayList<>();
    Map<String, Object> cur = null;
    EventChoice.Row last = null;
    for (Entry e : r.entries()) {
      if (e.interval() != last) {
        last = e.interval();
        cur = new LinkedHashMap<>();
        cur.put("frame", last.frame());
        cur.put("step_a", last.stepA());
        cur.put("step_b", last.stepB());
        cur.put("lag_steps", last.lag());
        cur.put("time_a", last.timeA());
        cur.put("time_b", last.timeB());
        cur.put("kind", last.kind().name());
        cur.put("event_z", finiteOrNull(last.z()));
        cur.put("series", new LinkedHashMap<String, Object>());
        intervals.add(cur);
      }
      Map<String, Object> j = new LinkedHashMap<>();
      j.put("jump", finiteOrNull(e.jump().jump()));
      j.put("median", finiteOrNull(e.jump().median()));
      j.put("spread", finiteOrNull(e.jump().spread()));
      j.put("references", e.jump().references());
      j.put("z", finiteOrNull(e.jump().z()));
      @SuppressWarnings("unchecked")
      Map<String, Object> s = (Map<String, Object>) cur.get("series");
      s.put(e.series(), j);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("parameters", params);
    out.put("intervals", intervals);
    return out;
  }

  /** JSON has no NaN: null instead. */
  private static Object finiteOrNull(double v) {
    return Double.isFinite(v) ? v : null;
  }
}
