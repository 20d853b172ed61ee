package org.glasslab.md;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.glasslab.bench.cli.BenchCommand;
import org.glasslab.bench.md.Lammps;
import org.glasslab.bench.md.LammpsDeck;
import org.glasslab.data.Configuration;
import org.glasslab.data.TimeSeries;
import org.glasslab.data.Trajectory;
import org.glasslab.pipeline.cli.Cli;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code glasslab simulate --from DATA} against LAMMPS run from the same data file (skipped when
 * {@code lmp} is not installed): the 400-particle WCA glass of the md-engine fixtures with its
 * velocities scaled to T = 0.4 (centre-of-mass momentum zero), written as a LAMMPS atomic data file
 * with per-type diameters; GlassLab with no equilibration and no aging (the quench at step 0 then
 * rescales velocities already at T: identity to rounding) and a frame every step (B = 2, N_cfg =
 * 2), LAMMPS with {@code fix nve} + {@code fix temp/rescale 1 T T 0 1}, thermo and dump every step.
 * The isokinetic Brown–Clarke thermostat differs from temp/rescale only by removing the
 * centre-of-mass velocity, which is zero here (to rounding) and stays so under pair forces; the
 * scale factor is computed as LAMMPS does (BrownClarke). Tolerances are those of {@code
 * LammpsFixtureTest}'s 1000-step comparison: 1e-9 relative on energies and the shear stress, 1e-9
 * absolute on unwrapped positions and velocities, at every one of the 1000 steps (100 in the fast
 * tier).
 */
class SimulateFromLammpsTest {
  @TempDir Path dir;

  /** The first 1000 steps (about 30 s: a checkpoint and a frame every step; validation tier). */
  @Test
  @Tag("validation")
  void simulateFromALammpsDataFileEqualsLammpsNveTempRescaleFor1000Steps() throws Exception {
    compare(1000);
  }

  /** The same comparison over the first 100 steps, for the fast tier. */
  @Test
  void simulateFromALammpsDataFileEqualsLammpsFor100Steps() throws Exception {
    compare(100);
  }

  private void compare(int steps) throws Exception {
    assumeTrue(Lammps.available(), "lmp not installed");
    double temperature = 0.4;
    Configuration c = LammpsFixtureTest.config("wca400-config.txt");
    int n = c.size();
    double[] v = c.velocities().clone();
    new BrownClarke(temperature).endOfStep(v, n);
    c = c.withVelocities(v);
    LammpsDeck deck = new LammpsDeck(c);
    String data = deck.dataFile();
    Path dataFile = dir.resolve("glass.data");
    Files.writeString(dataFile, data);
    StringBuilder table = new StringBuilder();
    double[] td = deck.typeDiameters();
    for (int t = 0; t < td.length; t++) {
      table.append(t + 1).append(' ').append(String.format(Locale.ROOT, "%.17g", td[t]));
      table.append('\n');
    }
    Path types = dir.resolve("glass.diameters");
    Files.writeString(types, table);

    Path lmpDir = Files.createDirectories(dir.resolve("lammps"));
    Lammps.Result ref =
        Lammps.runIn(
            lmpDir, data, deck.isokineticRun("data.lmp", 0.003, 0.3, temperature, steps, 1, 1));
    List<double[]> thermo = ref.thermo();
    assertEquals(steps + 1, thermo.size());
    List<double[][]> dump = readDump(lmpDir.resolve("traj.dump"), n);
    assertEquals(steps + 1, dump.size());

    Path out = dir.resolve("run");
    StringWriter so = new StringWriter();
    StringWriter se = new StringWriter();
    int code =
        Cli.commandLine(new PrintWriter(so, true), new PrintWriter(se, true), new BenchCommand())
            .execute(
                "simulate",
                "--from",
                dataFile.toString(),
                "--type-diameters",
                types.toString(),
                "--temperature",
                Double.toString(temperature),
                "--equilibration-time",
                "0",
                "--waiting-time",
                "0",
                "--block-size",
                "2",
                "--n-cfg",
                "2",
                "--blocks",
                Integer.toString(steps / 2),
                "-q",
                "-o",
                out.toString());
    assertEquals(0, code, so + "\n" + se);

    double worstE = 0;
    double worstX = 0;
    try (Trajectory t = new RunDirectory(out).open()) {
      assertEquals(steps, t.frameCount());
      assertTrue(
          t.provenance().get("start").startsWith("glass.data frame 0 (sha256 "),
          t.provenance().toString());
      TimeSeries pe = t.observables().get("potential_energy");
      TimeSeries ke = t.observables().get("kinetic_energy");
      TimeSeries stress = t.observables().get("stress");
      for (int f = 0; f < steps; f++) {
        int s = f + 1; // frame f at step S(f) = 2i + 2^j = f + 1
        assertEquals(s, t.step(f));
        double[] row = thermo.get(s);
        assertEquals(s, (int) row[0]);
        double u = pe.component(0)[f];
        worstE = Math.max(worstE, Math.abs(u - row[1]) / Math.abs(row[1]));
        assertEquals(row[1], u, 1e-9 * Math.abs(row[1]), "pe at step " + s);
        assertEquals(row[2], ke.component(0)[f], 1e-9 * Math.abs(row[2]), "ke at step " + s);
        double scale = Math.abs(row[3]) + Math.abs(row[4]);
        assertEquals(row[5], stress.component(2)[f], 1e-9 * scale, "sxy at step " + s);
        Configuration g = t.frame(f);
        double[] x = g.unwrappedPositions();
        double[] w = g.velocities();
        double[][] r = dump.get(s);
        for (int i = 0; i < n; i++) {
          for (int k = 0; k < 2; k++) {
            worstX = Math.max(worstX, Math.abs(x[2 * i + k] - r[i][k]));
            assertEquals(r[i][k], x[2 * i + k], 1e-9, "position of atom " + i + " step " + s);
            assertEquals(r[i][2 + k], w[2 * i + k], 1e-9, "velocity of atom " + i + " step " + s);
          }
        }
      }
    }
    System.out.printf(
        Locale.ROOT,
        "simulate --from vs LAMMPS, %d steps: worst relative pe %.2e, worst |dx| %.2e%n",
        steps,
        worstE,
        worstX);
  }

  /** Per dumped step, [N][xu, yu, vx, vy] in id order. */
  private static List<double[][]> readDump(Path file, int n) throws Exception {
    List<String> lines = Files.readAllLines(file);
    List<double[][]> out = new ArrayList<>();
    for (int k = 0; k < lines.size(); k++) {
      if (lines.get(k).startsWith("ITEM: ATOMS")) {
        double[][] a = new double[n][4];
        for (int i = 0; i < n; i++) {
          String[] p = lines.get(k + 1 + i).strip().split("\\s+");
          assertEquals(i + 1, Integer.parseInt(p[0]));
          for (int j = 0; j < 4; j++) {
            a[i][j] = Double.parseDouble(p[1 + j]);
          }
        }
        out.add(a);
        k += n;
      }
    }
    return out;
  }
}
