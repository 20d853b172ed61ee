package org.glasslab.pipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.glasslab.data.MemoryTrajectory;
import org.glasslab.data.io.TrajectoryIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code glasslab epm local-yield} and {@code epm elastic-response} end to end on crystals. */
class EpmCalibrationCommandsTest {
  @TempDir Path dir;

  @Test
  void localYieldWritesItsFilesAndSaysNotEnoughDataForOnePatch() throws Exception {
    Path f = dir.resolve("tri.xyz");
    TrajectoryIO.write(
        f, MemoryTrajectory.of(List.of(MechanicsCommandTest.triangular(16, 16, 1.0, 0))));
    Path out = dir.resolve("ly");
    CliRunner r =
        CliRunner.run(
            "epm",
            "local-yield",
            f.toString(),
            "--radius",
            "4.2",
            "--spacing",
            "16",
            "--orientations",
            "1",
            "--strain-step",
            "0.01",
            "-q",
            "-o",
            out.toString());
    assertEquals(0, r.exit(), r.err());
    JsonNode s = Json.mapper().readTree(out.resolve("summary.json").toFile());
    assertEquals(1, s.get("patches").asInt());
    assertTrue(s.get("pseudogap").get("theta").asText().startsWith("not enough data"));
    List<String> shears = Files.readAllLines(out.resolve("shears.csv"));
    assertTrue(shears.get(0).startsWith("patch,alpha,tau_0,tau_c"), shears.get(0));
    // a crystal patch yields near the analytic strain of the epm module's test (0.18 at R = 4.2)
    double g = Double.parseDouble(shears.get(1).split(",")[5]);
    assertTrue(g > 0.15 && g < 0.22, "yield strain " + g);
  }

  @Test
  void patchRadiusAboveHalfTheBoxIsAOneLineError() throws Exception {
    Path f = dir.resolve("tri.xyz");
    TrajectoryIO.write(
        f, MemoryTrajectory.of(List.of(MechanicsCommandTest.triangular(16, 16, 1.0, 0))));
    CliRunner r =
        CliRunner.run(
            "epm", "local-yield", f.toString(), "--radius", "9", "-o", dir.resolve("x").toString());
    assertEquals(Cli.EXIT_USAGE, r.exit(), r.err());
    assertTrue(r.err().contains("--radius") && r.err().contains("half the box"), r.err());
    // one line, then the usual pointer to --help
    assertTrue(r.err().lines().findFirst().orElseThrow().contains("half the box"), r.err());
    assertTrue(r.err().strip().lines().count() <= 2, r.err());
  }

  @Test
  void elasticResponseOfAnImposedShearInACrystalHasTheImposedOrientation() throws Exception {
    Path f = dir.resolve("tri.xyz");
    TrajectoryIO.write(
        f, MemoryTrajectory.of(List.of(MechanicsCommandTest.triangular(48, 56, 1.0, 0))));
    Path out = dir.resolve("er");
    CliRunner r =
        CliRunner.run(
            "epm",
            "elastic-response",
            f.toString(),
            "--grid",
            "1",
            "--phi",
            "0.3",
            "--eps0",
            "0.01",
            "--core",
            "2",
            "-q",
            "-o",
            out.toString());
    assertEquals(0, r.exit(), r.err());
    JsonNode j = Json.mapper().readTree(out.resolve("fit.json").toFile());
    assertEquals(0.3, j.get("orientation_rad").asDouble(), 0.05, j.toString());
    assertTrue(j.get("r_star_sigma").isNumber(), j.toString());
    assertTrue(Files.readAllLines(out.resolve("field.csv")).size() == 1 + 48 * 56);
  }
}
