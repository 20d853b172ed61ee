package org.glasslab.pipeline.stages;

import java.util.List;
import java.util.Map;
import org.glasslab.data.Configuration;
import org.glasslab.data.Trajectory;
import org.glasslab.data.io.H5md;
import org.glasslab.data.io.ReadOptions;
import org.glasslab.pipeline.engine.StageContext;
import org.glasslab.pipeline.store.Csv;
import org.glasslab.pipeline.task.BettiTask;
import org.glasslab.pipeline.task.Figure;

/**
 * {@code betti}: the {@link BettiTask}'s beta_1 of every MD frame (same parameters as {@code
 * glasslab betti --all-frames}; version 2 adds the time column; topology module: Vietoris–Rips
 * persistent homology up to the threshold alpha; default the paper's alpha = 3 (sigma_max1 +
 * sigma_max2) from the two largest diameters) → {@code betti.csv} and the Fig 1 f panel. Frames in
 * parallel, resumable.
 */
public final class BettiStage extends TaskStage<BettiTask.Params, Trajectory, BettiTask.Result> {
  /** The stage (stateless). */
  public BettiStage() {
    super(
        "betti",
        BettiTask.INSTANCE,
        2,
        List.of(ImportStage.TRAJECTORY),
        List.of("betti.csv"),
        "beta_1 of every frame (Vietoris-Rips persistent homology, Fig 1 f)",
        Map.of());
  }

  @Override
  public void run(StageContext ctx) throws Exception {
    BettiTask.Params p = parameters(ctx.params());
    try (Trajectory t = H5md.read(ctx.input(ImportStage.TRAJECTORY), ReadOptions.DEFAULTS)) {
      int nf = t.frameCount();
      // frames are read one at a time inside the loop (under a lock: readers are not
      // thread-safe), so memory is O(N) per worker, not O(frames x N)
      double[][] r =
          ctx.mapFrames(
              "betti",
              nf,
              k -> {
                Configuration c;
                synchronized (t) {
                  c = t.frame(k);
                }
                return new double[] {BettiTask.beta1(p, c)};
              });
      int[] b = new int[nf];
      long[] steps = new long[nf];
      double[] times = new double[nf];
      for (int k = 0; k < nf; k++) {
        b[k] = (int) r[k][0];
        steps[k] = t.step(k);
        times[k] = t.time(k);
      }
      double alpha = p.options(t.diameters()).threshold();
      BettiTask.Result res = new BettiTask.Result(null, 0, b, steps, times, alpha);
      Csv.write(ctx.output("betti.csv"), task.table(p, res));
      for (Figure f : task.figures(p, res)) {
        ctx.figure(f.name(), f.figure(), f.caption());
      }
    }
  }
}
