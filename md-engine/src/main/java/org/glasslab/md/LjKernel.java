package org.glasslab.md;

/**
 * The Lennard-Jones 12-6 pair functions of {@code q = (sigma/r)^2}, shared by {@link Wca}, {@link
 * LennardJones} and {@link KobAndersen} so the formula is written once (the WCA fast loops in
 * {@link PairForces} and the minimizer are deliberate inlined specialisations). No cutoff test
 * here: callers select.
 */
final class LjKernel {
  private LjKernel() {}

  /** {@code 4 eps (q^6 - q^3)}: the unshifted energy [energy]. */
  static double energy(double q, double eps) {
    double q3 = q * q * q;
    return 4.0 * eps * q3 * (q3 - 1.0);
  }

  /** {@code -U'(r)/r = 24 eps q^3 (2 q^3 - 1) / r^2} [energy/length^2]. */
  static double forceOverR(double q, double ir2, double eps) {
    double q3 = q * q * q;
    return 24.0 * eps * q3 * (2.0 * q3 - 1.0) * ir2;
  }

  /** {@code U''(r) = eps (624 q^6 - 168 q^3) / r^2} [energy/length^2]. */
  static double secondDerivative(double q, double ir2, double eps) {
    double q3 = q * q * q;
    return eps * (624.0 * q3 * q3 - 168.0 * q3) * ir2;
  }

  /**
   * The energy shift that makes a cut LJ vanish at {@code r_c = c sigma}: {@code 4 eps (c^-12 -
   * c^-6)} (LAMMPS {@code pair_modify shift yes}); subtracted from {@link #energy} inside the
   * cutoff.
   */
  static double shift(double cutoffOverSigma, double eps) {
    return energy(1.0 / (cutoffOverSigma * cutoffOverSigma), eps);
  }
}
