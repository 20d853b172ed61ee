package org.glasslab.pipeline.stages;

import java.util.List;
import java.util.Map;
import org.glasslab.analysis.mechanics.Hessian;
import org.glasslab.analysis.mechanics.HessianSpectrum;
import org.glasslab.analysis.mechanics.LowestModes;
import org.glasslab.analysis.mechanics.ModeOptions;
import org.glasslab.data.Configuration;
import org.glasslab.md.PairPotential;
import org.glasslab.pipeline.engine.AbstractStage;
import org.glasslab.pipeline.engine.ParamException;
import org.glasslab.pipeline.engine.Params;
import org.glasslab.pipeline.engine.StageContext;
import org.glasslab.pipeline.plot.LinePlot;
import org.glasslab.pipeline.store.Csv;

/**
 * {@code modes}: the low end of the Hessian spectrum of every inherent structure (analysis module,
 * shift-invert Lanczos on the sparse WCA Hessian): lambda_smallest = mean of the m smallest
 * positive eigenvalues (eq. 6) [energy/length^2], the number of zero modes and of negative modes →
 * {@code modes.csv} and the Fig 1 e panel. Frames in parallel, resumable.
 */
public final class ModesStage extends AbstractStage {
  /** The stage (stateless). */
  public ModesStage() {
    super(
        "modes",
        1,
        Scope.BRANCH,
        List.of(MinimizeStage.IS),
        List.of("modes.csv"),
        "lambda_smallest, zero and negative modes of every inherent structure (Fig 1 e)",
        Map.of(
            "count", "m, smallest positive eigenvalues averaged (default 30)",
            "zero_tolerance", "|lambda| <= tol counts as a zero mode (default 1e-8)",
            "potential", StageSupport.POTENTIAL_DOC));
  }

  static ModeOptions options(Params p) {
    ModeOptions d = ModeOptions.DEFAULT;
    return StageSupport.checked(
        "",
        () ->
            new ModeOptions(
                p.getInt("count", 30, 1, 100_000),
                p.getPositive("zero_tolerance", d.zeroTolerance()),
                d.relativeShift(),
                d.blockSize(),
                d.convergenceTolerance(),
                d.maxBasis(),
                false,
                d.seed()));
  }

  @Override
  public void validate(Params p) {
    options(p);
    StageSupport.potential(p, null, "modes");
  }

  @Override
  public void run(StageContext ctx) throws Exception {
    ModeOptions o = options(ctx.params());
    Configuration[] c = StageSupport.readAll(ctx.input(MinimizeStage.IS));
    PairPotential pot = StageSupport.potential(ctx.params(), ctx.input(MinimizeStage.IS));
    int nf = c.length;
    if (2 * c[0].size() <= o.count() + 2) {
      throw new ParamException(
          "count", o.count() + " modes requested but the Hessian has dimension " + 2 * c[0].size());
    }
    double[][] r =
        ctx.mapFrames(
            "modes",
            nf,
            k -> {
              HessianSpectrum s = new LowestModes(o).compute(Hessian.compute(c[k], pot));
              return new double[] {
                s.lambdaSmallest(), s.zeroModes(), s.negativeEigenvalues().length, s.rattlers()
              };
            });
    double[] lam = new double[nf];
    int[] zero = new int[nf];
    int[] neg = new int[nf];
    int[] rat = new int[nf];
    for (int k = 0; k < nf; k++) {
      lam[k] = r[k][0];
      zero[k] = (int) r[k][1];
      neg[k] = (int) r[k][2];
      rat[k] = (int) r[k][3];
    }
    Csv.write(
        ctx.output("modes.csv"),
        List.of("frame", "step", "lambda_smallest", "zero_modes", "negative_modes", "rattlers"),
        StageSupport.frames(nf),
        StageSupport.steps(c),
        lam,
        zero,
        neg,
        rat);
    ctx.figure(
        "lambda_smallest",
        LinePlot.builder("lambda_smallest", "frame", "lambda_smallest")
            .series("lambda_smallest", StageSupport.axis(nf), lam)
            .points(true)
            .build(),
        "Mean of the "
            + o.count()
            + " smallest positive Hessian eigenvalues (eq. 6) of each inherent structure");
  }
}
