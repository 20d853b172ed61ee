package org.glasslab.pipeline.stages;

import java.util.List;
import java.util.Map;
import org.glasslab.pipeline.engine.AbstractStage;
import org.glasslab.pipeline.engine.Params;
import org.glasslab.pipeline.engine.StageContext;
import org.glasslab.pipeline.plot.LinePlot;
import org.glasslab.pipeline.store.Csv;

/**
 * {@code fig1}: the panels of Jha &amp; Sengupta Fig. 1 for one branch — MSD, shear stress
 * sigma_xy, volumetric stress, stress norm, lambda_smallest (of the inherent structures) and beta_1
 * against frame, each with the avalanche frames of {@code avalanches.csv} marked — and the joined
 * per-frame table {@code fig1.csv}. Pure plotting of upstream results: changing the avalanche
 * parameters reruns only this and the local stages, not the series.
 */
public final class Fig1Stage extends AbstractStage {
  /** The stage (stateless). */
  public Fig1Stage() {
    super(
        "fig1",
        1,
        Scope.BRANCH,
        List.of("msd.csv", "avalanches.csv", "stress.csv", "modes.csv", "betti.csv"),
        List.of("fig1.csv"),
        "Fig 1 panels (MSD, shear/volumetric stress, norm, lambda_smallest, beta_1) with the"
            + " avalanche marked",
        Map.of());
  }

  @Override
  public void validate(Params p) {}

  @Override
  public void run(StageContext ctx) throws Exception {
    double[] msd = Csv.read(ctx.input("msd.csv")).doubles("msd");
    Csv.Table st = Csv.read(ctx.input("stress.csv"));
    double[] sxy = st.doubles("sxy");
    double[] vol = st.doubles("s_vol");
    double[] norm = st.doubles("s_norm");
    double[] lam = Csv.read(ctx.input("modes.csv")).doubles("lambda_smallest");
    double[] b1 = Csv.read(ctx.input("betti.csv")).doubles("beta1");
    int nf = msd.length;
    for (double[] s : List.of(sxy, vol, norm, lam, b1)) {
      if (s.length != nf) {
        throw new IllegalArgumentException(
            "series of different lengths (" + nf + " vs " + s.length + " frames)");
      }
    }
    Csv.Table av = Csv.read(ctx.input("avalanches.csv"));
    double[] fr = av.doubles("frame");
    double[] sel = av.doubles("selected");
    int a = StageSupport.avalancheFrame(ctx.input("avalanches.csv"));
    Csv.write(
        ctx.output("fig1.csv"),
        List.of("frame", "msd", "sxy", "s_vol", "s_norm", "lambda_smallest", "beta1"),
        StageSupport.frames(nf),
        msd,
        sxy,
        vol,
        norm,
        lam,
        b1);
    double[] x = StageSupport.axis(nf);
    String[][] panels = {
      {"a", "msd", "MSD"},
      {"b", "sxy", "shear stress sigma_xy"},
      {"c", "s_vol", "volumetric stress"},
      {"d", "s_norm", "stress norm"},
      {"e", "lambda_smallest", "lambda_smallest (IS)"},
      {"f", "beta1", "beta_1"}
    };
    double[][] ys = {msd, sxy, vol, norm, lam, b1};
    for (int p = 0; p < panels.length; p++) {
      LinePlot.Builder b =
          LinePlot.builder("Fig 1 " + panels[p][0] + ": " + panels[p][2], "frame", panels[p][2])
              .series(panels[p][1], x, ys[p])
              .points(true);
      for (int i = 0; i < fr.length; i++) {
        b.marker(fr[i], sel[i] == 1 ? "avalanche" : "event");
      }
      ctx.figure(
          "fig1_" + panels[p][0] + "_" + panels[p][1],
          b.build(),
          "Fig 1 "
              + panels[p][0]
              + ": "
              + panels[p][2]
              + " against frame for branch "
              + ctx.branchId()
              + "; vertical line: avalanche frame "
              + a
              + " (see avalanches.csv for how it was found)");
    }
  }
}
