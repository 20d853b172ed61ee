package org.glasslab.pipeline.stages;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.glasslab.data.Configuration;
import org.glasslab.data.MemoryTrajectory;
import org.glasslab.data.io.H5md;
import org.glasslab.md.PairPotential;
import org.glasslab.minimize.Method;
import org.glasslab.minimize.MinimizationResult;
import org.glasslab.minimize.Minimizer;
import org.glasslab.minimize.MinimizerOptions;
import org.glasslab.pipeline.engine.AbstractStage;
import org.glasslab.pipeline.engine.ParamException;
import org.glasslab.pipeline.engine.Params;
import org.glasslab.pipeline.engine.StageContext;
import org.glasslab.pipeline.plot.LinePlot;
import org.glasslab.pipeline.store.Csv;

/**
 * {@code minimize}: the inherent-structure (IS) trajectory {@code is.h5} of {@code trajectory.h5} —
 * every frame minimized with the minimizer module (CG or FIRE on the polydisperse WCA energy), same
 * frame indices, steps and times, no velocities — plus the per-frame convergence table {@code
 * minimize.csv}. Frames run in parallel through {@code ctx.mapFrames}, so a killed run resumes with
 * the finished frames.
 */
public final class MinimizeStage extends AbstractStage {
  /** IS trajectory artifact. */
  public static final String IS = "is.h5";

  /** The stage (stateless). */
  public MinimizeStage() {
    super(
        "minimize",
        1,
        Scope.BRANCH,
        List.of(ImportStage.TRAJECTORY),
        List.of(IS, "minimize.csv"),
        "inherent-structure trajectory (energy minimization of every frame, minimizer module)",
        Map.of(
            "method", "cg (Polak-Ribiere+ conjugate gradient, default) or fire (FIRE 2.0)",
            "ftol", "converged when the largest force component is <= ftol (default 1e-10)",
            "max_iter", "iteration cap per frame (default 1000000)",
            "allow_unconverged", "true: keep going when a frame does not converge (default false)",
            "potential", StageSupport.POTENTIAL_DOC));
  }

  private static Minimizer minimizer(Params p, PairPotential potential) {
    String m = p.getString("method", "cg");
    try {
      return Method.parse(m).create(potential);
    } catch (IllegalArgumentException e) {
      throw new ParamException("method", e.getMessage());
    }
  }

  private static MinimizerOptions options(Params p) {
    int maxIter = p.getInt("max_iter", 1_000_000, 1, Integer.MAX_VALUE);
    try {
      return MinimizerOptions.defaults()
          .withFtol(p.getPositive("ftol", 1e-10))
          .withMaxIterations(maxIter)
          .withMaxForceEvaluations(Math.max(1_000_000L, 20L * maxIter));
    } catch (IllegalArgumentException e) {
      throw new ParamException("ftol", e.getMessage());
    }
  }

  @Override
  public void validate(Params p) {
    minimizer(p, StageSupport.potential(p, null, "minimize"));
    options(p);
    p.getBoolean("allow_unconverged", false);
  }

  @Override
  public void run(StageContext ctx) throws Exception {
    Params p = ctx.params();
    MinimizerOptions opts = options(p);
    String method = p.getString("method", "cg");
    Configuration[] md = StageSupport.readAll(ctx.input(ImportStage.TRAJECTORY));
    PairPotential pot = StageSupport.potential(p, ctx.input(ImportStage.TRAJECTORY));
    int nf = md.length;
    int n = md[0].size();
    // per frame: energy/N, max force, iterations, force evaluations, converged, then x [2N], images
    double[][] r =
        ctx.mapFrames(
            "minimize",
            nf,
            k -> {
              MinimizationResult res = minimizer(p, pot).minimize(md[k], opts);
              Configuration c = res.configuration();
              double[] row = new double[5 + 4 * n];
              row[0] = res.energyPerParticle();
              row[1] = res.maxForce();
              row[2] = res.iterations();
              row[3] = res.forceEvaluations();
              row[4] = res.converged() ? 1 : 0;
              double[] x = c.positions();
              int[] im = c.images();
              for (int j = 0; j < 2 * n; j++) {
                row[5 + j] = x[j];
                row[5 + 2 * n + j] = im == null ? 0 : im[j];
              }
              return row;
            });
    List<Configuration> is = new ArrayList<>(nf);
    double[] e = new double[nf];
    double[] fmax = new double[nf];
    long[] iters = new long[nf];
    long[] evals = new long[nf];
    int[] conv = new int[nf];
    int bad = 0;
    for (int k = 0; k < nf; k++) {
      double[] row = r[k];
      double[] x = new double[2 * n];
      int[] im = new int[2 * n];
      for (int j = 0; j < 2 * n; j++) {
        x[j] = row[5 + j];
        im[j] = (int) row[5 + 2 * n + j];
      }
      Configuration c = md[k];
      is.add(
          new Configuration(
              c.box(), x, im, c.diameters(), null, c.ids(), c.types(), c.step(), c.time()));
      e[k] = row[0];
      fmax[k] = row[1];
      iters[k] = (long) row[2];
      evals[k] = (long) row[3];
      conv[k] = (int) row[4];
      bad += 1 - conv[k];
    }
    if (bad > 0) {
      String msg =
          bad
              + " of "
              + nf
              + " frame(s) did not reach ftol "
              + opts.ftol()
              + " (raise max_iter or set allow_unconverged: true)";
      if (!p.getBoolean("allow_unconverged", false)) {
        throw new IllegalStateException(msg);
      }
      ctx.log("warning: %s", msg);
    }
    H5md.write(ctx.output(IS), MemoryTrajectory.of(is).withPotential(pot.spec()));
    Csv.write(
        ctx.output("minimize.csv"),
        List.of(
            "frame",
            "step",
            "energy_per_particle",
            "max_force",
            "iterations",
            "force_evaluations",
            "converged"),
        StageSupport.frames(nf),
        StageSupport.steps(md),
        e,
        fmax,
        iters,
        evals,
        conv);
    ctx.figure(
        "is_energy",
        LinePlot.builder("Inherent-structure energy", "frame", "U_IS / N")
            .series("U_IS/N", StageSupport.axis(nf), e)
            .points(true)
            .build(),
        "Potential energy per particle of the inherent structure of every frame ("
            + method
            + ", ftol "
            + opts.ftol()
            + ")");
  }
}
