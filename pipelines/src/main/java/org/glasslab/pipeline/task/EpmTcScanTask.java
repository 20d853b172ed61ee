package org.glasslab.pipeline.task;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import org.glasslab.epm.avalanche.TcScan;
import org.glasslab.epm.avalanche.TcScanOptions;
import org.glasslab.epm.avalanche.TcScanReport;
import org.glasslab.epm.avalanche.TcScanSamples;
import org.glasslab.epm.lattice.LatticeParams;
import org.glasslab.epm.lattice.LatticeProtocol;
import org.glasslab.epm.lattice.UnstableRule;
import org.glasslab.pipeline.engine.Progress;
import org.glasslab.pipeline.plot.LinePlot;
import org.glasslab.pipeline.store.Csv;
import org.glasslab.pipeline.store.Table;

/**
 * {@code epm tc-scan} / stage {@code epm-tc-scan}: runaway fraction f(L, T) of the undriven lattice
 * thermal EPM (default: fraction of freshly quenched samples with an avalanche of more than c·N
 * events) over a grid of (L, T), T_c(L) where f crosses ½ (log-T interpolation), bootstrap errors
 * over samples and the fit T_c = A·L^-κ ({@link TcScan}). A directory task: avalanches (the input
 * of {@code --from}), cells, runaway fractions, distributions, x_min, T_c and fit tables.
 */
public final class EpmTcScanTask
    extends AbstractTask<EpmTcScanTask.Params, Void, EpmTcScanTask.Result> {

  static final Param<double[]> SIZES =
      Param.reals("sizes", new double[] {32, 64, 128}, "sites", "L,..", "Lattice sizes L.");
  static final Param<double[]> TEMPERATURES =
      Param.reals(
          "temperatures",
          new double[] {0.1, 0.14, 0.2, 0.28, 0.4, 0.56, 0.8, 1.13},
          "barrier units",
          "T,..",
          "Increasing temperatures bracketing T_c (ignored with --from).");
  static final Param<Integer> SAMPLES =
      Param.integer("samples", 20, "", "K", "Independent samples per (L, T).");
  static final Param<Integer> AVALANCHES =
      Param.integer("avalanches", 50, "", "K", "Avalanches recorded per sample.");
  static final Param<Double> WARMUP_SWEEPS =
      Param.real(
          "warmup_sweeps",
          100.0,
          "N events",
          "S",
          "Longest warm-up per sample until the steady state is detected (0: measure from the"
              + " quench).");
  static final Param<Double> BUDGET_SWEEPS =
      Param.real("budget_sweeps", 200.0, "N events", "S", "Maximum recorded events per sample.");
  static final Param<Double> RUNAWAY_FACTOR =
      Param.real(
          "runaway_factor",
          1.0,
          "",
          "C",
          "c: runaway when a cascade exceeds c N failures (the criterion of T_c).");
  static final Param<double[]> EXTRA_FACTORS =
      Param.reals(
          "extra_factors",
          new double[] {0.25, 0.5},
          "",
          "C,..",
          "Further c values evaluated on the same avalanches.");
  static final Param<String> PROTOCOL =
      Param.text(
          "protocol", "kmc", "P", "Dynamics: kmc or discrete (extremal has no temperature).");
  static final Param<String> CRITERION =
      Param.text(
          "criterion",
          "sample",
          "C",
          "sample (fraction of samples with a runaway) or avalanche (fraction of avalanches).");
  static final Param<Boolean> STOP_AT_FIRST_RUNAWAY =
      Param.on("stop_at_first_runaway", "End a sample at its first runaway.");
  static final Param<Integer> BOOTSTRAP =
      Param.integer("bootstrap", 1000, "", "B", "Bootstrap replicates for the error bars.");
  static final Param<Long> SEED = Param.seed("Base seed (sample seeds derive from it).");
  static final Param<Integer> THREADS =
      Param.integer("threads", 1, "", "K", "Worker threads (results do not depend on it).");
  static final Param<String> SAMPLES_DIR =
      Param.text(
          "samples_dir",
          "",
          "DIR",
          "Keep each finished sample in DIR (one small file, named by a hash of everything that"
              + " determines it) and take the samples already there: a killed scan resumes.");
  static final Param<List<String>> FROM =
      Param.names(
          "from",
          null,
          "DIR,..",
          "Analyse the avalanches.csv of earlier tc-scan output directories together (e.g. a"
              + " coarse grid and a refinement) instead of simulating (command only).");

  /**
   * @param options the scan (sizes and temperatures from the data with {@code from})
   * @param from earlier output directories to analyse, empty to simulate
   * @param samples the samples read from {@code from}, empty otherwise
   * @param store where finished samples are kept for a resume (null: nowhere)
   */
  public record Params(
      TcScanOptions options,
      List<Path> from,
      List<TcScan.SampleResult> samples,
      TcScanSamples store) {
    /** Copies. */
    public Params {
      from = List.copyOf(from);
      samples = List.copyOf(samples);
    }
  }

  /**
   * @param scan fractions, T_c estimates and fits
   * @param seconds wall time
   */
  public record Result(TcScan.Result scan, double seconds) {}

  /** The task. */
  public static final EpmTcScanTask INSTANCE = new EpmTcScanTask();

  private EpmTcScanTask() {
    super(
        "epm-tc-scan",
        "epm tc-scan",
        "Measure T_c(L) of the undriven lattice thermal EPM in its steady state (redraw rule,"
            + " warm-up until stationary): runaway fraction f(L,T) (fraction of samples with a"
            + " cascade of more than c*N failures or never quiescent), T_c where f crosses 1/2"
            + " (log-T interpolation), the peak T* of S_c = <S^2>/<S> as a second criterion,"
            + " bootstrap errors over samples, and power-law and logarithmic fits in L.",
        Input.NONE,
        List.of(
            SIZES,
            TEMPERATURES,
            SAMPLES,
            AVALANCHES,
            WARMUP_SWEEPS,
            BUDGET_SWEEPS,
            RUNAWAY_FACTOR,
            EXTRA_FACTORS,
            EpmLatticeTask.ORIENTATION,
            EpmLatticeTask.RESET,
            EpmLatticeTask.RESET_WIDTH,
            PROTOCOL,
            EpmLatticeTask.DT,
            CRITERION,
            STOP_AT_FIRST_RUNAWAY,
            EpmLatticeTask.INITIAL_STRESS_STD,
            BOOTSTRAP,
            SEED,
            THREADS,
            SAMPLES_DIR,
            FROM));
  }

  @Override
  public Params parameters(Values v) {
    List<String> fromNames = v.get(FROM);
    List<Path> from = new ArrayList<>();
    List<TcScan.SampleResult> samples = new ArrayList<>();
    int[] sizes;
    double[] temps;
    int nSamples = v.get(SAMPLES);
    if (fromNames != null && !fromNames.isEmpty()) {
      TreeSet<Integer> ls = new TreeSet<>();
      TreeSet<Double> ts = new TreeSet<>();
      // a sample is (L, T, seed): the same sample in two outputs (a resumed scan next to its
      // partial predecessor) is counted once
      java.util.Set<String> seen = new java.util.HashSet<>();
      int duplicates = 0;
      for (int k = 0; k < fromNames.size(); k++) {
        Path dir = Path.of(fromNames.get(k));
        Path f = dir.resolve("avalanches.csv");
        FROM.require(Files.isRegularFile(f), f + " does not exist");
        try {
          for (TcScan.SampleResult sr : TcScanReport.readSamples(Files.readString(f), k)) {
            if (!seen.add(sr.size() + "," + sr.temperature() + "," + sr.seed())) {
              duplicates++;
              continue;
            }
            ls.add(sr.size());
            ts.add(sr.temperature());
            samples.add(sr);
          }
        } catch (IOException e) {
          throw FROM.invalid(f + ": " + e.getMessage());
        }
        from.add(dir);
      }
      if (duplicates > 0) {
        System.err.println(
            "glasslab epm tc-scan: --from: "
                + duplicates
                + " sample(s) found in more than one output (same L, T and seed) counted once");
      }
      sizes = ls.stream().mapToInt(Integer::intValue).toArray();
      temps = ts.stream().mapToDouble(Double::doubleValue).toArray();
      nSamples = Math.max(nSamples, 2);
    } else {
      double[] sz = v.get(SIZES);
      sizes = new int[sz.length];
      for (int i = 0; i < sz.length; i++) {
        SIZES.require(sz[i] == Math.rint(sz[i]), "lattice sizes must be integers, got " + sz[i]);
        sizes[i] = (int) sz[i];
      }
      temps = v.get(TEMPERATURES);
    }
    LatticeProtocol protocol = EpmLatticeTask.protocol(PROTOCOL, v.get(PROTOCOL));
    PROTOCOL.require(
        protocol != LatticeProtocol.EXTREMAL,
        "extremal does not depend on the temperature: a T_c scan needs kmc or discrete");
    TcScanOptions.Criterion crit =
        switch (v.get(CRITERION).toLowerCase(Locale.ROOT)) {
          case "sample" -> TcScanOptions.Criterion.SAMPLE;
          case "avalanche" -> TcScanOptions.Criterion.AVALANCHE;
          default ->
              throw CRITERION.invalid(
                  "must be sample or avalanche, got '" + v.get(CRITERION) + "'");
        };
    SIZES.require(sizes.length > 0, "give at least one lattice size");
    SAMPLES.require(nSamples >= 2, "must be >= 2 (a fraction needs samples), got " + nSamples);
    TEMPERATURES.require(temps.length > 0, "give at least two temperatures");
    for (int l : sizes) {
      for (double t : temps) {
        try {
          LatticeParams.defaults(l, t);
        } catch (IllegalArgumentException e) {
          throw InvalidParam.attribute(e, "lattice size", SIZES, "temperature", TEMPERATURES);
        }
      }
    }
    LatticeParams base =
        LatticeParams.defaults(sizes[0], temps[0])
            .withOrientation(EpmLatticeTask.orientation(v.get(EpmLatticeTask.ORIENTATION)))
            .withProtocol(protocol, v.get(EpmLatticeTask.DT), UnstableRule.IMMEDIATE)
            .withInitialStress(0.0, v.get(EpmLatticeTask.INITIAL_STRESS_STD))
            .withReset(
                EpmLatticeTask.resetRule(EpmLatticeTask.RESET, v.get(EpmLatticeTask.RESET)),
                v.get(EpmLatticeTask.RESET_WIDTH));
    TcScanOptions o =
        new TcScanOptions(
            base,
            sizes,
            temps,
            nSamples,
            v.get(AVALANCHES),
            v.get(WARMUP_SWEEPS),
            v.get(BUDGET_SWEEPS),
            v.get(RUNAWAY_FACTOR),
            v.get(EXTRA_FACTORS),
            v.get(BOOTSTRAP),
            v.get(SEED),
            v.get(THREADS),
            crit,
            v.get(STOP_AT_FIRST_RUNAWAY));
    String store = v.get(SAMPLES_DIR);
    return new Params(
        o,
        from,
        samples,
        store == null || store.isBlank() ? null : new TcScanSamples(Path.of(store)));
  }

  @Override
  public Result run(Params p, Void none) {
    return run(p, none, Progress.NONE);
  }

  @Override
  public Result run(Params p, Void none, Progress monitor) {
    long t0 = System.nanoTime();
    TcScan.Result r;
    if (!p.from().isEmpty()) {
      r = TcScan.analyse(p.options(), p.samples());
    } else {
      TcScanOptions o = p.options();
      monitor.total((long) o.sizes().length * o.temperatures().length * o.samples());
      r = TcScan.run(o, monitor::step, p.store());
    }
    return new Result(r, (System.nanoTime() - t0) * 1e-9);
  }

  /**
   * Runaway fraction per (L, T) for the primary criterion c: size, temperature, fraction, error.
   */
  @Override
  public Table table(Params p, Result res) {
    TcScanOptions o = p.options();
    int[] sizes = o.sizes();
    double[] temps = o.temperatures();
    int nl = sizes.length;
    int nt = temps.length;
    long[] rl = new long[nl * nt];
    double[] rt = new double[nl * nt];
    double[] rf = new double[nl * nt];
    double[] re = new double[nl * nt];
    for (int li = 0; li < nl; li++) {
      for (int ti = 0; ti < nt; ti++) {
        int k = li * nt + ti;
        rl[k] = sizes[li];
        rt[k] = temps[ti];
        rf[k] = res.scan().fraction()[0][li][ti];
        re[k] = res.scan().fractionError()[0][li][ti];
      }
    }
    return Table.of(List.of("size", "temperature", "fraction", "fraction_error"), rl, rt, rf, re);
  }

  @Override
  public List<String> files() {
    return List.of(
        "avalanches.csv",
        "cells.csv",
        "runaway.csv",
        "distributions.csv",
        "xmin.csv",
        "tc.csv",
        "peak.csv",
        "fit.csv",
        "tc_summary.csv");
  }

  @Override
  public void write(Params p, Result res, Function<String, Path> out) throws IOException {
    TcScan.Result r = res.scan();
    Csv.writeText(out.apply("avalanches.csv"), TcScanReport.avalanches(r), units());
    Csv.writeText(out.apply("cells.csv"), TcScanReport.cells(r), units());
    Csv.write(out.apply("runaway.csv"), units().annotate(table(p, res)));
    Csv.writeText(out.apply("distributions.csv"), TcScanReport.distributions(r), units());
    Csv.writeText(out.apply("xmin.csv"), TcScanReport.xMin(r), units());
    Csv.writeText(out.apply("tc.csv"), TcScanReport.tc(r), units());
    Csv.writeText(out.apply("peak.csv"), TcScanReport.peaks(r), units());
    Csv.writeText(out.apply("fit.csv"), TcScanReport.fits(r), units());
    Csv.writeText(
        out.apply("tc_summary.csv"), TcScanReport.summary(r, p.options().runawayFactor()), units());
  }

  @Override
  public Map<String, Object> report(Params p, Void none, Result res) {
    TcScanOptions o = p.options();
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("from", p.from().isEmpty() ? null : p.from().stream().map(Path::toString).toList());
    params.put("lattice", o.base());
    params.put("sizes", o.sizes());
    params.put("temperatures", o.temperatures());
    params.put("samples", o.samples());
    params.put("avalanches_per_sample", o.avalanchesPerSample());
    params.put("warmup_sweeps", o.warmupSweeps());
    params.put("budget_sweeps", o.budgetSweeps());
    params.put("runaway_factors", o.allFactors());
    params.put("bootstrap", o.bootstrap());
    params.put("criterion", o.criterion());
    params.put("stop_at_first_runaway", o.stopAtFirstRunaway());
    params.put("seed", o.seed());
    params.put("threads", o.threads());
    params.put("samples_dir", p.store() == null ? null : p.store().dir().toString());
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("parameters", params);
    r.put("tc", res.scan().tc());
    r.put("fits", res.scan().fits());
    r.put("log_fits", res.scan().logFits());
    r.put("peaks", res.scan().peaks());
    r.put("peak_fit", res.scan().peakFit());
    r.put("peak_log_fit", res.scan().peakLogFit());
    return r;
  }

  @Override
  public void print(Params p, Result res, String source, PrintWriter w) {
    w.print(TcScanReport.tc(res.scan()));
    w.print(TcScanReport.peaks(res.scan()));
    w.print(TcScanReport.fits(res.scan()));
    w.flush();
  }

  @Override
  public List<Figure> figures(Params p, Result res) {
    TcScanOptions o = p.options();
    TcScan.Result r = res.scan();
    int[] sizes = o.sizes();
    double[] temps = o.temperatures();
    LinePlot.Builder frac =
        LinePlot.builder("Runaway fraction of the lattice EPM", "T", "fraction of samples")
            .log(true, false);
    for (int li = 0; li < sizes.length; li++) {
      frac.series("L = " + sizes[li], temps, r.fraction()[0][li].clone());
    }
    List<Figure> figs = new ArrayList<>();
    figs.add(
        new Figure(
            "runaway_fraction",
            frac.build(),
            "Fraction of "
                + (o.warmupSweeps() > 0
                    ? "steady-state samples (warmed up until stationary)"
                    : "freshly quenched samples")
                + " with a cascade larger than "
                + o.runawayFactor()
                + " N or stuck in flow, against T, one curve per lattice size L; T_c(L) is its"
                + " 1/2 crossing"));
    List<double[]> pts = new ArrayList<>();
    for (TcScan.TcEstimate e : r.tc()) {
      if (e.factor() == o.runawayFactor() && Double.isFinite(e.tc()) && e.tc() > 0) {
        pts.add(new double[] {e.size(), e.tc(), Double.isFinite(e.tcError()) ? e.tcError() : 0});
      }
    }
    if (pts.size() < 2) {
      return figs;
    }
    double[] lx = new double[pts.size()];
    double[] ty = new double[pts.size()];
    double[] up = new double[pts.size()];
    double[] dn = new double[pts.size()];
    for (int i = 0; i < lx.length; i++) {
      lx[i] = pts.get(i)[0];
      ty[i] = pts.get(i)[1];
      up[i] = ty[i] + pts.get(i)[2];
      dn[i] = Math.max(ty[i] - pts.get(i)[2], 1e-12);
    }
    LinePlot.Builder tcPlot =
        LinePlot.builder("Runaway temperature T_c(L)", "L [sites]", "T_c (lattice units)")
            .log(true, true)
            .points(true)
            .series("T_c (band: +- bootstrap error)", lx, ty)
            .band(lx, dn, lx, up);
    String fitText = "";
    for (TcScan.PowerLawFit fit : r.fits()) {
      if (fit.factor() == o.runawayFactor() && Double.isFinite(fit.kappa())) {
        double[] fy = new double[lx.length];
        for (int i = 0; i < lx.length; i++) {
          fy[i] = fit.amplitude() * Math.pow(lx[i], -fit.kappa());
        }
        tcPlot.series(
            String.format(Locale.ROOT, "fit A L^-kappa, kappa = %.3f", fit.kappa()), lx, fy);
        fitText =
            String.format(
                Locale.ROOT,
                "; fit T_c = %.3g L^-kappa with kappa = %.3f +- %.3f (chi2 = %.2g for %d points)",
                fit.amplitude(),
                fit.kappa(),
                fit.kappaError(),
                fit.chi2(),
                fit.points());
      }
    }
    figs.add(
        new Figure(
            "tc_of_l",
            tcPlot.build(),
            "Runaway temperature T_c(L) of the lattice EPM with bootstrap error band"
                + fitText
                + " ("
                + o.samples()
                + " samples per point)"));
    return figs;
  }

  @Override
  public org.glasslab.pipeline.store.Units units() {
    return org.glasslab.pipeline.store.Units.EPM;
  }
}
