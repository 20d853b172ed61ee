package org.glasslab.minimize;

/**
 * Stopping criteria and numerical settings shared by every {@link Minimizer}.
 *
 * @param ftol force tolerance [energy/length]: converged when the largest absolute Cartesian force
 *     component {@code max_i,a |F_ia|} is at most ftol; positive
 * @param etol relative energy tolerance (dimensionless), 0 to disable: stop (not converged) when
 *     {@code |E_k - E_k-1| <= etol * max(|E_k|, |E_k-1|)} before the force criterion holds
 * @param maxIterations iteration cap (CG line searches, FIRE steps); positive
 * @param maxForceEvaluations force-evaluation cap; positive
 * @param maxStep largest displacement of any particle in one step [length]; positive, at most half
 *     the skin is not required (lists are rebuilt as needed)
 * @param skin Verlet skin of the neighbour list [length]; &ge; 0
 * @param maxNeighbours largest half-list entries per particle before the configuration is declared
 *     collapsed
 */
public record MinimizerOptions(
    double ftol,
    double etol,
    int maxIterations,
    long maxForceEvaluations,
    double maxStep,
    double skin,
    int maxNeighbours) {

  /** Default force tolerance 1e-10 (a deep minimum, as in the paper's inherent structures). */
  public static final double DEFAULT_FTOL = 1e-10;

  /** Validates with actionable messages. */
  public MinimizerOptions {
    if (!(ftol > 0) || !Double.isFinite(ftol)) {
      throw new IllegalArgumentException(
          "ftol must be finite and positive, got " + ftol + " (e.g. 1e-10)");
    }
    if (ftol < 1e-14) {
      throw new IllegalArgumentException(
          "ftol " + ftol + " is below the round-off of the forces; use 1e-14 or more");
    }
    if (!(etol >= 0) || !Double.isFinite(etol)) {
      throw new IllegalArgumentException("etol must be finite and >= 0 (0 = off), got " + etol);
    }
    if (maxIterations < 1) {
      throw new IllegalArgumentException("maxIterations must be positive, got " + maxIterations);
    }
    if (maxForceEvaluations < 1) {
      throw new IllegalArgumentException(
          "maxForceEvaluations must be positive, got " + maxForceEvaluations);
    }
    if (!(maxStep > 0) || !Double.isFinite(maxStep)) {
      throw new IllegalArgumentException("maxStep must be finite and positive, got " + maxStep);
    }
    if (!(skin >= 0) || !Double.isFinite(skin)) {
      throw new IllegalArgumentException("skin must be finite and >= 0, got " + skin);
    }
    if (maxNeighbours < 1) {
      throw new IllegalArgumentException("maxNeighbours must be >= 1, got " + maxNeighbours);
    }
  }

  /**
   * Defaults: ftol 1e-10, no energy criterion, 1,000,000 iterations and force evaluations, max step
   * 0.1, skin 0.3, 128 neighbours.
   */
  public static MinimizerOptions defaults() {
    return new MinimizerOptions(DEFAULT_FTOL, 0.0, 1_000_000, 1_000_000, 0.1, 0.3, 128);
  }

  /** The same options with another force tolerance. */
  public MinimizerOptions withFtol(double v) {
    return new MinimizerOptions(
        v, etol, maxIterations, maxForceEvaluations, maxStep, skin, maxNeighbours);
  }

  /** The same options with another energy tolerance (0 = off). */
  public MinimizerOptions withEtol(double v) {
    return new MinimizerOptions(
        ftol, v, maxIterations, maxForceEvaluations, maxStep, skin, maxNeighbours);
  }

  /** The same options with another iteration cap. */
  public MinimizerOptions withMaxIterations(int v) {
    return new MinimizerOptions(ftol, etol, v, maxForceEvaluations, maxStep, skin, maxNeighbours);
  }

  /** The same options with another force-evaluation cap. */
  public MinimizerOptions withMaxForceEvaluations(long v) {
    return new MinimizerOptions(ftol, etol, maxIterations, v, maxStep, skin, maxNeighbours);
  }

  /** The same options with another largest per-step displacement. */
  public MinimizerOptions withMaxStep(double v) {
    return new MinimizerOptions(
        ftol, etol, maxIterations, maxForceEvaluations, v, skin, maxNeighbours);
  }

  /** The same options with another skin. */
  public MinimizerOptions withSkin(double v) {
    return new MinimizerOptions(
        ftol, etol, maxIterations, maxForceEvaluations, maxStep, v, maxNeighbours);
  }
}
