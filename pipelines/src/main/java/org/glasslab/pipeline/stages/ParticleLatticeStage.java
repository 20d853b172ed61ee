package org.glasslab.pipeline.stages;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.glasslab.analysis.local.LocalAffineFit;
import org.glasslab.analysis.mechanics.StressAnalysis;
import org.glasslab.data.Box;
import org.glasslab.data.Configuration;
import org.glasslab.data.Trajectory;
import org.glasslab.data.io.AtomicFile;
import org.glasslab.data.io.H5md;
import org.glasslab.data.io.ReadOptions;
import org.glasslab.data.stats.Histogram;
import org.glasslab.epm.coarsegrain.CoarseGrainOptions;
import org.glasslab.epm.coarsegrain.CoarseGrainer;
import org.glasslab.epm.coarsegrain.FieldComparison;
import org.glasslab.epm.coarsegrain.Kernel;
import org.glasslab.epm.coarsegrain.ParticleLatticeComparison;
import org.glasslab.md.PairPotential;
import org.glasslab.pipeline.engine.AbstractStage;
import org.glasslab.pipeline.engine.ParamException;
import org.glasslab.pipeline.engine.Params;
import org.glasslab.pipeline.engine.StageContext;
import org.glasslab.pipeline.plot.ColorMap;
import org.glasslab.pipeline.plot.Heatmap;
import org.glasslab.pipeline.plot.HistogramPlot;
import org.glasslab.pipeline.plot.LinePlot;
import org.glasslab.pipeline.store.Csv;
import org.glasslab.pipeline.store.JsonFiles;

/**
 * {@code particle-lattice} (ensemble): the particle ↔ lattice-EPM comparison of issue #8. For every
 * particle branch (inherent-structure trajectory {@code is.h5}) the per-particle shear stress σ_xy
 * (analysis module, T = 0: no kinetic term in an inherent structure) of every IS frame is
 * coarse-grained onto an L x L grid as virial per cell area ({@link CoarseGrainer#density}, cell
 * side ≈ {@code cell_size} mean diameters), and the D²min of every consecutive IS frame pair (k →
 * k+1, frame k the reference; {@link LocalAffineFit}) as the cell average. Operational yield
 * stress, distance to yielding and rearranging area as in {@link ParticleLatticeComparison};
 * compared with every {@code epm-lattice} branch ({@code epm_sites.csv} snapshots from {@code
 * epm_from} of the run on, {@code epm_avalanches.csv} areas × cell area). Outputs the table {@code
 * particle_lattice.csv}, {@code particle_lattice.json} and {@code particle_lattice.md}, overlays of
 * P(σ/σ_rms), P(x/⟨x⟩), P(area) and maps of the coarse-grained σ_xy and D²min around the strongest
 * event of the IS catalogue ({@code events.csv}, {@link StageSupport#eventFrame}). Version 2: the
 * event from the catalogue.
 */
public final class ParticleLatticeStage extends AbstractStage {
  static final String TABLE = "particle_lattice.csv";
  static final String JSON = "particle_lattice.json";
  static final String MARKDOWN = "particle_lattice.md";

  /** The stage (stateless). */
  public ParticleLatticeStage() {
    super(
        "particle-lattice",
        2,
        Scope.ENSEMBLE,
        List.of(MinimizeStage.IS, "events.csv", EpmLatticeStage.SITES, "epm_avalanches.csv"),
        List.of(TABLE, JSON, MARKDOWN),
        "coarse-grained particle stress/D2min vs the lattice EPM: P(sigma), P(x), P(area)",
        params());
  }

  private static Map<String, String> params() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put(
        "cell_size", "target cell side [mean diameters] (default 2.5); L = round(box / cell_size)");
    m.put("grid", "grid size L (overrides cell_size)");
    m.put("kernel", "cell (default) or gaussian");
    m.put("width", "Gaussian standard deviation [diameters] (default: half the cell side)");
    m.put("d2min_threshold", "coarse-grained D2min above which a cell rearranges (default 0.05)");
    m.put("yield_quantile", "quantile of pre-rearrangement |sigma_xy| defining sigma_y (0.9)");
    m.put("epm_from", "use EPM site snapshots from this fraction of the run on (default 0.5)");
    m.put("rc", "D2min neighbour cutoff [diameters] (default: second minimum of g(r), frame 0)");
    m.put("bins", "histogram bins of the L1 distance and the plots (default 30)");
    m.put("fit_fraction", "share of the smallest x in the pseudogap fit (default 0.1)");
    m.put("potential", org.glasslab.pipeline.task.PhysicsParams.POTENTIAL.help());
    m.put("convention", "per-particle stress convention: consistent (default) or paper_half");
    return m;
  }

  static ParticleLatticeComparison.Options options(Params p) {
    return StageSupport.checked(
        "",
        () ->
            new ParticleLatticeComparison.Options(
                p.getPositive("d2min_threshold", 0.05),
                p.getPositive("yield_quantile", 0.9),
                p.getInt("bins", 30, 2, 1000),
                p.getPositive("fit_fraction", 0.1)));
  }

  static Kernel kernel(Params p) {
    String k = p.getString("kernel", "cell");
    return switch (k) {
      case "cell" -> Kernel.CELL;
      case "gaussian" -> Kernel.GAUSSIAN;
      default -> throw new ParamException("kernel", "expected cell or gaussian, got " + k);
    };
  }

  @Override
  public void validate(Params p) {
    options(p);
    kernel(p);
    StageSupport.convention(p);
    p.getPositive("cell_size", 2.5);
    if (p.has("grid")) {
      p.getInt("grid", 8, 1, 4096);
    }
    if (p.has("width")) {
      p.getPositive("width", 1);
    }
    if (p.has("rc")) {
      p.getPositive("rc", 1);
    }
    double f = StageSupport.nonNegative(p, "epm_from", 0.5);
    if (f >= 1) {
      throw new ParamException("epm_from", "must be in [0, 1), got " + f);
    }
  }

  /**
   * The coarse grainer for {@code box} and N particles: L from {@code grid} or {@code cell_size},
   * checked to hold at least one particle per cell on average.
   */
  static CoarseGrainer grainer(Params p, Box box, int n) {
    String key = p.has("grid") ? "grid" : "cell_size";
    int l =
        p.has("grid")
            ? p.getInt("grid", 8, 1, 4096)
            : Math.max(
                1,
                (int) Math.round(Math.min(box.lx(), box.ly()) / p.getPositive("cell_size", 2.5)));
    double perCell = (double) n / ((double) l * l);
    if (perCell < 1) {
      throw new ParamException(
          key,
          String.format(
              Locale.ROOT,
              "%s: a %dx%d grid leaves %.2f particles per cell for N = %d (< 1); use a coarser"
                  + " grid",
              key,
              l,
              l,
              perCell,
              n));
    }
    Kernel k = kernel(p);
    double w = k == Kernel.GAUSSIAN ? p.getPositive("width", 0.5 * box.lx() / l) : 0;
    return StageSupport.checked(
        k == Kernel.GAUSSIAN ? "width" : key,
        () -> new CoarseGrainer(box, new CoarseGrainOptions(l, k, w)));
  }

  /** Coarse-grained fields of one particle branch. */
  record Grids(
      CoarseGrainer cg,
      double[][] sigma,
      double[][] d2min,
      double rc,
      double meanDiameter,
      int particles) {}

  /**
   * Coarse-grains σ_xy and D²min of every IS frame (pair) of {@code t}: frames are read inside the
   * frame loop (under a lock: readers are not thread-safe), so memory is O(N) per worker plus the
   * grids, not O(frames x N).
   */
  static Grids coarseGrain(StageContext ctx, String branch, Trajectory t, PairPotential pot)
      throws Exception {
    Params p = ctx.params();
    int nf = t.frameCount();
    if (nf < 2) {
      throw new IllegalArgumentException(
          branch + ": " + MinimizeStage.IS + " has " + nf + " frame(s); need 2 for a frame pair");
    }
    Configuration c0 = t.frame(0);
    int n = c0.size();
    Box box = c0.box();
    CoarseGrainer cg = grainer(p, box, n);
    LocalAffineFit.Options lo = LocalAffineFit.Options.defaults();
    double rc =
        p.has("rc")
            ? p.getPositive("rc", 1)
            : StageSupport.checked("rc", () -> new LocalAffineFit(lo).resolveCutoff(c0));
    LocalAffineFit fit = new LocalAffineFit(lo.withCutoff(rc));
    StressAnalysis sa = new StressAnalysis(pot, StageSupport.convention(p));
    int cells = cg.gridSize() * cg.gridSize();
    double[][] r =
        ctx.mapFrames(
            "cg-" + branch.replaceAll("[^A-Za-z0-9_-]", "_"),
            nf,
            k -> {
              Configuration ck;
              Configuration next;
              synchronized (t) {
                ck = t.frame(k);
                next = k + 1 < nf ? t.frame(k + 1) : null;
              }
              if (ck.size() != n || !ck.box().equals(box)) {
                throw new IllegalArgumentException(
                    branch
                        + ": frame "
                        + k
                        + " changes N or the box; coarse graining needs both fixed");
              }
              double[] s = sa.perParticle(ck, 0, null);
              double[] sxy = new double[n];
              for (int i = 0; i < n; i++) {
                sxy[i] = s[3 * i + 2];
              }
              double[] out = new double[2 * cells];
              double[] g = cg.density(ck.positions(), sxy, box.area() / n, null);
              System.arraycopy(g, 0, out, 0, cells);
              if (k + 1 < nf) {
                double[] d2 = fit.compute(ck, next).d2min();
                g = cg.average(ck.positions(), d2, null);
                System.arraycopy(g, 0, out, cells, cells);
              } else {
                java.util.Arrays.fill(out, cells, 2 * cells, Double.NaN);
              }
              return out;
            });
    double[][] sig = new double[nf][];
    double[][] d2 = new double[nf - 1][];
    for (int k = 0; k < nf; k++) {
      sig[k] = java.util.Arrays.copyOfRange(r[k], 0, cells);
      if (k + 1 < nf) {
        d2[k] = java.util.Arrays.copyOfRange(r[k], cells, 2 * cells);
      }
    }
    double dm = 0;
    for (double d : c0.diameters()) {
      dm += d;
    }
    return new Grids(cg, sig, d2, rc, dm / n, n);
  }

  /** EPM site snapshots of one lattice branch from fraction {@code from} of the run on. */
  record EpmSample(double[] sigma, double[] distance, int snapshots, int sites) {}

  static EpmSample epmSites(Path sites, double from) throws Exception {
    Csv.Table t = Csv.read(sites);
    double[] ev = t.doubles("events");
    double[] snap = t.doubles("snapshot");
    double[] s = t.doubles("sigma");
    double[] x = t.doubles("x");
    double max = 0;
    for (double e : ev) {
      max = Math.max(max, e);
    }
    List<Integer> keep = new ArrayList<>();
    java.util.Set<Double> snaps = new java.util.TreeSet<>();
    java.util.Set<Double> siteIds = new java.util.TreeSet<>();
    double[] site = t.doubles("site");
    for (int i = 0; i < ev.length; i++) {
      if (ev[i] >= from * max) {
        keep.add(i);
        snaps.add(snap[i]);
        siteIds.add(site[i]);
      }
    }
    if (keep.isEmpty()) {
      throw new IllegalArgumentException(sites + ": no site snapshot (rerun epm-lattice)");
    }
    double[] so = new double[keep.size()];
    double[] xo = new double[keep.size()];
    for (int i = 0; i < so.length; i++) {
      so[i] = s[keep.get(i)];
      xo[i] = x[keep.get(i)];
    }
    return new EpmSample(so, xo, snaps.size(), siteIds.size());
  }

  /** Completed (non-runaway) EPM avalanche areas in sites. */
  static double[] epmAreas(Path avalanches) throws Exception {
    Csv.Table t = Csv.read(avalanches);
    double[] a = t.doubles("area");
    double[] run = t.doubles("runaway");
    int k = 0;
    for (int i = 0; i < a.length; i++) {
      if (run[i] == 0) {
        k++;
      }
    }
    double[] o = new double[k];
    k = 0;
    for (int i = 0; i < a.length; i++) {
      if (run[i] == 0) {
        o[k++] = a[i];
      }
    }
    return o;
  }

  @Override
  public void run(StageContext ctx) throws Exception {
    Params p = ctx.params();
    ParticleLatticeComparison.Options o = options(p);
    double from = StageSupport.nonNegative(p, "epm_from", 0.5);
    Map<String, Path> is = ctx.inputsByBranch(MinimizeStage.IS);
    Map<String, Path> av = ctx.inputsByBranch("events.csv");
    Map<String, Path> sites = ctx.inputsByBranch(EpmLatticeStage.SITES);
    Map<String, Path> epmAv = ctx.inputsByBranch("epm_avalanches.csv");
    if (is.isEmpty() || sites.isEmpty()) {
      throw new IllegalArgumentException(
          "needs at least one particle branch (is.h5: "
              + is.size()
              + ") and one epm-lattice branch (epm_sites.csv: "
              + sites.size()
              + ")");
    }
    Map<String, EpmSample> epm = new LinkedHashMap<>();
    Map<String, double[]> epmSites = new LinkedHashMap<>();
    for (Map.Entry<String, Path> e : sites.entrySet()) {
      epm.put(e.getKey(), epmSites(e.getValue(), from));
      Path a = epmAv.get(e.getKey());
      epmSites.put(e.getKey(), a == null ? new double[0] : epmAreas(a));
    }

    List<String> pb = new ArrayList<>();
    List<String> lb = new ArrayList<>();
    List<FieldComparison.Row> rows = new ArrayList<>();
    List<Map<String, Object>> pairsJson = new ArrayList<>();
    HistogramPlot.Builder hSigma =
        HistogramPlot.builder("P(sigma / sigma_rms)", "sigma / sigma_rms", o.bins());
    HistogramPlot.Builder hX = HistogramPlot.builder("P(x / <x>)", "x / <x>", o.bins());
    LinePlot.Builder hArea =
        LinePlot.builder("P(rearranging area)", "area [diameters^2]", "P(area)")
            .log(true, true)
            .markersOnly();
    boolean anyArea = false;
    boolean mapDone = false;
    StringBuilder md = new StringBuilder("# Particle vs lattice EPM\n\n");
    for (String lattice : epm.keySet()) {
      hSigma.samples(
          lattice + " (EPM)",
          FieldComparison.rescale(epm.get(lattice).sigma(), FieldComparison.Scale.RMS));
      hX.samples(
          lattice + " (EPM)",
          FieldComparison.rescale(epm.get(lattice).distance(), FieldComparison.Scale.MEAN));
    }
    for (Map.Entry<String, Path> e : is.entrySet()) {
      String branch = e.getKey();
      Grids g;
      try (Trajectory t = H5md.read(e.getValue(), ReadOptions.DEFAULTS)) {
        g = coarseGrain(ctx, branch, t, StageSupport.potential(ctx.params(), e.getValue()));
      }
      CoarseGrainer cg = g.cg();
      ParticleLatticeComparison.ParticleSide side =
          StageSupport.checked(
              "",
              () -> ParticleLatticeComparison.particleSide(g.sigma(), g.d2min(), cg.cellArea(), o));
      hSigma.samples(
          branch + " (particles)",
          FieldComparison.rescale(side.sigma(), FieldComparison.Scale.RMS));
      if (side.distance().length > 0) {
        hX.samples(
            branch + " (particles)",
            FieldComparison.rescale(side.distance(), FieldComparison.Scale.MEAN));
      } else {
        ctx.log(
            "%s: no cell has coarse-grained D2min above d2min_threshold = %s in %d frame pairs;"
                + " only P(sigma) is compared (lower d2min_threshold for x and areas)",
            branch, o.d2minThreshold(), side.pairs());
      }
      if (side.area().length > 0) {
        double[][] ph = logDensity(side.area(), cg.cellArea());
        if (ph[0].length > 0) {
          hArea.series(branch + " (particles)", ph[0], ph[1]);
          anyArea = true;
        }
      }
      for (String lattice : epm.keySet()) {
        EpmSample es = epm.get(lattice);
        double[] areas = epmSites.get(lattice).clone();
        for (int i = 0; i < areas.length; i++) {
          areas[i] *= cg.cellArea();
        }
        ParticleLatticeComparison.Result res =
            ParticleLatticeComparison.compare(side, es.sigma(), es.distance(), areas, o);
        for (FieldComparison.Row r : res.rows()) {
          rows.add(r);
          pb.add(branch);
          lb.add(lattice);
        }
        Map<String, Object> j =
            pairSummary(
                branch, lattice, g, side, es, areas.length, res, o, p, from, av.get(branch));
        pairsJson.add(j);
        md.append(markdown(j, res));
      }
      if (!mapDone) {
        fieldMaps(ctx, branch, g, av.get(branch), o);
        mapDone = true;
      }
    }
    // areas in sites; each particle branch converts with its cell area, the plot uses the first
    // particle branch's cell area (all branches of one spec normally share N and rho)
    anyArea |=
        addEpmAreas(hArea, epmSites, ((Number) pairsJson.get(0).get("cell_area")).doubleValue());
    writeOutputs(ctx, pb, lb, rows, pairsJson, md.toString());
    ctx.figure(
        "p_sigma_particle_lattice",
        hSigma.build(),
        "Coarse-grained shear stress of the inherent structures (virial per cell area, all frames"
            + " and cells) and the lattice EPM site stress (snapshots from "
            + from
            + " of the run on), each divided by its own root mean square; KS and L1 distances in "
            + TABLE);
    ctx.figure(
        "p_x_particle_lattice",
        hX.build(),
        "Distance to yielding divided by its mean: EPM x = sigma_th - |sigma|; particles x ="
            + " sigma_y - |sigma_xy| per cell, sigma_y the "
            + o.yieldQuantile()
            + "-quantile of |sigma_xy| of cells just before they rearrange (coarse-grained D2min >"
            + " "
            + o.d2minThreshold()
            + ")");
    if (anyArea) {
      ctx.figure(
          "p_area_particle_lattice",
          hArea.build(),
          "Rearranging area per avalanche in diameters^2 (logarithmic bins): particles = cells with"
              + " coarse-grained D2min above "
              + o.d2minThreshold()
              + " between consecutive IS frames x cell area; EPM = distinct failed sites x the same"
              + " cell area (runaways excluded)");
    }
  }

  /** Adds the EPM rearranging-area densities (sites x {@code cellArea}); whether any was added. */
  private static boolean addEpmAreas(
      LinePlot.Builder hArea, Map<String, double[]> epmAreas, double cellArea) {
    boolean any = false;
    for (Map.Entry<String, double[]> e : epmAreas.entrySet()) {
      double[][] ph = logDensity(e.getValue(), 1);
      double[] x = ph[0].clone();
      double[] y = ph[1].clone();
      for (int i = 0; i < x.length; i++) {
        x[i] *= cellArea;
        y[i] /= cellArea;
      }
      if (x.length > 0) {
        hArea.series(e.getKey() + " (EPM, sites x cell area)", x, y);
        any = true;
      }
    }
    return any;
  }

  /** Writes the comparison table, the JSON summary and the markdown report. */
  private static void writeOutputs(
      StageContext ctx,
      List<String> pb,
      List<String> lb,
      List<FieldComparison.Row> rows,
      List<Map<String, Object>> pairsJson,
      String md)
      throws Exception {
    writeTable(ctx.output(TABLE), pb, lb, rows);
    Map<String, Object> root = new LinkedHashMap<>();
    root.put(
        "normalization",
        Map.of(
            "sigma", "divided by its root mean square about zero",
            "distance_to_yield", "divided by its mean",
            "avalanche_area", "divided by its mean (avalanche_area_raw: diameters^2, unscaled)"));
    root.put("comparisons", pairsJson);
    JsonFiles.write(ctx.output(JSON), root);
    byte[] mdBytes = md.getBytes(StandardCharsets.UTF_8);
    AtomicFile.write(ctx.output(MARKDOWN), tmp -> Files.write(tmp, mdBytes));
  }

  /** The JSON summary of one (particle branch, lattice branch) comparison. */
  private static Map<String, Object> pairSummary(
      String branch,
      String lattice,
      Grids g,
      ParticleLatticeComparison.ParticleSide side,
      EpmSample es,
      int epmAvalanches,
      ParticleLatticeComparison.Result res,
      ParticleLatticeComparison.Options o,
      Params p,
      double from,
      Path avalanches)
      throws Exception {
    Map<String, Object> j = new LinkedHashMap<>();
    j.put("particle_branch", branch);
    j.put("lattice_branch", lattice);
    j.put("grid", g.cg().gridSize());
    j.put("cell_side", g.cg().cellSizeX());
    j.put("cell_area", g.cg().cellArea());
    j.put("particles_per_cell", (double) g.particles() / (g.cg().gridSize() * g.cg().gridSize()));
    j.put("mean_diameter", g.meanDiameter());
    j.put("kernel", kernel(p).name().toLowerCase(Locale.ROOT));
    j.put("d2min_cutoff", g.rc());
    j.put("d2min_threshold", o.d2minThreshold());
    j.put("yield_quantile", o.yieldQuantile());
    j.put("yield_stress", finiteOrNull(side.yieldStress()));
    j.put("rearranging_cells", side.rearrangingCells());
    j.put("frame_pairs", side.pairs());
    j.put("pairs_with_rearrangement", side.area().length);
    j.put(
        "negative_x_fraction",
        side.distance().length == 0 ? null : (double) side.negativeX() / side.distance().length);
    j.put("selected_avalanche_area", finiteOrNull(selectedArea(avalanches, side)));
    j.put("epm_snapshots", es.snapshots());
    j.put("epm_sites", es.sites());
    j.put("epm_from", from);
    j.put("epm_avalanches", epmAvalanches);
    j.put("pseudogap_theta_particles", finiteOrNull(res.particleTheta()));
    j.put("pseudogap_theta_epm", finiteOrNull(res.epmTheta()));
    j.put("fit_fraction", o.fitFraction());
    j.put("rows", res.rows());
    return j;
  }

  private static Object finiteOrNull(double v) {
    return Double.isFinite(v) ? v : null;
  }

  /**
   * Rearranging area at the strongest event [f, f+1] of the IS catalogue ({@code events.csv}), NaN
   * if not a rearrangement.
   */
  private static double selectedArea(Path avalanches, ParticleLatticeComparison.ParticleSide s)
      throws Exception {
    if (avalanches == null) {
      return Double.NaN;
    }
    int f = StageSupport.eventFrame(avalanches);
    if (f < 0) {
      return Double.NaN;
    }
    for (int i = 0; i < s.areaPair().length; i++) {
      if (s.areaPair()[i] == f) {
        return s.area()[i];
      }
    }
    return 0;
  }

  /**
   * Logarithmic-bin density (5 bins per decade from 1 unit, epm's {@link Histogram}) of positive
   * values that are multiples of {@code unit}: {x (bin centre), p (per unit, normalised by all
   * values, those below one unit included)}; empty bins left out.
   */
  static double[][] logDensity(double[] v, double unit) {
    double max = 0;
    for (double a : v) {
      max = Math.max(max, a / unit);
    }
    int perDecade = 5;
    int nb = Math.max(1, (int) Math.ceil(perDecade * Math.log10(max + 1)) + 1);
    Histogram h = Histogram.log(1, Math.pow(10, (double) nb / perDecade), perDecade);
    for (double a : v) {
      h.add(a / unit);
    }
    int k = 0;
    for (int b = 0; b < h.bins(); b++) {
      k += h.count(b) > 0 ? 1 : 0;
    }
    double[][] o = new double[2][k];
    k = 0;
    for (int b = 0; b < h.bins(); b++) {
      if (h.count(b) > 0) {
        o[0][k] = Math.sqrt(h.lower(b) * h.upper(b)) * unit;
        o[1][k++] = h.densityOfTotal(b) / unit;
      }
    }
    return o;
  }

  private static void writeTable(
      Path file, List<String> pb, List<String> lb, List<FieldComparison.Row> rows)
      throws Exception {
    int n = rows.size();
    String[] q = new String[n];
    int[] np = new int[n];
    int[] ne = new int[n];
    double[][] col = new double[8][n];
    for (int i = 0; i < n; i++) {
      FieldComparison.Row r = rows.get(i);
      q[i] = r.quantity();
      np[i] = r.particleCount();
      ne[i] = r.epmCount();
      col[0][i] = r.ks();
      col[1][i] = r.l1();
      col[2][i] = r.particleScale();
      col[3][i] = r.epmScale();
      col[4][i] = r.particleMean();
      col[5][i] = r.particleStd();
      col[6][i] = r.epmMean();
      col[7][i] = r.epmStd();
    }
    Csv.write(
        file,
        List.of(
            "particle_branch",
            "lattice_branch",
            "quantity",
            "particle_n",
            "epm_n",
            "ks",
            "l1",
            "particle_scale",
            "epm_scale",
            "particle_mean",
            "particle_std",
            "epm_mean",
            "epm_std"),
        pb.toArray(new String[0]),
        lb.toArray(new String[0]),
        q,
        np,
        ne,
        col[0],
        col[1],
        col[2],
        col[3],
        col[4],
        col[5],
        col[6],
        col[7]);
  }

  private static String markdown(Map<String, Object> j, ParticleLatticeComparison.Result res) {
    StringBuilder sb = new StringBuilder();
    sb.append(
        String.format(
            Locale.ROOT,
            "## %s vs %s%n%n%dx%d grid (%s kernel), cell side %.3f (%.2f particles per cell);"
                + " D2min threshold %s (cutoff %.3f); sigma_y = %s (%s-quantile of %d"
                + " rearranging cells in %d of %d frame pairs), x < 0 for %s %% of cells;"
                + " EPM: %d snapshots x %d sites, %d avalanches. Pseudogap theta (smallest %s of"
                + " x): particles %s, EPM %s.%n%n",
            j.get("particle_branch"),
            j.get("lattice_branch"),
            j.get("grid"),
            j.get("grid"),
            j.get("kernel"),
            (Double) j.get("cell_side"),
            (Double) j.get("particles_per_cell"),
            j.get("d2min_threshold"),
            (Double) j.get("d2min_cutoff"),
            j.get("yield_stress") == null ? "n/a" : fmt((Double) j.get("yield_stress")),
            j.get("yield_quantile"),
            j.get("rearranging_cells"),
            j.get("pairs_with_rearrangement"),
            j.get("frame_pairs"),
            j.get("negative_x_fraction") == null
                ? "n/a"
                : String.format(Locale.ROOT, "%.1f", 100 * (Double) j.get("negative_x_fraction")),
            j.get("epm_snapshots"),
            j.get("epm_sites"),
            j.get("epm_avalanches"),
            j.get("fit_fraction"),
            fmt(res.particleTheta()),
            fmt(res.epmTheta())));
    sb.append(
        "| quantity | particle n | EPM n | KS | L1 | particle mean / std | EPM mean / std |\n");
    sb.append("|---|---|---|---|---|---|---|\n");
    for (FieldComparison.Row r : res.rows()) {
      sb.append(
          String.format(
              Locale.ROOT,
              "| %s | %d | %d | %.4f | %.4f | %.4g / %.4g | %.4g / %.4g |%n",
              r.quantity(),
              r.particleCount(),
              r.epmCount(),
              r.ks(),
              r.l1(),
              r.particleMean(),
              r.particleStd(),
              r.epmMean(),
              r.epmStd()));
    }
    return sb.append('\n').toString();
  }

  private static String fmt(double v) {
    return Double.isFinite(v) ? String.format(Locale.ROOT, "%.4g", v) : "n/a";
  }

  /**
   * Map of the coarse-grained σ_xy of frame f, the reference of the strongest catalogue event [f,
   * f+1] (one map only: heatmap rendering costs about a second per figure).
   */
  private static void fieldMaps(
      StageContext ctx,
      String branch,
      Grids g,
      Path avalanches,
      ParticleLatticeComparison.Options o)
      throws Exception {
    int nf = g.sigma().length;
    int k =
        avalanches == null ? 0 : StageSupport.clamp(StageSupport.eventFrame(avalanches), nf - 2);
    int l = g.cg().gridSize();
    String[] rowsLab = new String[l];
    String[] colsLab = new String[l];
    double[][] s = new double[l][l];
    for (int r = 0; r < l; r++) {
      int cy = l - 1 - r; // y up
      rowsLab[r] = Integer.toString(cy);
      colsLab[r] = Integer.toString(r);
      for (int cx = 0; cx < l; cx++) {
        s[r][cx] = g.sigma()[k][cy * l + cx];
      }
    }
    int px = Math.max(360, Math.min(900, 120 + 50 * l));
    ctx.figure(
        "cg_sigma_map",
        new Heatmap(
            branch + ": coarse-grained sigma_xy, IS frame " + k,
            rowsLab,
            colsLab,
            s,
            ColorMap.divergingFor(flat(s)),
            "sigma_xy",
            px + 110,
            px + 40),
        String.format(
            Locale.ROOT,
            "Coarse-grained shear stress (virial per cell area) of IS frame %d on the %dx%d grid"
                + " (cell side %.3f), the reference frame of the strongest event of the IS"
                + " catalogue (interval [%d, %d]); row = cell y index (up), column = cell x index",
            k,
            l,
            l,
            g.cg().cellSizeX(),
            k,
            k + 1));
  }

  private static double[] flat(double[][] m) {
    int n = 0;
    for (double[] r : m) {
      n += r.length;
    }
    double[] o = new double[n];
    int i = 0;
    for (double[] r : m) {
      for (double v : r) {
        o[i++] = Double.isFinite(v) ? v : 0;
      }
    }
    return o;
  }
}
