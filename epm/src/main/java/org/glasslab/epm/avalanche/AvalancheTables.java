package org.glasslab.epm.avalanche;

import java.util.List;
import java.util.Locale;
import org.glasslab.data.stats.Histogram;

/**
 * CSV tables (header first, comma-separated, '.' decimals) of one lattice run: avalanches, their
 * distributions, persistence and χ4, x_min histograms. Files are written by the caller.
 */
public final class AvalancheTables {
  private AvalancheTables() {}

  static String num(double v) {
    return Double.isNaN(v) ? "nan" : String.format(Locale.ROOT, "%.10g", v);
  }

  /** One row per avalanche (see {@link Avalanche} for the columns). */
  public static String avalanches(List<Avalanche> list) {
    StringBuilder sb =
        new StringBuilder(
            "start_time,S,S_unstable,released,area,D,D_time,runaway,xmin_start,S_cascade,"
                + "thermal_during,epicentre,centroid_x,centroid_y\n");
    for (Avalanche a : list) {
      sb.append(num(a.startTime())).append(',').append(a.size()).append(',');
      sb.append(a.unstableSize()).append(',').append(num(a.released())).append(',');
      sb.append(a.area()).append(',').append(a.duration()).append(',');
      sb.append(num(a.durationTime())).append(',').append(a.runaway() ? 1 : 0).append(',');
      sb.append(num(a.xMinAtStart())).append(',').append(a.cascadeSize()).append(',');
      sb.append(a.thermalDuring()).append(',').append(a.epicentre()).append(',');
      sb.append(num(a.centroidX())).append(',').append(num(a.centroidY())).append('\n');
    }
    return sb.toString();
  }

  /** P(S), P(D), ⟨S⟩(D) in long format: quantity,lower,upper,value,count. */
  public static String distributions(AvalancheStatistics st) {
    StringBuilder sb = new StringBuilder("quantity,lower,upper,value,count\n");
    histogram(sb, "P(S)", st.sizeHistogram());
    histogram(sb, "P(D)", st.durationHistogram());
    for (double[] row : st.meanSizeByDuration()) {
      sb.append("<S>(D),").append(num(row[0])).append(',').append(num(row[1])).append(',');
      sb.append(num(row[2])).append(',').append((long) row[3]).append('\n');
    }
    return sb.toString();
  }

  /** Appends the non-empty bins of {@code h} as rows name,lower,upper,density,count. */
  public static void histogram(StringBuilder sb, String name, Histogram h) {
    for (int b = 0; b < h.bins(); b++) {
      if (h.count(b) == 0) {
        continue;
      }
      sb.append(name).append(',').append(num(h.lower(b))).append(',');
      sb.append(num(h.upper(b))).append(',').append(num(h.densityOfTotal(b))).append(',');
      sb.append(h.count(b)).append('\n');
    }
  }

  /** Persistence and χ4 per lag: lag,p,chi4,windows. */
  public static String persistence(PersistenceTracker tr) {
    StringBuilder sb = new StringBuilder("lag,p,chi4,windows\n");
    double[] lags = tr.lags();
    double[] p = tr.meanPersistence();
    double[] c = tr.chi4();
    for (int k = 0; k < lags.length; k++) {
      sb.append(num(lags[k])).append(',').append(num(p[k])).append(',');
      sb.append(num(c[k])).append(',').append(tr.windows()).append('\n');
    }
    return sb.toString();
  }

  /** The two x_min histograms of a detector. */
  public static String xMin(LatticeAvalanches d) {
    StringBuilder sb = new StringBuilder("quantity,lower,upper,value,count\n");
    histogram(sb, "P(xmin|quiescent)", d.xMinQuiescent());
    histogram(sb, "P(xmin|start)", d.xMinAtStart());
    return sb.toString();
  }
}
