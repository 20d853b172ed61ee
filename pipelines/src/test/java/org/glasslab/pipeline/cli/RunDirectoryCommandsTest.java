package org.glasslab.pipeline.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.glasslab.data.Configuration;
import org.glasslab.data.TimeSeries;
import org.glasslab.data.Trajectory;
import org.glasslab.data.io.H5md;
import org.glasslab.data.io.ReadOptions;
import org.glasslab.data.io.RunDirectoryFormat;
import org.glasslab.data.io.TrajectoryIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code glasslab info} and {@code convert} on a run directory written by {@code glasslab simulate}
 * (3 blocks of 8 frames, N = 100): one trajectory, converted bit for bit.
 */
public class RunDirectoryCommandsTest {
  @TempDir static Path tmp;
  static Path run;

  /**
   * Simulates a small run (N = 100, T = 0.5, blocks of 8 frames with B = 2000; well under a second)
   * into {@code dir}.
   */
  public static Path simulate(Path dir, int blocks, long seed) {
    CliRunner r =
        CliRunner.run(
            "simulate",
            "-N",
            "100",
            "-T",
            "0.5",
            "--equilibration-time",
            "3",
            "--waiting-time",
            "3",
            "-B",
            "2000",
            "--n-cfg",
            "8",
            "--blocks",
            Integer.toString(blocks),
            "--seed",
            Long.toString(seed),
            "-q",
            "-o",
            dir.toString());
    assertEquals(0, r.exit(), r.err());
    return dir;
  }

  @BeforeAll
  static void setUp() {
    run = simulate(tmp.resolve("run"), 3, 5);
  }

  @Test
  void infoSummarisesTheWholeRun() throws Exception {
    CliRunner r = CliRunner.run("info", run.toString(), "--json");
    assertEquals(0, r.exit(), r.err());
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertEquals("run-dir", j.get("format").asText());
    assertEquals(24, j.get("frames").asInt());
    assertEquals(100, j.get("particles").asInt());
    assertEquals(3, j.get("blocks").asInt());
    assertEquals("5", j.get("seed").asText());
    assertEquals("100", j.get("parameters").get("N").asText());
    assertEquals(1, j.get("first_step").asLong());
    assertEquals(4128, j.get("last_step").asLong());
    assertTrue(j.get("observables").toString().contains("potential_energy"), r.out());

    CliRunner text = CliRunner.run("info", run.toString());
    assertEquals(0, text.exit(), text.err());
    assertTrue(text.out().contains("blocks"), text.out());
  }

  @Test
  void convertWritesOneFileBitForBit() throws Exception {
    Path out = tmp.resolve("all.h5");
    CliRunner r = CliRunner.run("convert", run.toString(), out.toString());
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.err().contains("wrote 24 frame(s)"), r.err());
    try (Trajectory all = H5md.read(out, ReadOptions.DEFAULTS)) {
      assertEquals(24, all.frameCount());
      int g = 0;
      for (int b = 0; b < 3; b++) {
        try (Trajectory one =
            H5md.read(run.resolve(RunDirectoryFormat.blockFile(b)), ReadOptions.DEFAULTS)) {
          for (int k = 0; k < one.frameCount(); k++, g++) {
            Configuration x = one.frame(k);
            Configuration y = all.frame(g);
            assertEquals(x.box(), y.box());
            assertArrayEquals(x.positions(), y.positions(), "positions, frame " + g);
            assertArrayEquals(x.images(), y.images(), "images, frame " + g);
            assertArrayEquals(x.velocities(), y.velocities(), "velocities, frame " + g);
            assertArrayEquals(x.diameters(), y.diameters());
            assertEquals(x.step(), y.step());
            assertEquals(x.time(), y.time());
            assertEquals(one.step(k), all.step(g));
            for (String name : one.observables().keySet()) {
              TimeSeries a = one.observables().get(name);
              TimeSeries c = all.observables().get(name);
              assertArrayEquals(a.values()[k], c.values()[g], name + ", frame " + g);
              assertEquals(a.steps()[k], c.steps()[g]);
            }
          }
        }
      }
      assertEquals(24, g);
    }

    // Other output formats work as well (XYZ carries full precision).
    Path xyz = tmp.resolve("all.xyz");
    assertEquals(0, CliRunner.run("convert", run.toString(), xyz.toString()).exit());
    try (Trajectory a = TrajectoryIO.read(xyz);
        Trajectory b = TrajectoryIO.read(run)) {
      assertEquals(b.frameCount(), a.frameCount());
      assertArrayEquals(b.frame(23).positions(), a.frame(23).positions());
    }
  }

  @Test
  void badRunDirectoriesFailWithOneLine() throws Exception {
    Path empty = tmp.resolve("empty");
    Files.createDirectories(empty);
    CliRunner r = CliRunner.run("info", empty.toString());
    assertFalse(r.exit() == 0);
    assertTrue(r.err().contains(empty + ": a directory without run.json"), r.err());
    assertEquals(1, r.err().strip().lines().count(), r.err());

    CliRunner to =
        CliRunner.run("convert", run.toString(), tmp.resolve("x").toString(), "--to", "run-dir");
    assertEquals(2, to.exit(), to.err());
    assertTrue(to.err().contains("cannot write run-dir"), to.err());
  }
}
