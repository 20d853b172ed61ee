package org.glasslab.pipeline.stages;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.glasslab.data.Configuration;
import org.glasslab.data.Trajectory;
import org.glasslab.data.io.H5md;
import org.glasslab.data.io.ReadOptions;
import org.glasslab.pipeline.engine.ParamException;
import org.glasslab.pipeline.engine.Params;
import org.glasslab.pipeline.engine.StageContext;
import org.glasslab.pipeline.store.Hdf5Arrays;
import org.glasslab.pipeline.task.FramePair;
import org.glasslab.pipeline.task.StrainTask;

/**
 * {@code lag-fields}: the per-particle fields of Jha &amp; Sengupta's temperature figures (D2min,
 * mobility m, ‖e‖, |eps_vol|, det H, ‖eps‖, caging softness; Figs 2h, 3a, 4, 7a) for every pair of
 * consecutive inherent structures (f, f+1) whose elapsed time S(f+1) − S(f) equals one lag, so that
 * every pair of a trajectory, and every trajectory of an ensemble, measures the same interval. The
 * {@link StrainTask} (parameters as {@code glasslab strain}; frame f is the reference; the softness
 * is that of frame f) runs on each pair. Output {@code lag_fields.h5}: one dataset [pairs][N] per
 * field ({@link #FIELDS}), {@code frame_a}/{@code frame_b} [pairs], attributes {@code lag_steps},
 * {@code temperature}, {@code branch} and {@code pairs}, read by the {@code temperature-ensemble}
 * stage ({@link #writePairFields}; the {@code event-fields} stage writes the same layout).
 */
public final class LagFieldsStage
    extends TaskStage<StrainTask.Params, FramePair, StrainTask.Result> {
  /** The artifact. */
  public static final String FILE = "lag_fields.h5";

  /** The fields written, in order (dataset names; columns of the strain task plus softness). */
  public static final List<String> FIELDS =
      List.of("d2min", "m", "dev_norm", "abs_eps_vol", "detH", "total_norm", "softness");

  /** The stage (stateless). */
  public LagFieldsStage() {
    super(
        "lag-fields",
        StrainTask.INSTANCE,
        2,
        List.of(MinimizeStage.IS),
        List.of(FILE),
        "D2min, mobility, strain norms, det H and softness over every IS frame pair of one lag",
        Map.of(
            "lag",
            "elapsed MD steps S(f+1) - S(f) of the pairs used (default: the longest lag that"
                + " occurs at least twice)",
            "temperature",
            "the branch's temperature, recorded for the ensemble (default: the generator's)"));
  }

  @Override
  public void validate(Params p) {
    parameters(p);
    if (p.has("lag") && p.getLong("lag", 0) < 1) {
      throw new ParamException("lag", "must be a positive number of MD steps");
    }
    if (p.has("temperature")) {
      p.requireDouble("temperature");
    }
  }

  /**
   * The pairs (f, f+1) of consecutive frames of {@code steps} whose lag is {@code lag}, or, when
   * {@code lag} &le; 0, of the longest lag found at least twice (else the longest lag).
   *
   * @return {lag, f0, f1, ...}
   */
  static long[] pairs(long[] steps, long lag) {
    TreeMap<Long, Integer> count = new TreeMap<>();
    for (int f = 0; f + 1 < steps.length; f++) {
      count.merge(steps[f + 1] - steps[f], 1, Integer::sum);
    }
    if (lag <= 0) {
      lag = count.isEmpty() ? 0 : count.lastKey();
      for (var e : count.descendingMap().entrySet()) {
        if (e.getValue() >= 2) {
          lag = e.getKey();
          break;
        }
      }
    }
    List<Long> out = new ArrayList<>();
    out.add(lag);
    for (int f = 0; f + 1 < steps.length; f++) {
      if (steps[f + 1] - steps[f] == lag) {
        out.add((long) f);
      }
    }
    return out.stream().mapToLong(Long::longValue).toArray();
  }

  /** The branch temperature: the parameter, else the generator's, else an error. */
  static double temperature(StageContext ctx) {
    if (ctx.params().has("temperature")) {
      return ctx.params().requireDouble("temperature");
    }
    var b = ctx.branch();
    if (b != null && b.generated() && b.params().has("temperature")) {
      return b.params().getDouble("temperature", 0);
    }
    throw new ParamException(
        "temperature", "give the temperature of branch '" + ctx.branchId() + "'");
  }

  @Override
  public void run(StageContext ctx) throws Exception {
    StrainTask.Params p = new StrainTask.Params(parameters(ctx.params()).fit(), true);
    double temperature = temperature(ctx);
    Path is = ctx.input(MinimizeStage.IS);
    try (Trajectory t = H5md.read(is, ReadOptions.DEFAULTS)) {
      long[] steps = new long[t.frameCount()];
      for (int k = 0; k < steps.length; k++) {
        steps[k] = t.step(k);
      }
      long[] sel = pairs(steps, ctx.params().getLong("lag", 0));
      if (sel.length < 2) {
        throw new IllegalArgumentException(
            is
                + ": no consecutive frames "
                + (ctx.params().has("lag") ? sel[0] + " steps apart" : "(one frame only)")
                + "; lags present: "
                + lags(steps));
      }
      int[] first = new int[sel.length - 1];
      for (int i = 0; i < first.length; i++) {
        first[i] = (int) sel[i + 1];
      }
      Map<String, Object> attrs = new LinkedHashMap<>();
      attrs.put("lag_steps", sel[0]);
      writePairFields(ctx, task, p, t, first, ctx.output(FILE), temperature, attrs, Map.of());
      ctx.log("%d pairs of lag %d steps, T = %s", first.length, sel[0], temperature);
    }
  }

  /**
   * Computes {@link #FIELDS} on the IS pairs (f, f+1) for every f of {@code first} (ascending) with
   * the strain task and writes them to {@code out}: one dataset [pairs][N] per field, {@code
   * frame_a}/{@code frame_b} [pairs], {@code pair_count} [1] (the one dataset when there is no
   * pair: HDF5 through jhdf cannot hold empty arrays), the attributes {@code temperature}, {@code
   * branch}, {@code pairs} and {@code attrs}, and the datasets {@code extra}. Frames are read once
   * each and the pairs computed in parallel.
   */
  static void writePairFields(
      StageContext ctx,
      org.glasslab.pipeline.task.Task<StrainTask.Params, FramePair, StrainTask.Result> task,
      StrainTask.Params p,
      Trajectory t,
      int[] first,
      Path out,
      double temperature,
      Map<String, Object> attrs,
      Map<String, Object> extra)
      throws Exception {
    int n = first.length;
    Configuration[] ref = new Configuration[n];
    Configuration[] cur = new Configuration[n];
    for (int i = 0; i < n; i++) {
      int f = first[i];
      ref[i] = i > 0 && first[i - 1] + 1 == f ? cur[i - 1] : t.frame(f);
      cur[i] = t.frame(f + 1);
    }
    int fields = FIELDS.size();
    double[][][] values = new double[fields][n][];
    ctx.progress().total(n);
    ctx.parallelFor(
        n,
        i -> {
          StrainTask.Result r = task.run(p, new FramePair(ref[i], cur[i]));
          Map<String, double[]> cols = r.fit().columns();
          for (int j = 0; j < fields; j++) {
            String f = FIELDS.get(j);
            values[j][i] =
                switch (f) {
                  case "m" -> r.mobility();
                  case "softness" -> r.softness().softness();
                  default -> cols.get(f);
                };
          }
          ctx.progress().step();
        });
    Map<String, Object> ds = new LinkedHashMap<>();
    ds.put("pair_count", new int[] {n});
    if (n > 0) {
      for (int j = 0; j < fields; j++) {
        ds.put(FIELDS.get(j), values[j]);
      }
      int[] fb = new int[n];
      for (int i = 0; i < n; i++) {
        fb[i] = first[i] + 1;
      }
      ds.put("frame_a", first.clone());
      ds.put("frame_b", fb);
    }
    ds.putAll(extra);
    Map<String, Object> a = new LinkedHashMap<>(attrs);
    a.put("temperature", temperature);
    a.put("branch", ctx.branchId());
    a.put("pairs", n);
    Hdf5Arrays.write(out, ds, a);
  }

  private static String lags(long[] steps) {
    TreeMap<Long, Integer> count = new TreeMap<>();
    for (int f = 0; f + 1 < steps.length; f++) {
      count.merge(steps[f + 1] - steps[f], 1, Integer::sum);
    }
    return count.toString();
  }
}
