package org.glasslab.pipeline.task;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.glasslab.data.Configuration;
import org.glasslab.data.Trajectory;
import org.glasslab.data.io.TrajectoryIO;
import org.glasslab.pipeline.plot.LinePlot;
import org.glasslab.pipeline.plot.Units;
import org.glasslab.pipeline.store.Table;
import org.glasslab.topology.Barcode;
import org.glasslab.topology.BettiSeries;
import org.glasslab.topology.DistancePrecision;
import org.glasslab.topology.PersistenceResult;
import org.glasslab.topology.RipsMetric;
import org.glasslab.topology.RipsOptions;
import org.glasslab.topology.RipsPersistence;

/**
 * {@code betti}: persistent homology (H0, H1) of the Vietoris–Rips filtration of particle positions
 * up to a threshold alpha [diameters] and the paper's beta_1 (Jha &amp; Sengupta Appendix B: H1
 * classes born at a scale &le; alpha). One frame (table: the barcode dim, birth, death with {@code
 * inf} for bars alive at alpha) or, with {@code all_frames}, beta_1 of every frame (table: frame,
 * step, time, beta1; the stage's {@code betti.csv}).
 */
public final class BettiTask extends AbstractTask<BettiTask.Params, Trajectory, BettiTask.Result> {

  /** The paper's threshold: 3 (sigma_max1 + sigma_max2) from the two largest diameters. */
  public static final String PAPER = "paper";

  static final Param<String> ALPHA =
      Param.text(
          "alpha",
          PAPER,
          "A|paper",
          "Filtration threshold [diameters], or 'paper' for 3 (sigma_max1 + sigma_max2) from the"
              + " two largest diameters.");
  static final Param<Boolean> PERIODIC =
      Param.flag(
          "periodic",
          "Minimum-image distances (torus; adds its two wrap-around loops). Default: Euclidean"
              + " distances of the wrapped coordinates, as in the paper.");
  static final Param<String> PRECISION =
      Param.text(
          "precision",
          "double",
          "P",
          "Distance arithmetic: double, or float32 for ripser's exact arithmetic.");
  static final Param<Integer> FRAME =
      Param.integer(
          "frame",
          null,
          "",
          "K",
          "Frame to analyse (negative counts from the end; default -1, the last).");
  static final Param<Boolean> ALL_FRAMES =
      Param.flag("all_frames", "beta_1 of every frame instead (table frame,step,time,beta1).");
  static final Param<double[]> PERSISTENCE =
      Param.reals(
          "persistence",
          new double[] {0.1, 0.5, 1},
          "diameters",
          "P1,P2,..",
          "Report the number of H1 bars with persistence >= each value.");

  /**
   * @param alpha the threshold [diameters], or NaN for the paper's (resolved from the diameters)
   * @param periodic minimum-image distances
   * @param precision distance arithmetic
   * @param frame the frame of the single-frame mode (negative counts from the end)
   * @param allFrames beta_1 of every frame instead
   * @param persistence H1 persistence levels to count [diameters]
   */
  public record Params(
      double alpha,
      boolean periodic,
      DistancePrecision precision,
      int frame,
      boolean allFrames,
      double[] persistence) {
    /** The Rips options for a frame with {@code diameters}. */
    public RipsOptions options(double[] diameters) {
      double a = Double.isNaN(alpha) ? RipsOptions.paperAlpha(diameters) : alpha;
      return (periodic ? RipsOptions.periodic(a) : RipsOptions.euclidean(a))
          .withPrecision(precision);
    }
  }

  /**
   * Exactly one of {@code single} (with its frame's step) and {@code beta1} is set.
   *
   * @param single the persistence of the one frame, or null
   * @param step the MD step of that frame
   * @param beta1 [F] beta_1 per frame, or null
   * @param steps [F] MD steps of the frames
   * @param times [F] times of the frames
   * @param alpha the threshold used [diameters]
   */
  public record Result(
      PersistenceResult single,
      long step,
      int[] beta1,
      long[] steps,
      double[] times,
      double alpha) {}

  /** The task. */
  public static final BettiTask INSTANCE = new BettiTask();

  private BettiTask() {
    super(
        "betti",
        "Persistent homology (H0, H1) of the Vietoris-Rips filtration of one frame's particle"
            + " positions up to a threshold alpha, and the paper's beta_1: the number of H1 classes"
            + " born at a scale <= alpha (each counted once, even if it dies before alpha).",
        Input.TRAJECTORY,
        List.of(ALPHA, PERIODIC, PRECISION, FRAME, ALL_FRAMES, PERSISTENCE));
  }

  @Override
  public List<String> outOptions() {
    return List.of("-o", "--out");
  }

  @Override
  public Params parameters(Values v) {
    String a = v.get(ALPHA);
    double alpha = Double.NaN;
    if (!a.equals(PAPER)) {
      try {
        alpha = Double.parseDouble(a);
      } catch (NumberFormatException e) {
        throw ALPHA.invalid("expected a number or 'paper', got '" + a + "'");
      }
      ALPHA.require(alpha > 0 && Double.isFinite(alpha), "must be finite and positive, got " + a);
    }
    DistancePrecision precision =
        switch (v.get(PRECISION)) {
          case "double" -> DistancePrecision.DOUBLE;
          case "float32" -> DistancePrecision.FLOAT32;
          default ->
              throw PRECISION.invalid("expected double or float32, got '" + v.get(PRECISION) + "'");
        };
    boolean all = v.get(ALL_FRAMES);
    Integer frame = v.get(FRAME);
    FRAME.require(!(all && frame != null), "cannot be combined with all_frames");
    return new Params(
        alpha, v.get(PERIODIC), precision, frame == null ? -1 : frame, all, v.get(PERSISTENCE));
  }

  @Override
  public Result run(Params p, Trajectory t) {
    if (!p.allFrames()) {
      Configuration c = t.frame(TrajectoryIO.frameIndex(t, p.frame(), null));
      RipsOptions o = p.options(c.diameters());
      return new Result(RipsPersistence.compute(c, o), c.step(), null, null, null, o.threshold());
    }
    RipsOptions o = p.options(t.diameters());
    int nf = t.frameCount();
    long[] steps = new long[nf];
    double[] times = new double[nf];
    for (int k = 0; k < nf; k++) {
      steps[k] = t.step(k);
      times[k] = t.time(k);
    }
    return new Result(null, 0, BettiSeries.betti1(t, o, null), steps, times, o.threshold());
  }

  /** beta_1 of one frame (no triangle count): the per-frame step of the series. */
  public static int beta1(Params p, Configuration c) {
    return RipsPersistence.compute(c, p.options(c.diameters()).withCountTriangles(false)).betti1();
  }

  /** The series table: frame, step, time, beta1. */
  public static Table series(long[] steps, double[] times, int[] beta1) {
    int[] frame = new int[beta1.length];
    for (int k = 0; k < frame.length; k++) {
      frame[k] = k;
    }
    return Table.of(List.of("frame", "step", "time", "beta1"), frame, steps, times, beta1);
  }

  @Override
  public Table table(Params p, Result r) {
    if (r.single() == null) {
      return series(r.steps(), r.times(), r.beta1());
    }
    List<Integer> dim = new ArrayList<>();
    List<Double> birth = new ArrayList<>();
    List<String> death = new ArrayList<>();
    for (Barcode b : List.of(r.single().h0(), r.single().h1())) {
      for (int i = 0; i < b.size(); i++) {
        dim.add(b.dimension());
        birth.add(b.birth(i));
        double d = b.death(i);
        death.add(Double.isInfinite(d) ? "inf" : Double.toString(d));
      }
    }
    return Table.of(
        List.of("dim", "birth", "death"),
        dim.stream().mapToInt(Integer::intValue).toArray(),
        birth.stream().mapToDouble(Double::doubleValue).toArray(),
        death.toArray(new String[0]));
  }

  @Override
  public Map<String, Object> report(Params p, Trajectory t, Result r) {
    Map<String, Object> m = new LinkedHashMap<>();
    String metric = p.periodic() ? "periodic" : "euclidean";
    String precision = p.precision() == DistancePrecision.FLOAT32 ? "float32" : "double";
    if (r.single() == null) {
      List<Map<String, Object>> rows = new ArrayList<>();
      for (int f = 0; f < r.beta1().length; f++) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("frame", f);
        row.put("step", r.steps()[f]);
        row.put("time", r.times()[f]);
        row.put("beta1", r.beta1()[f]);
        rows.add(row);
      }
      m.put("alpha", r.alpha());
      m.put("metric", metric);
      m.put("precision", precision);
      m.put("frames", rows);
      return m;
    }
    PersistenceResult s = r.single();
    m.put("frame", p.frame());
    m.put("step", r.step());
    m.put("beta1", s.betti1());
    m.put("alpha", r.alpha());
    m.put("metric", s.options().metric() == RipsMetric.PERIODIC ? "periodic" : "euclidean");
    m.put("precision", precision);
    m.put("h0_bars", s.h0().size());
    m.put("h0_essential", s.h0().essentialCount());
    m.put("h1_bars", s.h1().size());
    m.put("h1_essential", s.h1().essentialCount());
    Map<String, Integer> byP = new LinkedHashMap<>();
    for (double q : p.persistence()) {
      byP.put(Double.toString(q), s.h1().countPersistenceAtLeast(q));
    }
    m.put("h1_persistence_at_least", byP);
    m.put("vertices", s.vertexCount());
    m.put("edges", s.edgeCount());
    m.put("triangles", s.triangleCount());
    m.put("time_s", Math.round(s.stats().seconds() * 1e4) / 1e4);
    m.put("alpha_source", Double.isNaN(p.alpha()) ? "paper: 3 (sigma_max1 + sigma_max2)" : "given");
    return m;
  }

  @Override
  public void print(Params p, Result r, String source, PrintWriter out) {
    if (r.single() == null) {
      super.print(p, r, source, out);
      return;
    }
    out.printf("%-30s %s%n", "file", source);
    for (Map.Entry<String, Object> e : report(p, null, r).entrySet()) {
      Object v = e.getValue() instanceof double[] x ? Arrays.toString(x) : e.getValue();
      out.printf(Locale.ROOT, "%-30s %s%n", e.getKey(), v);
    }
    out.flush();
  }

  @Override
  public List<Figure> figures(Params p, Result r) {
    if (r.beta1() == null) {
      return List.of();
    }
    double[] x = new double[r.beta1().length];
    double[] y = new double[x.length];
    boolean timed = r.times() != null && r.times().length == x.length;
    for (int k = 0; k < x.length; k++) {
      x[k] = timed ? r.times()[k] : k;
      y[k] = r.beta1()[k];
    }
    return List.of(
        new Figure(
            "beta1",
            LinePlot.builder("beta_1", timed ? Units.TIME : "frame", "β₁")
                .series("beta_1", x, y)
                .points(true)
                .build(),
            String.format(
                Locale.ROOT,
                "First Betti number of the Vietoris-Rips complex at alpha = %.4g (%s, %s metric) per"
                    + " frame",
                r.alpha(),
                Double.isNaN(p.alpha()) ? "paper: 3 (sigma_max1 + sigma_max2)" : "given",
                p.periodic() ? "periodic" : "euclidean")));
  }
}
