package org.glasslab.pipeline.task;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.glasslab.analysis.dynamics.MeanSquareDisplacement;
import org.glasslab.data.Trajectory;
import org.glasslab.pipeline.plot.LinePlot;
import org.glasslab.pipeline.plot.Units;
import org.glasslab.pipeline.store.Table;

/**
 * {@code msd}: mean-square displacement from unwrapped positions [length^2], from frame 0 ({@code
 * MSD(k) = <|r_i(k) - r_i(0)|^2>}, columns frame, step, time, msd) or, with {@code windowed},
 * averaged over time origins and grouped by exact step lag (lag_step, lag_time, msd, pairs). On an
 * inherent-structure trajectory the first-frame MSD is the mean |u_IS(j)|^2 of eq 12.
 */
public final class MsdTask extends AbstractTask<MsdTask.Params, Trajectory, MsdTask.Result> {

  static final Param<Boolean> WINDOWED =
      Param.flag("windowed", "Average over time origins (by step lag).");
  static final Param<Integer> ORIGIN_STRIDE =
      Param.integer(
          "origin_stride", 1, "frames", "S", "With windowed: every S-th frame is an origin.");

  /**
   * @param windowed average over time origins instead of measuring from frame 0
   * @param originStride with {@code windowed}: every originStride-th frame is an origin, >= 1
   */
  public record Params(boolean windowed, int originStride) {
    /** Validates. */
    public Params {
      ORIGIN_STRIDE.require(originStride >= 1, "must be >= 1, got " + originStride);
    }
  }

  /** Exactly one of the two is non-null. */
  public record Result(
      MeanSquareDisplacement.Result fromFirst, MeanSquareDisplacement.WindowedResult windowed) {}

  /** The task. */
  public static final MsdTask INSTANCE = new MsdTask();

  private MsdTask() {
    super(
        "msd",
        "Mean-square displacement from unwrapped positions: from the first frame (default) or,"
            + " with windowed, averaged over time origins and grouped by exact step lag. On an"
            + " inherent-structure trajectory the first-frame MSD is the mean |u_IS(j)|^2 of eq 12.",
        Input.TRAJECTORY,
        List.of(WINDOWED, ORIGIN_STRIDE));
  }

  @Override
  public Params parameters(Values v) {
    return new Params(v.get(WINDOWED), v.get(ORIGIN_STRIDE));
  }

  @Override
  public Result run(Params p, Trajectory t) {
    MeanSquareDisplacement msd = new MeanSquareDisplacement(p.originStride());
    return p.windowed()
        ? new Result(null, msd.computeWindowed(t))
        : new Result(msd.compute(t), null);
  }

  @Override
  public Table table(Params p, Result r) {
    if (r.windowed() != null) {
      var w = r.windowed();
      return Table.of(
          List.of("lag_step", "lag_time", "msd", "pairs"),
          w.lagSteps(),
          w.lagTimes(),
          w.msd(),
          w.pairs());
    }
    var f = r.fromFirst();
    return Table.of(
        List.of("frame", "step", "time", "msd"), f.frames(), f.steps(), f.times(), f.msd());
  }

  @Override
  public Map<String, Object> report(Params p, Trajectory t, Result r) {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("mode", p.windowed() ? "windowed" : "first-frame");
    params.put("frames", t.frameCount());
    params.put("particles", t.particleCount());
    Map<String, Object> report = new LinkedHashMap<>();
    if (p.windowed()) {
      params.put("origin_stride", p.originStride());
      report.put("parameters", params);
      report.put("lag_steps", r.windowed().lagSteps());
      report.put("lag_times", r.windowed().lagTimes());
      report.put("msd", r.windowed().msd());
      report.put("pairs", r.windowed().pairs());
    } else {
      report.put("parameters", params);
      report.put("frames", r.fromFirst().frames());
      report.put("steps", r.fromFirst().steps());
      report.put("times", r.fromFirst().times());
      report.put("msd", r.fromFirst().msd());
    }
    return report;
  }

  @Override
  public List<Figure> figures(Params p, Result r) {
    if (r.windowed() != null) {
      return List.of(
          new Figure(
              "msd",
              LinePlot.builder("MSD", "lag time [τ]", "MSD [d²]")
                  .series("msd", r.windowed().lagTimes(), r.windowed().msd())
                  .points(true)
                  .build(),
              "Mean-squared displacement averaged over time origins against lag time"
                  + " (unwrapped positions)"));
    }
    double[] x = r.fromFirst().times();
    return List.of(
        new Figure(
            "msd",
            LinePlot.builder("MSD", Units.TIME, "MSD [d²]")
                .series("msd", x, r.fromFirst().msd())
                .points(true)
                .build(),
            "Mean-squared displacement since frame 0 against time (unwrapped positions)"));
  }
}
