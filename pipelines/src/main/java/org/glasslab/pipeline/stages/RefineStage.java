package org.glasslab.pipeline.stages;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.glasslab.analysis.events.EqualLagJumps;
import org.glasslab.data.Trajectory;
import org.glasslab.data.io.H5md;
import org.glasslab.data.io.ReadOptions;
import org.glasslab.md.Replay;
import org.glasslab.pipeline.engine.Params;
import org.glasslab.pipeline.engine.StageContext;
import org.glasslab.pipeline.store.Csv;
import org.glasslab.pipeline.task.BettiTask;
import org.glasslab.pipeline.task.EventChoice;
import org.glasslab.pipeline.task.ModesTask;
import org.glasslab.pipeline.task.Param;
import org.glasslab.pipeline.task.RefineTask;
import org.glasslab.pipeline.task.SignaturesTask;
import org.glasslab.pipeline.task.StressTask;
import org.glasslab.pipeline.task.Values;

/**
 * {@code refine}: the {@link RefineTask} on the branch's MD trajectory (the simulate stage's {@code
 * trajectory.h5}, which records the run's parameters) for the {@code count} strongest events of the
 * {@code events} stage's catalogue (from the one {@code event} chooses: rank:K refines ranks K …
 * K+count−1), each into {@code refined/K/} ({@code md.h5}, {@code is.h5}: four frames a − w, a, b,
 * b + w; {@code event.json}; docs/analysis.md, "Replay refinement"), and their signatures in {@code
 * refined_signatures.csv}: the jumps of σxy, σ_vol, ‖σ‖, λ_smallest and β₁ over the before, at and
 * after pairs of the refined frames (w steps each), judged as robust z-scores against the branch's
 * own series ({@code stress.csv}, {@code modes.csv}, {@code betti.csv}) at the same lag w. The
 * refined frames' series are computed with the stress, modes and betti tasks' default parameters
 * (give those stages their defaults for comparable numbers) and stored beside them.
 */
public final class RefineStage
    extends TaskStage<RefineTask.Options, Trajectory, RefineTask.Result> {
  /** The directory artifact: one sub-directory per refined event, {@code 1}, {@code 2}, … */
  public static final String DIR = "refined";

  /** The signature table of the refined events. */
  public static final String SIGNATURES = "refined_signatures.csv";

  /** The catalogue artifact of the events stage. */
  static final String CATALOG = "events.csv";

  static final String COUNT = "count";

  /** The stage (stateless). */
  public RefineStage() {
    super(
        "refine",
        RefineTask.INSTANCE,
        2,
        List.of(ImportStage.TRAJECTORY, CATALOG, "stress.csv", "modes.csv", "betti.csv"),
        List.of(DIR, SIGNATURES),
        "replay refinement of the strongest catalogue events: 4 equally spaced MD and IS frames"
            + " around each, and their signatures at equal lag",
        Map.of(
            COUNT,
            "how many events to refine, from the one 'event' chooses (rank:K or size:K: K,"
                + " K+1, ...; frame:F: 1 only) (default 1)"));
  }

  @Override
  public void validate(Params p) {
    RefineTask.Options o = parameters(withCatalog(values(p), CATALOG));
    int count = p.getInt(COUNT, 1, 1, 100);
    if (count > 1 && o.event().startsWith("frame:")) {
      throw StageSupport.atRun(COUNT, "must be 1 with event frame:F, got " + count);
    }
  }

  @Override
  public void run(StageContext ctx) throws Exception {
    RefineTask.Options p =
        parameters(withCatalog(values(ctx.params()), ctx.input(CATALOG).toString()));
    int count = ctx.params().getInt(COUNT, 1, 1, 100);
    Path out = ctx.output(DIR);
    Files.createDirectories(out);
    List<String> columns = SignaturesTask.FIG1_SERIES;
    Map<String, SignaturesTask.Series> branch =
        SignaturesTask.series(
            columns,
            List.of(ctx.input("stress.csv"), ctx.input("modes.csv"), ctx.input("betti.csv")));
    List<Object[]> rows = new ArrayList<>();
    try (Trajectory md = H5md.read(ctx.input(ImportStage.TRAJECTORY), ReadOptions.DEFAULTS)) {
      Replay.Setup setup = Replay.Setup.fromProvenance(md.provenance(), "the MD trajectory");
      for (int k = 0; k < count; k++) {
        String choice = nth(p.event(), k);
        RefineTask.Options pk = new RefineTask.Options(p.catalog(), choice, p.refinement());
        RefineTask.Result r;
        try {
          r = task.run(pk, md);
        } catch (IllegalArgumentException e) {
          if (k > 0 && e.getMessage() != null && e.getMessage().contains(" event(s)")) {
            ctx.log("%s: %s; refined %d", choice, e.getMessage(), k);
            break; // fewer events than asked for: refine those there are
          }
          throw e;
        }
        Path dir = out.resolve(Integer.toString(k + 1));
        Files.createDirectories(dir);
        task.write(pk, r, dir::resolve);
        Map<String, SignaturesTask.Series> refined = refinedSeries(r, setup, dir, columns);
        long[] f = r.refined().steps();
        for (String c : columns) {
          SignaturesTask.Series s = merge(branch.get(c), refined.get(c));
          EqualLagJumps.Jump[] j = new EqualLagJumps.Jump[3];
          for (int i = 0; i < 3; i++) {
            int a = Arrays.binarySearch(s.steps(), f[i]);
            int b = Arrays.binarySearch(s.steps(), f[i + 1]);
            j[i] = EqualLagJumps.judge(s.steps(), s.values(), a, b, 3);
          }
          rows.add(
              new Object[] {
                k + 1,
                choice,
                r.frame(),
                r.kind(),
                f[1],
                f[2],
                f[2] - f[1],
                c,
                j[0].jump(),
                j[0].z(),
                j[1].jump(),
                j[1].z(),
                j[2].jump(),
                j[2].z(),
                j[1].references()
              });
        }
        ctx.log(
            "%s: interval [%d, %d] bracketed to [%d, %d], w = %d steps, %d steps replayed",
            choice,
            r.frame(),
            r.frame() + 1,
            r.refined().bracketStart(),
            r.refined().bracketEnd(),
            r.refined().window(),
            r.refined().stepsReplayed());
      }
    }
    writeSignatures(ctx.output(SIGNATURES), rows);
    ctx.table(
        SIGNATURES,
        "Signatures of the refined events: jumps of each series over the before (a-w -> a), at"
            + " (a -> b) and after (b -> b+w) pairs of the refined frames, w = b - a steps, as"
            + " robust z-scores against the branch's increments of the same series at exactly"
            + " lag w (docs/analysis.md).");
  }

  /** Stress, λ_smallest and β₁ of the four refined frames, also written into {@code dir}. */
  private static Map<String, SignaturesTask.Series> refinedSeries(
      RefineTask.Result r, Replay.Setup setup, Path dir, List<String> columns) throws Exception {
    Values stressValues =
        new Values() {
          @Override
          public <T> T get(Param<T> q) {
            return q.equals(StressTask.TEMPERATURE)
                ? q.type().cast(setup.temperature())
                : q.defaultValue();
          }
        };
    StressTask.Options so = StressTask.INSTANCE.parameters(stressValues);
    Csv.write(
        dir.resolve("stress.csv"),
        StressTask.INSTANCE.table(so, StressTask.INSTANCE.run(so, r.md())));
    ModesTask.Options mo = ModesTask.INSTANCE.parameters(Values.DEFAULTS);
    Csv.write(
        dir.resolve("modes.csv"), ModesTask.INSTANCE.table(mo, ModesTask.INSTANCE.run(mo, r.is())));
    BettiTask.Params bo =
        BettiTask.INSTANCE.parameters(
            new Values() {
              @Override
              public <T> T get(Param<T> q) {
                return q.name().equals("all_frames") ? q.type().cast(true) : q.defaultValue();
              }
            });
    Csv.write(
        dir.resolve("betti.csv"), BettiTask.INSTANCE.table(bo, BettiTask.INSTANCE.run(bo, r.md())));
    return SignaturesTask.series(
        columns,
        List.of(dir.resolve("stress.csv"), dir.resolve("modes.csv"), dir.resolve("betti.csv")));
  }

  /** The branch series with the refined frames inserted by step (the branch's value wins). */
  static SignaturesTask.Series merge(SignaturesTask.Series branch, SignaturesTask.Series refined) {
    TreeMap<Long, Double> m = new TreeMap<>();
    for (int i = 0; i < refined.steps().length; i++) {
      m.put(refined.steps()[i], refined.values()[i]);
    }
    for (int i = 0; i < branch.steps().length; i++) {
      m.put(branch.steps()[i], branch.values()[i]);
    }
    long[] steps = new long[m.size()];
    double[] x = new double[m.size()];
    int i = 0;
    for (Map.Entry<Long, Double> e : m.entrySet()) {
      steps[i] = e.getKey();
      x[i++] = e.getValue();
    }
    return new SignaturesTask.Series(branch.source() + " + refined frames", steps, x);
  }

  private static void writeSignatures(Path file, List<Object[]> rows) throws Exception {
    int n = rows.size();
    String[] names = {
      "refined",
      "event",
      "frame",
      "kind",
      "step_a",
      "step_b",
      "window",
      "series",
      "jump_before",
      "z_before",
      "jump_at",
      "z_at",
      "jump_after",
      "z_after",
      "references"
    };
    Object[] cols = new Object[names.length];
    int[] refined = new int[n];
    String[] event = new String[n];
    int[] frame = new int[n];
    String[] kind = new String[n];
    long[] a = new long[n];
    long[] b = new long[n];
    long[] w = new long[n];
    String[] series = new String[n];
    double[][] num = new double[6][n];
    int[] refs = new int[n];
    for (int i = 0; i < n; i++) {
      Object[] r = rows.get(i);
      refined[i] = (Integer) r[0];
      event[i] = (String) r[1];
      frame[i] = (Integer) r[2];
      kind[i] = (String) r[3];
      a[i] = (Long) r[4];
      b[i] = (Long) r[5];
      w[i] = (Long) r[6];
      series[i] = (String) r[7];
      for (int c = 0; c < 6; c++) {
        num[c][i] = (Double) r[8 + c];
      }
      refs[i] = (Integer) r[14];
    }
    cols[0] = refined;
    cols[1] = event;
    cols[2] = frame;
    cols[3] = kind;
    cols[4] = a;
    cols[5] = b;
    cols[6] = w;
    cols[7] = series;
    for (int c = 0; c < 6; c++) {
      cols[8 + c] = num[c];
    }
    cols[14] = refs;
    Csv.write(file, List.of(names), cols);
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

  /** The {@code event} value of the {@code k}-th refined event (0-based) given the first. */
  static String nth(String how, int k) {
    EventChoice.check(how);
    String kind = how.substring(0, how.indexOf(':'));
    int first = Integer.parseInt(how.substring(how.indexOf(':') + 1).strip());
    return kind + ":" + (first + k);
  }
}
