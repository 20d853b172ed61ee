package org.glasslab.testsupport;

import org.glasslab.data.Box;
import org.glasslab.data.Configuration;
import org.glasslab.data.io.LammpsData;
import org.glasslab.data.random.Rng;
import org.glasslab.md.BrownClarke;
import org.glasslab.md.Kinetics;
import org.glasslab.md.MdOptions;
import org.glasslab.md.SamplePreparation;
import org.glasslab.md.Simulation;
import org.glasslab.md.Wca;

/**
 * The standard benchmark system: N polydisperse WCA disks (11 % Gaussian diameters binned into
 * {@value #TYPES} values so that LAMMPS can run the identical system with one type per bin) at
 * density rho, equilibrated briefly at T with the Brown–Clarke thermostat. Shared by {@code
 * glasslab bench md}, the JMH benchmarks and tests; test support, not product code.
 */
public final class BenchmarkSystem {
  /** Number of distinct diameters (LAMMPS atom types). */
  public static final int TYPES = 20;

  private BenchmarkSystem() {}

  /**
   * Prepares the benchmark configuration (with velocities).
   *
   * @param n particles
   * @param density rho
   * @param temperature T
   * @param dt time step for the equilibration
   * @param equilibrationSteps steps at T before the configuration is returned
   * @param seed seed
   */
  public static Configuration prepare(
      int n, double density, double temperature, double dt, long equilibrationSteps, long seed) {
    Rng rng = new Rng(seed);
    double[] d = LammpsData.binDiameters(SamplePreparation.diameters(n, 0.11, rng), TYPES);
    Box box = Box.square(n, density);
    Configuration c =
        SamplePreparation.randomStart(box, d, SamplePreparation.DEFAULT_MAX_OVERLAP, rng);
    c = c.withVelocities(Kinetics.maxwellBoltzmann(n, temperature, rng));
    Simulation sim =
        new Simulation(c, Wca.INSTANCE, new BrownClarke(temperature), MdOptions.defaults(dt));
    sim.run(equilibrationSteps);
    return sim.snapshot().withStepAndTime(0, 0.0);
  }
}
