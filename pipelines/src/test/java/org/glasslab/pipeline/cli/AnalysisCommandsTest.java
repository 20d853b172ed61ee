package org.glasslab.pipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.glasslab.pipeline.engine.Samples;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnalysisCommandsTest {
  static final int HOP_FRAME = 60;
  @TempDir static Path dir;
  static Path traj;

  /** The hopping trajectory of {@link Samples#hopping}; 25 particles hop at frame 60. */
  @BeforeAll
  static void writeTrajectory() throws Exception {
    traj = Samples.hopping(dir.resolve("traj.h5"), HOP_FRAME);
  }

  static JsonNode json(CliRunner r) throws Exception {
    assertEquals(0, r.exit(), r.err());
    return org.glasslab.pipeline.store.JsonFiles.mapper().readTree(r.out());
  }

  @Test
  void msdAndEvents() throws Exception {
    JsonNode msd = json(CliRunner.run("msd", traj.toString(), "--json"));
    assertEquals(120, msd.get("msd").size());
    assertEquals(0.0, msd.get("msd").get(0).asDouble(), 0);
    JsonNode w = json(CliRunner.run("msd", traj.toString(), "--windowed", "--json"));
    assertEquals(119, w.get("lag_steps").size());
    // the hop is one event of the IS catalogue (this trajectory has no thermal noise above the
    // move threshold): the interval [HOP_FRAME - 1, HOP_FRAME]
    JsonNode av = json(CliRunner.run("events", traj.toString(), "--json"));
    assertEquals(1, av.get("events").size(), av.toString());
    assertEquals(HOP_FRAME - 1, av.get("events").get(0).get("frame").asInt());
    assertEquals("AVALANCHE", av.get("events").get(0).get("kind").asText());
  }

  @Test
  void strainWritesPerParticleColumnsAndCorrelateReadsThem() throws Exception {
    Path csv = dir.resolve("strain.csv");
    JsonNode s =
        json(
            CliRunner.run(
                "strain",
                traj.toString(),
                traj.toString(),
                "--ref-frame",
                "59",
                "--cur-frame",
                "60",
                "--rc",
                "2.4",
                "--with-softness",
                "--out",
                csv.toString(),
                "--json"));
    assertEquals(480, s.get("particles").asInt());
    assertEquals(2.4, s.get("parameters").get("cutoff").asDouble(), 0);
    assertTrue(s.get("fields").has("d2min"));
    assertTrue(s.get("fields").get("d2min").has("q95"));
    String header = Files.readAllLines(csv).get(0);
    for (String col :
        new String[] {
          "id",
          "x",
          "y",
          "d2min",
          "nax",
          "nay",
          "Hxx",
          "Hxy",
          "Hyx",
          "Hyy",
          "eps_vol",
          "abs_eps_vol",
          "dev_norm",
          "total_norm",
          "detH",
          "m",
          "softness"
        }) {
      assertTrue(List.of(header.split(",")).contains(col), col + " in " + header);
    }
    assertEquals(481, Files.readAllLines(csv).size());
    JsonNode c = json(CliRunner.run("correlate", csv.toString(), "--json"));
    assertEquals(7, c.get("names").size());
    assertEquals(1.0, c.get("pearson").get(0).get(0).asDouble(), 1e-12);
    // The hop makes D2min and mobility strongly correlated.
    int d2 = indexOf(c.get("names"), "d2min");
    int m = indexOf(c.get("names"), "m");
    assertTrue(c.get("spearman").get(d2).get(m).asDouble() > 0.3);
  }

  static int indexOf(JsonNode names, String s) {
    for (int i = 0; i < names.size(); i++) {
      if (names.get(i).asText().equals(s)) {
        return i;
      }
    }
    throw new AssertionError(s + " not in " + names);
  }

  @Test
  void softnessAndGofr() throws Exception {
    Path h5 = dir.resolve("soft.h5");
    JsonNode s =
        json(
            CliRunner.run(
                "softness", traj.toString(), "--delta", "0.03", "--out", h5.toString(), "--json"));
    assertEquals(0.03, s.get("parameters").get("delta").asDouble(), 0);
    assertEquals("first minimum of g(r)", s.get("parameters").get("rmax_source").asText());
    assertTrue(Files.size(h5) > 0);
    JsonNode g = json(CliRunner.run("gofr", traj.toString(), "--json"));
    assertTrue(g.get("landmarks").get("first_peak").asDouble() > 1.0);
    CliRunner text = CliRunner.run("gofr", traj.toString());
    assertEquals(0, text.exit());
    assertTrue(text.out().contains("r,g"));
  }

  @Test
  void usageAndInputErrors() {
    assertEquals(2, CliRunner.run("strain", traj.toString(), traj.toString(), "--rc", "-1").exit());
    CliRunner bad = CliRunner.run("strain", traj.toString(), traj.toString(), "--out", "x.txt");
    assertEquals(2, bad.exit());
    assertEquals(2, CliRunner.run("softness", traj.toString(), "--delta", "0").exit());
    assertEquals(2, CliRunner.run("events", traj.toString(), "--z-threshold", "-1").exit());
    CliRunner missing = CliRunner.run("msd", dir.resolve("none.h5").toString());
    assertEquals(1, missing.exit());
    assertFalse(missing.err().isBlank());
    CliRunner tooBig = CliRunner.run("strain", traj.toString(), traj.toString(), "--rc", "40");
    assertEquals(1, tooBig.exit());
    assertTrue(tooBig.err().contains("half the smallest box edge"), tooBig.err());
  }
}
