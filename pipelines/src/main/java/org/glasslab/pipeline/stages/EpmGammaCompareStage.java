package org.glasslab.pipeline.stages;

import java.util.List;
import java.util.Map;
import org.glasslab.epm.lattice.LatticeMeanFieldComparison;
import org.glasslab.pipeline.engine.StageContext;
import org.glasslab.pipeline.task.EpmGammaCompareTask;

/**
 * {@code epm-gamma-compare} (generator, no trajectory): lattice Γ(T) against the mean-field
 * Fokker–Planck Γ(T) ({@link EpmGammaCompareTask}) → {@code gamma_compare.csv}, a table of the
 * report, and the plot Γ vs T. Seeded from the stage seed unless the spec sets {@code seed}; L = 32
 * with the default six temperatures takes seconds to tens of seconds.
 */
public final class EpmGammaCompareStage
    extends TaskStage<EpmGammaCompareTask.Params, Void, LatticeMeanFieldComparison.Row[]> {
  /** The output table. */
  static final String CSV = "gamma_compare.csv";

  /** The stage (stateless). */
  public EpmGammaCompareStage() {
    super(
        "epm-gamma-compare",
        EpmGammaCompareTask.INSTANCE,
        1,
        List.of(),
        List.of(CSV),
        "lattice EPM Gamma(T) against the mean-field Fokker-Planck Gamma(T) (alpha_lattice and"
            + " 0.110)",
        Map.of());
  }

  @Override
  public void run(StageContext ctx) throws Exception {
    super.run(ctx);
    ctx.table(
        CSV,
        "Lattice vs mean field: activity Gamma [events per site per 1/f0] at temperature T [barrier"
            + " units] of the lattice EPM (+- standard error over one-sweep windows), the mean"
            + " squared stress drop <dsigma^2>, the lattice coupling alpha_lattice = <dsigma^2>/2"
            + " sum G^2, the Fokker-Planck Gamma with alpha_lattice and with alpha = 0.110, ratio ="
            + " lattice / FP(alpha_lattice)");
  }
}
