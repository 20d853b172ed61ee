package org.glasslab.analysis.stats;

import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.glasslab.data.stats.Histogram;

/**
 * Before / at / after comparison of a per-particle field across an avalanche at frame k (the
 * paper's Figs 2g, 3b, 5, 7b): values are pooled over frames {@code [k - window, k)} (before),
 * frame k (at) and {@code (k, k + window]} (after), clipped to the available frames. Each group
 * gets a {@link Summary} and a histogram on a common binning (range of all pooled finite values,
 * {@code bins} bins); before and after are compared with the two-sample Kolmogorov-Smirnov test
 * (Commons Math).
 *
 * @param frame avalanche frame k
 * @param window frames pooled on each side
 * @param before summary before
 * @param at summary at k
 * @param after summary after
 * @param histBefore histogram before
 * @param histAt histogram at k
 * @param histAfter histogram after
 * @param ksStatistic KS distance between before and after (NaN if a side is empty)
 * @param ksPValue KS p-value (NaN if a side is empty)
 */
public record AvalancheComparison(
    int frame,
    int window,
    Summary before,
    Summary at,
    Summary after,
    Histogram histBefore,
    Histogram histAt,
    Histogram histAfter,
    double ksStatistic,
    double ksPValue) {

  /**
   * Compares a field around frame {@code k}.
   *
   * @param field [F][N] the field per frame and particle (NaN = flagged), not modified
   * @param k avalanche frame, 0 &le; k &lt; F
   * @param window frames on each side, &ge; 1
   * @param bins histogram bins, &ge; 1
   */
  public static AvalancheComparison of(double[][] field, int k, int window, int bins) {
    if (k < 0 || k >= field.length) {
      throw new IllegalArgumentException(
          "avalanche frame " + k + " outside the " + field.length + " frames");
    }
    if (window < 1) {
      throw new IllegalArgumentException("window must be >= 1, got " + window);
    }
    double[] before = pool(field, Math.max(0, k - window), k);
    double[] at = pool(field, k, k + 1);
    double[] after = pool(field, k + 1, Math.min(field.length, k + 1 + window));
    double[] range = Histogram.range(before, at, after);
    double lo = range[0];
    double hi = range[1];
    double[] fb = Summary.finite(before);
    double[] fa = Summary.finite(after);
    double ks = Double.NaN;
    double p = Double.NaN;
    if (fb.length > 0 && fa.length > 0) {
      KolmogorovSmirnovTest test = new KolmogorovSmirnovTest();
      ks = test.kolmogorovSmirnovStatistic(fb, fa);
      p = test.kolmogorovSmirnovTest(fb, fa);
    }
    return new AvalancheComparison(
        k,
        window,
        Summary.of(before),
        Summary.of(at),
        Summary.of(after),
        Histogram.of(before, lo, hi, bins),
        Histogram.of(at, lo, hi, bins),
        Histogram.of(after, lo, hi, bins),
        ks,
        p);
  }

  private static double[] pool(double[][] field, int from, int to) {
    int total = 0;
    for (int f = from; f < to; f++) {
      total += field[f].length;
    }
    double[] out = new double[total];
    int c = 0;
    for (int f = from; f < to; f++) {
      System.arraycopy(field[f], 0, out, c, field[f].length);
      c += field[f].length;
    }
    return out;
  }
}
