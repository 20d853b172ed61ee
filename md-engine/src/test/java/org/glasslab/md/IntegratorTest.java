package org.glasslab.md;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.glasslab.data.Configuration;
import org.glasslab.data.random.Rng;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class IntegratorTest {

  static Configuration withVelocities(Configuration c, double t, long seed) {
    double[] v = Kinetics.maxwellBoltzmann(c.size(), t, new Rng(seed));
    return c.withVelocities(v);
  }

  @ParameterizedTest
  @EnumSource(ForceKernel.class)
  void isokineticHoldsTemperatureExactlyAndMomentumZero(ForceKernel kernel) {
    try (Kernels k = Kernels.use(kernel)) {
      isokinetic();
    }
  }

  private static void isokinetic() {
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

  @ParameterizedTest
  @EnumSource(ForceKernel.class)
  void sortingDoesNotChangeTheTrajectoryBeyondRounding(ForceKernel kernel) {
    try (Kernels k = Kernels.use(kernel)) {
      sorting();
    }
  }

  private static void sorting() {
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

  @ParameterizedTest
  @EnumSource(ForceKernel.class)
  void restoredStateContinuesBitForBit(ForceKernel kernel) {
    try (Kernels k = Kernels.use(kernel)) {
      restored(kernel);
    }
  }

  private static void restored(ForceKernel kernel) {
    Configuration c = withVelocities(TestSystems.lattice(12, 0.9, 0.4, 6), 0.5, 2);
    Simulation a = new Simulation(c, Wca.INSTANCE, new BrownClarke(0.5), MdOptions.defaults(0.003));
    a.run(537);
    Simulation b = new Simulation(a.state(), Wca.INSTANCE);
    assertEquals(kernel, a.forceKernel());
    assertEquals(kernel, b.forceKernel());
    a.run(1000);
    b.run(1000);
    assertEquals(a.snapshot(), b.snapshot());
  }
}
