package org.glasslab.md;

/**
 * Numerical options of a {@link Simulation}.
 *
 * @param dt time step [time], positive
 * @param skin Verlet skin [length], &ge; 0; the list is rebuilt when a particle has moved more than
 *     skin/2
 * @param sortEvery spatially sort the particles (by cell) every this many list rebuilds, for cache
 *     locality; 0 never sorts
 * @param maxNeighbours largest number of half-list entries per particle before the configuration is
 *     declared collapsed
 */
public record MdOptions(double dt, double skin, int sortEvery, int maxNeighbours) {

  /**
   * Default skin, tuned for WCA at rho = 0.9, T = 0.5, dt = 0.003 with both force kernels (0.5
   * since the vector integration loops; 0.3 before; see docs/md-engine.md).
   */
  public static final double DEFAULT_SKIN = 0.5;

  /** Validates. */
  public MdOptions {
    if (!(dt > 0) || !Double.isFinite(dt)) {
      throw new IllegalArgumentException("time step dt must be finite and positive, got " + dt);
    }
    if (!(skin >= 0) || !Double.isFinite(skin)) {
      throw new IllegalArgumentException("skin must be finite and >= 0, got " + skin);
    }
    if (sortEvery < 0) {
      throw new IllegalArgumentException("sortEvery must be >= 0 (0 = never), got " + sortEvery);
    }
    if (maxNeighbours < 1) {
      throw new IllegalArgumentException("maxNeighbours must be >= 1, got " + maxNeighbours);
    }
  }

  /**
   * Defaults with time step {@code dt}: {@link #DEFAULT_SKIN}, sort every 20 rebuilds, 128
   * neighbours.
   */
  public static MdOptions defaults(double dt) {
    return new MdOptions(dt, DEFAULT_SKIN, 20, 128);
  }

  /** The same options with another skin. */
  public MdOptions withSkin(double newSkin) {
    return new MdOptions(dt, newSkin, sortEvery, maxNeighbours);
  }

  /** The same options with another time step. */
  public MdOptions withDt(double newDt) {
    return new MdOptions(newDt, skin, sortEvery, maxNeighbours);
  }
}
