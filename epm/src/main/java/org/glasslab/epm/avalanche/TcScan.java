package org.glasslab.epm.avalanche;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;
import org.glasslab.data.random.Rng;
import org.glasslab.data.stats.Histogram;
import org.glasslab.epm.fit.WeightedLine;
import org.glasslab.epm.lattice.LatticeEpm;
import org.glasslab.epm.lattice.LatticeParams;
import org.glasslab.epm.lattice.Stationarity;

/**
 * Measures the system-size-dependent runaway temperature T_c(L) of the undriven thermal lattice EPM
 * (spec §3.3, §6) with an operational criterion [P]:
 *
 * <ol>
 *   <li>For every (L, T) and sample: build and relax a model; with {@code warmupSweeps} &gt; 0 run
 *       it until the {@link Stationarity} detector (windows of N/4 events) declares the steady
 *       state (at most {@code warmupSweeps·N} events; whether it was reached is stored per sample),
 *       with 0 start from the quench; finish the avalanche in progress, then record avalanches
 *       ({@link LatticeAvalanches}) until {@code avalanchesPerSample} have ended, {@code
 *       budgetSweeps·N} events, or (optionally) the first runaway.
 *   <li>Runaway fraction f_c(L, T): with the default {@link TcScanOptions.Criterion#SAMPLE}, the
 *       fraction of samples with a cascade ({@link Avalanche#cascadeSize()}, thermal activations
 *       during it excluded) of more than c·N failures; with {@link
 *       TcScanOptions.Criterion#AVALANCHE}, the fraction of avalanches with such a cascade (cut
 *       runaways included), pooled over samples.
 *   <li>T_c(L; c) = the first upward crossing of f_c = ½ on the temperature grid, interpolated
 *       linearly in log T; NaN if the grid does not bracket it.
 *   <li>Error bars: bootstrap over samples (each replicate resamples the samples of every (L, T)
 *       with replacement and recomputes f and T_c); σ(T_c) = std over replicates with a crossing,
 *       combined in quadrature with the grid resolution when f jumps from 0 to 1 between two
 *       neighbouring temperatures.
 *   <li>Fit: weighted least squares {@code log T_c = log A - κ log L} (weights from the bootstrap
 *       σ), with the fit's standard error of κ and the bootstrap std of κ (refit per replicate);
 *       and the logarithmic law {@code 1/T_c = a + b ln L} (T_c = 1/(b ln(L/L0))) with the same
 *       weights, whose χ² is compared with the power law's (both have two parameters).
 *   <li>Second criterion: the cut-off S_c(L, T) = ⟨S²⟩/⟨S⟩ of the completed cascades, pooled over
 *       the samples of a cell; T*(L) = the temperature of its maximum on the grid, refined by a
 *       parabola in log T through the maximum and its neighbours; bootstrap over samples.
 * </ol>
 *
 * A sample that is never quiescent after the warm-up (stuck in flow for the whole budget) counts as
 * one runaway avalanche. An avalanche still running at the end of a sample is not recorded.
 */
public final class TcScan {

  /** Avalanches and x_min statistics of one sample of one (L, T) cell. */
  public record SampleResult(
      int size,
      double temperature,
      int sample,
      long seed,
      List<Avalanche> avalanches,
      long events,
      double time,
      boolean stuckInFlow,
      Histogram xMinQuiescent,
      Histogram xMinAtStart,
      boolean stationary) {}

  /**
   * Second criterion for one size: T*(L), the temperature of the maximum of S_c = ⟨S²⟩/⟨S⟩.
   *
   * @param size L
   * @param tPeak T* (NaN if no cell has completed avalanches)
   * @param error bootstrap std of T* over samples
   * @param cutoffMax S_c at the grid maximum
   * @param edge true when the maximum is at the first or last grid temperature (not bracketed)
   */
  public record PeakEstimate(
      int size, double tPeak, double error, double cutoffMax, boolean edge) {}

  /**
   * Logarithmic law 1/T_c = a + b ln L fitted with the power law's weights; {@code chi2} is
   * comparable with {@link PowerLawFit#chi2()} (both have points − 2 degrees of freedom).
   */
  public record LogLawFit(double factor, double a, double b, int points, double chi2) {}

  /**
   * T_c(L) for one runaway factor c. {@code tcError} combines in quadrature the bootstrap std and,
   * when the bracketing grid points have f = 0 and f = 1 (crossing not resolved), the std of a
   * uniform law in log T over the bracket.
   */
  public record TcEstimate(
      double factor,
      int size,
      double tc,
      double tcError,
      double bootstrapError,
      double gridError,
      double bracketLow,
      double bracketHigh,
      int validReplicates,
      int replicates) {}

  /**
   * Algebraic fit T_c = A L^-κ for one runaway factor; {@code chi2} is the weighted residual sum
   * (points - 2 degrees of freedom): a value far above that says a power law does not describe the
   * data within the error bars.
   */
  public record PowerLawFit(
      double factor,
      double kappa,
      double kappaError,
      double kappaBootstrapError,
      double amplitude,
      int points,
      double chi2) {}

  /** Everything a scan measured. */
  public record Result(
      TcScanOptions options,
      List<SampleResult> samples,
      double[][][] fraction,
      double[][][] fractionError,
      List<TcEstimate> tc,
      List<PowerLawFit> fits,
      List<LogLawFit> logFits,
      double[][] cutoff,
      List<PeakEstimate> peaks,
      PowerLawFit peakFit,
      LogLawFit peakLogFit) {

    /** Samples of one cell, in sample order. */
    public List<SampleResult> cell(int size, double temperature) {
      List<SampleResult> o = new ArrayList<>();
      for (SampleResult s : samples) {
        if (s.size() == size && s.temperature() == temperature) {
          o.add(s);
        }
      }
      return o;
    }
  }

  private TcScan() {}

  /**
   * Runs one sample of one cell, seeded with the child stream (size, temperature index, sample) of
   * the scan seed ({@link Rng#deriveSeed}).
   */
  public static SampleResult runSample(TcScanOptions o, int size, int tempIndex, int sample) {
    double t = o.temperatures()[tempIndex];
    long seed = Rng.deriveSeed(o.seed(), size, tempIndex, sample);
    LatticeParams p = o.base().withSize(size).withTemperature(t);
    LatticeEpm m = LatticeEpm.create(p, seed);
    int n = m.sites();
    long warm = (long) Math.ceil(o.warmupSweeps() * n);
    long budget = (long) Math.ceil(o.budgetSweeps() * n);
    boolean stationary = false;
    if (warm > 0) {
      Stationarity st = Stationarity.defaults(n);
      st.warmUp(m, Math.max(1, n / 4), warm);
      stationary = st.reached();
    }
    long startEvents = m.events();
    while (m.unstableCount() > 0 && m.events() - startEvents < budget) {
      m.step();
    }
    LatticeAvalanches d =
        new LatticeAvalanches(n, o.runawayFactor(), (long) Math.ceil(o.runawayFactor() * n));
    List<Avalanche> list;
    boolean stuck = m.unstableCount() > 0;
    if (stuck) {
      list = List.of(new Avalanche(m.time(), m.events() - startEvents, 0, 0, 0, 0, 0, true, 0));
    } else {
      d.prime(true, m.xMin());
      m.setListener(d);
      long e0 = m.events();
      while (d.count() < o.avalanchesPerSample()
          && m.events() - e0 < budget
          && !(o.stopAtFirstRunaway() && d.runaways() > 0)) {
        m.step();
      }
      m.setListener(null);
      list = d.avalanches();
    }
    return new SampleResult(
        size,
        t,
        sample,
        seed,
        list,
        m.events(),
        m.time(),
        stuck,
        d.xMinQuiescent(),
        d.xMinAtStart(),
        stationary);
  }

  /**
   * Runs the scan.
   *
   * @param progress called with 1 after each finished sample (from worker threads); may be null
   */
  public static Result run(TcScanOptions o, IntConsumer progress) {
    return run(o, progress, null);
  }

  /**
   * Runs the scan, keeping every finished sample in {@code store} (null: none) and taking the
   * samples already there instead of rerunning them, so that a killed scan resumes.
   *
   * @param progress called with 1 after each finished or resumed sample (from worker threads)
   */
  public static Result run(TcScanOptions o, IntConsumer progress, TcScanSamples store) {
    int[] sizes = o.sizes();
    double[] temps = o.temperatures();
    List<int[]> tasks = new ArrayList<>();
    // largest sizes first so that the long tasks do not come last
    for (int li = sizes.length - 1; li >= 0; li--) {
      for (int ti = 0; ti < temps.length; ti++) {
        for (int s = 0; s < o.samples(); s++) {
          tasks.add(new int[] {li, ti, s});
        }
      }
    }
    ExecutorService ex = Executors.newFixedThreadPool(o.threads());
    List<Future<SampleResult>> futures = new ArrayList<>();
    try {
      for (int[] task : tasks) {
        futures.add(
            ex.submit(
                () -> {
                  SampleResult r =
                      store == null ? null : store.load(o, sizes[task[0]], task[1], task[2]);
                  if (r == null) {
                    r = runSample(o, sizes[task[0]], task[1], task[2]);
                    if (store != null) {
                      store.save(o, task[1], r);
                    }
                  }
                  if (progress != null) {
                    progress.accept(1);
                  }
                  return r;
                }));
      }
      List<SampleResult> results = new ArrayList<>();
      for (Future<SampleResult> f : futures) {
        results.add(f.get());
      }
      results.sort(
          (a, b) ->
              a.size() != b.size()
                  ? Integer.compare(a.size(), b.size())
                  : a.temperature() != b.temperature()
                      ? Double.compare(a.temperature(), b.temperature())
                      : Integer.compare(a.sample(), b.sample()));
      return analyse(o, results);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("T_c scan interrupted", e);
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof RuntimeException re) {
        throw re;
      }
      throw new IllegalStateException("T_c scan failed: " + c, c);
    } finally {
      ex.shutdownNow();
    }
  }

  /**
   * Runaway and total counts per sample for factor c: counts[sample] = {runaways, total}; with the
   * {@link TcScanOptions.Criterion#SAMPLE} criterion each sample counts once ({1, 1} if any of its
   * avalanches exceeded c·N, else {0, 1}).
   */
  private static long[][] counts(
      List<SampleResult> cell, double c, TcScanOptions.Criterion criterion) {
    long[][] out = new long[cell.size()][2];
    for (int s = 0; s < cell.size(); s++) {
      SampleResult r = cell.get(s);
      long limit = (long) Math.floor(c * r.size() * r.size());
      for (Avalanche a : r.avalanches()) {
        if (a.runaway() || a.cascadeSize() > limit) {
          out[s][0]++;
        }
        out[s][1]++;
      }
      if (criterion == TcScanOptions.Criterion.SAMPLE) {
        out[s][0] = out[s][0] > 0 ? 1 : 0;
        out[s][1] = 1;
      }
    }
    return out;
  }

  /** Analysis of finished samples (fractions, bootstrap, T_c, fits). */
  public static Result analyse(TcScanOptions o, List<SampleResult> results) {
    int[] sizes = o.sizes();
    double[] temps = o.temperatures();
    double[] factors = o.allFactors();
    int nb = o.bootstrap();
    double[][][] frac = new double[factors.length][sizes.length][temps.length];
    double[][][] fracErr = new double[factors.length][sizes.length][temps.length];
    // tcBoot[f][l][b]
    double[][][] tcBoot = new double[factors.length][sizes.length][nb];
    List<TcEstimate> tcs = new ArrayList<>();
    List<PowerLawFit> fits = new ArrayList<>();
    Result tmp = new Result(o, results, null, null, null, null, null, null, null, null, null);
    List<LogLawFit> logFits = new ArrayList<>();
    for (int fi = 0; fi < factors.length; fi++) {
      double c = factors[fi];
      double[] tcPoint = new double[sizes.length];
      double[] tcErr = new double[sizes.length];
      for (int li = 0; li < sizes.length; li++) {
        long[][][] cnt = new long[temps.length][][];
        for (int ti = 0; ti < temps.length; ti++) {
          cnt[ti] = counts(tmp.cell(sizes[li], temps[ti]), c, o.criterion());
          frac[fi][li][ti] = pooled(cnt[ti], null);
        }
        tcPoint[li] = crossing(temps, frac[fi][li]);
        // bootstrap: child stream (L, -1) of the scan seed, the same for every factor, so results
        // are reproducible (samples use the streams (L, temperature index >= 0, sample))
        Rng rng = new Rng(Rng.deriveSeed(o.seed(), sizes[li], -1));
        double[][] fb = new double[temps.length][nb];
        for (int b = 0; b < nb; b++) {
          double[] curve = new double[temps.length];
          for (int ti = 0; ti < temps.length; ti++) {
            int ns = cnt[ti].length;
            if (ns == 0) {
              curve[ti] = Double.NaN;
              fb[ti][b] = Double.NaN;
              continue;
            }
            int[] pick = new int[ns];
            for (int k = 0; k < ns; k++) {
              pick[k] = rng.nextInt(ns);
            }
            curve[ti] = pooled(cnt[ti], pick);
            fb[ti][b] = curve[ti];
          }
          tcBoot[fi][li][b] = crossing(temps, curve);
        }
        for (int ti = 0; ti < temps.length; ti++) {
          fracErr[fi][li][ti] = std(fb[ti]);
        }
        int valid = 0;
        for (double v : tcBoot[fi][li]) {
          if (!Double.isNaN(v)) {
            valid++;
          }
        }
        double boot = std(tcBoot[fi][li]);
        double[] br = bracket(temps, frac[fi][li]);
        double grid = 0;
        if (br != null && br[2] == 0.0 && br[3] == 1.0) {
          // the grid does not resolve the crossing: uniform in log T over the bracket
          grid = tcPoint[li] * Math.log(br[1] / br[0]) / Math.sqrt(12);
        }
        tcErr[li] = Math.sqrt((Double.isNaN(boot) ? 0 : boot * boot) + grid * grid);
        if (tcErr[li] == 0 || Double.isNaN(tcPoint[li])) {
          tcErr[li] = Double.isNaN(tcPoint[li]) ? Double.NaN : tcErr[li];
        }
        tcs.add(
            new TcEstimate(
                c,
                sizes[li],
                tcPoint[li],
                tcErr[li],
                boot,
                grid,
                br == null ? Double.NaN : br[0],
                br == null ? Double.NaN : br[1],
                valid,
                nb));
      }
      fits.add(fit(c, sizes, tcPoint, tcErr, tcBoot[fi]));
      logFits.add(logFit(c, sizes, tcPoint, tcErr));
    }
    // second criterion: the peak of S_c = <S^2>/<S> over T
    double[][] cutoff = new double[sizes.length][temps.length];
    List<PeakEstimate> peaks = new ArrayList<>();
    double[] tPeak = new double[sizes.length];
    double[] tPeakErr = new double[sizes.length];
    double[][] peakBoot = new double[sizes.length][nb];
    for (int li = 0; li < sizes.length; li++) {
      double[][][] mom = new double[temps.length][][];
      for (int ti = 0; ti < temps.length; ti++) {
        mom[ti] = moments(tmp.cell(sizes[li], temps[ti]));
        cutoff[li][ti] = ratio(mom[ti], null);
      }
      int k = argmax(cutoff[li]);
      tPeak[li] = peak(temps, cutoff[li]);
      Rng rng = new Rng(Rng.deriveSeed(o.seed(), sizes[li], -2));
      double[] curve = new double[temps.length];
      for (int b = 0; b < nb; b++) {
        for (int ti = 0; ti < temps.length; ti++) {
          int ns = mom[ti].length;
          int[] pick = new int[ns];
          for (int q = 0; q < ns; q++) {
            pick[q] = rng.nextInt(ns);
          }
          curve[ti] = ratio(mom[ti], pick);
        }
        peakBoot[li][b] = peak(temps, curve);
      }
      double err = std(peakBoot[li]);
      tPeakErr[li] = err;
      peaks.add(
          new PeakEstimate(
              sizes[li],
              tPeak[li],
              err,
              k < 0 ? Double.NaN : cutoff[li][k],
              !bracketed(cutoff[li], k)));
    }
    return new Result(
        o,
        results,
        frac,
        fracErr,
        List.copyOf(tcs),
        List.copyOf(fits),
        List.copyOf(logFits),
        cutoff,
        List.copyOf(peaks),
        fit(Double.NaN, sizes, tPeak, tPeakErr, peakBoot),
        logFit(Double.NaN, sizes, tPeak, tPeakErr));
  }

  /** Per sample {Σ S, Σ S²} over its completed cascades. */
  private static double[][] moments(List<SampleResult> cell) {
    double[][] out = new double[cell.size()][2];
    for (int s = 0; s < cell.size(); s++) {
      for (Avalanche a : cell.get(s).avalanches()) {
        if (!a.runaway()) {
          double size = a.cascadeSize();
          out[s][0] += size;
          out[s][1] += size * size;
        }
      }
    }
    return out;
  }

  private static double ratio(double[][] mom, int[] pick) {
    double s1 = 0;
    double s2 = 0;
    for (int k = 0; k < mom.length; k++) {
      int s = pick == null ? k : pick[k];
      s1 += mom[s][0];
      s2 += mom[s][1];
    }
    return s1 > 0 ? s2 / s1 : Double.NaN;
  }

  private static int argmax(double[] v) {
    int k = -1;
    for (int i = 0; i < v.length; i++) {
      if (!Double.isNaN(v[i]) && (k < 0 || v[i] > v[k])) {
        k = i;
      }
    }
    return k;
  }

  /** Whether grid point k has a non-NaN value on both sides. */
  private static boolean bracketed(double[] v, int k) {
    if (k < 0) {
      return false;
    }
    boolean below = false;
    boolean above = false;
    for (int i = 0; i < v.length; i++) {
      below |= i < k && !Double.isNaN(v[i]);
      above |= i > k && !Double.isNaN(v[i]);
    }
    return below && above;
  }

  /**
   * Temperature of the maximum of {@code v} over the grid, refined by the vertex of the parabola in
   * log T through the maximum and its nearest non-NaN neighbours when both exist (clamped to them);
   * NaN if all NaN.
   */
  public static double peak(double[] temps, double[] v) {
    int k = argmax(v);
    if (k < 0) {
      return Double.NaN;
    }
    int lo = k - 1;
    while (lo >= 0 && Double.isNaN(v[lo])) {
      lo--;
    }
    int hi = k + 1;
    while (hi < v.length && Double.isNaN(v[hi])) {
      hi++;
    }
    if (lo < 0 || hi >= v.length) {
      return temps[k];
    }
    double x0 = Math.log(temps[lo]);
    double x1 = Math.log(temps[k]);
    double x2 = Math.log(temps[hi]);
    double a = (x1 - x0) * (v[k] - v[hi]);
    double b = (x1 - x2) * (v[k] - v[lo]);
    double den = a - b;
    if (!(den != 0)) {
      return temps[k];
    }
    double xv = x1 - 0.5 * ((x1 - x0) * a - (x1 - x2) * b) / den;
    xv = Math.max(x0, Math.min(x2, xv));
    return Math.exp(xv);
  }

  /** Weighted fit of 1/T_c = a + b ln L (weights from the relative errors of T_c). */
  static LogLawFit logFit(double c, int[] sizes, double[] tc, double[] err) {
    List<double[]> pts = new ArrayList<>();
    for (int i = 0; i < sizes.length; i++) {
      if (Double.isFinite(tc[i]) && Double.isFinite(err[i]) && err[i] > 0) {
        double sl = err[i] / tc[i];
        pts.add(
            new double[] {
              Math.log(sizes[i]), 1 / tc[i], 1 / (sl * sl * (1 / tc[i]) * (1 / tc[i]))
            });
      }
    }
    if (pts.size() < 2) {
      return new LogLawFit(c, Double.NaN, Double.NaN, pts.size(), Double.NaN);
    }
    double[] x = new double[pts.size()];
    double[] y = new double[pts.size()];
    double[] w = new double[pts.size()];
    for (int i = 0; i < x.length; i++) {
      x[i] = pts.get(i)[0];
      y[i] = pts.get(i)[1];
      w[i] = pts.get(i)[2];
    }
    WeightedLine line = WeightedLine.fit(x, y, w);
    return new LogLawFit(c, line.intercept(), line.slope(), x.length, line.chi2());
  }

  private static double pooled(long[][] cnt, int[] pick) {
    long r = 0;
    long t = 0;
    for (int k = 0; k < cnt.length; k++) {
      int s = pick == null ? k : pick[k];
      r += cnt[s][0];
      t += cnt[s][1];
    }
    return t == 0 ? Double.NaN : (double) r / t;
  }

  /** First upward crossing of ½, interpolated linearly in log T; NaN if not bracketed. */
  public static double crossing(double[] temps, double[] f) {
    int prev = -1;
    for (int k = 0; k < temps.length; k++) {
      if (Double.isNaN(f[k])) {
        continue; // no samples at this temperature
      }
      if (prev >= 0 && f[prev] < 0.5 && f[k] >= 0.5) {
        double w = (0.5 - f[prev]) / (f[k] - f[prev]);
        return Math.exp(Math.log(temps[prev]) + w * (Math.log(temps[k]) - Math.log(temps[prev])));
      }
      prev = k;
    }
    return Double.NaN;
  }

  /**
   * Bracket of the first upward crossing: {T_below, T_above, f_below, f_above}, or null. When
   * f_below = 0 and f_above = 1 the crossing is not resolved by the grid.
   */
  public static double[] bracket(double[] temps, double[] f) {
    int prev = -1;
    for (int k = 0; k < temps.length; k++) {
      if (Double.isNaN(f[k])) {
        continue;
      }
      if (prev >= 0 && f[prev] < 0.5 && f[k] >= 0.5) {
        return new double[] {temps[prev], temps[k], f[prev], f[k]};
      }
      prev = k;
    }
    return null;
  }

  /** Standard deviation of the non-NaN entries (NaN with fewer than 2). */
  static double std(double[] v) {
    double s = 0;
    double s2 = 0;
    int k = 0;
    for (double x : v) {
      if (!Double.isNaN(x)) {
        s += x;
        s2 += x * x;
        k++;
      }
    }
    if (k < 2) {
      return Double.NaN;
    }
    double m = s / k;
    return Math.sqrt(Math.max(0, (s2 / k - m * m) * k / (k - 1)));
  }

  /**
   * Weighted least-squares fit of log T_c = log A - κ log L over the sizes with a finite T_c and
   * error; κ's standard error from the fit and from refitting every bootstrap replicate.
   */
  static PowerLawFit fit(double c, int[] sizes, double[] tc, double[] err, double[][] boot) {
    int k = 0;
    for (int i = 0; i < sizes.length; i++) {
      if (Double.isFinite(tc[i]) && Double.isFinite(err[i]) && err[i] > 0) {
        k++;
      }
    }
    if (k < 2) {
      return new PowerLawFit(c, Double.NaN, Double.NaN, Double.NaN, Double.NaN, k, Double.NaN);
    }
    double[] x = new double[k];
    double[] y = new double[k];
    double[] w = new double[k];
    int[] idx = new int[k];
    int j = 0;
    for (int i = 0; i < sizes.length; i++) {
      if (Double.isFinite(tc[i]) && Double.isFinite(err[i]) && err[i] > 0) {
        x[j] = Math.log(sizes[i]);
        y[j] = Math.log(tc[i]);
        double sl = err[i] / tc[i];
        w[j] = 1 / (sl * sl);
        idx[j] = i;
        j++;
      }
    }
    WeightedLine line = WeightedLine.fit(x, y, w);
    int nb = boot[0].length;
    double[] kb = new double[nb];
    double[] yb = new double[k];
    for (int b = 0; b < nb; b++) {
      boolean ok = true;
      for (int i = 0; i < k; i++) {
        double v = boot[idx[i]][b];
        if (!(v > 0)) {
          ok = false;
          break;
        }
        yb[i] = Math.log(v);
      }
      kb[b] = ok ? -WeightedLine.fit(x, yb, w).slope() : Double.NaN;
    }
    return new PowerLawFit(
        c, -line.slope(), line.slopeError(), std(kb), Math.exp(line.intercept()), k, line.chi2());
  }
}
