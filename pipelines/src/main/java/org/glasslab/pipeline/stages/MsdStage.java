package org.glasslab.pipeline.stages;

import java.util.List;
import java.util.Map;
import org.glasslab.analysis.dynamics.MeanSquareDisplacement;
import org.glasslab.data.Trajectory;
import org.glasslab.data.io.H5md;
import org.glasslab.data.io.ReadOptions;
import org.glasslab.pipeline.engine.AbstractStage;
import org.glasslab.pipeline.engine.Params;
import org.glasslab.pipeline.engine.StageContext;
import org.glasslab.pipeline.plot.LinePlot;
import org.glasslab.pipeline.store.Csv;

/**
 * {@code msd}: the first-frame mean-squared displacement {@code MSD(k) = <|r_i(k) - r_i(0)|^2>} of
 * the MD trajectory [length^2] (analysis module, unwrapped positions; reference frame 0) → {@code
 * msd.csv} (frame, step, time, msd) and the Fig 1 a panel.
 */
public final class MsdStage extends AbstractStage {
  /** The stage (stateless). */
  public MsdStage() {
    super(
        "msd",
        1,
        Scope.BRANCH,
        List.of(ImportStage.TRAJECTORY),
        List.of("msd.csv"),
        "mean-squared displacement from frame 0 vs frame (Fig 1 a)",
        Map.of());
  }

  @Override
  public void validate(Params p) {}

  @Override
  public void run(StageContext ctx) throws Exception {
    MeanSquareDisplacement.Result r;
    try (Trajectory t = H5md.read(ctx.input(ImportStage.TRAJECTORY), ReadOptions.DEFAULTS)) {
      r = new MeanSquareDisplacement().compute(t);
    }
    Csv.write(
        ctx.output("msd.csv"),
        List.of("frame", "step", "time", "msd"),
        r.frames(),
        r.steps(),
        r.times(),
        r.msd());
    ctx.figure(
        "msd",
        LinePlot.builder("MSD", "frame", "MSD")
            .series("msd", StageSupport.axis(r.msd().length), r.msd())
            .points(true)
            .build(),
        "Mean-squared displacement since frame 0 against frame index (unwrapped positions)");
  }
}
