package org.glasslab.topology;

/**
 * Parameters of a Vietoris–Rips persistence computation up to dimension 1.
 *
 * @param threshold the filtration threshold alpha [length]: edges longer than it are not in the
 *     complex, H1 classes still alive at it are reported with death {@code +infinity}
 * @param metric Euclidean (paper) or periodic minimum image
 * @param precision distance arithmetic ({@link DistancePrecision#FLOAT32} matches ripser exactly)
 * @param countTriangles whether to count the 2-simplices of the complex (costs one extra pass)
 */
public record RipsOptions(
    double threshold, RipsMetric metric, DistancePrecision precision, boolean countTriangles) {

  /** Validates the parameters. */
  public RipsOptions {
    if (!(threshold >= 0) || !Double.isFinite(threshold)) {
      throw new IllegalArgumentException(
          "threshold alpha must be finite and >= 0, got " + threshold);
    }
    if (metric == null) {
      throw new IllegalArgumentException("metric is required (EUCLIDEAN or PERIODIC)");
    }
    if (precision == null) {
      throw new IllegalArgumentException("precision is required (DOUBLE or FLOAT32)");
    }
  }

  /** Euclidean distances in double precision, triangles counted. */
  public static RipsOptions euclidean(double threshold) {
    return new RipsOptions(threshold, RipsMetric.EUCLIDEAN, DistancePrecision.DOUBLE, true);
  }

  /** Periodic minimum-image distances in double precision, triangles counted. */
  public static RipsOptions periodic(double threshold) {
    return new RipsOptions(threshold, RipsMetric.PERIODIC, DistancePrecision.DOUBLE, true);
  }

  /** The same options with another precision. */
  public RipsOptions withPrecision(DistancePrecision p) {
    return new RipsOptions(threshold, metric, p, countTriangles);
  }

  /** The same options with triangle counting switched on or off. */
  public RipsOptions withCountTriangles(boolean count) {
    return new RipsOptions(threshold, metric, precision, count);
  }

  /**
   * The paper's threshold {@code alpha = 3 (sigma_max1 + sigma_max2)} from the two largest
   * diameters (Jha &amp; Sengupta, Appendix B; about 8.19 for their polydisperse glass).
   *
   * @param diameters [N] particle diameters [length], N &ge; 2, not modified
   * @return alpha [length]
   */
  public static double paperAlpha(double[] diameters) {
    if (diameters == null || diameters.length < 2) {
      throw new IllegalArgumentException(
          "the paper's alpha needs at least two particle diameters, got "
              + (diameters == null ? 0 : diameters.length));
    }
    double m1 = Double.NEGATIVE_INFINITY;
    double m2 = Double.NEGATIVE_INFINITY;
    for (double d : diameters) {
      if (d > m1) {
        m2 = m1;
        m1 = d;
      } else if (d > m2) {
        m2 = d;
      }
    }
    return 3.0 * (m1 + m2);
  }
}
