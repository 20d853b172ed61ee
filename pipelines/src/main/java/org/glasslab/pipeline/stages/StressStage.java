package org.glasslab.pipeline.stages;

import java.util.List;
import java.util.Map;
import org.glasslab.analysis.mechanics.StressAnalysis;
import org.glasslab.data.Configuration;
import org.glasslab.md.StressConvention;
import org.glasslab.md.Thermo;
import org.glasslab.pipeline.engine.AbstractStage;
import org.glasslab.pipeline.engine.ParamException;
import org.glasslab.pipeline.engine.Params;
import org.glasslab.pipeline.engine.StageContext;
import org.glasslab.pipeline.plot.LinePlot;
import org.glasslab.pipeline.store.Csv;

/**
 * {@code stress}: the stress series of the MD trajectory (Jha &amp; Sengupta Fig. 1 b–d) from the
 * analysis module's {@link StressAnalysis}: per frame {@code sxx, syy, sxy, syx}, the volumetric
 * stress (eq. 4) and the norm (eq. 5) [energy/length^2] → {@code stress.csv} and three panels. The
 * kinetic term uses the run temperature: the {@code temperature} parameter, else the generator's
 * {@code temperature} for generated branches.
 */
public final class StressStage extends AbstractStage {
  /** The stage (stateless). */
  public StressStage() {
    super(
        "stress",
        1,
        Scope.BRANCH,
        List.of(ImportStage.TRAJECTORY),
        List.of("stress.csv"),
        "stress tensor, volumetric stress and norm vs frame (Fig 1 b-d)",
        Map.of(
            "temperature",
            "run temperature for the kinetic term rho*T (default: the generator's temperature;"
                + " required for imported files; 0 for inherent structures)",
            "convention",
            "consistent (1/A, default) or paper_half (1/(2A), eq. 3 as printed)",
            "potential",
            StageSupport.POTENTIAL_DOC));
  }

  static StressConvention convention(Params p) {
    String c = p.getString("convention", "consistent");
    return switch (c) {
      case "consistent" -> StressConvention.CONSISTENT;
      case "paper_half" -> StressConvention.PAPER_HALF;
      default ->
          throw new ParamException("convention", "expected consistent or paper_half, got " + c);
    };
  }

  @Override
  public void validate(Params p) {
    StageSupport.nonNegative(p, "temperature", 0);
    convention(p);
    StageSupport.potential(p, null, "stress");
  }

  /** The run temperature: the parameter, else the generator's, else an actionable error. */
  static double runTemperature(StageContext ctx) {
    if (ctx.params().has("temperature")) {
      return StageSupport.nonNegative(ctx.params(), "temperature", 0);
    }
    var b = ctx.branch();
    if (b.generated() && b.params().has("temperature")) {
      return b.params().getDouble("temperature", 0);
    }
    throw new ParamException(
        "temperature",
        "give the run temperature of branch '" + ctx.branchId() + "' (kinetic term rho*T)");
  }

  @Override
  public void run(StageContext ctx) throws Exception {
    double temp = runTemperature(ctx);
    StressAnalysis sa =
        new StressAnalysis(
            StageSupport.potential(ctx.params(), ctx.input(ImportStage.TRAJECTORY)),
            convention(ctx.params()));
    Configuration[] c = StageSupport.readAll(ctx.input(ImportStage.TRAJECTORY));
    int nf = c.length;
    double[][] r =
        ctx.mapFrames(
            "stress",
            nf,
            k -> {
              Thermo t = sa.compute(c[k], temp);
              return new double[] {
                t.potentialEnergy(), t.sxx(), t.syy(), t.sxy(), t.syx(), t.volumetric(), t.norm()
              };
            });
    String[] names = {"potential_energy", "sxx", "syy", "sxy", "syx", "s_vol", "s_norm"};
    double[][] col = new double[names.length][nf];
    for (int k = 0; k < nf; k++) {
      for (int j = 0; j < names.length; j++) {
        col[j][k] = r[k][j];
      }
    }
    Csv.write(
        ctx.output("stress.csv"),
        List.of(
            "frame", "step", names[0], names[1], names[2], names[3], names[4], names[5], names[6]),
        StageSupport.frames(nf),
        StageSupport.steps(c),
        col[0],
        col[1],
        col[2],
        col[3],
        col[4],
        col[5],
        col[6]);
    double[] x = StageSupport.axis(nf);
    String conv = sa.convention().name().toLowerCase(java.util.Locale.ROOT);
    ctx.figure(
        "stress_tensor",
        LinePlot.builder("Stress tensor", "frame", "sigma")
            .series("sxx", x, col[1])
            .series("syy", x, col[2])
            .series("sxy", x, col[3])
            .series("syx", x, col[4])
            .build(),
        "Components of the global stress tensor per frame ("
            + conv
            + " convention, T = "
            + temp
            + ")");
    ctx.figure(
        "stress_volumetric",
        LinePlot.builder("Volumetric stress", "frame", "sigma_vol")
            .series("s_vol", x, col[5])
            .points(true)
            .build(),
        "Volumetric stress (eq. 4) per frame");
    ctx.figure(
        "stress_norm",
        LinePlot.builder("Stress norm", "frame", "||sigma||")
            .series("s_norm", x, col[6])
            .points(true)
            .build(),
        "Norm of the stress tensor (eq. 5) per frame");
  }
}
