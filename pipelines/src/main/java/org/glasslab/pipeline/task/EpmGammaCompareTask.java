package org.glasslab.pipeline.task;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.glasslab.epm.lattice.LatticeMeanFieldComparison;
import org.glasslab.epm.meanfield.BaronBiroliModel;
import org.glasslab.pipeline.plot.LinePlot;
import org.glasslab.pipeline.store.Table;
import org.glasslab.pipeline.store.Units;

/**
 * Stage {@code epm-gamma-compare}: the lattice EPM's activity Γ(T) against the Baron–Biroli
 * Fokker–Planck Γ(T) of the same model ({@link LatticeMeanFieldComparison}; docs/epm-lattice.md,
 * "Lattice vs mean field"), one row per temperature: T [barrier units], Γ_lattice ± standard error
 * [per site per 1/f0], ⟨δσ²⟩, α_lattice, Γ_FP(α_lattice), Γ_FP(α = 0.110) and their ratio.
 */
public final class EpmGammaCompareTask
    extends AbstractTask<EpmGammaCompareTask.Params, Void, LatticeMeanFieldComparison.Row[]> {

  static final Param<Integer> SIZE =
      Param.integer("size", 32, "", "L", "Lattice size L (N = L^2 sites), >= 4.");
  static final Param<double[]> TEMPERATURES =
      Param.reals(
          "temperatures",
          new double[] {0.1, 0.15, 0.2, 0.3, 0.5, 1.0},
          "",
          "T,..",
          "Temperatures T > 0 [barrier units], one lattice each.");
  static final Param<Integer> MEASURE_SWEEPS =
      Param.integer(
          "measure_sweeps",
          30,
          "",
          "W",
          "One-sweep (N events) windows measured after the stationarity warm-up, >= 2.");
  static final Param<Long> SEED =
      Param.seed("Seed of the first temperature's lattice (the k-th uses seed + k).");

  /**
   * @param size L
   * @param temperatures T &gt; 0, at least one
   * @param measureSweeps windows, &ge; 2
   * @param seed seed of the first lattice
   */
  public record Params(int size, double[] temperatures, int measureSweeps, long seed) {
    /** Validates. */
    public Params {
      SIZE.require(size >= 4 && size <= 1024, "must be in [4, 1024], got " + size);
      TEMPERATURES.require(temperatures.length > 0, "give at least one temperature");
      for (double t : temperatures) {
        TEMPERATURES.require(t > 0 && Double.isFinite(t), "temperature " + t + " must be positive");
      }
      MEASURE_SWEEPS.require(measureSweeps >= 2, "must be >= 2, got " + measureSweeps);
    }
  }

  /** The task. */
  public static final EpmGammaCompareTask INSTANCE = new EpmGammaCompareTask();

  private EpmGammaCompareTask() {
    super(
        "epm-gamma-compare",
        "Lattice EPM activity Gamma(T) (exact KMC, redraw reset, thresholds without disorder)"
            + " against the mean-field Fokker-Planck Gamma(T) with the lattice's own coupling"
            + " alpha = <dsigma^2>/2 sum G^2 and with alpha = 0.110.",
        Input.NONE,
        List.of(SIZE, TEMPERATURES, MEASURE_SWEEPS, SEED));
  }

  @Override
  public Params parameters(Values v) {
    return new Params(v.get(SIZE), v.get(TEMPERATURES), v.get(MEASURE_SWEEPS), v.get(SEED));
  }

  @Override
  public LatticeMeanFieldComparison.Row[] run(Params p, Void none) {
    return LatticeMeanFieldComparison.run(p.size(), p.temperatures(), p.measureSweeps(), p.seed());
  }

  /**
   * Per temperature: temperature, gamma_lattice, gamma_lattice_error, mean_square_drop,
   * alpha_lattice, gamma_fp_alpha_lattice, gamma_fp_alpha_0110, ratio (lattice / FP(α_lattice)),
   * warmup_sweeps.
   */
  @Override
  public Table table(Params p, LatticeMeanFieldComparison.Row[] rows) {
    int n = rows.length;
    double[][] c = new double[8][n];
    long[] warm = new long[n];
    for (int k = 0; k < n; k++) {
      LatticeMeanFieldComparison.Row r = rows[k];
      c[0][k] = r.temperature();
      c[1][k] = r.gamma();
      c[2][k] = r.gammaError();
      c[3][k] = r.meanSquareDrop();
      c[4][k] = r.alpha();
      c[5][k] = r.gammaFpLattice();
      c[6][k] = r.gammaFpPaper();
      c[7][k] = r.ratio();
      warm[k] = r.warmupSweeps();
    }
    return Table.of(
        List.of(
            "temperature",
            "gamma_lattice",
            "gamma_lattice_error",
            "mean_square_drop",
            "alpha_lattice",
            "gamma_fp_alpha_lattice",
            "gamma_fp_alpha_0110",
            "ratio",
            "warmup_sweeps"),
        c[0],
        c[1],
        c[2],
        c[3],
        c[4],
        c[5],
        c[6],
        c[7],
        warm);
  }

  @Override
  public Map<String, Object> report(Params p, Void none, LatticeMeanFieldComparison.Row[] rows) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("size", p.size());
    out.put("measure_sweeps", p.measureSweeps());
    out.put("alpha_paper", BaronBiroliModel.PAPER.alpha());
    List<Map<String, Object>> list = new ArrayList<>();
    for (LatticeMeanFieldComparison.Row r : rows) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("temperature", r.temperature());
      m.put("gamma_lattice", r.gamma());
      m.put("gamma_lattice_error", r.gammaError());
      m.put("alpha_lattice", r.alpha());
      m.put("gamma_fp_alpha_lattice", r.gammaFpLattice());
      m.put("gamma_fp_alpha_0110", r.gammaFpPaper());
      m.put("ratio", r.ratio());
      list.add(m);
    }
    out.put("rows", list);
    return out;
  }

  @Override
  public Units units() {
    return Units.EPM;
  }

  /** Γ(T): lattice points with a ± standard-error band and both Fokker–Planck curves. */
  @Override
  public List<Figure> figures(Params p, LatticeMeanFieldComparison.Row[] rows) {
    int n = rows.length;
    double[] t = new double[n];
    double[] g = new double[n];
    double[] lo = new double[n];
    double[] hi = new double[n];
    double[] fpLattice = new double[n];
    double[] fpPaper = new double[n];
    for (int k = 0; k < n; k++) {
      t[k] = rows[k].temperature();
      g[k] = rows[k].gamma();
      lo[k] = g[k] - rows[k].gammaError();
      hi[k] = g[k] + rows[k].gammaError();
      fpLattice[k] = rows[k].gammaFpLattice();
      fpPaper[k] = rows[k].gammaFpPaper();
    }
    LinePlot.Builder b =
        LinePlot.builder(
                "Gamma(T): lattice EPM vs mean field (L = " + p.size() + ")",
                "T [barrier units]",
                "Gamma [per site per 1/f0]")
            .points(true)
            .series("lattice (band: +- standard error)", t, g)
            .band(t, lo, t, hi)
            .series("Fokker-Planck, alpha = alpha_lattice", t, fpLattice)
            .series("Fokker-Planck, alpha = 0.110", t, fpPaper);
    return List.of(
        new Figure(
            "gamma_compare",
            b.build(),
            "Activity Gamma (events per site per unit time 1/f0) against temperature T (in units"
                + " of the barrier scale, sigma_c = 1) of the lattice EPM (L = "
                + p.size()
                + ", exact KMC, redraw reset, no threshold disorder; mean over "
                + p.measureSweeps()
                + " one-sweep windows after the stationarity warm-up, band +- standard error)"
                + " and of the mean-field Fokker-Planck equation with the lattice's own coupling"
                + " alpha_lattice = <dsigma^2>/2 sum_j G_ij^2 and with Baron-Biroli's alpha ="
                + " 0.110"));
  }
}
