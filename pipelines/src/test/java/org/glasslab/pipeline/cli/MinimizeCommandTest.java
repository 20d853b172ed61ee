package org.glasslab.pipeline.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.glasslab.data.MemoryTrajectory;
import org.glasslab.data.Trajectory;
import org.glasslab.data.io.TrajectoryIO;
import org.glasslab.pipeline.task.MinimizeTask;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MinimizeCommandTest {
  @TempDir Path dir;

  @Test
  void singleConfigurationWithJson() throws Exception {
    Path in = dir.resolve("in.h5");
    TrajectoryIO.write(in, InfoConvertCommandTest.sample(300, 2));
    Path out = dir.resolve("is.xyz");
    CliRunner r =
        CliRunner.run("minimize", in.toString(), out.toString(), "--frame", "-1", "--json", "-q");
    assertEquals(0, r.exit(), r.err());
    JsonNode j = Json.mapper().readTree(r.out());
    assertTrue(j.get("converged").asBoolean());
    assertTrue(j.get("max_force").asDouble() <= 1e-10);
    assertTrue(j.get("force_evaluations").asLong() >= j.get("iterations").asLong());
    assertTrue(j.get("wall_seconds").asDouble() > 0);
    assertTrue(j.has("energy_per_particle"));
    try (Trajectory t = TrajectoryIO.read(out)) {
      assertEquals(1, t.frameCount());
      assertEquals(2, t.step(0)); // frame -1 of steps {1, 2}
    }
  }

  @Test
  void iterationCapGivesExitCodeOneAndSaysSo() throws Exception {
    Path in = dir.resolve("in.h5");
    TrajectoryIO.write(in, InfoConvertCommandTest.sample(300, 1));
    CliRunner r =
        CliRunner.run(
            "minimize",
            in.toString(),
            dir.resolve("o.h5").toString(),
            "--max-iter",
            "5",
            "--method",
            "fire",
            "-q");
    assertEquals(Cli.EXIT_FAILURE, r.exit());
    assertTrue(r.out().contains("NOT CONVERGED (MAX_ITERATIONS)"), r.out());
    assertTrue(r.err().contains("did not converge"), r.err());
  }

  @Test
  void trajectoryGivesIsTrajectoryAndTableAndResumes() throws Exception {
    Path in = dir.resolve("md.h5");
    MemoryTrajectory md = InfoConvertCommandTest.sample(200, 3);
    TrajectoryIO.write(in, md);
    Path out = dir.resolve("is.h5");
    CliRunner r = CliRunner.run("minimize", in.toString(), out.toString(), "--jobs", "2", "--json");
    assertEquals(0, r.exit(), r.err());
    JsonNode j = Json.mapper().readTree(r.out());
    assertEquals(3, j.get("frames").asInt());
    assertEquals(0, j.get("not_converged").asInt());
    assertEquals(0, j.get("resumed_frames").asInt());
    try (Trajectory t = TrajectoryIO.read(out)) {
      assertEquals(3, t.frameCount());
      for (int k = 0; k < 3; k++) {
        assertEquals(md.step(k), t.step(k));
        assertEquals(md.time(k), t.time(k));
      }
    }
    assertTrue(Files.exists(MinimizeTask.tablePath(out)));
    double[] first;
    try (Trajectory t = TrajectoryIO.read(out)) {
      first = t.frame(2).positions();
    }
    CliRunner again = CliRunner.run("minimize", in.toString(), out.toString(), "--json", "-q");
    assertEquals(3, Json.mapper().readTree(again.out()).get("resumed_frames").asInt());
    // a deleted and a damaged frame file are recomputed, serially, to the same numbers
    Path frames =
        MinimizeTask.INSTANCE.frameDirectory(
            MinimizeTask.INSTANCE.parameters(
                new org.glasslab.pipeline.task.Values() {
                  @Override
                  public <T> T get(org.glasslab.pipeline.task.Param<T> p) {
                    return p.equals(MinimizeTask.OUTPUT)
                        ? p.type().cast(out.toString())
                        : p.defaultValue();
                  }
                }));
    Files.delete(frames.resolve("frame-000002.row"));
    Files.write(frames.resolve("frame-000001.row"), new byte[] {1, 2, 3});
    CliRunner third =
        CliRunner.run("minimize", in.toString(), out.toString(), "--json", "-q", "--jobs", "1");
    assertEquals(1, Json.mapper().readTree(third.out()).get("resumed_frames").asInt());
    try (Trajectory t = TrajectoryIO.read(out)) {
      assertArrayEquals(first, t.frame(2).positions());
    }
    // other settings: nothing is reused
    CliRunner other =
        CliRunner.run("minimize", in.toString(), out.toString(), "--json", "-q", "--ftol", "1e-9");
    assertEquals(0, Json.mapper().readTree(other.out()).get("resumed_frames").asInt());
  }

  @Test
  void impossibleParametersAreUsageErrors() throws Exception {
    Path in = dir.resolve("in.h5");
    TrajectoryIO.write(in, InfoConvertCommandTest.sample(100, 1));
    String o = dir.resolve("o.h5").toString();
    assertEquals(
        Cli.EXIT_USAGE, CliRunner.run("minimize", in.toString(), o, "--ftol", "-1").exit());
    CliRunner bad = CliRunner.run("minimize", in.toString(), o, "--method", "bfgs");
    assertEquals(Cli.EXIT_USAGE, bad.exit());
    assertTrue(bad.err().contains("use cg or fire"), bad.err());
    assertEquals(Cli.EXIT_USAGE, CliRunner.run("minimize", in.toString(), o, "--jobs", "0").exit());
    assertFalse(Files.exists(Path.of(o)));
  }

  @Test
  void anotherInputWithTheSameOutputNameRecomputesEveryFrame() throws Exception {
    Path out = dir.resolve("is.h5");
    Path a = dir.resolve("a.h5");
    TrajectoryIO.write(a, InfoConvertCommandTest.sample(200, 3));
    assertEquals(0, CliRunner.run("minimize", a.toString(), out.toString(), "-q").exit());
    // Same N, frame count, steps and times; other positions: another run's frames.
    Path b = dir.resolve("b.h5");
    MemoryTrajectory other = InfoConvertCommandTest.sample(200, 3, 99);
    TrajectoryIO.write(b, other);
    CliRunner r = CliRunner.run("minimize", b.toString(), out.toString(), "--json", "-q");
    assertEquals(0, r.exit(), r.err());
    assertEquals(0, Json.mapper().readTree(r.out()).get("resumed_frames").asInt());
    CliRunner single = CliRunner.run("minimize", b.toString(), dir.resolve("fresh.h5").toString());
    assertEquals(0, single.exit(), single.err());
    try (Trajectory x = TrajectoryIO.read(out);
        Trajectory y = TrajectoryIO.read(dir.resolve("fresh.h5"))) {
      for (int k = 0; k < 3; k++) {
        assertArrayEquals(y.frame(k).positions(), x.frame(k).positions());
      }
    }
  }

  @Test
  void theSameFileAsInputAndOutputIsNamed() throws Exception {
    Path f = dir.resolve("md.h5");
    TrajectoryIO.write(f, InfoConvertCommandTest.sample(50, 1));
    byte[] before = Files.readAllBytes(f);
    for (String cmd : new String[] {"minimize", "convert"}) {
      CliRunner r = CliRunner.run(cmd, f.toString(), f.toString());
      assertEquals(2, r.exit(), r.err());
      assertTrue(r.err().contains("are the same file (" + f + ")"), r.err());
    }
    assertArrayEquals(before, Files.readAllBytes(f));
  }
}
