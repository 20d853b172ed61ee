package org.glasslab.pipeline.stages;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.glasslab.data.TimeSeries;
import org.glasslab.data.Trajectory;
import org.glasslab.data.io.H5md;
import org.glasslab.data.io.ReadOptions;
import org.glasslab.pipeline.engine.AbstractStage;
import org.glasslab.pipeline.engine.Params;
import org.glasslab.pipeline.engine.StageContext;
import org.glasslab.pipeline.plot.LinePlot;
import org.glasslab.pipeline.plot.Units;
import org.glasslab.pipeline.store.Csv;

/**
 * {@code observables}: exports the per-frame observables stored in {@code trajectory.h5} (energies,
 * stresses, temperature, ...) as {@code observables.csv} (columns frame, step, time, then one per
 * observable component) and plots each against the frame index.
 */
public final class ObservablesStage extends AbstractStage {
  /** The stage (stateless). */
  public ObservablesStage() {
    super(
        "observables",
        1,
        Scope.BRANCH,
        List.of(ImportStage.TRAJECTORY),
        List.of("observables.csv"),
        "per-frame observables of trajectory.h5 as observables.csv, one plot each",
        Map.of("plots", "draw one figure per observable (default true)"));
  }

  @Override
  public void validate(Params p) {
    p.getBoolean("plots", true);
  }

  @Override
  public void run(StageContext ctx) throws Exception {
    try (Trajectory t = H5md.read(ctx.input(ImportStage.TRAJECTORY), ReadOptions.DEFAULTS)) {
      int nf = t.frameCount();
      List<String> header = new ArrayList<>(List.of("frame", "step", "time"));
      List<Object> cols = new ArrayList<>();
      int[] frame = new int[nf];
      long[] step = new long[nf];
      double[] time = new double[nf];
      for (int k = 0; k < nf; k++) {
        frame[k] = k;
        step[k] = t.step(k);
        time[k] = t.time(k);
      }
      cols.add(frame);
      cols.add(step);
      cols.add(time);
      boolean plots = ctx.params().getBoolean("plots", true);
      for (TimeSeries s : t.observables().values()) {
        if (s.steps().length != nf) {
          ctx.log(
              "observable '%s' has %d values for %d frames; skipped",
              s.name(), s.steps().length, nf);
          continue;
        }
        for (int c = 0; c < s.components(); c++) {
          String name = s.components() == 1 ? s.name() : s.name() + "_" + c;
          header.add(name.replace(',', '_'));
          cols.add(s.component(c));
        }
        if (plots) {
          ctx.figure(
              "observable_" + s.name().replaceAll("[^A-Za-z0-9_.-]", "_"),
              LinePlot.builder(
                      s.name() + " (" + ctx.branchId() + ")",
                      Units.TIME,
                      Units.label(s.name(), s.name()))
                  .series(s.name(), time, s.component(0))
                  .build(),
              "Observable '" + s.name() + "' against time, branch " + ctx.branchId());
        }
      }
      Csv.write(ctx.output("observables.csv"), header, cols.toArray());
    }
  }
}
