package org.glasslab.analysis.mechanics;

/**
 * Options of {@link LowestModes}.
 *
 * @param count m, the number of smallest positive eigenvalues averaged into lambda_smallest (eq. 6;
 *     the paper uses 30)
 * @param zeroTolerance eigenvalues with {@code |lambda| <= zeroTolerance} are zero modes, below
 *     {@code -zeroTolerance} negative (an unconverged inherent structure) [energy/length^2]
 * @param relativeShift the shift-invert operator is {@code (H + s I)^-1} with {@code s =
 *     relativeShift * trace(H)/2N}; raised tenfold (up to 10 times) while {@code H + s I} is not
 *     positive definite
 * @param blockSize number of vectors per block Lanczos step
 * @param convergenceTolerance a Ritz pair of the operator is converged when its residual is at most
 *     this times its Ritz value
 * @param maxBasis the largest Krylov basis (vectors) before giving up; 0 chooses {@code max(300, 8
 *     * (count + 8))}
 * @param vectors whether to return eigenvectors
 * @param seed seed of the random start block
 */
public record ModeOptions(
    int count,
    double zeroTolerance,
    double relativeShift,
    int blockSize,
    double convergenceTolerance,
    int maxBasis,
    boolean vectors,
    long seed) {

  /** m = 30, zero tolerance 1e-8, relative shift 1e-4, block 1, tolerance 1e-10, no vectors. */
  public static final ModeOptions DEFAULT =
      new ModeOptions(30, 1e-8, 1e-4, 1, 1e-10, 0, false, 20261121L);

  /** Validates the options. */
  public ModeOptions {
    if (count < 1) {
      throw new IllegalArgumentException("count (m) must be >= 1, got " + count);
    }
    if (!(zeroTolerance >= 0) || !Double.isFinite(zeroTolerance)) {
      throw new IllegalArgumentException(
          "zero tolerance must be finite and >= 0, got " + zeroTolerance);
    }
    if (!(relativeShift > 0) || !(relativeShift < 1)) {
      throw new IllegalArgumentException(
          "relative shift must be in (0, 1), got " + relativeShift + "; 1e-4 is a good value");
    }
    if (blockSize < 1 || blockSize > 32) {
      throw new IllegalArgumentException("block size must be in 1..32, got " + blockSize);
    }
    if (!(convergenceTolerance > 0) || !(convergenceTolerance < 1e-3)) {
      throw new IllegalArgumentException(
          "convergence tolerance must be in (0, 1e-3), got " + convergenceTolerance);
    }
    if (maxBasis < 0) {
      throw new IllegalArgumentException("maxBasis must be >= 0 (0 = automatic), got " + maxBasis);
    }
  }

  /** The same options with another count m. */
  public ModeOptions withCount(int m) {
    return new ModeOptions(
        m, zeroTolerance, relativeShift, blockSize, convergenceTolerance, maxBasis, vectors, seed);
  }

  /** The same options with eigenvectors on or off. */
  public ModeOptions withVectors(boolean on) {
    return new ModeOptions(
        count, zeroTolerance, relativeShift, blockSize, convergenceTolerance, maxBasis, on, seed);
  }

  /** The same options with another block size. */
  public ModeOptions withBlockSize(int b) {
    return new ModeOptions(
        count, zeroTolerance, relativeShift, b, convergenceTolerance, maxBasis, vectors, seed);
  }
}
