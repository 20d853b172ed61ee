package org.glasslab.md;

/**
 * The polydisperse Weeks–Chandler–Andersen potential of Jha &amp; Sengupta eq. 1: {@code U(r) =
 * 4[(s/r)^12 - (s/r)^6 + 1/4]} for {@code r < 2^(1/6) s}, 0 otherwise, with the additive mixing
 * rule {@code s = (d_i + d_j)/2} and epsilon = 1.
 *
 * <p>Cutoff convention: strict {@code r < 2^(1/6) s}, as in the paper and in LAMMPS ({@code rsq <
 * cutsq}). Both U and its derivative vanish at the cutoff, so a pair exactly at the cutoff (common
 * in minimized states) contributes 0 either way; the strict test makes that exact in floating
 * point. Registry spec {@code wca} (no parameters). {@link PairForces} and the minimizer's energy
 * surface run hand-inlined copies of {@link #forceOverR}/{@link #energy} when the potential is this
 * class (the hot loops); everything else goes through the interface.
 */
public final class Wca implements PairPotential {
  /** {@code 2^(1/3)}: the squared cutoff in units of {@code s^2}. */
  public static final double CUTOFF_SQUARED_FACTOR = Math.cbrt(2.0);

  /** {@code 2^(1/6)}: the cutoff in units of {@code s}. */
  public static final double CUTOFF_FACTOR = Math.pow(2.0, 1.0 / 6.0);

  /** The shared instance (the potential has no parameters). */
  public static final Wca INSTANCE = new Wca();

  private Wca() {}

  @Override
  public String name() {
    return "wca";
  }

  @Override
  public double cutoffSquared(double di, double dj) {
    double s = 0.5 * (di + dj);
    return CUTOFF_SQUARED_FACTOR * (s * s); // the same rounding as the kernels' test
  }

  @Override
  public double cutoff(double di, double dj) {
    return CUTOFF_FACTOR * 0.5 * (di + dj);
  }

  @Override
  public double maxCutoff(double maxDiameter) {
    return CUTOFF_FACTOR * maxDiameter;
  }

  @Override
  public double forceOverR(double r2, double di, double dj) {
    double s = 0.5 * (di + dj);
    double s2 = s * s;
    // branch-free: evaluate, then select (about half of the listed pairs are outside the cutoff)
    double ir2 = 1.0 / r2;
    double fr = LjKernel.forceOverR(s2 * ir2, ir2, 1.0);
    return r2 < CUTOFF_SQUARED_FACTOR * s2 ? fr : 0.0;
  }

  @Override
  public double energy(double r2, double di, double dj) {
    double s = 0.5 * (di + dj);
    double s2 = s * s;
    if (r2 >= CUTOFF_SQUARED_FACTOR * s2) {
      return 0.0;
    }
    return LjKernel.energy(s2 / r2, 1.0) + 1.0;
  }

  /** {@code U''(r) = (624 (s/r)^12 - 168 (s/r)^6) / r^2} inside the cutoff. */
  @Override
  public double secondDerivative(double r2, double di, double dj) {
    double s = 0.5 * (di + dj);
    double s2 = s * s;
    if (r2 >= CUTOFF_SQUARED_FACTOR * s2) {
      return 0.0;
    }
    double ir2 = 1.0 / r2;
    return LjKernel.secondDerivative(s2 * ir2, ir2, 1.0);
  }
}
