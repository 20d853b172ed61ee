package org.glasslab.epm.fit;

/**
 * A weighted least-squares straight line y = a + b·x: the one line fit of the EPM code (T_c(L)
 * laws, finite-N extrapolations), with the parameter errors that the weights imply.
 *
 * @param intercept a
 * @param slope b
 * @param interceptError standard error of a from the weights (w = 1/σ², not rescaled by χ²)
 * @param slopeError standard error of b, likewise
 * @param chi2 Σ w (y − a − b x)²
 * @param points number of points
 */
public record WeightedLine(
    double intercept,
    double slope,
    double interceptError,
    double slopeError,
    double chi2,
    int points) {

  /**
   * Fits the line.
   *
   * @param x abscissae
   * @param y ordinates
   * @param w weights (1/σ² for standard errors in the units of y), positive
   * @throws IllegalArgumentException for mismatched lengths or fewer than two distinct x
   */
  public static WeightedLine fit(double[] x, double[] y, double[] w) {
    if (x.length != y.length || x.length != w.length) {
      throw new IllegalArgumentException(
          "x, y and w lengths differ: " + x.length + ", " + y.length + ", " + w.length);
    }
    double sw = 0;
    double sx = 0;
    double sy = 0;
    double sxx = 0;
    double sxy = 0;
    for (int i = 0; i < x.length; i++) {
      sw += w[i];
      sx += w[i] * x[i];
      sy += w[i] * y[i];
      sxx += w[i] * x[i] * x[i];
      sxy += w[i] * x[i] * y[i];
    }
    double det = sw * sxx - sx * sx;
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (double v : x) {
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
    if (!(hi > lo) || !(det > 0)) {
      throw new IllegalArgumentException("a line fit needs at least two different x");
    }
    double b = (sw * sxy - sx * sy) / det;
    double a = (sy - b * sx) / sw;
    double chi2 = 0;
    for (int i = 0; i < x.length; i++) {
      double r = y[i] - a - b * x[i];
      chi2 += w[i] * r * r;
    }
    return new WeightedLine(a, b, Math.sqrt(sxx / det), Math.sqrt(sw / det), chi2, x.length);
  }
}
