package org.glasslab.epm.avalanche;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.glasslab.data.stats.Histogram;
import org.glasslab.epm.lattice.LatticeProtocol;

/**
 * CSV tables of a {@link TcScan.Result} (header line first, comma-separated, '.' decimals). Files
 * are written by the caller (the CLI writes them atomically).
 */
public final class TcScanReport {
  private TcScanReport() {}

  private static String f(double v) {
    return Double.isNaN(v) ? "nan" : String.format(Locale.ROOT, "%.10g", v);
  }

  /** One row per avalanche: L, T, sample, seed and the {@link Avalanche} fields. */
  public static String avalanches(TcScan.Result r) {
    StringBuilder sb =
        new StringBuilder(
            "L,T,sample,seed,start_time,S,S_unstable,released,area,D,D_time,runaway,xmin_start,"
                + "S_cascade,thermal_during,stationary\n");
    for (TcScan.SampleResult s : r.samples()) {
      for (Avalanche a : s.avalanches()) {
        sb.append(s.size()).append(',').append(f(s.temperature())).append(',');
        sb.append(s.sample()).append(',').append(s.seed()).append(',');
        sb.append(f(a.startTime())).append(',').append(a.size()).append(',');
        sb.append(a.unstableSize()).append(',').append(f(a.released())).append(',');
        sb.append(a.area()).append(',').append(a.duration()).append(',');
        sb.append(f(a.durationTime())).append(',').append(a.runaway() ? 1 : 0).append(',');
        sb.append(f(a.xMinAtStart())).append(',').append(a.cascadeSize()).append(',');
        sb.append(a.thermalDuring()).append(',').append(s.stationary() ? 1 : 0).append('\n');
      }
    }
    return sb.toString();
  }

  /** One row per (L, T): counts, mean completed size and the runaway fraction per factor c. */
  public static String cells(TcScan.Result r) {
    double[] factors = r.options().allFactors();
    StringBuilder sb =
        new StringBuilder(
            "L,T,samples,stationary_samples,avalanches,stuck_samples,mixed_avalanches,"
                + "mean_S_completed,S_c");
    for (double c : factors) {
      sb.append(",frac_c").append(f(c)).append(",frac_err_c").append(f(c));
    }
    sb.append('\n');
    int[] sizes = r.options().sizes();
    double[] temps = r.options().temperatures();
    for (int li = 0; li < sizes.length; li++) {
      for (int ti = 0; ti < temps.length; ti++) {
        List<TcScan.SampleResult> cell = r.cell(sizes[li], temps[ti]);
        long n = 0;
        long stuck = 0;
        double sum = 0;
        long completed = 0;
        long stationary = 0;
        long mixed = 0;
        for (TcScan.SampleResult s : cell) {
          n += s.avalanches().size();
          stuck += s.stuckInFlow() ? 1 : 0;
          stationary += s.stationary() ? 1 : 0;
          for (Avalanche a : s.avalanches()) {
            if (!a.runaway()) {
              sum += a.cascadeSize();
              completed++;
              mixed += a.mixed() ? 1 : 0;
            }
          }
        }
        sb.append(sizes[li]).append(',').append(f(temps[ti])).append(',').append(cell.size());
        sb.append(',').append(stationary).append(',').append(n).append(',').append(stuck);
        sb.append(',').append(mixed).append(',');
        sb.append(f(completed == 0 ? Double.NaN : sum / completed)).append(',');
        sb.append(f(r.cutoff()[li][ti]));
        for (int fi = 0; fi < factors.length; fi++) {
          sb.append(',').append(f(r.fraction()[fi][li][ti]));
          sb.append(',').append(f(r.fractionError()[fi][li][ti]));
        }
        sb.append('\n');
      }
    }
    return sb.toString();
  }

  /** T_c(L) per runaway factor. */
  public static String tc(TcScan.Result r) {
    StringBuilder sb =
        new StringBuilder(
            "c,L,Tc,Tc_err,Tc_err_bootstrap,Tc_err_grid,T_below,T_above,valid_replicates,"
                + "replicates\n");
    for (TcScan.TcEstimate e : r.tc()) {
      sb.append(f(e.factor())).append(',').append(e.size()).append(',').append(f(e.tc()));
      sb.append(',').append(f(e.tcError())).append(',').append(f(e.bootstrapError()));
      sb.append(',').append(f(e.gridError())).append(',').append(f(e.bracketLow()));
      sb.append(',').append(f(e.bracketHigh())).append(',').append(e.validReplicates());
      sb.append(',').append(e.replicates()).append('\n');
    }
    return sb.toString();
  }

  /**
   * One row per lattice size for runaway factor {@code factor}: T_c from the ½ crossing with its
   * error and bracket, the S_c-peak temperature T* with its error and grid-edge flag, and the local
   * exponent κ_eff = −Δln T_c / Δln L to the next smaller size with a finite T_c (error from the
   * two T_c errors in quadrature; nan for the first). The table a reader compares sizes with.
   */
  public static String summary(TcScan.Result r, double factor) {
    StringBuilder sb =
        new StringBuilder(
            "L,Tc,Tc_err,T_below,T_above,T_peak,T_peak_err,peak_at_grid_edge,kappa_eff,"
                + "kappa_eff_err\n");
    double prevL = Double.NaN;
    double prevT = Double.NaN;
    double prevE = Double.NaN;
    for (TcScan.TcEstimate e : r.tc()) {
      if (e.factor() != factor) {
        continue;
      }
      TcScan.PeakEstimate pk = null;
      for (TcScan.PeakEstimate q : r.peaks()) {
        if (q.size() == e.size()) {
          pk = q;
        }
      }
      double ke = Double.NaN;
      double keErr = Double.NaN;
      boolean finite = Double.isFinite(e.tc()) && e.tc() > 0;
      if (finite && Double.isFinite(prevT)) {
        double dl = Math.log(e.size() / prevL);
        ke = -Math.log(e.tc() / prevT) / dl;
        keErr = Math.hypot(e.tcError() / e.tc(), prevE / prevT) / dl;
      }
      sb.append(e.size()).append(',').append(f(e.tc())).append(',').append(f(e.tcError()));
      sb.append(',').append(f(e.bracketLow())).append(',').append(f(e.bracketHigh()));
      sb.append(',').append(f(pk == null ? Double.NaN : pk.tPeak()));
      sb.append(',').append(f(pk == null ? Double.NaN : pk.error()));
      sb.append(',').append(pk != null && pk.edge() ? 1 : 0);
      sb.append(',').append(f(ke)).append(',').append(f(keErr)).append('\n');
      if (finite) {
        prevL = e.size();
        prevT = e.tc();
        prevE = e.tcError();
      }
    }
    return sb.toString();
  }

  /**
   * The fits per criterion (runaway crossing with factor c; "peak" = the S_c peak T*): the power
   * law T_c = A L^-κ and the logarithmic law 1/T_c = a + b ln L with their χ².
   */
  public static String fits(TcScan.Result r) {
    StringBuilder sb =
        new StringBuilder(
            "criterion,c,kappa,kappa_err_fit,kappa_err_bootstrap,A,points,chi2,log_a,log_b,"
                + "log_chi2\n");
    for (int k = 0; k < r.fits().size(); k++) {
      fitRow(sb, "runaway", r.fits().get(k), r.logFits().get(k));
    }
    fitRow(sb, "peak", r.peakFit(), r.peakLogFit());
    return sb.toString();
  }

  private static void fitRow(
      StringBuilder sb, String criterion, TcScan.PowerLawFit p, TcScan.LogLawFit q) {
    sb.append(criterion).append(',');
    sb.append(f(p.factor())).append(',').append(f(p.kappa())).append(',');
    sb.append(f(p.kappaError())).append(',').append(f(p.kappaBootstrapError())).append(',');
    sb.append(f(p.amplitude())).append(',').append(p.points()).append(',');
    sb.append(f(p.chi2())).append(',').append(f(q.a())).append(',').append(f(q.b()));
    sb.append(',').append(f(q.chi2())).append('\n');
  }

  /** Second criterion: T*(L) of the maximum of S_c = ⟨S²⟩/⟨S⟩, with its bootstrap error. */
  public static String peaks(TcScan.Result r) {
    StringBuilder sb = new StringBuilder("L,T_peak,T_peak_err,S_c_max,at_grid_edge\n");
    for (TcScan.PeakEstimate e : r.peaks()) {
      sb.append(e.size()).append(',').append(f(e.tPeak())).append(',').append(f(e.error()));
      sb.append(',').append(f(e.cutoffMax())).append(',').append(e.edge() ? 1 : 0).append('\n');
    }
    return sb.toString();
  }

  /** P(S), P(D) and ⟨S⟩(D) per (L, T) over completed avalanches (long format). */
  public static String distributions(TcScan.Result r) {
    StringBuilder sb = new StringBuilder("L,T,quantity,lower,upper,value,count\n");
    for (int l : r.options().sizes()) {
      for (double t : r.options().temperatures()) {
        List<Avalanche> all = new ArrayList<>();
        for (TcScan.SampleResult s : r.cell(l, t)) {
          all.addAll(s.avalanches());
        }
        AvalancheStatistics st =
            AvalancheStatistics.of(all, 5, r.options().base().protocol() == LatticeProtocol.KMC);
        appendHistogram(sb, l, t, "P(S)", st.sizeHistogram());
        appendHistogram(sb, l, t, "P(D)", st.durationHistogram());
        for (double[] row : st.meanSizeByDuration()) {
          sb.append(l).append(',').append(f(t)).append(",<S>(D),").append(f(row[0])).append(',');
          sb.append(f(row[1])).append(',').append(f(row[2])).append(',');
          sb.append((long) row[3]).append('\n');
        }
      }
    }
    return sb.toString();
  }

  /** x_min histograms (quiescent states and avalanche starts) per (L, T). */
  public static String xMin(TcScan.Result r) {
    StringBuilder sb = new StringBuilder("L,T,quantity,lower,upper,value,count\n");
    for (int l : r.options().sizes()) {
      for (double t : r.options().temperatures()) {
        Histogram q = Histogram.log(1e-6, 10, 10);
        Histogram s0 = Histogram.log(1e-6, 10, 10);
        for (TcScan.SampleResult s : r.cell(l, t)) {
          q.merge(s.xMinQuiescent());
          s0.merge(s.xMinAtStart());
        }
        appendHistogram(sb, l, t, "P(xmin|quiescent)", q);
        appendHistogram(sb, l, t, "P(xmin|start)", s0);
      }
    }
    return sb.toString();
  }

  /**
   * Reads the samples back from an {@code avalanches.csv} written by {@link #avalanches} (x_min
   * histograms are not stored there and come back empty; the per-sample stationarity flag is read
   * from the {@code stationary} column when present), so that several scans (e.g. a coarse grid and
   * a refinement) can be analysed together. Samples are keyed by (L, T, seed); {@code run}
   * distinguishes files.
   */
  public static List<TcScan.SampleResult> readSamples(String csv, int run) {
    java.util.Map<String, List<Avalanche>> groups = new java.util.LinkedHashMap<>();
    java.util.Map<String, long[]> meta = new java.util.HashMap<>();
    String[] lines = csv.split("\n");
    if (lines.length == 0 || !lines[0].startsWith("L,T,sample,seed,")) {
      throw new IllegalArgumentException("not an avalanches.csv of glasslab epm tc-scan");
    }
    for (int k = 1; k < lines.length; k++) {
      if (lines[k].isBlank()) {
        continue;
      }
      String[] c = lines[k].split(",");
      String key = c[0] + "," + c[1] + "," + c[3];
      groups
          .computeIfAbsent(key, x -> new ArrayList<>())
          .add(
              new Avalanche(
                  d(c[4]),
                  Long.parseLong(c[5]),
                  Long.parseLong(c[6]),
                  d(c[7]),
                  Integer.parseInt(c[8]),
                  Long.parseLong(c[9]),
                  d(c[10]),
                  c[11].equals("1"),
                  d(c[12])));
      meta.putIfAbsent(
          key,
          new long[] {
            Integer.parseInt(c[0]),
            Integer.parseInt(c[2]),
            Long.parseLong(c[3]),
            c.length > 15 && c[15].equals("1") ? 1 : 0
          });
    }
    List<TcScan.SampleResult> out = new ArrayList<>();
    for (var e : groups.entrySet()) {
      long[] m = meta.get(e.getKey());
      double t = Double.parseDouble(e.getKey().split(",")[1]);
      out.add(
          new TcScan.SampleResult(
              (int) m[0],
              t,
              (int) m[1] + 1_000_000 * run,
              m[2],
              List.copyOf(e.getValue()),
              0,
              Double.NaN,
              false,
              Histogram.log(1e-6, 10, 10),
              Histogram.log(1e-6, 10, 10),
              m[3] == 1));
    }
    return out;
  }

  private static double d(String s) {
    return s.equals("nan") ? Double.NaN : Double.parseDouble(s);
  }

  static void appendHistogram(StringBuilder sb, int l, double t, String name, Histogram h) {
    AvalancheTables.histogram(sb, l + "," + f(t) + "," + name, h);
  }
}
