package org.glasslab.md;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import org.glasslab.bench.md.Lammps;
import org.glasslab.bench.md.LammpsDeck;
import org.glasslab.data.Configuration;
import org.glasslab.data.random.Rng;
import org.junit.jupiter.api.Test;

/** Runs LAMMPS itself (skipped when {@code lmp} is not installed). */
class LammpsLiveTest {

  @Test
  void onePerParticleTypesMatchLammpsEnergyAndVirial() throws Exception {
    assumeTrue(Lammps.available(), "lmp not installed");
    // continuous diameters, one LAMMPS type per particle
    Configuration c = TestSystems.lattice(8, 0.9, 0.5, 21);
    c = c.withVelocities(Kinetics.maxwellBoltzmann(c.size(), 0.5, new Rng(4)));
    LammpsDeck deck = new LammpsDeck(c);
    assertEquals(c.size(), deck.typeCount());
    Lammps.Result r =
        Lammps.run(deck.dataFile(), deck.isokineticRun("data.lmp", 0.003, 0.3, 0.5, 20, 1));
    List<double[]> rows = r.thermo();
    assertEquals(21, rows.size());
    Simulation sim =
        new Simulation(c, Wca.INSTANCE, new BrownClarke(0.5, false), MdOptions.defaults(0.003));
    double a = c.box().area();
    for (int s = 0; s <= 20; s++) {
      if (s > 0) {
        sim.step();
      }
      Thermo t = sim.thermo(StressConvention.CONSISTENT);
      double[] ref = rows.get(s);
      assertEquals(ref[1], t.potentialEnergy(), 1e-10 * Math.abs(ref[1]), "pe step " + s);
      assertEquals(ref[3], t.virialXx() / a, 1e-10 * Math.abs(ref[3]), "pxx step " + s);
      assertEquals(ref[4], t.virialYy() / a, 1e-10 * Math.abs(ref[4]), "pyy step " + s);
      assertEquals(ref[5], t.virialXy() / a, 1e-10 * (Math.abs(ref[3]) + Math.abs(ref[4])));
    }
  }
}
