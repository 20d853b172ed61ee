package org.glasslab.pipeline.stages;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.glasslab.epm.avalanche.TcScan;
import org.glasslab.epm.avalanche.TcScanOptions;
import org.glasslab.epm.lattice.LatticeParams;
import org.glasslab.epm.lattice.Protocol;
import org.glasslab.epm.lattice.UnstableRule;
import org.glasslab.epm.propagator.Orientation;
import org.glasslab.pipeline.engine.AbstractStage;
import org.glasslab.pipeline.engine.ParamException;
import org.glasslab.pipeline.engine.Params;
import org.glasslab.pipeline.engine.StageContext;
import org.glasslab.pipeline.plot.LinePlot;
import org.glasslab.pipeline.store.Csv;

/**
 * {@code epm-tc-scan} (generator, no trajectory): the runaway temperature T_c(L) of the thermal
 * lattice EPM, measured as {@code glasslab epm tc-scan} does (epm module {@link TcScan}: freshly
 * quenched samples, exact KMC, random orientation; T_c is where the fraction of samples with an
 * avalanche larger than c·N crosses ½, bootstrap errors, fit T_c = A L^-κ). Writes {@code
 * epm_runaway.csv} (L, T, fraction, error), {@code epm_tc.csv} (L, T_c, error, bracket) and {@code
 * epm_tc_fit.csv}, and plots the runaway fraction against T per L and T_c against L (log-log, with
 * the fit). Defaults take seconds (L = 16..48); docs/epm-lattice.md gives the production scan.
 */
public final class EpmTcScanStage extends AbstractStage {
  /** The stage (stateless). */
  public EpmTcScanStage() {
    super(
        "epm-tc-scan",
        1,
        Scope.BRANCH,
        List.of(),
        List.of("epm_runaway.csv", "epm_tc.csv", "epm_tc_fit.csv"),
        "lattice EPM runaway temperature T_c(L) with bootstrap errors and the fit T_c ~ L^-kappa",
        params());
  }

  private static Map<String, String> params() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("sizes", "lattice sizes L, increasing (default [16, 24, 32, 48])");
    m.put("temperatures", "temperatures bracketing T_c, increasing (default [0.3 .. 2.0])");
    m.put("samples", "freshly quenched samples per (L, T) (default 16)");
    m.put("avalanches", "avalanches recorded per sample (default 50)");
    m.put("budget_sweeps", "maximum events per sample in units of N (default 200)");
    m.put("runaway_factor", "c: an avalanche with S > c N is a runaway (default 1)");
    m.put("bootstrap", "bootstrap replicates for the error bars (default 200)");
    return m;
  }

  @Override
  public boolean stochastic() {
    return true;
  }

  private static TcScanOptions options(Params p, long seed) {
    double[] sz = p.getDoubles("sizes", new double[] {16, 24, 32, 48});
    int[] sizes = new int[sz.length];
    for (int i = 0; i < sz.length; i++) {
      if (sz[i] != Math.rint(sz[i])) {
        throw new ParamException("sizes", "lattice sizes must be integers, got " + sz[i]);
      }
      sizes[i] = (int) sz[i];
    }
    double[] temps =
        p.getDoubles("temperatures", new double[] {0.3, 0.4, 0.5, 0.6, 0.8, 1.0, 1.4, 2.0});
    int samples = p.getInt("samples", 16, 2, 100_000);
    int avalanches = p.getInt("avalanches", 50, 1, 1_000_000);
    double budget = p.getPositive("budget_sweeps", 200);
    double factor = p.getPositive("runaway_factor", 1);
    int bootstrap = p.getInt("bootstrap", 200, 10, 1_000_000);
    return StageSupport.checked(
        "",
        () ->
            new TcScanOptions(
                LatticeParams.defaults(sizes.length > 0 ? sizes[0] : 8, temps[0])
                    .withOrientation(Orientation.RANDOM)
                    .withProtocol(Protocol.KMC, 1.0, UnstableRule.IMMEDIATE)
                    .withInitialStress(0.0, 1.0),
                sizes,
                temps,
                samples,
                avalanches,
                0.0,
                budget,
                factor,
                new double[0],
                bootstrap,
                seed,
                1,
                TcScanOptions.Criterion.SAMPLE,
                true));
  }

  @Override
  public void validate(Params p) {
    options(p, 1);
  }

  @Override
  public void run(StageContext ctx) throws Exception {
    TcScanOptions o = options(ctx.params(), ctx.seed());
    ctx.progress().total((long) o.sizes().length * o.temperatures().length * o.samples());
    TcScan.Result r = TcScan.run(o, k -> ctx.progress().step(k));
    int[] sizes = o.sizes();
    double[] temps = o.temperatures();
    int nl = sizes.length;
    int nt = temps.length;
    long[] rl = new long[nl * nt];
    double[] rt = new double[nl * nt];
    double[] rf = new double[nl * nt];
    double[] re = new double[nl * nt];
    LinePlot.Builder frac =
        LinePlot.builder("Runaway fraction of the lattice EPM", "T", "fraction of samples")
            .log(true, false);
    for (int li = 0; li < nl; li++) {
      double[] f = new double[nt];
      for (int ti = 0; ti < nt; ti++) {
        int k = li * nt + ti;
        rl[k] = sizes[li];
        rt[k] = temps[ti];
        rf[k] = r.fraction()[0][li][ti];
        re[k] = r.fractionError()[0][li][ti];
        f[ti] = rf[k];
      }
      frac.series("L = " + sizes[li], temps, f);
    }
    Csv.write(
        ctx.output("epm_runaway.csv"),
        List.of("size", "temperature", "fraction", "fraction_error"),
        rl,
        rt,
        rf,
        re);
    List<TcScan.TcEstimate> est = new ArrayList<>();
    for (TcScan.TcEstimate e : r.tc()) {
      if (e.factor() == o.runawayFactor()) {
        est.add(e);
      }
    }
    int ne = est.size();
    long[] el = new long[ne];
    double[] tc = new double[ne];
    double[] err = new double[ne];
    double[] lo = new double[ne];
    double[] hi = new double[ne];
    for (int i = 0; i < ne; i++) {
      TcScan.TcEstimate e = est.get(i);
      el[i] = e.size();
      tc[i] = e.tc();
      err[i] = e.tcError();
      lo[i] = e.bracketLow();
      hi[i] = e.bracketHigh();
    }
    Csv.write(
        ctx.output("epm_tc.csv"),
        List.of("size", "tc", "tc_error", "bracket_low", "bracket_high"),
        el,
        tc,
        err,
        lo,
        hi);
    TcScan.PowerLawFit fit = null;
    for (TcScan.PowerLawFit pf : r.fits()) {
      if (pf.factor() == o.runawayFactor()) {
        fit = pf;
      }
    }
    Csv.write(
        ctx.output("epm_tc_fit.csv"),
        List.of("factor", "kappa", "kappa_error", "amplitude", "points", "chi2"),
        new double[] {o.runawayFactor()},
        new double[] {fit == null ? Double.NaN : fit.kappa()},
        new double[] {fit == null ? Double.NaN : fit.kappaError()},
        new double[] {fit == null ? Double.NaN : fit.amplitude()},
        new long[] {fit == null ? 0 : fit.points()},
        new double[] {fit == null ? Double.NaN : fit.chi2()});
    ctx.figure(
        "runaway_fraction",
        frac.build(),
        "Fraction of freshly quenched samples with an avalanche larger than "
            + o.runawayFactor()
            + " N, against T, one curve per lattice size L; T_c(L) is its 1/2 crossing");
    List<Double> ls = new ArrayList<>();
    List<Double> ts = new ArrayList<>();
    List<Double> es = new ArrayList<>();
    for (int i = 0; i < ne; i++) {
      if (Double.isFinite(tc[i]) && tc[i] > 0) {
        ls.add((double) el[i]);
        ts.add(tc[i]);
        es.add(Double.isFinite(err[i]) ? err[i] : 0);
      }
    }
    if (ls.size() < 2) {
      ctx.log(
          "T_c resolved at %d size(s) only; no T_c(L) plot (widen the temperatures)", ls.size());
      return;
    }
    double[] lx = ls.stream().mapToDouble(Double::doubleValue).toArray();
    double[] ty = ts.stream().mapToDouble(Double::doubleValue).toArray();
    double[] up = new double[lx.length];
    double[] dn = new double[lx.length];
    for (int i = 0; i < lx.length; i++) {
      up[i] = ty[i] + es.get(i);
      dn[i] = Math.max(ty[i] - es.get(i), 1e-12);
    }
    LinePlot.Builder tcPlot =
        LinePlot.builder("Runaway temperature T_c(L)", "L", "T_c")
            .log(true, true)
            .points(true)
            .series("T_c", lx, ty)
            .series("T_c + error", lx, up)
            .series("T_c - error", lx, dn);
    String fitText = "";
    if (fit != null && Double.isFinite(fit.kappa())) {
      double[] fy = new double[lx.length];
      for (int i = 0; i < lx.length; i++) {
        fy[i] = fit.amplitude() * Math.pow(lx[i], -fit.kappa());
      }
      tcPlot.series(String.format("fit A L^-kappa, kappa = %.3f", fit.kappa()), lx, fy);
      fitText =
          String.format(
              "; fit T_c = %.3g L^-kappa with kappa = %.3f +- %.3f (chi2 = %.2g for %d points)",
              fit.amplitude(), fit.kappa(), fit.kappaError(), fit.chi2(), fit.points());
    }
    ctx.figure(
        "tc_of_l",
        tcPlot.build(),
        "Runaway temperature T_c(L) of the lattice EPM with bootstrap error band"
            + fitText
            + " ("
            + o.samples()
            + " samples per point)");
  }
}
