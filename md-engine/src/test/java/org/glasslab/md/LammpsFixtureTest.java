package org.glasslab.md;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.glasslab.data.Box;
import org.glasslab.data.Configuration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Compares with fixtures made by LAMMPS (29 Sep 2021 Update 2, Debian {@code lmp}) through
 * src/test/resources/reference/make_lammps_fixtures.py: same binned diameters, pair lj/cut with
 * shift = WCA.
 */
class LammpsFixtureTest {

  static List<double[]> rows(String resource) throws IOException {
    List<double[]> out = new ArrayList<>();
    try (InputStream in = LammpsFixtureTest.class.getResourceAsStream("/reference/" + resource);
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        line = line.strip();
        if (line.isEmpty() || line.startsWith("#")) {
          continue;
        }
        String[] p = line.split("\\s+");
        double[] v = new double[p.length];
        for (int k = 0; k < p.length; k++) {
          v[k] = Double.parseDouble(p[k]);
        }
        out.add(v);
      }
    }
    return out;
  }

  static Configuration config() throws IOException {
    return config("wca400-config.txt");
  }

  /** A fixture configuration in the {@code *-config.txt} format of the fixture scripts. */
  static Configuration config(String resource) throws IOException {
    List<double[]> rows = rows(resource);
    double[] head = rows.get(0);
    int n = (int) head[0];
    int ntypes = (int) head[3];
    Box box = new Box(head[1], head[2]);
    double[] diam = new double[ntypes + 1];
    for (int t = 0; t < ntypes; t++) {
      double[] r = rows.get(1 + t);
      diam[(int) r[0]] = r[1];
    }
    double[] x = new double[2 * n];
    int[] im = new int[2 * n];
    double[] v = new double[2 * n];
    double[] d = new double[n];
    for (int i = 0; i < n; i++) {
      double[] r = rows.get(1 + ntypes + i);
      d[i] = diam[(int) r[0]];
      x[2 * i] = r[1];
      x[2 * i + 1] = r[2];
      im[2 * i] = (int) r[3];
      im[2 * i + 1] = (int) r[4];
      v[2 * i] = r[5];
      v[2 * i + 1] = r[6];
    }
    return new Configuration(box, x, im, d, v, null, null, 0, 0);
  }

  private static void assertRel(double want, double got, double rel, String what) {
    assertEquals(want, got, rel * Math.abs(want), what);
  }

  @ParameterizedTest
  @EnumSource(ForceKernel.class)
  void energyAndStressTensorMatchLammps(ForceKernel kernel) throws IOException {
    Configuration c = config();
    double[] ref = rows("wca400-static.txt").get(0);
    Simulation sim;
    try (Kernels k = Kernels.use(kernel)) {
      sim = new Simulation(c, Wca.INSTANCE, new BrownClarke(0.5, false), MdOptions.defaults(0.003));
    }
    assertEquals(kernel, sim.forceKernel());
    Thermo t = sim.thermo(StressConvention.CONSISTENT);
    double a = c.box().area();
    assertRel(ref[0], t.potentialEnergy(), 1e-10, "potential energy");
    assertRel(ref[1], t.virialXx() / a, 1e-10, "virial xx / A");
    assertRel(ref[2], t.virialYy() / a, 1e-10, "virial yy / A");
    assertRel(ref[3], t.virialXy() / a, 1e-10, "virial xy / A");
    assertRel(ref[4], t.kineticEnergy(), 1e-12, "kinetic energy");
    // the full consistent stress tensor: the same virial part plus rho T
    assertRel(c.size() / a * t.temperature() + ref[1], t.sxx(), 1e-10, "sigma_xx");
    assertRel(ref[3], t.sxy(), 1e-10, "sigma_xy");
    assertEquals(t.sxy(), t.syx(), 0.0);
  }

  @ParameterizedTest
  @EnumSource(ForceKernel.class)
  void trajectoryMatchesLammpsStepByStep(ForceKernel kernel) throws IOException {
    Configuration c = config();
    List<double[]> thermo = rows("wca400-thermo.txt");
    List<double[]> dump = rows("wca400-dump.txt");
    int n = c.size();
    // LAMMPS fix temp/rescale does not touch the centre of mass: mimic it literally
    Simulation sim;
    try (Kernels k = Kernels.use(kernel)) {
      sim = new Simulation(c, Wca.INSTANCE, new BrownClarke(0.5, false), MdOptions.defaults(0.003));
    }
    assertEquals(kernel, sim.forceKernel());
    double a = c.box().area();
    double worstE = 0;
    double worstX = 0;
    int dumpRow = 0;
    for (int s = 0; s <= 1000; s++) {
      if (s > 0) {
        sim.step();
      }
      double[] ref = thermo.get(s);
      assertEquals(s, (int) ref[0]);
      Thermo t = sim.thermo(StressConvention.CONSISTENT);
      worstE = Math.max(worstE, Math.abs(t.potentialEnergy() - ref[1]) / Math.abs(ref[1]));
      assertRel(ref[1], t.potentialEnergy(), 1e-9, "pe at step " + s);
      assertRel(ref[2], t.kineticEnergy(), 1e-9, "ke at step " + s);
      double scale = Math.abs(ref[3]) + Math.abs(ref[4]);
      assertEquals(ref[3], t.virialXx() / a, 1e-9 * scale, "pxx at step " + s);
      assertEquals(ref[4], t.virialYy() / a, 1e-9 * scale, "pyy at step " + s);
      assertEquals(ref[5], t.virialXy() / a, 1e-9 * scale, "pxy at step " + s);
      if (s % 100 == 0) {
        assertEquals(s, (int) dump.get(dumpRow)[0]);
        Configuration snap = sim.snapshot();
        double[] u = snap.unwrappedPositions();
        double[] v = snap.velocities();
        for (int i = 0; i < n; i++) {
          double[] r = dump.get(dumpRow + 1 + i);
          worstX = Math.max(worstX, Math.abs(u[2 * i] - r[0]));
          worstX = Math.max(worstX, Math.abs(u[2 * i + 1] - r[1]));
          assertEquals(r[0], u[2 * i], 1e-9, "x of atom " + i + " at step " + s);
          assertEquals(r[1], u[2 * i + 1], 1e-9, "y of atom " + i + " at step " + s);
          assertEquals(r[2], v[2 * i], 1e-9, "vx of atom " + i + " at step " + s);
          assertEquals(r[3], v[2 * i + 1], 1e-9, "vy of atom " + i + " at step " + s);
        }
        dumpRow += n + 1;
      }
    }
    System.out.printf(
        "LAMMPS 1000-step comparison: worst relative pe %.2e, worst |dx| %.2e%n", worstE, worstX);
    assertTrue(worstX < 1e-9);
  }
}
