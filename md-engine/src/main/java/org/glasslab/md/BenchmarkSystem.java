package org.glasslab.md;

import org.glasslab.data.Box;
import org.glasslab.data.Configuration;
import org.glasslab.data.random.Rng;

/**
 * The standard benchmark system: N polydisperse WCA disks (11 % Gaussian diameters binned into
 * {@value #TYPES} values so that LAMMPS can run the identical system with one type per bin) at
 * density rho, equilibrated briefly at T with the Brown–Clarke thermostat. Shared by {@code
 * glasslab bench md} and the JMH benchmarks.
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
    double[] d = binDiameters(SamplePreparation.diameters(n, 0.11, rng), TYPES);
    Box box = Box.square(n, density);
    Configuration c =
        SamplePreparation.randomStart(box, d, SamplePreparation.DEFAULT_MAX_OVERLAP, rng);
    c = c.withVelocities(Kinetics.maxwellBoltzmann(n, temperature, rng));
    Simulation sim =
        new Simulation(c, Wca.INSTANCE, new BrownClarke(temperature), MdOptions.defaults(dt));
    sim.run(equilibrationSteps);
    return sim.snapshot().withStepAndTime(0, 0.0);
  }

  /**
   * Replaces each diameter by the centre of its bin among {@code bins} equal-width bins spanning
   * [min, max] of the diameters.
   *
   * @param diameters [N] [length], not modified
   * @return binned diameters [N] [length]
   */
  public static double[] binDiameters(double[] diameters, int bins) {
    if (bins < 1) {
      throw new IllegalArgumentException("bins must be >= 1, got " + bins);
    }
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (double x : diameters) {
      lo = Math.min(lo, x);
      hi = Math.max(hi, x);
    }
    double w = (hi - lo) / bins;
    double[] out = new double[diameters.length];
    for (int i = 0; i < diameters.length; i++) {
      int b = w == 0 ? 0 : (int) Math.min(bins - 1, Math.floor((diameters[i] - lo) / w));
      out[i] = lo + (b + 0.5) * w;
    }
    return out;
  }
}
