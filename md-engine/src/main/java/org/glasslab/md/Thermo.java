package org.glasslab.md;

/**
 * Thermodynamic observables of one configuration (paper eqs 3–5): energies, kinetic temperature,
 * the pair virial and the stress tensor with its volumetric part and norm. Stress sign: positive
 * means compressive (pressure-like), as in the paper and LAMMPS.
 *
 * @param n number of particles
 * @param area box area A [length^2]
 * @param potentialEnergy total U [energy]
 * @param kineticEnergy total {@code sum v^2/2} [energy] (0 without velocities)
 * @param temperature the T used in the kinetic term {@code rho k_B T} [energy/k_B]
 * @param virialXx pair virial {@code W_xx = sum_{i<j} (-U'/r) x x} [energy]
 * @param virialYy pair virial {@code W_yy} [energy]
 * @param virialXy pair virial {@code W_xy} [energy]
 * @param convention which pair prefactor the stress uses
 * @param sxx stress {@code sigma_xx} [energy/length^2]
 * @param syy stress {@code sigma_yy} [energy/length^2]
 * @param sxy stress {@code sigma_xy} [energy/length^2]
 * @param syx stress {@code sigma_yx} (= sxy for central pair forces) [energy/length^2]
 * @param volumetric {@code (sxx + syy)/2} (eq. 4) [energy/length^2]
 * @param norm {@code sqrt(sxx^2 + syy^2 + sxy^2 + syx^2)} (eq. 5) [energy/length^2]
 */
public record Thermo(
    int n,
    double area,
    double potentialEnergy,
    double kineticEnergy,
    double temperature,
    double virialXx,
    double virialYy,
    double virialXy,
    StressConvention convention,
    double sxx,
    double syy,
    double sxy,
    double syx,
    double volumetric,
    double norm) {

  /**
   * Builds the observables from the raw sums.
   *
   * @param virial [3] (W_xx, W_yy, W_xy) [energy], not modified
   */
  public static Thermo of(
      int n,
      double area,
      double potentialEnergy,
      double kineticEnergy,
      double temperature,
      double[] virial,
      StressConvention convention) {
    double rho = n / area;
    double c = convention.factor() / area;
    double sxx = rho * temperature + c * virial[0];
    double syy = rho * temperature + c * virial[1];
    double sxy = c * virial[2];
    double syx = sxy;
    return new Thermo(
        n,
        area,
        potentialEnergy,
        kineticEnergy,
        temperature,
        virial[0],
        virial[1],
        virial[2],
        convention,
        sxx,
        syy,
        sxy,
        syx,
        0.5 * (sxx + syy),
        Math.sqrt(sxx * sxx + syy * syy + sxy * sxy + syx * syx));
  }

  /** Potential energy per particle [energy]. */
  public double potentialEnergyPerParticle() {
    return potentialEnergy / n;
  }

  /** Total energy U + K [energy]. */
  public double totalEnergy() {
    return potentialEnergy + kineticEnergy;
  }

  /**
   * Pressure {@code rho T + (W_xx + W_yy)/(2A)} [energy/length^2], independent of the stress
   * convention (equals the volumetric stress under {@link StressConvention#CONSISTENT}).
   */
  public double pressure() {
    return n / area * temperature + (virialXx + virialYy) / (2 * area);
  }
}
