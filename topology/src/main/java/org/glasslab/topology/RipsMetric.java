package org.glasslab.topology;

/**
 * The distance used to build the Vietoris–Rips filtration of a particle configuration.
 *
 * <p>{@link #EUCLIDEAN} is the paper's choice (Jha &amp; Sengupta, Appendix B): plain distances
 * between the stored, wrapped coordinates, ignoring periodicity. {@link #PERIODIC} uses the
 * minimum-image distance of the box (the flat torus metric); its filtration sees the two
 * wrap-around cycles of the torus, which appear as two extra long-lived H1 classes once the
 * threshold exceeds the spacing.
 */
public enum RipsMetric {
  /** Euclidean distance of the wrapped coordinates as stored (the paper's). */
  EUCLIDEAN,
  /** Minimum-image distance through {@link org.glasslab.data.Box} (torus metric). */
  PERIODIC
}
