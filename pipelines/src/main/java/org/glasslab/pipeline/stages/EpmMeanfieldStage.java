package org.glasslab.pipeline.stages;

import java.util.List;
import java.util.Map;
import org.glasslab.pipeline.engine.StageContext;
import org.glasslab.pipeline.store.Csv;
import org.glasslab.pipeline.store.Units;
import org.glasslab.pipeline.task.EpmMeanfieldTask;
import org.glasslab.pipeline.task.Figure;

/**
 * {@code epm-meanfield} (generator, no trajectory): the stationary state of the mean-field
 * elastoplastic model (epm module, Baron–Biroli Fokker–Planck equation) at each temperature of a
 * scan → {@code gamma.csv} (T, Gamma, D = alpha Gamma, frozen, cells) and {@code p_sigma.csv}
 * (P(sigma) per T on a uniform grid), {@code xi.csv} (Baron–Biroli's correlation length ξ(T),
 * {@link EpmMeanfieldTask#xiTable}), the Gamma(T) plot with T_c (eq. 10) marked, the P(sigma) plot
 * and the ξ(T) and ξ(τ) plots. Deterministic (no random numbers).
 */
public final class EpmMeanfieldStage
    extends TaskStage<EpmMeanfieldTask.Params, Void, EpmMeanfieldTask.Result> {
  /** The stage (stateless). */
  public EpmMeanfieldStage() {
    super(
        "epm-meanfield",
        EpmMeanfieldTask.INSTANCE,
        2,
        List.of(),
        List.of("gamma.csv", "p_sigma.csv", "xi.csv"),
        "mean-field EPM stationary states: Gamma(T) and P(sigma) (Fokker-Planck, epm module)",
        Map.of());
  }

  @Override
  public void run(StageContext ctx) throws Exception {
    EpmMeanfieldTask.Params p = parameters(ctx.params());
    EpmMeanfieldTask.Result r = task.run(p, null);
    Units u = Units.EPM;
    Csv.write(ctx.output("gamma.csv"), u.annotate(EpmMeanfieldTask.INSTANCE.gammaTable(p, r)));
    Csv.write(ctx.output("p_sigma.csv"), u.annotate(task.table(p, r)));
    Csv.write(ctx.output("xi.csv"), u.annotate(EpmMeanfieldTask.INSTANCE.xiTable(p, r)));
    for (Figure f : task.figures(p, r)) {
      ctx.figure(f.name(), f.figure(), f.caption());
    }
  }
}
