package org.glasslab.epm.coarsegrain;

/**
 * Relaxation-time read-outs of a decaying correlation function c(t) sampled at increasing lags t
 * (F_s(k, t) of particles, the persistence p(t) of particles or lattice sites): the time where c
 * crosses a level (log-linear interpolation in t), the stretching exponent β of c = exp(−(t/τ)^β)
 * and the peak of the four-point susceptibility χ4(t). Units are those of the lags given.
 */
public final class RelaxationTime {
  private RelaxationTime() {}

  /**
   * The first lag where {@code c} falls below {@code level}, interpolated linearly in c against ln
   * t between the bracketing lags; NaN if c never crosses it downwards.
   *
   * @param t increasing positive lags, not modified
   * @param c values at those lags, not modified
   */
  public static double crossing(double[] t, double[] c, double level) {
    for (int k = 1; k < t.length; k++) {
      if (c[k - 1] >= level && c[k] < level) {
        double f = (c[k - 1] - level) / (c[k - 1] - c[k]);
        return Math.exp(Math.log(t[k - 1]) + f * (Math.log(t[k]) - Math.log(t[k - 1])));
      }
    }
    return Double.NaN;
  }

  /** τ_α: where {@code c} = 1/e ({@link #crossing}). */
  public static double tauAlpha(double[] t, double[] c) {
    return crossing(t, c, Math.exp(-1));
  }

  /**
   * Uncertainty of {@link #tauAlpha} from a standard error {@code se} of c at each lag: δτ = δc /
   * |dc/d ln t| · τ with the slope and δc of the bracketing lags; NaN if not bracketed.
   */
  public static double tauAlphaError(double[] t, double[] c, double[] se) {
    double level = Math.exp(-1);
    for (int k = 1; k < t.length; k++) {
      if (c[k - 1] >= level && c[k] < level) {
        double tau = tauAlpha(t, c);
        double slope = (c[k - 1] - c[k]) / (Math.log(t[k]) - Math.log(t[k - 1]));
        double dc = Math.max(se[k - 1], se[k]);
        return tau * dc / slope;
      }
    }
    return Double.NaN;
  }

  /**
   * Stretching exponent β of c(t) = exp(−(t/τ)^β): least-squares slope of ln(−ln c) on ln t over
   * the lags with c in [lo, hi], {β, standard error of the slope}; {NaN, NaN} with fewer than three
   * such lags.
   */
  public static double[] stretching(double[] t, double[] c, double lo, double hi) {
    int n = 0;
    double sx = 0;
    double sy = 0;
    double sxx = 0;
    double sxy = 0;
    double syy = 0;
    for (int k = 0; k < t.length; k++) {
      if (c[k] >= lo && c[k] <= hi && c[k] < 1 && c[k] > 0) {
        double x = Math.log(t[k]);
        double y = Math.log(-Math.log(c[k]));
        n++;
        sx += x;
        sy += y;
        sxx += x * x;
        sxy += x * y;
        syy += y * y;
      }
    }
    if (n < 3) {
      return new double[] {Double.NaN, Double.NaN};
    }
    double vx = sxx - sx * sx / n;
    double cxy = sxy - sx * sy / n;
    double vy = syy - sy * sy / n;
    double b = cxy / vx;
    double res = Math.max(0, vy - b * cxy);
    return new double[] {b, Math.sqrt(res / (n - 2) / vx)};
  }

  /**
   * The maximum of χ4 over interior lags: {lag index, lag, χ4}; index −1 (and NaN) if the largest
   * value lies at the first or last lag (the peak is not bracketed) or χ4 has no finite value.
   */
  public static double[] peak(double[] t, double[] chi4) {
    int best = -1;
    for (int k = 0; k < t.length; k++) {
      if (Double.isFinite(chi4[k]) && (best < 0 || chi4[k] > chi4[best])) {
        best = k;
      }
    }
    if (best <= 0 || best >= t.length - 1) {
      return new double[] {-1, Double.NaN, Double.NaN};
    }
    return new double[] {best, t[best], chi4[best]};
  }
}
