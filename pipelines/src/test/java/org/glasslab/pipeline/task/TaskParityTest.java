package org.glasslab.pipeline.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.glasslab.pipeline.cli.CliRunner;
import org.glasslab.pipeline.engine.Samples;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * For each migrated task, the CLI command and the pipeline stage run on the same input give the
 * same numbers: the command's stdout table equals the stage's CSV artifact byte for byte (one task,
 * one writer), with defaults and with non-default parameters given once as options and once as spec
 * parameters.
 */
class TaskParityTest {
  @TempDir static Path dir;
  static Path traj;
  static Path results;

  @BeforeAll
  static void runPipeline() throws Exception {
    traj = Samples.write(dir.resolve("a.h5"), 80, 6, 7);
    Path spec = dir.resolve("parity.yaml");
    Files.writeString(
        spec,
        """
        name: parity
        run_dir: out
        inputs:
          - files: a.h5
        stages:
          - import
          - msd
          - stage: gofr
            params: {frame: -1, dr: 0.05, rmax: 2.5}
        """);
    CliRunner r = CliRunner.run("run", spec.toString());
    assertEquals(0, r.exit(), r.err());
    results = dir.resolve("out/results/a");
  }

  /** The command's stdout after dropping '#' comment lines. */
  static String table(CliRunner r) {
    assertEquals(0, r.exit(), r.err());
    StringBuilder sb = new StringBuilder();
    for (String line : r.out().split("\n", -1)) {
      if (!line.startsWith("#") && !line.isEmpty()) {
        sb.append(line).append('\n');
      }
    }
    return sb.toString();
  }

  @Test
  void msdCommandEqualsStage() throws Exception {
    String stage = Files.readString(results.resolve("msd/msd.csv"));
    assertTrue(stage.startsWith("frame,step,time,msd\n"), stage);
    assertEquals(7, stage.split("\n").length);
    assertEquals(stage, table(CliRunner.run("msd", traj.toString())));
    Path out = dir.resolve("msd.csv");
    assertEquals(0, CliRunner.run("msd", traj.toString(), "--out", out.toString()).exit());
    assertEquals(stage, Files.readString(out));
  }

  @Test
  void gofrCommandEqualsStage() throws Exception {
    String stage = Files.readString(results.resolve("gofr/gofr.csv"));
    assertTrue(stage.startsWith("r,g\n"), stage);
    assertEquals(51, stage.split("\n").length);
    String cmd =
        table(
            CliRunner.run(
                "gofr", traj.toString(), "--frame", "-1", "--dr", "0.05", "--rmax", "2.5"));
    assertEquals(stage, cmd);
  }
}
