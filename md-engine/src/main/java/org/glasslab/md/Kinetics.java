package org.glasslab.md;

import java.util.random.RandomGenerator;

/**
 * Kinetic quantities of N unit-mass particles in 2D. Convention: {@code 2N - 2} degrees of freedom
 * (centre-of-mass momentum is zero in every GlassLab run), {@code T_kin = sum v^2 / (2N - 2)}.
 */
public final class Kinetics {
  private Kinetics() {}

  /** Degrees of freedom {@code 2N - 2}; N must be at least 2. */
  public static int degreesOfFreedom(int n) {
    if (n < 2) {
      throw new IllegalArgumentException("need at least 2 particles for 2N-2 > 0, got N = " + n);
    }
    return 2 * n - 2;
  }

  /**
   * {@code sum_i (vx_i^2 + vy_i^2)} [length^2/time^2].
   *
   * @param v [2N] velocities, not modified
   */
  public static double sumSquares(double[] v, int n) {
    double s = 0;
    for (int i = 0; i < n; i++) {
      double vx = v[2 * i];
      double vy = v[2 * i + 1];
      s += vx * vx + vy * vy;
    }
    return s;
  }

  /** Kinetic energy {@code sum v^2 / 2} [energy] (unit mass). */
  public static double kineticEnergy(double[] v, int n) {
    return 0.5 * sumSquares(v, n);
  }

  /** Kinetic temperature {@code sum v^2 / (2N - 2)} [energy/k_B]. */
  public static double temperature(double[] v, int n) {
    return sumSquares(v, n) / degreesOfFreedom(n);
  }

  /**
   * Total momentum (px, py) [mass length/time].
   *
   * @param v [2N] velocities, not modified
   */
  public static double[] momentum(double[] v, int n) {
    double sx = 0;
    double sy = 0;
    for (int i = 0; i < n; i++) {
      sx += v[2 * i];
      sy += v[2 * i + 1];
    }
    return new double[] {sx, sy};
  }

  /**
   * Maxwell–Boltzmann velocities at temperature {@code t}: Gaussian components, centre-of-mass
   * momentum removed, then scaled so that the kinetic temperature is exactly {@code t}.
   *
   * @param n number of particles (&ge; 2)
   * @param t temperature [energy/k_B], positive
   * @param rng source of randomness (advanced)
   * @return velocities [2N] [length/time]
   */
  public static double[] maxwellBoltzmann(int n, double t, RandomGenerator rng) {
    double[] v = new double[2 * n];
    double sd = Math.sqrt(t);
    for (int k = 0; k < 2 * n; k++) {
      v[k] = sd * rng.nextGaussian();
    }
    new BrownClarke(t).endOfStep(v, n);
    return v;
  }
}
