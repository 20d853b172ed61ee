package org.glasslab.analysis.mechanics;

/**
 * The low end of a Hessian spectrum (Jha &amp; Sengupta eq. 6).
 *
 * @param eigenvalues [m] the m smallest eigenvalues above the zero tolerance, ascending
 *     [energy/length^2] (unit mass: squared angular frequencies)
 * @param lambdaSmallest their mean (eq. 6)
 * @param zeroModes number of eigenvalues with {@code |lambda| <= zeroTolerance}: 2 translations
 *     plus 2 per rattler on a healthy inherent structure
 * @param zeroEigenvalues [zeroModes] their values (Rayleigh quotients), ascending
 * @param negativeEigenvalues eigenvalues below {@code -zeroTolerance}, ascending; non-empty means
 *     the configuration is not a converged minimum
 * @param rattlers number of particles with no interacting neighbour
 * @param vectors [m][2N] unit eigenvectors (x0, y0, ...) of {@code eigenvalues}, or {@code null}
 *     when not requested
 * @param participationRatios [m] {@code (sum_i |e_i|^2)^2 / (N sum_i |e_i|^4)} per mode, or {@code
 *     null} when vectors were not requested
 * @param maxResidual with vectors: the largest {@code ||H x - lambda x||} over the returned modes
 *     (eigenvalues are then Rayleigh quotients with the unshifted H); without: the largest Lanczos
 *     residual estimate {@code ||(H + sI)^-1 x - theta x|| / theta} (eigenvalues are then {@code
 *     1/theta - s} from the Ritz values)
 * @param shift the shift s of the operator {@code (H + s I)^-1} that was used
 * @param operatorApplications number of solves with the factorization
 * @param factorNonZeros nonzeros of the Cholesky factor
 * @param seconds wall time of the solve (factorization and Lanczos, not Hessian assembly)
 */
public record HessianSpectrum(
    double[] eigenvalues,
    double lambdaSmallest,
    int zeroModes,
    double[] zeroEigenvalues,
    double[] negativeEigenvalues,
    int rattlers,
    double[][] vectors,
    double[] participationRatios,
    double maxResidual,
    double shift,
    int operatorApplications,
    long factorNonZeros,
    double seconds) {

  /** True when no negative eigenvalue was found. */
  public boolean stable() {
    return negativeEigenvalues.length == 0;
  }

  /**
   * Participation ratio of a unit (or any nonzero) vector [2N]: 1 extended, 1/N on one particle.
   */
  public static double participationRatio(double[] v) {
    int n = v.length / 2;
    double s2 = 0;
    double s4 = 0;
    for (int i = 0; i < n; i++) {
      double a = v[2 * i] * v[2 * i] + v[2 * i + 1] * v[2 * i + 1];
      s2 += a;
      s4 += a * a;
    }
    return s2 * s2 / (n * s4);
  }
}
