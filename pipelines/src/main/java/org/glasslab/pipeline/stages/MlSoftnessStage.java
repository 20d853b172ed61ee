package org.glasslab.pipeline.stages;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.glasslab.analysis.mlsoftness.MlSoftness;
import org.glasslab.data.Trajectory;
import org.glasslab.data.io.H5md;
import org.glasslab.data.io.ReadOptions;
import org.glasslab.pipeline.engine.AbstractStage;
import org.glasslab.pipeline.engine.ParamException;
import org.glasslab.pipeline.engine.Params;
import org.glasslab.pipeline.engine.StageContext;
import org.glasslab.pipeline.task.Figure;
import org.glasslab.pipeline.task.MlSoftnessTask;
import org.glasslab.pipeline.task.Param;

/**
 * {@code ml-softness} (ensemble): the {@link MlSoftnessTask} (same parameters as {@code glasslab
 * ml-softness}) on every branch's {@code is.h5}, each at the temperature its MD trajectory records
 * (run.T of {@code trajectory.h5}); trajectories are named by branch id; the last {@code test_runs}
 * branches of each temperature are held out. Writes the task's files and its figures.
 */
public final class MlSoftnessStage extends AbstractStage {
  /** The stage (stateless). */
  public MlSoftnessStage() {
    super(
        "ml-softness",
        1,
        Scope.ENSEMBLE,
        List.of(ImportStage.TRAJECTORY, MinimizeStage.IS),
        MlSoftnessTask.INSTANCE.files(),
        "machine-learned softness: linear SVM on structure functions, P_R(S), Arrhenius, events",
        params());
  }

  private static Map<String, String> params() {
    Map<String, String> m = new LinkedHashMap<>();
    for (Param<?> p : MlSoftnessTask.INSTANCE.params()) {
      m.put(p.name(), p.help());
    }
    return m;
  }

  @Override
  public boolean stochastic() {
    return true;
  }

  @Override
  public void validate(Params p) {
    parameters(p, null);
  }

  private static MlSoftnessTask.Params parameters(Params p, Long seed) {
    try {
      return MlSoftnessTask.INSTANCE.parameters(TaskStage.values(p, seed));
    } catch (org.glasslab.pipeline.task.InvalidParam e) {
      throw new ParamException(e.param().name(), e.reason());
    }
  }

  @Override
  public List<Path> parameterFiles(Params p) {
    return p.has("model") ? List.of(Path.of(p.getString("model", null))) : List.of();
  }

  @Override
  public void run(StageContext ctx) throws Exception {
    MlSoftnessTask task = MlSoftnessTask.INSTANCE;
    MlSoftnessTask.Params p = parameters(ctx.params(), ctx.seed());
    Map<String, Path> md = ctx.inputsByBranch(ImportStage.TRAJECTORY);
    List<String> ids = new ArrayList<>();
    List<Path> files = new ArrayList<>();
    List<Double> temps = new ArrayList<>();
    for (Map.Entry<String, Path> e : ctx.inputsByBranch(MinimizeStage.IS).entrySet()) {
      Path traj = md.get(e.getKey());
      String t = null;
      if (traj != null) {
        try (Trajectory m = H5md.read(traj, ReadOptions.DEFAULTS)) {
          t = m.provenance().get("T");
        }
      }
      if (t == null) {
        throw new IllegalArgumentException(
            "branch '" + e.getKey() + "': its MD trajectory records no temperature (run.T)");
      }
      ids.add(e.getKey());
      files.add(e.getValue());
      temps.add(Double.parseDouble(t));
    }
    p = p.withRuns(ids, files, temps.stream().mapToDouble(Double::doubleValue).toArray());
    MlSoftness.Result r = task.run(p, null);
    task.write(p, r, ctx::output);
    for (Figure f : task.figures(p, r)) {
      ctx.figure(f.name(), f.figure(), f.caption());
    }
    ctx.table(
        "ml_runs.csv",
        "Per trajectory: role (train or held-out test), labels, accuracy on balanced samples and"
            + " Spearman correlation of the ML softness with the caging softness.");
    ctx.log(
        "ml-softness: C = %g, held-out accuracy %.3f, Spearman vs caging %.3f",
        r.model().c(), r.testAccuracy(), r.spearman());
  }
}
