package org.glasslab.pipeline.stages;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.glasslab.analysis.dynamics.IsPersistence;
import org.glasslab.analysis.dynamics.SelfIntermediateScattering;
import org.glasslab.analysis.events.EventCatalog;
import org.glasslab.analysis.events.EventOptions;
import org.glasslab.data.Box;
import org.glasslab.data.Configuration;
import org.glasslab.data.Trajectory;
import org.glasslab.data.io.AtomicFile;
import org.glasslab.data.io.H5md;
import org.glasslab.data.io.ReadOptions;
import org.glasslab.data.random.Rng;
import org.glasslab.epm.coarsegrain.ArrheniusFit;
import org.glasslab.epm.coarsegrain.CalibratedComparison;
import org.glasslab.epm.coarsegrain.Facilitation;
import org.glasslab.epm.coarsegrain.LocalYieldStatistics;
import org.glasslab.epm.coarsegrain.Measurement;
import org.glasslab.epm.coarsegrain.RelaxationTime;
import org.glasslab.pipeline.engine.AbstractStage;
import org.glasslab.pipeline.engine.Params;
import org.glasslab.pipeline.engine.StageContext;
import org.glasslab.pipeline.plot.LinePlot;
import org.glasslab.pipeline.store.Csv;
import org.glasslab.pipeline.store.JsonFiles;

/**
 * {@code particle-lattice} (ensemble): the calibrated particle ↔ lattice-EPM comparison of issue 18
 * (docs/particle-lattice.md), a thin adapter over {@link CalibratedComparison}. Particle branches
 * (their MD {@code trajectory.h5} with the temperature {@code T} in its provenance, {@code is.h5}
 * and {@code events.csv}) are grouped by temperature (replicas = branch ids differing in {@code
 * -rK}). The IS rearrangement rate per temperature (particles that rearranged, over particles ×
 * time of the intervals up to {@code rate_max_lag}) gives the Arrhenius energy E ({@link
 * ArrheniusFit}) and the mapped lattice temperature T / E; every temperature is compared with the
 * {@code epm-lattice} branch nearest to it ({@code epm_persistence.csv}, {@code
 * epm_avalanches.csv}). Time: τ_α from F_s(k, t) = 1/e per replica ({@link
 * SelfIntermediateScattering}) and the IS persistence and χ4 ({@link IsPersistence}) against the
 * lattice persistence. Optional calibrations: the {@code epm-local-yield} stage's patches give the
 * particle θ and ⟨x⟩ (the lattice's from its own site x in {@code epm_sites.csv}, same fit), the
 * {@code epm-elastic-response} stage's r* sets the cell size; the lattice facilitation ratio comes
 * from the avalanche centroids. Outputs {@code particle_lattice.csv}, {@code .json}, {@code .md},
 * the persistence overlay on t/τ_α and the Arrhenius plot. Version 4: calibrations wired in,
 * lattice facilitation.
 */
public final class ParticleLatticeStage extends AbstractStage {
  static final String TABLE = "particle_lattice.csv";
  static final String JSON = "particle_lattice.json";
  static final String MARKDOWN = "particle_lattice.md";
  static final String PERSISTENCE = "epm_persistence.csv";
  static final String AVALANCHES = "epm_avalanches.csv";

  /** Artifact prefix of the {@code epm-local-yield} stage. */
  static final String LOCAL_YIELD = "local_yield_";

  /** Artifact prefix of the {@code epm-elastic-response} stage. */
  static final String ELASTIC = "elastic_";

  static final String PATCHES = LOCAL_YIELD + "patches.csv";
  static final String YIELD_SUMMARY = LOCAL_YIELD + "summary.json";
  static final String ELASTIC_FIT = ELASTIC + "fit.json";

  /** Calibration outputs read when the spec runs those stages. */
  private static final List<String> OPTIONAL = List.of(PATCHES, YIELD_SUMMARY, ELASTIC_FIT);

  /** The stage (stateless). */
  public ParticleLatticeStage() {
    super(
        "particle-lattice",
        5,
        Scope.ENSEMBLE,
        List.of(
            ImportStage.TRAJECTORY,
            MinimizeStage.IS,
            "events.csv",
            PERSISTENCE,
            AVALANCHES,
            EpmLatticeStage.SITES,
            PATCHES,
            YIELD_SUMMARY,
            ELASTIC_FIT),
        List.of(TABLE, JSON, MARKDOWN),
        "particles vs lattice EPM calibrated by the IS event rate (T) and tau_alpha (time)",
        params());
  }

  private static Map<String, String> params() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("k", "wave number of F_s [1/length] (default 2 pi / mean diameter)");
    m.put(
        "rate_max_lag",
        "longest IS interval [time] counted in the rearrangement rate (default: the longest lag"
            + " up to which no interval had more than 5 % of the particles rearranged)");
    m.put("min_events", "fewest events a temperature needs to enter the Arrhenius fit (default 5)");
    m.put("bootstrap", "replica bootstrap draws of the Arrhenius fit (default 400)");
    m.put(
        "move_threshold",
        "IS displacement [mean diameters] above which a particle is no longer persistent"
            + " (default: the event catalogue's)");
    m.put(
        "cell_size",
        "side of one lattice site [mean diameters] (default 2.5; the epm-elastic-response r*"
            + " replaces it when that stage ran and found one)");
    m.put(
        "pseudogap_fraction",
        "share of the smallest positive x in the theta fit, both sides (default 0.25)");
    m.put(
        "pseudogap_bootstrap",
        "bootstrap resamples of theta (patches; lattice snapshots) (default 200)");
    m.put(
        "min_origins",
        "fewest time origins (frame pairs) a lag needs to enter F_s, p and chi4 (default 3)");
    return m;
  }

  @Override
  public void validate(Params p) {
    if (p.has("k")) {
      p.getPositive("k", 1);
    }
    if (p.has("rate_max_lag")) {
      p.getPositive("rate_max_lag", 1);
    }
    if (p.has("move_threshold")) {
      p.getPositive("move_threshold", 1);
    }
    p.getPositive("cell_size", 2.5);
    p.getInt("min_events", 5, 1, 1_000_000);
    p.getInt("bootstrap", 400, 0, 1_000_000);
    p.getInt("min_origins", 3, 1, 1_000_000);
    double f = p.getPositive("pseudogap_fraction", 0.25);
    if (f > 1) {
      throw new org.glasslab.pipeline.engine.ParamException(
          "pseudogap_fraction", "must be in (0, 1], got " + f);
    }
    p.getInt("pseudogap_bootstrap", 200, 20, 1_000_000);
  }

  @Override
  public List<String> optionalInputs() {
    return OPTIONAL;
  }

  /** One particle branch's measurements. */
  record Branch(
      String id,
      double temperature,
      double particles,
      double density,
      double meanDiameter,
      Box box,
      double[] intervalLag,
      double[] intervalMoved,
      double tauAlpha,
      double persistenceAtTau,
      double beta,
      double chi4Peak,
      double chi4PeakTime,
      double[] eventSizes,
      double[] eventX,
      double[] eventY,
      double[] pLag,
      double[] p) {}

  @Override
  public void run(StageContext ctx) throws Exception {
    Params par = ctx.params();
    Map<String, Path> traj = ctx.inputsByBranch(ImportStage.TRAJECTORY);
    Map<String, Path> is = ctx.inputsByBranch(MinimizeStage.IS);
    Map<String, Path> ev = ctx.inputsByBranch("events.csv");
    Map<String, Path> pers = ctx.inputsByBranch(PERSISTENCE);
    Map<String, Path> av = ctx.inputsByBranch(AVALANCHES);
    Map<String, Path> sites = ctx.inputsByBranch(EpmLatticeStage.SITES);
    Map<String, Path> patches = ctx.inputsByBranch(PATCHES);
    Map<String, Path> yieldSummaries = ctx.inputsByBranch(YIELD_SUMMARY);
    Map<String, Path> elastic = ctx.inputsByBranch(ELASTIC_FIT);
    double fraction = par.getPositive("pseudogap_fraction", 0.25);
    int gapBoot = par.getInt("pseudogap_bootstrap", 200);
    if (is.isEmpty() || pers.isEmpty()) {
      throw new IllegalArgumentException(
          "needs particle branches (is.h5: "
              + is.size()
              + ") and epm-lattice branches (epm_persistence.csv: "
              + pers.size()
              + ")");
    }
    List<Branch> branches = new ArrayList<>();
    for (String b : is.keySet()) {
      if (traj.get(b) == null || ev.get(b) == null) {
        throw new IllegalArgumentException(
            b + ": a particle branch needs trajectory.h5, is.h5 and events.csv");
      }
      branches.add(measure(ctx, b, traj.get(b), is.get(b), ev.get(b)));
    }
    double maxLag =
        par.has("rate_max_lag") ? par.getPositive("rate_max_lag", 1) : autoMaxLag(branches);
    List<ArrheniusFit.Sample> samples = new ArrayList<>();
    for (Branch b : branches) {
      long n = 0;
      double exposure = 0;
      for (int i = 0; i < b.intervalLag().length; i++) {
        if (b.intervalLag()[i] <= maxLag * (1 + 1e-9)) {
          n += Math.round(b.intervalMoved()[i]);
          exposure += b.intervalLag()[i];
        }
      }
      if (exposure > 0) {
        samples.add(new ArrheniusFit.Sample(b.temperature(), n, b.particles() * exposure));
      }
    }
    ArrheniusFit.Result fit =
        ArrheniusFit.fit(
            samples,
            par.getInt("min_events", 5),
            par.getInt("bootstrap", 400),
            new Rng(ctx.seed()));
    Map<String, CalibratedComparison.LatticeSide> lattices = new LinkedHashMap<>();
    for (Map.Entry<String, Path> e : pers.entrySet()) {
      lattices.put(
          e.getKey(),
          lattice(
              e.getKey(),
              e.getValue(),
              av.get(e.getKey()),
              sites.get(e.getKey()),
              fraction,
              gapBoot,
              ctx.seed()));
    }
    Map<Double, List<Branch>> byT = new TreeMap<>();
    for (Branch b : branches) {
      byT.computeIfAbsent(b.temperature(), k -> new ArrayList<>()).add(b);
    }
    CellSize cs = cellSize(elastic, par.getPositive("cell_size", 2.5));
    double cell = cs.sigma();
    ctx.log("cell size %.4g mean diameters: %s", cell, cs.source());
    List<Map<String, Object>> jsonRows = new ArrayList<>();
    List<String[]> csv = new ArrayList<>();
    StringBuilder md = new StringBuilder("# Particles vs lattice EPM (calibrated)\n\n");
    md.append(arrheniusText(fit, maxLag)).append("\n\n");
    md.append(
            String.format(
                Locale.ROOT,
                "Cell size (side of one lattice site): %.4g mean diameters, from %s.",
                cell,
                cs.source()))
        .append("\n\n");
    LinePlot.Builder pPlot =
        LinePlot.builder("Persistence on t / tau_alpha", "t / tau_alpha", "p").log(true, false);
    java.util.Set<String> plotted = new java.util.HashSet<>();
    int curves = 0;
    LinePlot.Builder sPlot =
        LinePlot.builder("Event sizes", "size s [particles]", "P(S >= s)").log(true, true);
    java.util.Set<String> sizePlotted = new java.util.HashSet<>();
    int sizeCurves = 0;
    for (Map.Entry<Double, List<Branch>> g : byT.entrySet()) {
      List<Branch> reps = g.getValue();
      Branch first = reps.get(0);
      double perSite = first.density() * Math.pow(cell * first.meanDiameter(), 2);
      Measurement tl = CalibratedComparison.mappedTemperature(g.getKey(), fit);
      String lat = nearest(lattices, tl.measured() ? tl.value() : Double.NaN);
      CalibratedComparison.LatticeSide ls = lattices.get(lat);
      CalibratedComparison.ParticleSide ps =
          particleSide(
              g.getKey(),
              reps,
              fit,
              localYield(reps, patches, yieldSummaries, fraction, gapBoot, ctx.seed()));
      List<CalibratedComparison.Row> rows = CalibratedComparison.rows(ps, ls, perSite);
      md.append(
          String.format(
              Locale.ROOT,
              "## T = %s (%d replicas) vs %s (T_lattice = %s; %.3g particles per site, cell %.4g"
                  + " mean diameters)%n%n",
              g.getKey(),
              reps.size(),
              lat,
              ls.temperature(),
              perSite,
              cell));
      md.append("| quantity | unit | particles | lattice | can conclude | cannot conclude |\n");
      md.append("|---|---|---|---|---|---|\n");
      for (CalibratedComparison.Row r : rows) {
        md.append(
            String.format(
                "| %s | %s | %s | %s | %s | %s |%n",
                r.quantity(),
                r.unit(),
                r.particle().text(),
                r.lattice().text(),
                r.concludes(),
                r.limits()));
        csv.add(
            new String[] {
              Double.toString(g.getKey()),
              lat,
              r.quantity(),
              r.unit(),
              num(r.particle().value()),
              num(r.particle().error()),
              num(r.lattice().value()),
              num(r.lattice().error()),
              r.particle().note(),
              r.lattice().note(),
              r.concludes(),
              r.limits()
            });
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("particle_temperature", g.getKey());
        j.put("lattice_branch", lat);
        j.put("lattice_temperature", ls.temperature());
        j.put("particles_per_site", perSite);
        j.put("cell_size_sigma", cell);
        j.put("cell_size_source", cs.source());
        j.put("row", r);
        jsonRows.add(j);
      }
      md.append('\n');
      double tau = Measurement.replicaMean(ps.tauAlpha(), "").value();
      if (Double.isFinite(tau)) {
        pPlot.series(
            "particles T=" + g.getKey() + " (IS persistence)", scale(first.pLag(), tau), first.p());
        curves++;
      }
      double[][] pc = survival(ps.eventSizes(), 1);
      if (pc != null) {
        sPlot.series("particles T=" + g.getKey() + " (catalogued events)", pc[0], pc[1]);
        sizeCurves++;
      }
      double[][] lc = survival(ls.cascadeAreas(), perSite);
      if (lc != null && sizePlotted.add(lat)) {
        sPlot.series(lat + " (lattice cascades x particles per site)", lc[0], lc[1]);
        sizeCurves++;
      }
      double tauL = RelaxationTime.tauAlpha(ls.lags(), ls.persistence());
      if (Double.isFinite(tauL) && plotted.add(lat)) {
        pPlot.series(
            lat + " (lattice, T=" + ls.temperature() + ")",
            scale(ls.lags(), tauL),
            ls.persistence());
        curves++;
      }
    }
    writeOutputs(ctx, csv, fit, maxLag, jsonRows, md.toString());
    if (curves == 0) {
      ctx.log(
          "no tau_alpha on either side (F_s never reached 1/e, no lattice persistence decay):"
              + " no persistence plot; the table says why");
    } else {
      ctx.figure(
          "persistence_particle_lattice",
          pPlot.build(),
          "Persistence p against t / tau_alpha: particles = share of particles whose IS position has"
              + " not jumped (first replica; tau_alpha from F_s = 1/e, mean over replicas); lattice"
              + " = share of sites not yielded (tau from p = 1/e), the branch nearest T / E.");
    }
    if (sizeCurves > 0) {
      ctx.figure(
          "event_sizes_particle_lattice",
          sPlot.build(),
          "Event-size distributions, P(S >= s): particles = largest cluster of each catalogued"
              + " AVALANCHE/MULTIPLE interval (replicas pooled); lattice = distinct failed sites of"
              + " each completed cascade of the matched branch times the particles per site.");
    }
    arrheniusFigure(ctx, fit, samples);
  }

  /**
   * The empirical survival function P(S ≥ s) of {@code values} × {@code scale}: {s ascending, P},
   * at most 200 points (quantiles of large samples); null for fewer than 2 values.
   */
  static double[][] survival(double[] values, double scale) {
    if (values == null || values.length < 2) {
      return null;
    }
    double[] v = values.clone();
    java.util.Arrays.sort(v);
    int n = v.length;
    int m = Math.min(n, 200);
    double[] s = new double[m];
    double[] p = new double[m];
    for (int k = 0; k < m; k++) {
      int i = (int) ((long) k * (n - 1) / Math.max(1, m - 1));
      s[k] = v[i] * scale;
      p[k] = (n - i) / (double) n;
    }
    return new double[][] {s, p};
  }

  /** F_s, IS persistence, the catalogue's events of one particle branch. */
  private static Branch measure(StageContext ctx, String id, Path md, Path isPath, Path events)
      throws Exception {
    Params par = ctx.params();
    long t0 = System.nanoTime();
    double temperature;
    double meanD;
    SelfIntermediateScattering.Result fs;
    int n;
    Box box;
    try (Trajectory t = H5md.read(md, ReadOptions.DEFAULTS)) {
      String tt = t.provenance().get("T");
      if (tt == null) {
        throw new IllegalArgumentException(
            id + ": " + md + " records no temperature (provenance T); particle-lattice needs it");
      }
      temperature = Double.parseDouble(tt);
      meanD = mean(t.diameters());
      n = t.particleCount();
      box = t.box();
      double k = par.has("k") ? par.getPositive("k", 1) : 2 * Math.PI / meanD;
      fs = SelfIntermediateScattering.compute(t, k);
    }
    long t1 = System.nanoTime();
    int minOrigins = par.getInt("min_origins", 3);
    double[][] fsk = keep(fs.pairs(), minOrigins, fs.lagTimes(), fs.fs());
    double tau = RelaxationTime.tauAlpha(fsk[0], fsk[1]);
    EventOptions eo = EventOptions.defaults();
    double thr =
        (par.has("move_threshold") ? par.getPositive("move_threshold", 1) : eo.moveThreshold())
            * meanD;
    IsPersistence.Result ip;
    List<double[]> pos = new ArrayList<>();
    List<Double> sizes = new ArrayList<>();
    long t2;
    try (Trajectory t = H5md.read(isPath, ReadOptions.DEFAULTS)) {
      ip = IsPersistence.compute(t, thr);
      t2 = System.nanoTime();
      EventCatalog.Result cat = new EventCatalog(eo).compute(t);
      for (EventCatalog.Interval iv : cat.events()) {
        sizes.add((double) iv.largestCluster());
        Configuration c = t.frame(iv.frame());
        pos.add(centroid(c, iv.largestMembers()));
      }
    }
    double[][] ipk = keep(ip.origins(), minOrigins, ip.lagTimes(), ip.persistence(), ip.chi4());
    double pAtTau = Double.NaN;
    double chiT = Double.NaN;
    double chiH = Double.NaN;
    if (Double.isFinite(tau)) {
      pAtTau = interpolateLog(ipk[0], ipk[1], tau);
      double[] pk = RelaxationTime.peak(ipk[0], ipk[2]);
      chiH = pk[2];
      chiT = pk[1] / tau;
    }
    double[] beta = RelaxationTime.stretching(ipk[0], ipk[1], 0.05, 0.95);
    Csv.Table e = Csv.read(events);
    double[] ta = e.doubles("time_a");
    double[] tb = e.doubles("time_b");
    double[] moved = e.doubles("moved");
    double[] lag = new double[ta.length];
    for (int i = 0; i < lag.length; i++) {
      lag[i] = tb[i] - ta[i];
    }
    double[] ex = new double[pos.size()];
    double[] ey = new double[pos.size()];
    for (int i = 0; i < ex.length; i++) {
      ex[i] = pos.get(i)[0];
      ey[i] = pos.get(i)[1];
    }
    ctx.log(
        "%s: T = %s, tau_alpha(F_s) = %s, %d catalogued events, chi4 peak %s; F_s"
            + " %.2f s, IS persistence %.2f s, event positions %.2f s",
        id,
        temperature,
        tau,
        sizes.size(),
        chiH,
        (t1 - t0) * 1e-9,
        (t2 - t1) * 1e-9,
        (System.nanoTime() - t2) * 1e-9);
    return new Branch(
        id,
        temperature,
        n,
        n / box.area(),
        meanD,
        box,
        lag,
        moved,
        tau,
        pAtTau,
        beta[0],
        chiH,
        chiT,
        sizes.stream().mapToDouble(Double::doubleValue).toArray(),
        ex,
        ey,
        ipk[0],
        ipk[1]);
  }

  /** The particle side of one temperature from its replicas. */
  private static CalibratedComparison.ParticleSide particleSide(
      double t, List<Branch> reps, ArrheniusFit.Result fit, LocalYieldStatistics yield) {
    int r = reps.size();
    double[] tau = new double[r];
    double[] pat = new double[r];
    double[] beta = new double[r];
    double[] chi = new double[r];
    double[] chiT = new double[r];
    List<Double> sizes = new ArrayList<>();
    List<double[]> pos = new ArrayList<>();
    for (int i = 0; i < r; i++) {
      Branch b = reps.get(i);
      tau[i] = b.tauAlpha();
      pat[i] = b.persistenceAtTau();
      beta[i] = b.beta();
      chi[i] = b.chi4Peak();
      chiT[i] = b.chi4PeakTime();
      for (double s : b.eventSizes()) {
        sizes.add(s);
      }
      for (int k = 0; k < b.eventX().length; k++) {
        pos.add(new double[] {b.eventX()[k], b.eventY()[k], i});
      }
    }
    double[] x = new double[pos.size()];
    double[] y = new double[pos.size()];
    int[] seq = new int[pos.size()];
    for (int k = 0; k < x.length; k++) {
      x[k] = pos.get(k)[0];
      y[k] = pos.get(k)[1];
      seq[k] = (int) pos.get(k)[2];
    }
    return new CalibratedComparison.ParticleSide(
        t,
        fit,
        tau,
        pat,
        beta,
        chi,
        chiT,
        sizes.stream().mapToDouble(Double::doubleValue).toArray(),
        Facilitation.ratio(x, y, seq, reps.get(0).box()),
        yield);
  }

  /**
   * The lattice branch: persistence table, avalanche areas and centroids (facilitation), the site x
   * of the later half of the run (θ, ⟨x⟩), its temperature and size (done.json).
   *
   * @param avalanches {@code epm_avalanches.csv} or null
   * @param sites {@code epm_sites.csv} or null
   */
  static CalibratedComparison.LatticeSide lattice(
      String id,
      Path persistence,
      Path avalanches,
      Path sites,
      double fraction,
      int bootstrap,
      long seed)
      throws Exception {
    List<double[]> rows = new ArrayList<>();
    long windows = 0;
    for (String line : Files.readAllLines(persistence)) {
      String[] c = line.split(",");
      if (c.length < 4 || c[0].equals("lag") || line.startsWith("#")) {
        continue;
      }
      windows = Math.max(windows, Long.parseLong(c[3].trim()));
      rows.add(new double[] {num(c[0]), num(c[1]), num(c[2])});
    }
    double[] lag = new double[rows.size()];
    double[] p = new double[rows.size()];
    double[] chi = new double[rows.size()];
    for (int i = 0; i < lag.length; i++) {
      lag[i] = rows.get(i)[0];
      p[i] = rows.get(i)[1];
      chi[i] = rows.get(i)[2];
    }
    com.fasterxml.jackson.databind.JsonNode params =
        JsonFiles.read(persistence.getParent().resolve("done.json")).path("params");
    if (!params.path("temperature").isNumber() || !params.path("size").isNumber()) {
      throw new IllegalArgumentException(
          id + ": done.json of epm-lattice records no temperature and size");
    }
    double t = params.get("temperature").asDouble();
    int l = params.get("size").asInt();
    double[] areas = new double[0];
    Measurement fac = Measurement.notMeasured("no " + AVALANCHES + " from this lattice branch");
    if (avalanches != null) {
      Csv.Table tab = Csv.read(avalanches);
      double[] area = column(tab, "area", avalanches);
      double[] run = column(tab, "runaway", avalanches);
      boolean centred = tab.header().contains("centroid_x") && tab.header().contains("centroid_y");
      double[] cx = centred ? column(tab, "centroid_x", avalanches) : null;
      double[] cy = centred ? column(tab, "centroid_y", avalanches) : null;
      int n = 0;
      for (double r : run) {
        n += r == 0 ? 1 : 0;
      }
      areas = new double[n];
      double[] x = new double[n];
      double[] y = new double[n];
      int k = 0;
      for (int i = 0; i < run.length; i++) {
        if (run[i] == 0) {
          areas[k] = area[i];
          if (centred) {
            x[k] = cx[i];
            y[k] = cy[i];
          }
          k++;
        }
      }
      fac =
          centred
              ? latticeFacilitation(x, y, l)
              : Measurement.notMeasured(
                  AVALANCHES + " has no centroid_x, centroid_y (an epm-lattice run before v4)");
    }
    LocalYieldStatistics yield = sites == null ? null : siteYield(sites, fraction, bootstrap, seed);
    return new CalibratedComparison.LatticeSide(t, lag, p, chi, windows, l * l, areas, fac, yield);
  }

  /**
   * The successive-avalanche distance ratio of the completed avalanches' centroids (in time order)
   * in the periodic L×L lattice [lattice spacings], {@link Facilitation#ratio}.
   */
  static Measurement latticeFacilitation(double[] x, double[] y, int l) {
    Measurement m = Facilitation.ratio(x, y, new int[x.length], new Box(l, l));
    return m.measured()
        ? Measurement.of(
            m.value(), m.error(), "centroids of successive completed avalanches; " + m.note())
        : m;
  }

  /**
   * θ and ⟨x⟩ of the lattice sites, x = σ_th − |σ| of every site in the snapshots of the later half
   * of the run (events at least half the last snapshot's: after the initial transient).
   */
  static LocalYieldStatistics siteYield(Path sites, double fraction, int bootstrap, long seed)
      throws java.io.IOException {
    Csv.Table tab = Csv.read(sites);
    double[] snap = column(tab, "snapshot", sites);
    double[] events = column(tab, "events", sites);
    double[] x = column(tab, "x", sites);
    double last = 0;
    for (double e : events) {
      last = Math.max(last, e);
    }
    TreeMap<Double, List<Double>> by = new TreeMap<>();
    for (int i = 0; i < x.length; i++) {
      if (events[i] >= last / 2) {
        by.computeIfAbsent(snap[i], k -> new ArrayList<>()).add(x[i]);
      }
    }
    double[][] groups = new double[by.size()][];
    int k = 0;
    for (List<Double> g : by.values()) {
      groups[k++] = g.stream().mapToDouble(Double::doubleValue).toArray();
    }
    if (groups.length == 0) {
      throw new IllegalArgumentException(sites + ": no site snapshot (expected rows)");
    }
    return LocalYieldStatistics.snapshots(
        groups,
        fraction,
        bootstrap,
        seed,
        String.format(
            Locale.ROOT,
            "lattice x = sigma_th - |sigma| [mean threshold], %d snapshots of the later half of"
                + " the run",
            groups.length));
  }

  /**
   * The particle θ and ⟨x⟩ of one temperature: the frozen-matrix x of every patch of its replicas
   * ({@code local_yield_patches.csv}) pooled, refitted with the stage's fraction; the patch radius
   * and orientations from {@code local_yield_summary.json}. Null if no replica ran the calibration.
   */
  static LocalYieldStatistics localYield(
      List<Branch> reps,
      Map<String, Path> patches,
      Map<String, Path> summaries,
      double fraction,
      int bootstrap,
      long seed)
      throws java.io.IOException {
    List<Double> x = new ArrayList<>();
    java.util.Set<String> setups = new java.util.TreeSet<>();
    int used = 0;
    for (Branch b : reps) {
      Path pf = patches.get(b.id());
      if (pf == null) {
        continue;
      }
      Path sf = summaries.get(b.id());
      if (sf == null) {
        throw new IllegalArgumentException(
            b.id() + ": " + PATCHES + " without " + YIELD_SUMMARY + " (run epm-local-yield)");
      }
      com.fasterxml.jackson.databind.JsonNode par = JsonFiles.read(sf).path("parameters");
      setups.add(
          String.format(
              Locale.ROOT,
              "R = %s sigma, %s orientations",
              number(par, "radius_sigma", sf),
              number(par, "orientations", sf)));
      for (double v : column(Csv.read(pf), "x", pf)) {
        x.add(v);
      }
      used++;
    }
    if (used == 0) {
      return null;
    }
    return LocalYieldStatistics.patches(
        x.stream().mapToDouble(Double::doubleValue).toArray(),
        fraction,
        bootstrap,
        seed,
        String.format(
            Locale.ROOT,
            "frozen-matrix x [epsilon/sigma^2], %d patches of %d replica(s), %s",
            x.size(),
            used,
            String.join("; ", setups)));
  }

  /** The side of one lattice site [mean diameters] and where it came from. */
  record CellSize(double sigma, String source) {}

  /**
   * The cell size: the mean r* of the {@code epm-elastic-response} fits that found one, else the
   * {@code cell_size} parameter, the source saying which and why.
   */
  static CellSize cellSize(Map<String, Path> fits, double parameter) throws java.io.IOException {
    if (fits.isEmpty()) {
      return new CellSize(
          parameter, "the cell_size parameter (no epm-elastic-response stage in the spec)");
    }
    double s = 0;
    int n = 0;
    String why = "";
    for (Map.Entry<String, Path> e : fits.entrySet()) {
      com.fasterxml.jackson.databind.JsonNode v =
          JsonFiles.read(e.getValue()).path("suggested_cell_size_sigma");
      if (v.isMissingNode() || v.isNull()) {
        throw new IllegalArgumentException(
            e.getValue()
                + ": no field 'suggested_cell_size_sigma' (expected a number or a reason)");
      }
      if (v.isNumber()) {
        s += v.asDouble();
        n++;
      } else {
        why = v.asText();
      }
    }
    if (n == 0) {
      return new CellSize(
          parameter,
          "the cell_size parameter (epm-elastic-response found no r* in "
              + fits.size()
              + " branch(es): "
              + why
              + ")");
    }
    return new CellSize(
        s / n,
        String.format(
            Locale.ROOT,
            "the epm-elastic-response r* (mean of %d of %d branch(es))",
            n,
            fits.size()));
  }

  /** Column {@code name} of a stage's CSV as doubles ("nan" and "" read as NaN). */
  static double[] column(Csv.Table t, String name, Path file) {
    int c = t.header().indexOf(name);
    if (c < 0) {
      throw new IllegalArgumentException(
          file + ": no column '" + name + "' (columns: " + String.join(", ", t.header()) + ")");
    }
    double[] out = new double[t.rows().size()];
    for (int r = 0; r < out.length; r++) {
      String v = t.rows().get(r)[c].trim();
      out[r] = v.isEmpty() ? Double.NaN : num(v);
    }
    return out;
  }

  /** A numeric JSON field, or a one-line error naming it and the file. */
  private static String number(com.fasterxml.jackson.databind.JsonNode n, String field, Path f) {
    com.fasterxml.jackson.databind.JsonNode v = n.path(field);
    if (!v.isNumber()) {
      throw new IllegalArgumentException(
          f
              + ": no numeric field 'parameters."
              + field
              + "' (expected the epm-local-yield summary)");
    }
    return v.asText();
  }

  /** The lattice branch whose temperature is nearest {@code t} (the first one if t is NaN). */
  static String nearest(Map<String, CalibratedComparison.LatticeSide> l, double t) {
    String best = null;
    double d = Double.POSITIVE_INFINITY;
    for (var e : l.entrySet()) {
      double x = Math.abs(e.getValue().temperature() - t);
      if (best == null || x < d) {
        best = e.getKey();
        d = x;
      }
    }
    return best;
  }

  /** Largest mean fraction of particles that rearranged in an interval counted in the rate. */
  static final double MAX_MOVED_FRACTION = 0.05;

  /**
   * The longest exact lag [time] up to which no interval of any branch had more than {@link
   * #MAX_MOVED_FRACTION} of its particles rearranged (so that a particle rarely rearranges twice in
   * one interval); the shortest lag if even that one moved more.
   */
  static double autoMaxLag(List<Branch> branches) {
    // per exact lag: the largest fraction of particles rearranged in one interval
    TreeMap<Double, Double> byLag = new TreeMap<>();
    for (Branch b : branches) {
      for (int i = 0; i < b.intervalLag().length; i++) {
        double key = Math.round(b.intervalLag()[i] * 1e9) / 1e9;
        byLag.merge(key, b.intervalMoved()[i] / b.particles(), Math::max);
      }
    }
    double best = Double.NaN;
    for (var e : byLag.entrySet()) {
      if (e.getValue() <= MAX_MOVED_FRACTION) {
        best = e.getKey();
      } else {
        break;
      }
    }
    // even the shortest intervals moved more: count them anyway (an underestimate of the rate,
    // stated in the JSON as rate_max_lag)
    return best > 0 ? best : byLag.firstKey();
  }

  private static void writeOutputs(
      StageContext ctx,
      List<String[]> csv,
      ArrheniusFit.Result fit,
      double maxLag,
      List<Map<String, Object>> rows,
      String md)
      throws Exception {
    String[][] cols = new String[12][csv.size()];
    for (int i = 0; i < csv.size(); i++) {
      for (int c = 0; c < 12; c++) {
        cols[c][i] = csv.get(i)[c];
      }
    }
    Csv.write(
        ctx.output(TABLE),
        List.of(
            "particle_temperature",
            "lattice_branch",
            "quantity",
            "unit",
            "particle_value",
            "particle_error",
            "lattice_value",
            "lattice_error",
            "particle_note",
            "lattice_note",
            "can_conclude",
            "cannot_conclude"),
        (Object[]) cols);
    Map<String, Object> root = new LinkedHashMap<>();
    Map<String, Object> a = new LinkedHashMap<>();
    a.put("rate_max_lag", maxLag);
    a.put("energy", fit.energy());
    a.put("ln_prefactor", fit.lnPrefactor());
    a.put("prefactor", fit.prefactor());
    a.put("temperatures", fit.temperatures());
    a.put("rates_per_particle", fit.rates());
    a.put("events", fit.events());
    a.put("reduced_chi2", Double.isFinite(fit.reducedChi2()) ? fit.reducedChi2() : null);
    a.put(
        "bootstrap_energy_error",
        Double.isFinite(fit.bootstrapEnergyError()) ? fit.bootstrapEnergyError() : null);
    a.put("temperature_mapping", "T_lattice = T / E (E: the lattice barrier unit)");
    root.put("arrhenius", a);
    root.put("rows", rows);
    JsonFiles.write(ctx.output(JSON), root);
    byte[] b = md.getBytes(StandardCharsets.UTF_8);
    AtomicFile.write(ctx.output(MARKDOWN), tmp -> Files.write(tmp, b));
  }

  private static String arrheniusText(ArrheniusFit.Result f, double maxLag) {
    StringBuilder s = new StringBuilder();
    s.append(
        String.format(
            Locale.ROOT,
            "IS rearrangement rate: particles that rearranged (moved in events.csv) in IS"
                + " intervals up to %.4g time units, per particle and time. ",
            maxLag));
    for (int i = 0; i < f.temperatures().length; i++) {
      s.append(
          String.format(
              Locale.ROOT,
              "T = %s: %d events, r = %.3g; ",
              f.temperatures()[i],
              f.events()[i],
              f.rates()[i]));
    }
    s.append("Arrhenius E = ")
        .append(f.energy().measured() ? f.energy().text() : f.energy().note())
        .append(", nu0 = ")
        .append(f.prefactor().measured() ? f.prefactor().text() : "n/a")
        .append(". Mapping: T_lattice = T / E.");
    return s.toString();
  }

  /** The pooled rate of every temperature (those left out of the fit too) and the fit. */
  private static void arrheniusFigure(
      StageContext ctx, ArrheniusFit.Result f, List<ArrheniusFit.Sample> samples) throws Exception {
    TreeMap<Double, double[]> pooled = new TreeMap<>();
    for (ArrheniusFit.Sample s : samples) {
      double[] c = pooled.computeIfAbsent(s.temperature(), k -> new double[2]);
      c[0] += s.events();
      c[1] += s.exposure();
    }
    List<double[]> pts = new ArrayList<>();
    for (var e : pooled.entrySet()) {
      if (e.getValue()[0] > 0) {
        pts.add(new double[] {1 / e.getKey(), e.getValue()[0] / e.getValue()[1], e.getKey()});
      }
    }
    if (pts.isEmpty()) {
      ctx.log("no IS event at any temperature: no Arrhenius plot");
      return;
    }
    int m = pts.size();
    double[] x = new double[m];
    double[] y = new double[m];
    double[] fy = new double[m];
    for (int i = 0; i < m; i++) {
      x[i] = pts.get(m - 1 - i)[0];
      y[i] = pts.get(m - 1 - i)[1];
      fy[i] = f.measured() ? f.rate(pts.get(m - 1 - i)[2]) : Double.NaN;
    }
    LinePlot.Builder b =
        LinePlot.builder("IS event rate", "1 / T", "rate per particle").log(false, true);
    b.series("measured (pooled replicas)", x, y).points(true);
    if (f.measured()) {
      b.series("nu0 exp(-E/T)", x, fy);
    }
    ctx.figure(
        "arrhenius_particle_rate",
        b.build(),
        "IS event rate per particle (pooled replicas) against 1/T with the weighted Arrhenius fit"
            + " (E = "
            + (f.measured() ? f.energy().text() : f.energy().note())
            + ").");
  }

  private static double[] scale(double[] t, double tau) {
    double[] o = new double[t.length];
    for (int i = 0; i < o.length; i++) {
      o[i] = t[i] / tau;
    }
    return o;
  }

  /** The entries of {@code columns} at the lags averaged over at least {@code min} origins. */
  static double[][] keep(int[] origins, int min, double[]... columns) {
    int n = 0;
    for (int o : origins) {
      n += o >= min ? 1 : 0;
    }
    double[][] out = new double[columns.length][n];
    int k = 0;
    for (int i = 0; i < origins.length; i++) {
      if (origins[i] >= min) {
        for (int c = 0; c < columns.length; c++) {
          out[c][k] = columns[c][i];
        }
        k++;
      }
    }
    return out;
  }

  /** c at time {@code t}, linear in ln t between bracketing lags; NaN outside. */
  static double interpolateLog(double[] lag, double[] c, double t) {
    for (int k = 1; k < lag.length; k++) {
      if (lag[k - 1] <= t && t <= lag[k]) {
        double f = Math.log(t / lag[k - 1]) / Math.log(lag[k] / lag[k - 1]);
        return c[k - 1] + f * (c[k] - c[k - 1]);
      }
    }
    return Double.NaN;
  }

  /** Periodic centroid of {@code members} (circular mean per axis). */
  static double[] centroid(Configuration c, int[] members) {
    Box b = c.box();
    double cx = 0;
    double sx = 0;
    double cy = 0;
    double sy = 0;
    for (int i : members) {
      double ax = 2 * Math.PI * c.x(i) / b.lx();
      double ay = 2 * Math.PI * c.y(i) / b.ly();
      cx += Math.cos(ax);
      sx += Math.sin(ax);
      cy += Math.cos(ay);
      sy += Math.sin(ay);
    }
    return new double[] {
      b.wrapX(Math.atan2(sx, cx) / (2 * Math.PI) * b.lx()),
      b.wrapY(Math.atan2(sy, cy) / (2 * Math.PI) * b.ly())
    };
  }

  private static double mean(double[] a) {
    double s = 0;
    for (double v : a) {
      s += v;
    }
    return s / a.length;
  }

  private static double num(String s) {
    String t = s.trim();
    return t.equalsIgnoreCase("nan") ? Double.NaN : Double.parseDouble(t);
  }

  private static String num(double v) {
    return Double.isFinite(v) ? Double.toString(v) : "";
  }
}
