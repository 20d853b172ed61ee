package org.glasslab.pipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.glasslab.data.Configuration;
import org.glasslab.data.Trajectory;
import org.glasslab.data.io.TrajectoryIO;
import org.glasslab.md.Potentials;
import org.glasslab.md.StressConvention;
import org.glasslab.md.Thermodynamics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --potential} end to end: simulate records the potential, thermo/minimize/stress/modes pick
 * it up from the file, compute with it, and refuse a different request in one line.
 */
class PotentialCommandsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static String[] small(Path dir, String potential) {
    return new String[] {
      "simulate", "-N", "64", "-T", "0.4", "--equilibration-time", "1.5", "--waiting-time", "0.6",
      "-B", "64", "--n-cfg", "5", "--blocks", "1", "--seed", "3", "-q",
      "--potential", potential, "-o", dir.toString()
    };
  }

  @Test
  void ljRunsEndToEndAndAnotherPotentialIsRefused(@TempDir Path tmp) throws Exception {
    Path run = tmp.resolve("run");
    CliRunner s = CliRunner.run(small(run, "lj"));
    assertEquals(0, s.exit(), s.err());
    assertTrue(Files.readString(run.resolve("run.json")).contains("\"lj:cutoff=2.5\""));
    try (Trajectory t = TrajectoryIO.read(run.resolve("block-000000.h5"))) {
      assertEquals("lj:cutoff=2.5", t.potential());
    }

    CliRunner th = CliRunner.run("thermo", run.toString(), "--frame", "2", "--json");
    assertEquals(0, th.exit(), th.err());
    JsonNode j = JSON.readTree(th.out());
    assertEquals("lj:cutoff=2.5", j.get("potential").asText());
    Configuration c;
    try (Trajectory t = TrajectoryIO.read(run)) {
      c = t.frame(2);
    }
    double u =
        Thermodynamics.of(c, Potentials.byName("lj"), 0.4, StressConvention.CONSISTENT)
            .potentialEnergyPerParticle();
    assertEquals(u, j.get("potential_energy_per_particle").asDouble(), 1e-12 * Math.abs(u));
    assertTrue(u < 0, "lj has an attractive well: " + u);

    CliRunner wrong = CliRunner.run("thermo", run.toString(), "--potential", "wca");
    assertNotEquals(0, wrong.exit());
    assertTrue(wrong.err().contains("lj:cutoff=2.5") && wrong.err().contains("wca"), wrong.err());

    Path is = tmp.resolve("is.h5");
    CliRunner m = CliRunner.run("minimize", run.toString(), is.toString(), "--frame", "4", "-q");
    assertEquals(0, m.exit(), m.err());
    try (Trajectory t = TrajectoryIO.read(is)) {
      assertEquals("lj:cutoff=2.5", t.potential());
    }
    CliRunner st = CliRunner.run("stress", is.toString(), "--temperature", "0", "--json");
    assertEquals(0, st.exit(), st.err());
    CliRunner sw = CliRunner.run("stress", is.toString(), "--potential", "harmonic");
    assertNotEquals(0, sw.exit());
    CliRunner md = CliRunner.run("modes", is.toString(), "--frame", "0", "--count", "3", "--json");
    assertEquals(0, md.exit(), md.err());
    assertTrue(JSON.readTree(md.out()).get("eigenvalues").get(0).asDouble() > 0, md.out());
    CliRunner mw = CliRunner.run("modes", is.toString(), "--potential", "lj:cutoff=3");
    assertNotEquals(0, mw.exit());
    CliRunner bad = CliRunner.run("thermo", run.toString(), "--potential", "morse");
    assertNotEquals(0, bad.exit());
    assertTrue(bad.err().contains("wca, lj, harmonic, ka"), bad.err());
  }

  @Test
  void kobAndersenRunUsesItsTwoSpecies(@TempDir Path tmp) throws Exception {
    Path run = tmp.resolve("ka");
    CliRunner s = CliRunner.run(small(run, "ka"));
    assertEquals(0, s.exit(), s.err());
    try (Trajectory t = TrajectoryIO.read(run)) {
      assertEquals("ka:cutoff=2.5", t.potential());
      long a = java.util.Arrays.stream(t.diameters()).filter(d -> d == 1.0).count();
      long b = java.util.Arrays.stream(t.diameters()).filter(d -> d == 0.88).count();
      assertEquals(42, a); // round(0.65 * 64)
      assertEquals(22, b);
    }
    CliRunner th = CliRunner.run("thermo", run.toString(), "--json");
    assertEquals(0, th.exit(), th.err());
    assertEquals("ka:cutoff=2.5", JSON.readTree(th.out()).get("potential").asText());
    // a polydisperse (wca) run read as ka: refused, naming the diameter rule
    Path wca = tmp.resolve("wca");
    CliRunner w = CliRunner.run(small(wca, "wca"));
    assertEquals(0, w.exit(), w.err());
    CliRunner k = CliRunner.run("thermo", wca.toString(), "--potential", "ka");
    assertNotEquals(0, k.exit());
  }
}
