package org.glasslab.topology;

/**
 * Parameters of a Vietoris–Rips persistence computation up to dimension 1.
 *
 * @param threshold the filtration threshold alpha [length]: edges longer than it are not in the
 *     complex, H1 classes still alive at it are reported with death {@code +infinity}
 * @param metric Euclidean (paper) or periodic minimum image
 * @param precision distance arithmetic ({@link DistancePrecision#FLOAT32} matches ripser exactly)
 * @param tieTolerance relative tolerance under which two distances count as one filtration value:
 *     sorted distances within {@code tieTolerance} of the first of a run are set to it (a monotone
 *     change of every value by at most that relative amount, so bars move at most that much and
 *     bars shorter than it vanish). It turns the rounding noise of "equal" distances in lattices
 *     into exact ties, which produce no bars. Default {@value #DEFAULT_TIE_TOLERANCE} in double
 *     precision, 0 in {@code FLOAT32} (ripser does not merge values).
 * @param countTriangles whether to count the 2-simplices of the complex (costs one extra pass)
 */
public record RipsOptions(
    double threshold,
    RipsMetric metric,
    DistancePrecision precision,
    double tieTolerance,
    boolean countTriangles) {

  /** Default relative tie tolerance in double precision. */
  public static final double DEFAULT_TIE_TOLERANCE = 1e-12;

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
    if (!(tieTolerance >= 0 && tieTolerance <= 1e-3)) {
      throw new IllegalArgumentException(
          "tie tolerance must be in [0, 1e-3] (relative), got " + tieTolerance);
    }
  }

  /** Euclidean distances in double precision, triangles counted. */
  public static RipsOptions euclidean(double threshold) {
    return new RipsOptions(
        threshold, RipsMetric.EUCLIDEAN, DistancePrecision.DOUBLE, DEFAULT_TIE_TOLERANCE, true);
  }

  /** Periodic minimum-image distances in double precision, triangles counted. */
  public static RipsOptions periodic(double threshold) {
    return new RipsOptions(
        threshold, RipsMetric.PERIODIC, DistancePrecision.DOUBLE, DEFAULT_TIE_TOLERANCE, true);
  }

  /**
   * Ripser-compatible options: Euclidean metric, {@code float} arithmetic, no tie merging, so the
   * barcodes equal {@code ripser --format point-cloud --dim 1 --threshold alpha} exactly.
   */
  public static RipsOptions ripserCompatible(double threshold) {
    return new RipsOptions(threshold, RipsMetric.EUCLIDEAN, DistancePrecision.FLOAT32, 0.0, true);
  }

  /** The same options with another precision (and its default tie tolerance). */
  public RipsOptions withPrecision(DistancePrecision p) {
    double tol = p == DistancePrecision.FLOAT32 ? 0.0 : DEFAULT_TIE_TOLERANCE;
    return new RipsOptions(threshold, metric, p, tol, countTriangles);
  }

  /** The same options with another relative tie tolerance. */
  public RipsOptions withTieTolerance(double tol) {
    return new RipsOptions(threshold, metric, precision, tol, countTriangles);
  }

  /** The same options with another threshold. */
  public RipsOptions withThreshold(double alpha) {
    return new RipsOptions(alpha, metric, precision, tieTolerance, countTriangles);
  }

  /** The same options with triangle counting switched on or off. */
  public RipsOptions withCountTriangles(boolean count) {
    return new RipsOptions(threshold, metric, precision, tieTolerance, count);
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
