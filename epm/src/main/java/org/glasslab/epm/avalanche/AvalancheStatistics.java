package org.glasslab.epm.avalanche;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.stat.regression.SimpleRegression;
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
 * @param durationHistogram P(D) of completed avalanches: D in protocol steps, or with {@code clock}
 *     the clock duration D_time [1/f0] of the avalanches that lasted longer than one event
 * @param meanSizeByDuration rows {D_lower, D_upper, ⟨S⟩, count} over the duration bins
 * @param cutoff S_c = ⟨S²⟩/⟨S⟩ of the completed cascades (NaN when none): the cut-off scale of P(S)
 * @param mixed completed avalanches with thermal activations during the cascade
 * @param clock whether D is the clock duration (KMC) rather than the step count
 */
public record AvalancheStatistics(
    long total,
    long runaways,
    Histogram sizeHistogram,
    Histogram durationHistogram,
    List<double[]> meanSizeByDuration,
    double cutoff,
    long mixed,
    boolean clock) {

  /** Runaway fraction runaways/total (NaN when empty). */
  public double runawayFraction() {
    return total == 0 ? Double.NaN : (double) runaways / total;
  }

  /**
   * Statistics of {@code avalanches} with {@code perDecade} log bins per decade.
   *
   * <p>{@code clock} chooses the duration D. In KMC every step is one event, so the step count
   * equals the size and ⟨S⟩(D) would be S = D by construction; there D is the clock duration D_time
   * [1/f0] (an unstable site fails at rate f0), and a single activation (D_time = 0) has no
   * duration and stays out of P(D) and ⟨S⟩(D). In the discrete protocol D is the number of steps.
   */
  public static AvalancheStatistics of(List<Avalanche> avalanches, int perDecade, boolean clock) {
    Histogram hs = Histogram.log(1, 1e9, perDecade);
    Histogram hd = Histogram.log(clock ? 1e-3 : 1, 1e9, perDecade);
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
      double d = clock ? a.durationTime() : a.duration();
      if (!(d > 0)) {
        continue;
      }
      hd.add(d);
      int b = hd.bin(d);
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
        mixed,
        clock);
  }

  /**
   * The size–duration exponent γ in ⟨S⟩ ~ D^γ: least-squares slope of log⟨S⟩ against log D over the
   * bins with at least {@code minCount} avalanches whose lower edge is at least {@code
   * minDuration}, as {γ, standard error of γ, bins used} (γ NaN with fewer than 3 bins, its error
   * NaN with fewer than 4). On the KMC clock the scaling regime starts at D ≈ 1/f0, the mean
   * failure time of one unstable site: shorter avalanches are a trigger and one or two failures.
   */
  public double[] sizeDurationFit(int minCount, double minDuration) {
    SimpleRegression reg = new SimpleRegression();
    for (double[] r : meanSizeByDuration) {
      if (r[3] >= minCount && r[0] >= minDuration * (1 - 1e-12)) {
        reg.addData(Math.log(Math.sqrt(r[0] * r[1])), Math.log(r[2]));
      }
    }
    long k = reg.getN();
    return new double[] {
      k < 3 ? Double.NaN : reg.getSlope(), k < 4 ? Double.NaN : reg.getSlopeStdErr(), k
    };
  }
}
