package org.glasslab.pipeline.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.glasslab.data.Box;
import org.glasslab.data.Configuration;
import org.glasslab.data.MemoryTrajectory;
import org.glasslab.data.Trajectory;
import org.glasslab.data.io.TrajectoryIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InfoConvertCommandTest {
  @TempDir Path dir;

  static MemoryTrajectory sample(int n, int frames) {
    return sample(n, frames, 5);
  }

  /** {@code frames} random configurations of {@code n} disks at density 0.9 from {@code seed}. */
  static MemoryTrajectory sample(int n, int frames, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    Box box = Box.square(n, 0.9);
    double[] d = new double[n];
    for (int i = 0; i < n; i++) {
      d[i] = 1 + 0.11 * r.nextGaussian();
    }
    List<Configuration> list = new ArrayList<>();
    for (int k = 0; k < frames; k++) {
      double[] x = new double[2 * n];
      int[] img = new int[2 * n];
      double[] v = new double[2 * n];
      for (int j = 0; j < 2 * n; j++) {
        x[j] = r.nextDouble() * box.lx();
        img[j] = r.nextInt(-2, 3);
        v[j] = r.nextGaussian();
      }
      list.add(new Configuration(box, x, img, d, v, null, null, 1L << k, (1L << k) * 0.003));
    }
    return MemoryTrajectory.of(list);
  }

  @Test
  void infoReportsTheFile() throws Exception {
    Path f = dir.resolve("s.h5");
    TrajectoryIO.write(f, sample(500, 3));
    CliRunner r = CliRunner.run("info", f.toString(), "--json");
    assertEquals(0, r.exit(), r.err());
    JsonNode j = Json.mapper().readTree(r.out());
    assertEquals("h5md", j.get("format").asText());
    assertEquals(500, j.get("particles").asInt());
    assertEquals(3, j.get("frames").asInt());
    assertEquals(0.9, j.get("density").asDouble(), 1e-12);
    assertEquals(4, j.get("last_step").asLong());
    assertTrue(Math.abs(j.get("diameter").get("mean").asDouble() - 1) < 0.02);
    assertTrue(j.get("velocities").asBoolean());
    CliRunner text = CliRunner.run("info", f.toString());
    assertEquals(0, text.exit());
    assertTrue(text.out().contains("particles    500"), text.out());
  }

  @Test
  void convertChainPreservesEveryBit() throws Exception {
    MemoryTrajectory t = sample(400, 3);
    Path a = dir.resolve("a.xyz");
    TrajectoryIO.write(a, t);
    Path b = dir.resolve("b.h5");
    Path c = dir.resolve("c.dump");
    Path d = dir.resolve("d.xyz");
    assertEquals(0, CliRunner.run("convert", a.toString(), b.toString()).exit());
    assertEquals(0, CliRunner.run("convert", b.toString(), c.toString()).exit());
    CliRunner last = CliRunner.run("convert", c.toString(), d.toString());
    assertEquals(0, last.exit(), last.err());
    assertEquals("", last.out(), "logs go to stderr, not stdout");
    try (Trajectory back = TrajectoryIO.read(d)) {
      for (int k = 0; k < 3; k++) {
        assertArrayEquals(t.frame(k).positions(), back.frame(k).positions());
        assertArrayEquals(t.frame(k).images(), back.frame(k).images());
        assertArrayEquals(t.frame(k).diameters(), back.frame(k).diameters());
        assertArrayEquals(t.frame(k).velocities(), back.frame(k).velocities());
      }
    }
    // One frame to a LAMMPS data file (atom_style sphere), and back.
    Path e = dir.resolve("e.data");
    assertEquals(0, CliRunner.run("convert", b.toString(), e.toString(), "--frame", "-1").exit());
    try (Trajectory back = TrajectoryIO.read(e)) {
      assertArrayEquals(t.frame(2).positions(), back.frame(0).positions());
      assertArrayEquals(t.frame(2).images(), back.frame(0).images());
    }
  }

  private void assertFailsCleanly(int code, String expected, String... args) throws Exception {
    CliRunner r = CliRunner.run(args);
    assertEquals(code, r.exit(), "exit code; stderr: " + r.err());
    assertTrue(r.err().contains(expected), "stderr '" + r.err() + "' should contain " + expected);
    try (Stream<Path> s = Files.list(dir)) {
      List<String> names = s.map(p -> p.getFileName().toString()).toList();
      assertFalse(names.contains("out.h5"), "no output file: " + names);
      assertTrue(names.stream().noneMatch(x -> x.endsWith(".tmp")), "no temp file: " + names);
    }
  }

  @Test
  void badInputFailsWithOneLineAndNoOutput() throws Exception {
    Path out = dir.resolve("out.h5");
    Path bad = dir.resolve("bad.xyz");
    Files.writeString(
        bad,
        "2\nLattice=\"4 0 0 0 4 0 0 0 1\" Properties=species:S:1:pos:R:3:diameter:R:1\n"
            + "A 1 1 0 1\nA 2 x 0 1\n");
    assertFailsCleanly(
        1, "bad.xyz: line 4: expected a number for y", "convert", bad.toString(), out.toString());
    Files.writeString(
        bad,
        "2\nLattice=\"4 0 0 0 4 0 0 0 1\" Properties=species:S:1:pos:R:3:diameter:R:1\nA 1 1 0 1\n");
    assertFailsCleanly(1, "file is truncated", "convert", bad.toString(), out.toString());
    assertFailsCleanly(
        1, "no such file", "convert", dir.resolve("missing.xyz").toString(), out.toString());
    // an extension that names no format is a usage error, for an input as for an output
    assertFailsCleanly(
        2, "unknown format", "convert", dir.resolve("x.pdb").toString(), out.toString());
    assertFailsCleanly(2, "x.pdb: unknown format", "info", dir.resolve("x.pdb").toString());
    assertFailsCleanly(
        2, "unknown format", "convert", bad.toString(), dir.resolve("out.foo").toString());
    assertFailsCleanly(2, "Unknown option", "convert", "--bogus", bad.toString(), out.toString());
    assertFailsCleanly(2, "Missing required parameter", "convert", bad.toString());
  }

  @Test
  void multiFrameToDataFileNeedsAFrame() throws Exception {
    Path a = dir.resolve("a.h5");
    TrajectoryIO.write(a, sample(50, 2));
    CliRunner r = CliRunner.run("convert", a.toString(), dir.resolve("out.data").toString());
    assertEquals(1, r.exit());
    assertTrue(r.err().contains("choose one with --frame"), r.err());
    assertFalse(Files.exists(dir.resolve("out.data")));
  }

  @Test
  void helpAndVersion() {
    CliRunner h = CliRunner.run("--help");
    assertEquals(0, h.exit());
    assertTrue(h.out().contains("convert") && h.out().contains("info"));
    CliRunner v = CliRunner.run("--version");
    assertEquals(0, v.exit());
    assertTrue(v.out().startsWith("glasslab "));
    assertEquals(2, CliRunner.run().exit(), "no command is a usage error");
    assertEquals(2, CliRunner.run("nonsense").exit());
  }
}
