package org.glasslab.pipeline.stages;

import java.util.Map;
import org.glasslab.pipeline.engine.ParamException;
import org.glasslab.pipeline.engine.Params;
import org.glasslab.pipeline.engine.StageContext;
import org.glasslab.pipeline.task.EpmTcScanTask;

/**
 * {@code epm-tc-scan} (generator, no trajectory): the task {@link EpmTcScanTask} (the same
 * measurement as {@code glasslab epm tc-scan}); its files prefixed {@code epm_}: {@code
 * epm_runaway.csv} (L, T, fraction, error), {@code epm_tc.csv} (T_c per c and L with errors and
 * bracket), {@code epm_fit.csv} (T_c = A L^-κ and 1/T_c = a + b ln L per criterion), {@code
 * epm_tc_summary.csv} (per L: both criteria and κ_eff), avalanches, cells, distributions and x_min;
 * plots of the runaway fraction against T per L and of T_c against L (log-log, with the fit); the
 * summary and the fits are tables of the report. The defaults are a production scan (minutes);
 * docs/epm-lattice.md and examples/demo.yaml give fast settings. Seeded from the stage seed unless
 * the spec sets {@code seed}.
 */
public final class EpmTcScanStage
    extends TaskStage<EpmTcScanTask.Params, Void, EpmTcScanTask.Result> {
  /** The stage (stateless). */
  public EpmTcScanStage() {
    super(
        "epm-tc-scan",
        EpmTcScanTask.INSTANCE,
        3,
        "epm_",
        "lattice EPM runaway temperature T_c(L) with bootstrap errors and the fit T_c ~ L^-kappa",
        Map.of());
  }

  @Override
  public void run(StageContext ctx) throws Exception {
    super.run(ctx);
    ctx.table(
        "epm_tc_summary.csv",
        "T_c(L): runaway 1/2 crossing (Tc, bootstrap error, bracket) and peak of S_c = <S^2>/<S>"
            + " (T_peak; at_grid_edge 1: an upper bracket), local exponent kappa_eff = -dln T_c /"
            + " dln L to the next smaller L");
    ctx.table(
        "epm_fit.csv",
        "Fits in L per criterion: power law T_c = A L^-kappa and log law 1/T_c = a + b ln L, chi2"
            + " with points - 2 degrees of freedom");
  }

  @Override
  public void validate(Params p) {
    if (p.has("from")) {
      throw new ParamException("from", "command only: a stage simulates its scan");
    }
    super.validate(p);
  }
}
