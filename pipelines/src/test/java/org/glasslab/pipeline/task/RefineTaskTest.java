package org.glasslab.pipeline.task;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.glasslab.data.Trajectory;
import org.glasslab.data.io.H5md;
import org.glasslab.data.io.ReadOptions;
import org.glasslab.data.io.TrajectoryIO;
import org.glasslab.pipeline.cli.CliRunner;
import org.glasslab.pipeline.engine.Samples;
import org.glasslab.pipeline.store.JsonFiles;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code refine} end to end: the stage after simulate, minimize and events, and the command on the
 * stage's trajectory and catalogue, write the same four-frame trajectories; an event chosen from
 * the catalogue is the same as its interval given by frame; inputs without what replay needs are
 * refused in one line with nothing written.
 */
class RefineTaskTest {
  @TempDir Path dir;

  private static final int INTERVAL = 9; // steps 512..1024 of block 0: the IS changes at T = 0.4

  @Test
  @Tag("validation") // about 20 s: a pipeline run and three refinements
  void stageAndCommandRefineTheSameIntervalToFourEquallySpacedFrames() throws Exception {
    Path spec = dir.resolve("refine.yaml");
    Files.writeString(
        spec,
        """
        name: refine
        run_dir: out
        seed: 4
        inputs:
          - generate: simulate
            label: md
            params: {particles: 100, temperature: 0.4, parent_temperature: 0.6,
                     equilibration_time: 3, waiting_time: 3, block_size: 1024, n_cfg: 11,
                     blocks: 2}
        stages:
          - minimize
          - events
          - stress
          - modes
          - betti
          - stage: refine
            params: {event: "frame:%d", max_window: 16, subdivisions: 4}
        """
            .formatted(INTERVAL));
    CliRunner r = CliRunner.run("run", spec.toString());
    assertEquals(0, r.exit(), r.err());
    Path results = dir.resolve("out/results/md");
    Path stage = results.resolve("refine");
    Path traj = results.resolve("simulate/trajectory.h5");
    if (!Files.exists(traj)) {
      traj = findFile(dir.resolve("out"), "trajectory.h5");
    }
    Path catalog = results.resolve("events/events.csv");
    try (Trajectory md = H5md.read(stage.resolve("refined/1/md.h5"), ReadOptions.DEFAULTS);
        Trajectory is = H5md.read(stage.resolve("refined/1/is.h5"), ReadOptions.DEFAULTS)) {
      assertEquals(4, md.frameCount());
      assertEquals(4, is.frameCount());
      long w = md.step(1) - md.step(0);
      assertTrue(w >= 1 && w <= 16, "window " + w);
      for (int k = 0; k < 4; k++) {
        assertEquals(md.step(0) + k * w, md.step(k), "frame " + k);
        assertEquals(md.step(k), is.step(k));
        assertTrue(md.frame(k).hasVelocities());
      }
      assertTrue(md.observables().containsKey("stress"), "MD frames carry the run's observables");
      assertTrue(is.observables().containsKey("potential_energy_per_particle"));
    }
    // the refined event's signatures: one row per series, jumps over its three w-step pairs
    org.glasslab.pipeline.store.Csv.Table sig =
        org.glasslab.pipeline.store.Csv.read(stage.resolve("refined_signatures.csv"));
    assertEquals(5, sig.rows().size());
    int at = sig.header().indexOf("jump_at");
    int refs = sig.header().indexOf("references");
    for (String[] row : sig.rows()) {
      assertTrue(Double.isFinite(Double.parseDouble(row[at])), String.join(",", row));
      // at least the refined before and after pairs are references at lag w
      assertTrue(Integer.parseInt(row[refs]) >= 2, String.join(",", row));
    }
    JsonNode ev = JsonFiles.read(stage.resolve("refined/1/event.json"));
    assertEquals(INTERVAL, ev.get("frame_a").asInt());
    assertTrue(ev.get("window").asLong() <= 16);
    assertEquals(
        ev.get("bracket_end").asLong() - ev.get("bracket_start").asLong(),
        ev.get("window").asLong());
    assertTrue(ev.get("moved_in_interval").asInt() > 0, ev.toString());
    assertTrue(ev.get("captured").asDouble() > 0, ev.toString());
    assertTrue(ev.get("steps_replayed").asLong() >= 512, ev.toString());

    // the command on the stage's files: the same trajectories, byte for byte
    Path cmd = dir.resolve("cmd");
    CliRunner c =
        refine(traj, cmd, "--catalog", catalog.toString(), "--event", "frame:" + INTERVAL);
    assertEquals(0, c.exit(), c.err());
    assertArrayEquals(
        Files.readAllBytes(stage.resolve("refined/1/md.h5")),
        Files.readAllBytes(cmd.resolve("md.h5")));
    assertArrayEquals(
        Files.readAllBytes(stage.resolve("refined/1/is.h5")),
        Files.readAllBytes(cmd.resolve("is.h5")));
    assertEquals(withoutCpu(ev), withoutCpu(JsonFiles.read(cmd.resolve("event.json"))));

    // an event chosen from a catalogue whose only event is that interval: the same frames
    List<String> lines = Files.readAllLines(catalog);
    List<String> edited = new ArrayList<>();
    edited.add(lines.get(0));
    for (int i = 1; i < lines.size(); i++) {
      String row = lines.get(i);
      // columns end with significant_clusters, z, kind: only this interval is significant
      String[] col = row.split(",", -1);
      boolean mine = row.startsWith(INTERVAL + ",");
      col[col.length - 3] = mine ? "1" : "0";
      col[col.length - 1] = mine ? "AVALANCHE" : "CREEP";
      edited.add(String.join(",", col));
    }
    Path one = dir.resolve("one-event.csv");
    Files.write(one, edited);
    Path byEvent = dir.resolve("by-event");
    CliRunner e = refine(traj, byEvent, "--catalog", one.toString(), "--event", "rank:1");
    assertEquals(0, e.exit(), e.err());
    assertArrayEquals(
        Files.readAllBytes(cmd.resolve("md.h5")), Files.readAllBytes(byEvent.resolve("md.h5")));
    CliRunner none =
        CliRunner.run(
            "refine",
            traj.toString(),
            "--catalog",
            one.toString(),
            "--event",
            "rank:2",
            "--out",
            dir.resolve("none").toString());
    assertNotEquals(0, none.exit());
    assertTrue(none.err().contains("has 1 event(s)"), none.err());
    assertFalse(Files.exists(dir.resolve("none")));
  }

  /** {@code glasslab refine TRAJ ARGS --max-window 16 --subdivisions 4 --out OUT}. */
  private static CliRunner refine(Path traj, Path out, String... args) {
    List<String> a = new ArrayList<>(List.of("refine", traj.toString()));
    a.addAll(List.of(args));
    a.addAll(List.of("--max-window", "16", "--subdivisions", "4", "--out", out.toString()));
    return CliRunner.run(a.toArray(new String[0]));
  }

  private static JsonNode withoutCpu(JsonNode n) {
    ObjectNode o = ((ObjectNode) n).deepCopy();
    o.remove("cpu_seconds");
    return o;
  }

  private static Path findFile(Path root, String name) throws Exception {
    try (var s = Files.walk(root)) {
      return s.filter(p -> p.getFileName().toString().equals(name)).findFirst().orElseThrow();
    }
  }

  @Test
  void inputsWithoutWhatReplayNeedsAreRefusedInOneLineWithNothingWritten() throws Exception {
    // a LAMMPS dump (and an H5MD file) with no run parameters; the catalogue still works on it
    Path dump = dir.resolve("a.dump");
    TrajectoryIO.write(dump, Samples.trajectory(40, 4, 2));
    Path h5 = dir.resolve("a.h5");
    Samples.write(h5, 40, 4, 2);
    for (Path in : List.of(dump, h5)) {
      Path out = dir.resolve("out-" + in.getFileName());
      CliRunner r =
          CliRunner.run("refine", in.toString(), "--event", "frame:0", "--out", out.toString());
      assertEquals(1, r.exit(), r.err());
      assertEquals(1, r.err().strip().lines().count(), r.err());
      assertTrue(r.err().contains("no MD run parameters recorded"), r.err());
      assertFalse(Files.exists(out));
      assertEquals(0, CliRunner.run("events", in.toString()).exit());
    }
    // a run written before the engine reset at stored frames (its run.json lacks the marker)
    Path run = dir.resolve("run");
    CliRunner s =
        CliRunner.run(
            "simulate",
            "-N",
            "40",
            "-T",
            "0.4",
            "--equilibration-time",
            "0.3",
            "--waiting-time",
            "0.3",
            "-B",
            "16",
            "--n-cfg",
            "4",
            "--blocks",
            "1",
            "-q",
            "-o",
            run.toString());
    assertEquals(0, s.exit(), s.err());
    Path index = run.resolve("run.json");
    Files.writeString(index, Files.readString(index).replaceAll("(?m)^.*\"replay\".*\\R", ""));
    Path out = dir.resolve("out-old");
    CliRunner old =
        CliRunner.run("refine", run.toString(), "--event", "frame:1", "--out", out.toString());
    assertEquals(1, old.exit(), old.err());
    assertEquals(1, old.err().strip().lines().count(), old.err());
    assertTrue(old.err().contains("cannot be replayed exactly"), old.err());
    assertFalse(Files.exists(out));
  }
}
