package org.glasslab.epm.coarsegrain;

/**
 * Local yield statistics of one side (particles by the frozen-matrix method, or lattice sites): the
 * distances to yielding x and the pseudogap exponent θ of P(x) ~ x^θ fitted on [fitMin, fitMax]. It
 * is the interface through which a local-yield measurement enters {@link CalibratedComparison};
 * without it the P(x) and θ rows say "not measured".
 *
 * @param x samples of the distance to yielding [stress units of that side], not copied
 * @param theta fitted pseudogap exponent θ
 * @param thetaError its one-standard-deviation uncertainty
 * @param fitMin smallest x of the fit range
 * @param fitMax largest x of the fit range
 * @param method how x and θ were measured (shown in the table)
 */
public record LocalYieldStatistics(
    double[] x, double theta, double thetaError, double fitMin, double fitMax, String method) {
  /** Checks the record: samples present, θ with a finite error, an ordered fit range. */
  public LocalYieldStatistics {
    if (x == null || x.length == 0) {
      throw new IllegalArgumentException("x: need at least one distance-to-yield sample");
    }
    if (!Double.isFinite(theta) || !(thetaError >= 0) || !Double.isFinite(thetaError)) {
      throw new IllegalArgumentException(
          "theta: need a finite exponent and uncertainty, got " + theta + " ± " + thetaError);
    }
    if (!(fitMax > fitMin)) {
      throw new IllegalArgumentException(
          "fit range: need fitMin < fitMax, got [" + fitMin + ", " + fitMax + "]");
    }
  }
}
