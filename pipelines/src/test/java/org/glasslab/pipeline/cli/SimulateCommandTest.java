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
}
