package org.glasslab.md;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.glasslab.data.Configuration;
import org.glasslab.data.random.Rng;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class IntegratorTest {

  static Configuration withVelocities(Configuration c, double t, long seed) {
    double[] v = Kinetics.maxwellBoltzmann(c.size(), t, new Rng(seed));
    return c.withVelocities(v);
  }

  @Test
  void isokineticHoldsTemperatureExactlyAndMomentumZero() {
    Configuration c = withVelocities(TestSystems.lattice(16, 0.9, 0.4, 5), 0.8, 1);
    Simulation sim =
        new Simulation(c, Wca.INSTANCE, new BrownClarke(0.5), MdOptions.defaults(0.003));
    for (int s = 0; s < 2000; s++) {
      sim.step();
      assertEquals(0.5, sim.kineticTemperature(), 1e-12, "step " + s);
      double[] p = sim.momentum();
      assertEquals(0, p[0], 1e-12);
      assertEquals(0, p[1], 1e-12);
    }
    assertTrue(sim.rebuilds() > 5, "the run should have rebuilt its list");
  }

  @Test
  void sortingDoesNotChangeTheTrajectoryBeyondRounding() {
    Configuration c = withVelocities(TestSystems.lattice(12, 0.9, 0.4, 6), 0.5, 2);
    Simulation a = new Simulation(c, Wca.INSTANCE, new Nve(), MdOptions.defaults(0.003));
    Simulation b = new Simulation(c, Wca.INSTANCE, new Nve(), new MdOptions(0.003, 0.3, 0, 128));
    a.run(200);
    b.run(200);
    Configuration ca = a.snapshot();
    Configuration cb = b.snapshot();
    double[] ua = ca.unwrappedPositions();
    double[] ub = cb.unwrappedPositions();
    for (int k = 0; k < ua.length; k++) {
      assertEquals(ua[k], ub[k], 1e-9);
    }
  }

  @Test
  void restoredStateContinuesBitForBit() {
    Configuration c = withVelocities(TestSystems.lattice(12, 0.9, 0.4, 6), 0.5, 2);
    Simulation a = new Simulation(c, Wca.INSTANCE, new BrownClarke(0.5), MdOptions.defaults(0.003));
    a.run(537);
    Simulation b = new Simulation(a.state(), Wca.INSTANCE);
    a.run(1000);
    b.run(1000);
    assertEquals(a.snapshot(), b.snapshot());
  }

  /**
   * NVE energy conservation, dt = 0.003, T ~ 0.5, 10^5 steps, N = 2000 (the benchmark system,
   * equilibrated 5000 steps at T = 0.5). For reference, LAMMPS (fix nve, same start, same binned
   * diameters) gives a largest relative deviation of 6.4e-5 and window means within 3.5e-5 of E0;
   * GlassLab 5.0e-5 and 2.2e-5 (docs/md-engine.md).
   */
  @Test
  @Tag("validation")
  void nveDriftIsSmallWithoutTrend() {
    Configuration c = BenchmarkSystem.prepare(2000, 0.9, 0.5, 0.003, 5000, 42);
    Simulation sim = new Simulation(c, Wca.INSTANCE, new Nve(), MdOptions.defaults(0.003));
    double e0 = sim.thermo(StressConvention.CONSISTENT).totalEnergy();
    int samples = 1000;
    double[] t = new double[samples];
    double[] e = new double[samples];
    double maxDev = 0;
    for (int s = 0; s < samples; s++) {
      sim.run(100);
      t[s] = s;
      e[s] = sim.thermo(StressConvention.CONSISTENT).totalEnergy();
      maxDev = Math.max(maxDev, Math.abs(e[s] - e0) / Math.abs(e0));
    }
    // least-squares slope over the run, as a relative change over the whole run
    double tm = 0;
    double em = 0;
    for (int s = 0; s < samples; s++) {
      tm += t[s];
      em += e[s];
    }
    tm /= samples;
    em /= samples;
    double sxy = 0;
    double sxx = 0;
    for (int s = 0; s < samples; s++) {
      sxy += (t[s] - tm) * (e[s] - em);
      sxx += (t[s] - tm) * (t[s] - tm);
    }
    double trend = Math.abs(sxy / sxx * samples / e0);
    StringBuilder windows = new StringBuilder();
    double[] mean = new double[10];
    for (int w = 0; w < 10; w++) {
      for (int s = w * samples / 10; s < (w + 1) * samples / 10; s++) {
        mean[w] += e[s] / (samples / 10);
      }
      windows.append(String.format(" %.2e", (mean[w] - e0) / Math.abs(e0)));
    }
    double drift = Math.abs(mean[9] - mean[0]) / Math.abs(e0);
    System.out.printf(
        "NVE N=%d: max relative deviation %.3e, first-vs-last-tenth drift %.3e,"
            + " linear trend %.3e, window means:%s%n",
        sim.size(), maxDev, drift, trend, windows);
    assertTrue(drift <= 5e-5, "relative drift between first and last tenth " + drift);
    assertTrue(maxDev <= 1e-4, "relative energy drift " + maxDev);
    assertTrue(trend <= 5e-5, "systematic relative trend " + trend);
  }
}
