package org.glasslab.pipeline.stages;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.glasslab.data.Configuration;
import org.glasslab.pipeline.engine.AbstractStage;
import org.glasslab.pipeline.engine.ParamException;
import org.glasslab.pipeline.engine.Params;
import org.glasslab.pipeline.engine.StageContext;
import org.glasslab.pipeline.plot.LinePlot;
import org.glasslab.pipeline.store.Csv;
import org.glasslab.topology.RipsOptions;
import org.glasslab.topology.RipsPersistence;

/**
 * {@code betti}: beta_1 of every MD frame (topology module: Vietoris–Rips persistent homology up to
 * the threshold alpha; default the paper's alpha = 3 (sigma_max1 + sigma_max2) from the two largest
 * diameters) → {@code betti.csv} and the Fig 1 f panel. Frames in parallel, resumable.
 */
public final class BettiStage extends AbstractStage {
  /** The stage (stateless). */
  public BettiStage() {
    super(
        "betti",
        1,
        Scope.BRANCH,
        List.of(ImportStage.TRAJECTORY),
        List.of("betti.csv"),
        "beta_1 of every frame (Vietoris-Rips persistent homology, Fig 1 f)",
        Map.of(
            "alpha", "Rips threshold [length] or 'paper' (3 (sigma_max1 + sigma_max2), default)",
            "metric", "euclidean (default, as ripser on coordinates) or periodic (minimum image)"));
  }

  private static String metric(Params p) {
    String m = p.getString("metric", "euclidean");
    if (!m.equals("euclidean") && !m.equals("periodic")) {
      throw new ParamException("metric", "expected euclidean or periodic, got " + m);
    }
    return m;
  }

  private static double alpha(Params p, double[] diameters) {
    String a = p.getString("alpha", "paper");
    if (a.equals("paper")) {
      return diameters == null ? 1 : RipsOptions.paperAlpha(diameters);
    }
    double v;
    try {
      v = Double.parseDouble(a);
    } catch (NumberFormatException e) {
      throw new ParamException("alpha", "expected a number or 'paper', got '" + a + "'");
    }
    if (!(v > 0) || !Double.isFinite(v)) {
      throw new ParamException("alpha", "must be finite and positive, got " + a);
    }
    return v;
  }

  @Override
  public void validate(Params p) {
    metric(p);
    alpha(p, null);
  }

  @Override
  public void run(StageContext ctx) throws Exception {
    Configuration[] c = StageSupport.readAll(ctx.input(ImportStage.TRAJECTORY));
    double a = alpha(ctx.params(), c[0].diameters());
    boolean periodic = metric(ctx.params()).equals("periodic");
    RipsOptions o =
        (periodic ? RipsOptions.periodic(a) : RipsOptions.euclidean(a)).withCountTriangles(false);
    int nf = c.length;
    double[][] r =
        ctx.mapFrames("betti", nf, k -> new double[] {RipsPersistence.compute(c[k], o).betti1()});
    int[] b = new int[nf];
    double[] bd = new double[nf];
    for (int k = 0; k < nf; k++) {
      b[k] = (int) r[k][0];
      bd[k] = r[k][0];
    }
    Csv.write(
        ctx.output("betti.csv"),
        List.of("frame", "step", "beta1"),
        StageSupport.frames(nf),
        StageSupport.steps(c),
        b);
    ctx.figure(
        "beta1",
        LinePlot.builder("beta_1", "frame", "beta_1")
            .series("beta_1", StageSupport.axis(nf), bd)
            .points(true)
            .build(),
        String.format(
            Locale.ROOT,
            "First Betti number of the Vietoris-Rips complex at alpha = %.4g (%s, %s metric) per"
                + " frame",
            a,
            ctx.params().getString("alpha", "paper").equals("paper")
                ? "paper: 3 (sigma_max1 + sigma_max2)"
                : "given",
            periodic ? "periodic" : "euclidean"));
  }
}
