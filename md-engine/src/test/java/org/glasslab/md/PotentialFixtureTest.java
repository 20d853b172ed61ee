package org.glasslab.md;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.List;
import org.glasslab.data.Configuration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The {@code lj} and {@code ka} potentials against LAMMPS (29 Sep 2021 Update 2, Debian {@code
 * lmp}; fixtures made by src/test/resources/reference/make_potential_fixtures.py): energy and
 * virial of the same configuration to 1e-10 relative, then 200 plain NVE velocity-Verlet steps
 * compared step by step (energies, virial, and positions and velocities every 50 steps).
 */
class PotentialFixtureTest {

  private static void assertRel(double want, double got, double rel, String what) {
    assertEquals(want, got, rel * Math.abs(want), what);
  }

  @ParameterizedTest
  @CsvSource({"lj400, lj", "ka400, ka"})
  void energyAndVirialMatchLammps(String system, String spec) throws IOException {
    Configuration c = LammpsFixtureTest.config(system + "-config.txt");
    double[] ref = LammpsFixtureTest.rows(system + "-static.txt").get(0);
    Simulation sim =
        new Simulation(c, Potentials.byName(spec), new Nve(), MdOptions.defaults(0.003));
    Thermo t = sim.thermo(StressConvention.CONSISTENT);
    double a = c.box().area();
    assertRel(ref[0], t.potentialEnergy(), 1e-10, "potential energy");
    assertRel(ref[1], t.virialXx() / a, 1e-10, "virial xx / A");
    assertRel(ref[2], t.virialYy() / a, 1e-10, "virial yy / A");
    assertRel(ref[3], t.virialXy() / a, 1e-10, "virial xy / A");
    assertRel(ref[4], t.kineticEnergy(), 1e-12, "kinetic energy");
    // the one-shot evaluator used by the thermo command gives the same numbers
    Thermo r = Thermodynamics.of(c, Potentials.byName(spec), 0.5, StressConvention.CONSISTENT);
    assertRel(ref[0], r.potentialEnergy(), 1e-10, "Thermodynamics potential energy");
  }

  @ParameterizedTest
  @CsvSource({"lj400, lj", "ka400, ka"})
  void nveTrajectoryMatchesLammpsStepByStep(String system, String spec) throws IOException {
    Configuration c = LammpsFixtureTest.config(system + "-config.txt");
    List<double[]> thermo = LammpsFixtureTest.rows(system + "-thermo.txt");
    List<double[]> dump = LammpsFixtureTest.rows(system + "-dump.txt");
    int n = c.size();
    Simulation sim =
        new Simulation(c, Potentials.byName(spec), new Nve(), MdOptions.defaults(0.003));
    double a = c.box().area();
    int dumpRow = 0;
    for (int s = 0; s <= 200; s++) {
      if (s > 0) {
        sim.step();
      }
      double[] ref = thermo.get(s);
      assertEquals(s, (int) ref[0]);
      Thermo t = sim.thermo(StressConvention.CONSISTENT);
      assertRel(ref[1], t.potentialEnergy(), 1e-10, "pe at step " + s);
      assertRel(ref[2], t.kineticEnergy(), 1e-10, "ke at step " + s);
      double scale = Math.abs(ref[3]) + Math.abs(ref[4]);
      assertEquals(ref[3], t.virialXx() / a, 1e-10 * scale, "pxx at step " + s);
      assertEquals(ref[4], t.virialYy() / a, 1e-10 * scale, "pyy at step " + s);
      assertEquals(ref[5], t.virialXy() / a, 1e-10 * scale, "pxy at step " + s);
      if (s % 50 == 0) {
        assertEquals(s, (int) dump.get(dumpRow)[0]);
        Configuration snap = sim.snapshot();
        double[] u = snap.unwrappedPositions();
        double[] v = snap.velocities();
        for (int i = 0; i < n; i++) {
          double[] r = dump.get(dumpRow + 1 + i);
          assertEquals(r[0], u[2 * i], 1e-10, "x of atom " + i + " at step " + s);
          assertEquals(r[1], u[2 * i + 1], 1e-10, "y of atom " + i + " at step " + s);
          assertEquals(r[2], v[2 * i], 1e-10, "vx of atom " + i + " at step " + s);
          assertEquals(r[3], v[2 * i + 1], 1e-10, "vy of atom " + i + " at step " + s);
        }
        dumpRow += n + 1;
      }
    }
  }
}
