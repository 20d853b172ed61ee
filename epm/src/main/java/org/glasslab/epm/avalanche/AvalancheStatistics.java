package org.glasslab.epm.avalanche;

import java.util.ArrayList;
import java.util.List;
import org.glasslab.data.stats.Histogram;

/**
 * Distributions of a set of avalanches (spec §3.4): P(S) and P(D) on logarithmic bins, the
 * conditional mean ⟨S⟩(D), and the runaway fraction. Runaways are counted separately and never
 * enter P(S), P(D) or ⟨S⟩(D).
 *
 * @param total avalanches, runaways included
 * @param runaways runaway avalanches
 * @param sizeHistogram P(S) of completed avalanches, S = cascade size ({@link
 *     Avalanche#cascadeSize()}: thermal activations during the cascade excluded)
 * @param durationHistogram P(D) of completed avalanches (D in steps)
 * @param meanSizeByDuration rows {D_lower, D_upper, ⟨S⟩, count} over the duration bins
 * @param cutoff S_c = ⟨S²⟩/⟨S⟩ of the completed cascades (NaN when none): the cut-off scale of P(S)
 * @param mixed completed avalanches with thermal activations during the cascade
 */
public record AvalancheStatistics(
    long total,
    long runaways,
    Histogram sizeHistogram,
    Histogram durationHistogram,
    List<double[]> meanSizeByDuration,
    double cutoff,
    long mixed) {

  /** Runaway fraction runaways/total (NaN when empty). */
  public double runawayFraction() {
    return total == 0 ? Double.NaN : (double) runaways / total;
  }

  /** Statistics of {@code avalanches} with {@code perDecade} log bins per decade. */
  public static AvalancheStatistics of(List<Avalanche> avalanches, int perDecade) {
    Histogram hs = Histogram.log(1, 1e9, perDecade);
    Histogram hd = Histogram.log(1, 1e9, perDecade);
    double[] sumS = new double[hd.bins()];
    long[] cnt = new long[hd.bins()];
    long runaways = 0;
    long mixed = 0;
    double s1 = 0;
    double s2 = 0;
    for (Avalanche a : avalanches) {
      if (a.runaway()) {
        runaways++;
        continue;
      }
      long size = a.cascadeSize();
      s1 += size;
      s2 += (double) size * size;
      mixed += a.mixed() ? 1 : 0;
      hs.add(size);
      hd.add(a.duration());
      int b = hd.bin(a.duration());
      if (b >= 0) {
        sumS[b] += size;
        cnt[b]++;
      }
    }
    List<double[]> rows = new ArrayList<>();
    for (int b = 0; b < sumS.length; b++) {
      if (cnt[b] > 0) {
        rows.add(new double[] {hd.lower(b), hd.upper(b), sumS[b] / cnt[b], cnt[b]});
      }
    }
    return new AvalancheStatistics(
        avalanches.size(),
        runaways,
        hs,
        hd,
        List.copyOf(rows),
        s1 > 0 ? s2 / s1 : Double.NaN,
        mixed);
  }

  /**
   * Least-squares slope of log⟨S⟩ vs log D over the bins with at least {@code minCount} avalanches:
   * the size–duration exponent γ in ⟨S⟩ ~ D^γ (NaN with fewer than 3 bins).
   */
  public double sizeDurationExponent(int minCount) {
    double sx = 0;
    double sy = 0;
    double sxx = 0;
    double sxy = 0;
    int k = 0;
    for (double[] r : meanSizeByDuration) {
      if (r[3] < minCount) {
        continue;
      }
      double x = Math.log(Math.sqrt(r[0] * r[1]));
      double y = Math.log(r[2]);
      sx += x;
      sy += y;
      sxx += x * x;
      sxy += x * y;
      k++;
    }
    if (k < 3) {
      return Double.NaN;
    }
    return (k * sxy - sx * sy) / (k * sxx - sx * sx);
  }
}
