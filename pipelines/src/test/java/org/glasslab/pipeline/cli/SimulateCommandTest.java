package org.glasslab.pipeline.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.glasslab.data.io.DirectoryLock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulateCommandTest {

  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        Cli.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  static String[] small(Path dir, String... extra) {
    String[] base = {
      "simulate",
      "-N",
      "64",
      "-T",
      "0.3",
      "--equilibration-time",
      "1.5",
      "--waiting-time",
      "0.6",
      "-B",
      "64",
      "--n-cfg",
      "5",
      "--blocks",
      "2",
      "--seed",
      "9",
      "-q",
      "-o",
      dir.toString()
    };
    String[] all = new String[base.length + extra.length];
    System.arraycopy(base, 0, all, 0, base.length);
    System.arraycopy(extra, 0, all, base.length, extra.length);
    return all;
  }

  @Test
  void simulatesThenThermoReadsTheRun(@TempDir Path tmp) throws Exception {
    Path dir = tmp.resolve("run");
    Run r = run(small(dir, "--json"));
    assertEquals(0, r.code(), r.err());
    JsonNode s = new ObjectMapper().readTree(r.out());
    assertEquals(10, s.get("frames").asInt());
    assertTrue(Files.exists(dir.resolve("block-000001.h5")));
    Run t = run("thermo", dir.toString(), "--frame", "3", "--json");
    assertEquals(0, t.code(), t.err());
    JsonNode j = new ObjectMapper().readTree(t.out());
    assertEquals(8, j.get("step").asLong());
    assertEquals(0.3, j.get("temperature").asDouble(), 1e-12);
    double sxx = j.get("stress").get("xx").asDouble();
    double syy = j.get("stress").get("yy").asDouble();
    assertEquals(0.5 * (sxx + syy), j.get("volumetric_stress").asDouble(), 1e-12);
    assertEquals(j.get("pressure").asDouble(), j.get("volumetric_stress").asDouble(), 1e-12);
    Run h = run("thermo", dir.resolve("block-000000.h5").toString());
    assertEquals(0, h.code(), h.err());
    assertTrue(h.out().contains("U/N"));
  }

  @Test
  void yamlConfigAndResumeAndUsageErrors(@TempDir Path tmp) throws Exception {
    Path a = tmp.resolve("a");
    assertEquals(0, run(small(a)).code());
    Path yaml = tmp.resolve("run.yaml");
    Path b = tmp.resolve("b");
    Files.writeString(
        yaml,
        "particles: 64\ntemperature: 0.3\nequilibration_time: 1.5\nwaiting_time: 0.6\n"
            + "block_size: 64\nn_cfg: 5\nblocks: 2\nseed: 9\noutput: "
            + b
            + "\n");
    assertEquals(0, run("simulate", "--config", yaml.toString(), "-q").code());
    assertArrayEquals(
        Files.readAllBytes(a.resolve("block-000001.h5")),
        Files.readAllBytes(b.resolve("block-000001.h5")));
    // a finished run cannot be started again, and --resume of it is a no-op
    assertEquals(2, run(small(a)).code());
    Run resumed = run("simulate", "--resume", "-q", "-o", a.toString());
    assertEquals(0, resumed.code(), resumed.err());
    assertEquals(2, run("simulate", "--resume", "-T", "0.2", "-o", a.toString()).code());
    assertEquals(2, run("simulate", "-N", "64", "-o", tmp.resolve("c").toString()).code());
    Run bad =
        run("simulate", "-T", "0.3", "-B", "4", "--n-cfg", "5", "-o", tmp.resolve("d").toString());
    assertEquals(2, bad.code());
    assertTrue(bad.err().contains("block size"), bad.err());
  }

  @Test
  void aDirectoryInUseByAnotherSimulateIsRefusedAndLeftAlone(@TempDir Path tmp) throws Exception {
    Path dir = tmp.resolve("run");
    try (DirectoryLock held = DirectoryLock.acquire(dir, "glasslab simulate")) {
      Run r = run(small(dir));
      assertEquals(1, r.code(), r.err());
      assertTrue(r.err().contains(dir + " is in use by another glasslab simulate"), r.err());
      assertEquals(1, r.err().strip().lines().count(), r.err());
      try (var files = Files.list(dir)) {
        assertEquals(List.of(dir.resolve(DirectoryLock.FILE)), files.toList());
      }
    }
  }

  @Test
  void resumeRemovesTemporaryFilesOfAKilledWrite(@TempDir Path tmp) throws Exception {
    Path dir = tmp.resolve("run");
    assertEquals(0, run(small(dir)).code());
    // What a kill during the atomic checkpoint write leaves behind.
    Path stale = dir.resolve(".checkpoint.bin.4711.tmp");
    Files.write(stale, new byte[] {1, 2, 3});
    Run r = run("simulate", "--resume", "-q", "-o", dir.toString());
    assertEquals(0, r.code(), r.err());
    assertFalse(Files.exists(stale));
  }

  static String[] fromArgs(Path from, Path out, String... extra) {
    String[] base = {
      "simulate",
      "--from",
      from.toString(),
      "-T",
      "0.35",
      "--equilibration-time",
      "0.3",
      "--waiting-time",
      "0.3",
      "-B",
      "16",
      "--n-cfg",
      "3",
      "--blocks",
      "2",
      "-q",
      "-o",
      out.toString()
    };
    if (!java.util.Arrays.asList(extra).contains("--seed")) {
      extra =
          java.util.stream.Stream.concat(java.util.Arrays.stream(extra), Stream.of("--seed", "5"))
              .toArray(String[]::new);
    }
    String[] all = new String[base.length + extra.length];
    System.arraycopy(base, 0, all, 0, base.length);
    System.arraycopy(extra, 0, all, base.length, extra.length);
    return all;
  }

  /**
   * simulate --from: a configuration without velocities (extended XYZ) starts the protocol with
   * velocities drawn from the seed (same seed, same bytes; the start and its hash in run.json); a
   * run directory's frame starts it with that frame's velocities, and the same frame through a
   * LAMMPS dump gives the same run; N, density and polydispersity are the file's and cannot be
   * given; the stage with {@code from} equals the command and reruns when the file's content
   * changes.
   */
  @Test
  void simulateFromAConfigurationStartsThere(@TempDir Path tmp) throws Exception {
    Path glass = tmp.resolve("glass");
    assertEquals(0, run(small(glass)).code());
    org.glasslab.data.Configuration last;
    try (var t = org.glasslab.data.io.TrajectoryIO.read(glass)) {
      last = t.frame(t.frameCount() - 1);
    }
    org.glasslab.data.Configuration bare =
        new org.glasslab.data.Configuration(
            last.box(), last.positions(), last.images(), last.diameters(), null, null, null, 0, 0);
    Path xyz = tmp.resolve("glass.xyz");
    org.glasslab.data.io.TrajectoryIO.write(
        xyz, org.glasslab.data.MemoryTrajectory.of(List.of(bare)));

    Run a = run(fromArgs(xyz, tmp.resolve("a")));
    assertEquals(0, a.code(), a.err());
    Run b = run(fromArgs(xyz, tmp.resolve("b")));
    assertEquals(0, b.code(), b.err());
    for (String f : List.of("block-000000.h5", "block-000001.h5", "run.json")) {
      assertArrayEquals(
          Files.readAllBytes(tmp.resolve("a").resolve(f)),
          Files.readAllBytes(tmp.resolve("b").resolve(f)),
          f);
    }
    JsonNode prov =
        new ObjectMapper().readTree(tmp.resolve("a/run.json").toFile()).get("provenance");
    String start = prov.get("start").asText();
    assertTrue(
        start.startsWith("glass.xyz frame 0 (sha256 ")
            && start.endsWith("velocities drawn from the seed"),
        start);
    assertEquals("64", prov.get("N").asText());
    assertEquals("5", prov.get("seed").asText());
    assertTrue(prov.get("protocol_steps").asText().startsWith("equilibrate at T_p = 0.5"));
    try (var t = org.glasslab.data.io.TrajectoryIO.read(tmp.resolve("a"))) {
      assertEquals(6, t.frameCount());
      assertEquals(0.35, org.glasslab.md.Kinetics.temperature(t.frame(0).velocities(), 64), 1e-12);
    }
    // another seed draws other velocities
    Run c = run(fromArgs(xyz, tmp.resolve("c"), "--seed", "6"));
    assertEquals(0, c.code(), c.err());
    assertFalse(
        java.util.Arrays.equals(
            Files.readAllBytes(tmp.resolve("a/block-000000.h5")),
            Files.readAllBytes(tmp.resolve("c/block-000000.h5"))));

    // a run directory's frame 3, with its velocities
    Run d = run(fromArgs(glass, tmp.resolve("d"), "--from-frame", "3"));
    assertEquals(0, d.code(), d.err());
    String ds =
        new ObjectMapper()
            .readTree(tmp.resolve("d/run.json").toFile())
            .get("provenance")
            .get("start")
            .asText();
    assertTrue(ds.startsWith("glass frame 3 ") && ds.endsWith("velocities from the file"), ds);
    // the same frame through a LAMMPS dump (velocities and diameters as written): the same run
    Path dump = tmp.resolve("glass.dump");
    try (var t = org.glasslab.data.io.TrajectoryIO.read(glass)) {
      org.glasslab.data.io.TrajectoryIO.write(dump, t);
    }
    Run dd = run(fromArgs(dump, tmp.resolve("dd"), "--from-frame", "3"));
    assertEquals(0, dd.code(), dd.err());
    try (var x = org.glasslab.data.io.TrajectoryIO.read(tmp.resolve("d"));
        var y = org.glasslab.data.io.TrajectoryIO.read(tmp.resolve("dd"))) {
      for (int k = 0; k < x.frameCount(); k++) {
        assertArrayEquals(x.frame(k).positions(), y.frame(k).positions());
        assertArrayEquals(x.frame(k).velocities(), y.frame(k).velocities());
      }
    }

    Run e = run(fromArgs(xyz, tmp.resolve("e"), "-N", "64"));
    assertEquals(Cli.EXIT_USAGE, e.code());
    assertTrue(e.err().contains("--from") && e.err().contains("--particles"), e.err());
    Run m = run(fromArgs(tmp.resolve("missing.xyz"), tmp.resolve("m")));
    assertEquals(Cli.EXIT_USAGE, m.code());
    assertTrue(m.err().contains("missing.xyz"), m.err());

    // the stage: same seed -> same trajectory as the command; a changed file -> rerun
    Path spec = tmp.resolve("from.yaml");
    Files.writeString(
        spec,
        "name: from\nseed: 3\ninputs:\n  - generate: simulate\n    label: md\n    params: {from: "
            + xyz
            + ", temperature: 0.35, equilibration_time: 0.3, waiting_time: 0.3, block_size: 16,"
            + " n_cfg: 3, blocks: 2}\nstages: []\n");
    CliRunner r1 = CliRunner.run("run", spec.toString());
    assertEquals(0, r1.exit(), r1.err());
    assertTrue(r1.out().contains("ran "), r1.out());
    var manifest =
        org.glasslab.pipeline.store.JsonFiles.read(tmp.resolve("runs/from/manifest.json"));
    long seed = -1;
    for (var st : manifest.get("stages")) {
      if (st.get("stage").asText().equals("simulate")) {
        seed = st.get("seed").asLong();
      }
    }
    Run cmd = run(fromArgs(xyz, tmp.resolve("cmd"), "--seed", Long.toString(seed)));
    assertEquals(0, cmd.code(), cmd.err());
    Path traj;
    try (var s = Files.walk(tmp.resolve("runs/from"))) {
      traj = s.filter(f -> f.endsWith("trajectory.h5")).findFirst().orElseThrow();
    }
    try (var x = org.glasslab.data.io.TrajectoryIO.read(traj);
        var y = org.glasslab.data.io.TrajectoryIO.read(tmp.resolve("cmd"))) {
      assertEquals(6, x.frameCount());
      for (int k = 0; k < 6; k++) {
        assertArrayEquals(y.frame(k).positions(), x.frame(k).positions());
        assertArrayEquals(y.frame(k).velocities(), x.frame(k).velocities());
      }
    }
    CliRunner r2 = CliRunner.run("run", spec.toString());
    assertEquals(0, r2.exit(), r2.err());
    assertFalse(r2.out().contains("ran "), r2.out());
    org.glasslab.data.io.TrajectoryIO.write(
        xyz,
        org.glasslab.data.MemoryTrajectory.of(
            List.of(bare.withPositions(first(glass).positions(), first(glass).images()))));
    CliRunner r3 = CliRunner.run("run", spec.toString());
    assertEquals(0, r3.exit(), r3.err());
    assertTrue(r3.out().contains("ran "), r3.out());
  }

  private static org.glasslab.data.Configuration first(Path run) throws Exception {
    try (var t = org.glasslab.data.io.TrajectoryIO.read(run)) {
      return t.frame(0);
    }
  }
}
