package org.glasslab.pipeline.task;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.glasslab.analysis.DisplacementMode;
import org.glasslab.analysis.dynamics.InherentStructureDisplacement;
import org.glasslab.analysis.dynamics.Mobility;
import org.glasslab.analysis.local.LocalAffineFit;
import org.glasslab.analysis.local.LocalFitResult;
import org.glasslab.analysis.structure.CagingSoftness;
import org.glasslab.data.Configuration;
import org.glasslab.pipeline.store.Fields;
import org.glasslab.pipeline.store.Table;

/**
 * {@code strain}: local affine fit between a reference and a current frame (Jha &amp; Sengupta
 * Appendix A): H = A B^-1, D2min, non-affine vector, strain measures, det H, the mobility m = |x -
 * X| and the displacement (ux, uy) = x - X [diameters] per particle; optionally the caging softness
 * of the reference. The {@code local} stage runs it on three inherent-structure pairs around the
 * avalanche.
 */
public final class StrainTask
    extends AbstractTask<StrainTask.Params, FramePair, StrainTask.Result> {

  static final Param<Double> RC =
      Param.real(
          "rc",
          null,
          "diameters",
          "R",
          "Neighbour cutoff in REF (default: second minimum of g(r)).");
  static final Param<Boolean> SYMMETRIC =
      Param.flag(
          "symmetric", "Use the symmetric strain (H + H^T)/2 - I instead of the paper's H - I.");
  static final Param<Integer> MIN_NEIGHBOURS =
      Param.integer("min_neighbours", 3, "", "K", "Fewest neighbours for a fit.");
  static final Param<String> DISPLACEMENT =
      Param.text(
          "displacement",
          "unwrapped",
          "MODE",
          "How CUR is matched to REF: unwrapped (stored images) or minimum-image (files without"
              + " images, equal boxes).");
  static final Param<Boolean> WITH_SOFTNESS =
      Param.flag(
          "with_softness",
          "Add the caging softness S of REF (default softness options) as a column.");

  /**
   * @param fit the local-fit options (cutoff NaN = automatic; singular tolerance 1e-10)
   * @param withSoftness add the softness of the reference frame
   */
  public record Params(LocalAffineFit.Options fit, boolean withSoftness) {}

  /**
   * @param pair the two frames
   * @param fit the local fit
   * @param mobility [N] |x - X| [diameters]
   * @param displacement [2N] x - X [diameters] (u_IS of eq 12 for inherent structures)
   * @param softness the reference's softness, or null
   */
  public record Result(
      FramePair pair,
      LocalFitResult fit,
      double[] mobility,
      double[] displacement,
      CagingSoftness.Result softness) {}

  /** The task. */
  public static final StrainTask INSTANCE = new StrainTask();

  private StrainTask() {
    super(
        "strain",
        "Local affine fit between two frames (Appendix A): H = A B^-1, D2min, non-affine vector,"
            + " eps = H - I, eps_vol, ||e||, ||eps||, det H, the mobility m = |x - X| and the"
            + " displacement (ux, uy) = x - X of each particle (eq 12 when REF and CUR are inherent"
            + " structures). Neighbours within r_c in REF (default: second minimum of REF's g(r));"
            + " pair images fixed by REF. Particles with degenerate neighbourhoods get NaN fields and"
            + " a non-zero flag (1 = too few neighbours, 2 = singular B).",
        Input.PAIR,
        List.of(RC, SYMMETRIC, MIN_NEIGHBOURS, DISPLACEMENT, WITH_SOFTNESS));
  }

  @Override
  public Params parameters(Values v) {
    Double rc = v.get(RC);
    String mode = v.get(DISPLACEMENT);
    DisplacementMode dm;
    try {
      dm = DisplacementMode.valueOf(mode.toUpperCase(Locale.ROOT).replace('-', '_'));
    } catch (IllegalArgumentException e) {
      throw DISPLACEMENT.invalid("expected unwrapped or minimum-image, got '" + mode + "'");
    }
    int minNeighbours = v.get(MIN_NEIGHBOURS);
    MIN_NEIGHBOURS.require(minNeighbours >= 2, "must be >= 2, got " + minNeighbours);
    RC.require(rc == null || rc > 0, "must be positive, got " + rc);
    return new Params(
        new LocalAffineFit.Options(
            rc == null ? Double.NaN : rc,
            minNeighbours,
            1e-10,
            v.get(SYMMETRIC)
                ? LocalAffineFit.StrainMeasure.SYMMETRIC
                : LocalAffineFit.StrainMeasure.PAPER,
            dm),
        v.get(WITH_SOFTNESS));
  }

  @Override
  public Result run(Params p, FramePair in) {
    Configuration a = in.ref();
    Configuration b = in.cur();
    LocalFitResult r = new LocalAffineFit(p.fit()).compute(a, b);
    double[] m = new Mobility(p.fit().displacement()).compute(a, b, null);
    double[] u = new InherentStructureDisplacement(p.fit().displacement()).compute(a, b);
    CagingSoftness.Result soft = p.withSoftness() ? new CagingSoftness().compute(a) : null;
    return new Result(in, r, m, u, soft);
  }

  @Override
  public Table table(Params p, Result r) {
    Configuration a = r.pair().ref();
    List<String> names = new ArrayList<>(List.of("id", "x", "y"));
    List<Object> cols =
        new ArrayList<>(
            List.of(
                Columns.ids(a),
                Columns.component(a.positions(), 0),
                Columns.component(a.positions(), 1)));
    for (Map.Entry<String, double[]> e : r.fit().columns().entrySet()) {
      names.add(e.getKey());
      cols.add(Columns.typed(e.getKey(), e.getValue()));
    }
    names.addAll(List.of("m", "ux", "uy"));
    cols.add(r.mobility());
    cols.add(Columns.component(r.displacement(), 0));
    cols.add(Columns.component(r.displacement(), 1));
    if (r.softness() != null) {
      names.add("softness");
      cols.add(r.softness().softness());
    }
    return new Table(names, cols.toArray());
  }

  @Override
  public Map<String, Object> report(Params p, FramePair in, Result r) {
    LocalAffineFit.Options o = p.fit();
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("cutoff", r.fit().cutoff());
    params.put("cutoff_source", r.fit().cutoffSource());
    params.put("strain", o.strain().name().toLowerCase(Locale.ROOT));
    params.put("displacement", o.displacement().name().toLowerCase(Locale.ROOT));
    params.put("min_neighbours", o.minNeighbours());
    params.put("singular_tolerance", o.singularTolerance());
    if (r.softness() != null) {
      params.put("softness", SoftnessTask.resolved(r.softness()));
    }
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("parameters", params);
    report.put("particles", r.fit().size());
    report.put("fitted", r.fit().validCount());
    report.put(
        "flagged",
        Map.of(
            "too_few_neighbours", r.fit().flagCount(LocalFitResult.FLAG_TOO_FEW),
            "singular", r.fit().flagCount(LocalFitResult.FLAG_SINGULAR)));
    report.put("fields", Fields.summaries(table(p, r), List.of("id", "x", "y", "flag")));
    return report;
  }

  @Override
  public void print(Params p, Result r, String source, PrintWriter o) {
    o.printf(
        Locale.ROOT,
        "strain %s: N = %d, fitted %d, cutoff %.4f (%s), strain %s%n",
        source,
        r.fit().size(),
        r.fit().validCount(),
        r.fit().cutoff(),
        r.fit().cutoffSource(),
        p.fit().strain().name().toLowerCase(Locale.ROOT));
    Fields.printSummaries(o, Fields.summaries(table(p, r), List.of("id", "x", "y", "flag")));
  }
}
