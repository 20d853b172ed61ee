package org.glasslab.pipeline.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.glasslab.md.RunDirectory;
import org.glasslab.pipeline.stages.Stages;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A child JVM runs the {@code simulate} stage and is killed with SIGKILL after some MD blocks; the
 * rerun resumes the MD run from its checkpoint (it does not start over) and writes the same
 * trajectory, byte for byte, as an uninterrupted run.
 */
@Tag("validation")
class SimulateKillResumeTest {
  @TempDir Path dir;

  static final String SPEC =
      """
      name: md-kill
      seed: 5
      run_dir: %s
      inputs:
        - generate: simulate
          label: md
          params:
            particles: 200
            temperature: 0.4
            equilibration_time: 30
            waiting_time: 60
            block_size: 20000
            n_cfg: 12
            blocks: 30
      stages: []
      """;

  @Test
  void killedSimulateStageResumesFromItsCheckpoint() throws Exception {
    Path spec = dir.resolve("kill.yaml");
    Files.writeString(spec, SPEC.formatted("killed"));
    Path killed = dir.resolve("killed");
    PipelineChild.runAndKill(
        spec, dir.resolve("child.log"), true, 120, () -> segments(killed.resolve("cache")) >= 3);

    StageRegistry reg = Stages.builtin();
    String log = PipelineChild.runHere(spec, reg, 1);
    assertTrue(
        log.contains("resuming the interrupted MD run at engine step"),
        "the rerun continued from the checkpoint: " + log);

    Path spec2 = dir.resolve("clean.yaml");
    Files.writeString(spec2, SPEC.formatted("clean"));
    PipelineChild.runHere(spec2, reg, 1);
    // 360 frames x 200 particles: a segmented trajectory (a directory), compared file by file
    assertEquals(
        Hashes.ofPath(trajectory(dir.resolve("clean/cache"))),
        Hashes.ofPath(trajectory(killed.resolve("cache"))),
        "resumed trajectory equals the uninterrupted one byte for byte");
    try (Stream<Path> s = Files.walk(killed.resolve("cache"))) {
      assertTrue(
          s.noneMatch(x -> x.getFileName().toString().equals(RunDirectory.CHECKPOINT)),
          "the checkpoint is removed once the instance is published");
    }
  }

  private static long segments(Path cache) {
    if (!Files.isDirectory(cache)) {
      return 0;
    }
    try (Stream<Path> s = Files.walk(cache)) {
      List<Path> all = s.toList();
      boolean checkpoint =
          all.stream().anyMatch(x -> x.getFileName().toString().equals(RunDirectory.CHECKPOINT));
      long blocks =
          all.stream()
              .filter(x -> x.toString().contains("md-segments") && x.toString().endsWith(".h5"))
              .count();
      return checkpoint ? blocks : 0;
    } catch (Exception e) {
      return 0; // files move while we look
    }
  }

  private static Path trajectory(Path cache) throws Exception {
    try (Stream<Path> s = Files.walk(cache)) {
      return s.filter(x -> x.getFileName().toString().equals("trajectory.h5"))
          .filter(x -> !x.toString().contains(".partial-"))
          .findFirst()
          .orElseThrow();
    }
  }
}
