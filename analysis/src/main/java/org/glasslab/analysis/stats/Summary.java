package org.glasslab.analysis.stats;

import org.apache.commons.math3.stat.descriptive.moment.Mean;
import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

/**
 * Summary statistics of one field, skipping NaN values (flagged particles) and counting them.
 * Standard deviation is the sample one (n - 1); quantiles use Commons Math's R-7 estimator (linear
 * interpolation, the numpy default).
 *
 * @param count number of finite values used
 * @param skipped number of NaN values skipped
 * @param mean mean
 * @param std sample standard deviation (NaN for count &lt; 2)
 * @param min minimum
 * @param q05 5% quantile
 * @param q25 25% quantile
 * @param median 50% quantile
 * @param q75 75% quantile
 * @param q95 95% quantile
 * @param max maximum
 */
public record Summary(
    int count,
    int skipped,
    double mean,
    double std,
    double min,
    double q05,
    double q25,
    double median,
    double q75,
    double q95,
    double max) {

  /**
   * Summarises {@code values}.
   *
   * @param values [n], not modified; NaN entries are skipped, infinities are kept
   */
  public static Summary of(double[] values) {
    double[] v = finite(values);
    int skipped = values.length - v.length;
    if (v.length == 0) {
      double nan = Double.NaN;
      return new Summary(0, skipped, nan, nan, nan, nan, nan, nan, nan, nan, nan);
    }
    Percentile p = new Percentile().withEstimationType(Percentile.EstimationType.R_7);
    p.setData(v);
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (double x : v) {
      min = Math.min(min, x);
      max = Math.max(max, x);
    }
    return new Summary(
        v.length,
        skipped,
        new Mean().evaluate(v),
        v.length > 1 ? new StandardDeviation(true).evaluate(v) : Double.NaN,
        min,
        p.evaluate(5),
        p.evaluate(25),
        p.evaluate(50),
        p.evaluate(75),
        p.evaluate(95),
        max);
  }

  /** The non-NaN entries of {@code values}, in order. */
  static double[] finite(double[] values) {
    int c = 0;
    for (double x : values) {
      if (!Double.isNaN(x)) {
        c++;
      }
    }
    double[] out = new double[c];
    int k = 0;
    for (double x : values) {
      if (!Double.isNaN(x)) {
        out[k++] = x;
      }
    }
    return out;
  }
}
