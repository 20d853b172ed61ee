package org.glasslab.pipeline.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.glasslab.data.Trajectory;
import org.glasslab.data.io.RunDirectoryFormat;
import org.glasslab.data.io.TrajectoryIO;
import org.glasslab.pipeline.cli.CliRunner;
import org.glasslab.pipeline.cli.RunDirectoryCommandsTest;
import org.glasslab.pipeline.store.Csv;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pipeline spec naming a run directory of {@code glasslab simulate} as a {@code files:} input:
 * one branch over all completed blocks; its cache key covers run.json and the listed blocks, so a
 * completed block reruns the dependents while the checkpoint or a block in progress does not.
 */
class RunDirectoryPipelineTest {
  @TempDir Path dir;

  @Test
  void aRunDirectoryIsOneBranchAndAnAppendedBlockRerunsIt() throws Exception {
    Path md = dir.resolve("runs/T0.5");
    RunDirectoryCommandsTest.simulate(md, 3, 3);
    // Pretend the run is still going: the index lists blocks 0 and 1 only (block 2 "in progress").
    Path index = md.resolve("run.json");
    byte[] full = Files.readAllBytes(index);
    ObjectMapper json = new ObjectMapper();
    ObjectNode partial = (ObjectNode) json.readTree(full);
    ((ArrayNode) partial.get("blocks")).remove(2);
    Files.write(index, json.writeValueAsBytes(partial));

    Path spec = dir.resolve("md.yaml");
    Files.writeString(
        spec,
        """
        name: md
        run_dir: out
        inputs:
          - files: runs/T0.5
        stages:
          - import
          - observables
          - msd
        """);
    CliRunner r = CliRunner.run("run", spec.toString(), "--jobs", "1");
    assertEquals(0, r.exit(), r.err());
    Path res = dir.resolve("out/results/T0.5");
    Csv.Table obs = Csv.read(res.resolve("observables/observables.csv"));
    assertEquals(16, obs.rows().size());
    assertTrue(obs.header().contains("potential_energy"), obs.header().toString());
    assertEquals(16, Csv.read(res.resolve("msd/msd.csv")).rows().size());

    // The checkpoint and unlisted files are not part of the input: everything stays cached.
    Files.write(md.resolve("checkpoint.bin"), new byte[] {9, 9, 9});
    CliRunner status = CliRunner.run("status", spec.toString());
    assertEquals(0, status.exit(), status.err());
    assertTrue(status.out().contains("3 cached, 0 to run"), status.out());

    // Block 2 completes: the index lists it, the branch reruns and sees all 24 frames.
    Files.write(index, full);
    CliRunner again = CliRunner.run("run", spec.toString(), "--jobs", "1");
    assertEquals(0, again.exit(), again.err());
    Csv.Table all = Csv.read(res.resolve("observables/observables.csv"));
    assertEquals(24, all.rows().size());
    assertEquals(24, Csv.read(res.resolve("msd/msd.csv")).rows().size());
    try (Trajectory imported = TrajectoryIO.read(res.resolve("import/trajectory.h5"));
        Trajectory source = TrajectoryIO.read(md)) {
      assertEquals(24, imported.frameCount());
      for (int k = 0; k < 24; k++) {
        assertEquals(source.step(k), imported.step(k));
        assertEquals(source.frame(k), imported.frame(k));
      }
      double[] u = source.observables().get("potential_energy").component(0);
      double[] col = all.doubles("potential_energy");
      for (int k = 0; k < 24; k++) {
        assertEquals(u[k], col[k], 1e-12 * Math.abs(u[k]));
      }
    }
    // imported by reference: the artifact is an index naming the run's blocks and their hashes,
    // no block is copied
    Path imported = res.resolve("import/trajectory.h5");
    try (var s = Files.list(imported)) {
      assertEquals(List.of(imported.resolve("run.json")), s.toList());
    }
    RunDirectoryFormat.Index ref = RunDirectoryFormat.readIndex(imported);
    assertTrue(ref.isReference());
    assertEquals(md.toRealPath(), ref.base().toRealPath());
    assertEquals(3, ref.blocks().size());
    // a block of the referenced run rewritten in place: the analyses refuse it, naming the file
    Files.write(md.resolve("block-000001.h5"), Files.readAllBytes(md.resolve("block-000000.h5")));
    java.io.IOException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            java.io.IOException.class, () -> TrajectoryIO.read(imported).close());
    assertTrue(
        e.getMessage().contains("block-000001.h5") && e.getMessage().contains("content changed"),
        e.getMessage());
  }
}
