package org.glasslab.pipeline.stages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.glasslab.data.Trajectory;
import org.glasslab.data.io.TrajectoryIO;
import org.glasslab.pipeline.cli.CliRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The spec key {@code potential}: a simulate input with {@code potential: lj} records it, minimize
 * and modes pick it up from their inputs, and a stage asking for another potential fails naming the
 * key and the recorded spec.
 */
class PotentialStagesTest {
  @TempDir Path dir;

  private static final String SPEC =
      """
      name: pot
      run_dir: %s
      inputs:
        - generate: simulate
          params: {temperature: 0.4, particles: 64, equilibration_time: 1.5, waiting_time: 0.6,
                   block_size: 64, n_cfg: 4, blocks: 1, potential: lj}
      stages:
        - minimize
        - {stage: modes, params: {count: 3}}
        - {stage: stress, params: {temperature: 0, potential: %s}}
      """;

  private static List<Path> find(Path root, String name) throws Exception {
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(p -> p.getFileName().toString().equals(name)).toList();
    }
  }

  @Test
  void theRecordedPotentialFlowsThroughTheStages() throws Exception {
    Path run = dir.resolve("run");
    Path spec = dir.resolve("pot.yaml");
    Files.writeString(spec, String.format(SPEC, run, "lj"));
    CliRunner r = CliRunner.run("run", spec.toString(), "-q");
    assertEquals(0, r.exit(), r.out() + r.err());
    List<Path> is = find(run, MinimizeStage.IS);
    assertEquals(1, is.size(), is.toString());
    try (Trajectory t = TrajectoryIO.read(is.get(0))) {
      assertEquals("lj:cutoff=2.5", t.potential());
    }
    assertEquals(1, find(run, "modes.csv").size());

    Path run2 = dir.resolve("run2");
    Files.writeString(spec, String.format(SPEC, run2, "wca"));
    CliRunner w = CliRunner.run("run", spec.toString(), "-q");
    assertEquals(1, w.exit(), w.out() + w.err());
    assertTrue(
        w.err().contains("potential") && w.err().contains("lj:cutoff=2.5"), w.out() + w.err());
  }
}
