package org.glasslab.pipeline.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.glasslab.pipeline.cli.CliRunner;
import org.glasslab.pipeline.engine.Samples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code events} task end to end: the stage over the minimize stage's IS trajectory and the
 * command on the same file write the same catalogue, with defaults and with parameters given once
 * as spec keys and once as options.
 */
class EventsTaskTest {
  @TempDir Path dir;

  @Test
  void eventsCommandEqualsStage() throws Exception {
    Samples.write(dir.resolve("a.h5"), 80, 8, 3);
    Path spec = dir.resolve("events.yaml");
    Files.writeString(
        spec,
        """
        name: events
        run_dir: out
        inputs:
          - files: a.h5
        stages:
          - import
          - minimize
          - stage: events
            params: {move_threshold: 0.05, min_cluster_size: 2}
        """);
    CliRunner r = CliRunner.run("run", spec.toString());
    assertEquals(0, r.exit(), r.err());
    Path results = dir.resolve("out/results/a");
    String stage = Files.readString(results.resolve("events/events.csv"));
    assertTrue(stage.startsWith("frame,step_a,step_b,time_a,time_b,lag_steps,moved,"), stage);
    assertEquals(8, stage.split("\n").length); // header + 7 intervals
    // the same catalogue in HDF5 (with the parameters), and the event rows on their own
    int[] frames =
        (int[])
            org.glasslab.pipeline.store.Hdf5Arrays.read(
                results.resolve("events/events.h5"), "fields/frame");
    assertEquals(7, frames.length);
    long nEvents =
        stage.lines().filter(l -> l.endsWith(",AVALANCHE") || l.endsWith(",MULTIPLE")).count();
    List<String> listed = Files.readAllLines(results.resolve("events/event_list.csv"));
    assertEquals(nEvents + 1, listed.size());
    assertTrue(
        listed.stream().skip(1).allMatch(l -> l.endsWith("AVALANCHE") || l.endsWith("MULTIPLE")));
    Path is = results.resolve("minimize/is.h5");
    String cmd =
        TaskParityTest.table(
            CliRunner.run(
                "events", is.toString(), "--move-threshold", "0.05", "--min-cluster-size", "2"));
    assertEquals(stage, cmd);
    // the JSON report carries the schedule check (equally spaced frames: every lag is the longest)
    CliRunner json = CliRunner.run("events", is.toString(), "--json");
    assertEquals(0, json.exit(), json.err());
    assertTrue(json.out().contains("\"long_lag_steps\" : 10"), json.out());
    assertTrue(json.out().contains("\"share_by_count\" : 1.0"), json.out());
    // a bad value names the option
    CliRunner bad = CliRunner.run("events", is.toString(), "--z-threshold", "-1");
    assertEquals(2, bad.exit(), bad.err());
    assertTrue(
        bad.err().contains("--z-threshold: must be finite and positive, got -1.0"), bad.err());
  }
}
