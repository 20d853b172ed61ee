package org.glasslab.data.geometry;

/**
 * Receives one pair of particles found by a {@link CellList} visit: primitive arguments, so a visit
 * neither boxes nor allocates per pair.
 */
@FunctionalInterface
public interface PairVisitor {
  /**
   * One pair (i, j) closer than the cutoff.
   *
   * @param i first particle
   * @param j second particle ({@code i < j} in a half-list visit)
   * @param dx minimum-image separation {@code x_j - x_i} [length]
   * @param dy minimum-image separation {@code y_j - y_i} [length]
   * @param r2 {@code dx^2 + dy^2} [length^2]
   */
  void pair(int i, int j, double dx, double dy, double r2);
}
