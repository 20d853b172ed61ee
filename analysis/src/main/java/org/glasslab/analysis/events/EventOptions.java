package org.glasslab.analysis.events;

/**
 * Parameters of the inherent-structure event catalogue ({@link EventCatalog}). Lengths are in units
 * of the mean particle diameter of the trajectory.
 *
 * @param moveThreshold a particle has moved between two consecutive inherent structures when its
 *     displacement exceeds this [mean diameters] (default 0.3, the threshold Jha &amp; Sengupta use
 *     to call a particle displaced)
 * @param linkDistance two moved particles belong to one cluster when their inherent-structure
 *     positions (at the start of the interval) are closer than this [mean diameters]; default 1.5,
 *     about the first minimum of g(r) of the 2D polydisperse glass, so clusters are nearest-
 *     neighbour connected (periodic images included)
 * @param minClusterSize the smallest connected cluster that can be an event (default 5 particles)
 * @param zThreshold an interval is significant when the strength of its largest cluster exceeds
 *     what intervals of the same lag produce elsewhere in the trajectory by this many robust
 *     standard deviations (default 4)
 * @param minSameLag fewest other intervals of the same lag needed for that comparison (default 3);
 *     with fewer the interval is reported as not judged, never as an event
 */
public record EventOptions(
    double moveThreshold,
    double linkDistance,
    int minClusterSize,
    double zThreshold,
    int minSameLag) {

  /** Validates the parameters (messages name the parameter). */
  public EventOptions {
    if (!(moveThreshold > 0) || !Double.isFinite(moveThreshold)) {
      throw new IllegalArgumentException(
          "move threshold must be finite and positive [mean diameters], got " + moveThreshold);
    }
    if (!(linkDistance > 0) || !Double.isFinite(linkDistance)) {
      throw new IllegalArgumentException(
          "link distance must be finite and positive [mean diameters], got " + linkDistance);
    }
    if (minClusterSize < 1) {
      throw new IllegalArgumentException("min cluster size must be >= 1, got " + minClusterSize);
    }
    if (!(zThreshold > 0) || !Double.isFinite(zThreshold)) {
      throw new IllegalArgumentException(
          "z threshold must be finite and positive, got " + zThreshold);
    }
    if (minSameLag < 2) {
      throw new IllegalArgumentException(
          "min same-lag intervals must be >= 2 (a median and a spread), got " + minSameLag);
    }
  }

  /** The documented defaults. */
  public static EventOptions defaults() {
    return new EventOptions(0.3, 1.5, 5, 4.0, 3);
  }
}
