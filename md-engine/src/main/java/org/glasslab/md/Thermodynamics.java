package org.glasslab.md;

import org.glasslab.data.Configuration;

/** Observables of a stored configuration (no engine needed): energy, pressure, stress tensor. */
public final class Thermodynamics {
  private Thermodynamics() {}

  /**
   * Evaluates {@code potential} on {@code c}.
   *
   * @param c the configuration (positions wrapped; velocities optional)
   * @param potential the pair kernel
   * @param temperature T for the kinetic stress term {@code rho k_B T}; NaN to use the kinetic
   *     temperature {@code sum v^2/(2N-2)} of the stored velocities (0 without velocities)
   * @param convention pair prefactor of the stress
   */
  public static Thermo of(
      Configuration c, PairPotential potential, double temperature, StressConvention convention) {
    int n = c.size();
    double[] d = c.diameters();
    double dMax = 0;
    for (double x : d) {
      dMax = Math.max(dMax, x);
    }
    NeighbourList list = new NeighbourList(c.box(), n, potential.maxCutoff(dMax), 0.0, 4096);
    double[] x = c.positions();
    list.build(x, d, potential);
    double[] w = new double[3];
    double u = new PairForces(potential, list, ForceKernel.SCALAR).compute(x, d, null, w);
    double k = 0;
    double tKin = 0;
    if (c.hasVelocities()) {
      double[] v = c.velocities();
      k = Kinetics.kineticEnergy(v, n);
      tKin = n >= 2 ? Kinetics.temperature(v, n) : 0;
    }
    double t = Double.isNaN(temperature) ? tKin : temperature;
    return Thermo.of(n, c.box().area(), u, k, t, w, convention);
  }
}
