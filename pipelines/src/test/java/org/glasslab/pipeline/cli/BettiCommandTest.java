package org.glasslab.pipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.glasslab.data.Box;
import org.glasslab.data.Configuration;
import org.glasslab.data.MemoryTrajectory;
import org.glasslab.data.io.TrajectoryIO;
import org.glasslab.testsupport.SyntheticClouds;
import org.glasslab.topology.RipsOptions;
import org.glasslab.topology.RipsPersistence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BettiCommandTest {
  @TempDir Path dir;

  /** A glass-like configuration: RSA cloud, diameters 0.9 and 1.2 alternating. */
  static Configuration glass(int n, long seed) {
    double[] p = SyntheticClouds.randomSequentialAddition(n, 0.9, 0.8, seed);
    double[] d = new double[n];
    for (int i = 0; i < n; i++) {
      d[i] = i % 2 == 0 ? 0.9 : 1.2;
    }
    return Configuration.of(Box.square(n, 0.9), p, d);
  }

  @Test
  void bettiReportsTheSameBeta1AsTheLibrary() throws Exception {
    Configuration c0 = glass(300, 1);
    Configuration c1 = glass(300, 2).withStepAndTime(10, 0.03);
    Path f = dir.resolve("g.xyz");
    TrajectoryIO.write(f, MemoryTrajectory.of(List.of(c0, c1)));
    Path csv = dir.resolve("bars.csv");
    CliRunner r =
        CliRunner.run(
            "betti",
            f.toString(),
            "--frame",
            "-1",
            "--alpha",
            "2.5",
            "--json",
            "--out",
            csv.toString());
    assertEquals(0, r.exit(), r.err());
    JsonNode j = Json.mapper().readTree(r.out());
    Configuration back = TrajectoryIO.readFrame(f, 1);
    var expected = RipsPersistence.compute(back, RipsOptions.euclidean(2.5));
    assertEquals(expected.betti1(), j.get("beta1").asInt());
    assertTrue(expected.betti1() > 0);
    assertEquals(2.5, j.get("alpha").asDouble());
    assertEquals(expected.edgeCount(), j.get("edges").asLong());
    assertEquals(expected.triangleCount(), j.get("triangles").asLong());
    assertEquals(10, j.get("step").asLong());
    List<String> lines = Files.readAllLines(csv);
    assertEquals("dim,birth,death", lines.get(0));
    assertEquals(1 + expected.h0().size() + expected.h1().size(), lines.size());
    assertTrue(lines.contains("0,0.0,inf"));

    // Paper alpha: 3 (1.2 + 1.2); periodic adds loops of the torus.
    r = CliRunner.run("betti", f.toString(), "--json", "--periodic", "--alpha", "paper");
    assertEquals(0, r.exit(), r.err());
    j = Json.mapper().readTree(r.out());
    assertEquals(7.2, j.get("alpha").asDouble(), 1e-12);
    assertEquals("periodic", j.get("metric").asText());
  }

  @Test
  void allFramesPrintsBeta1PerFrame() throws Exception {
    Configuration c0 = glass(200, 4);
    Configuration c1 = glass(200, 5).withStepAndTime(7, 0.021);
    Path f = dir.resolve("s.xyz");
    TrajectoryIO.write(f, MemoryTrajectory.of(List.of(c0, c1)));
    CliRunner r = CliRunner.run("betti", f.toString(), "--all-frames", "--alpha", "3");
    assertEquals(0, r.exit(), r.err());
    String[] lines = r.out().strip().split("\n");
    assertEquals("frame,step,time,beta1", lines[0]);
    assertEquals(3, lines.length);
    int b1 =
        RipsPersistence.compute(TrajectoryIO.readFrame(f, 1), RipsOptions.euclidean(3)).betti1();
    assertEquals("1,7,0.021," + b1, lines[2]);
    r = CliRunner.run("betti", f.toString(), "--all-frames", "--frame", "1");
    assertEquals(Cli.EXIT_USAGE, r.exit());
  }

  @Test
  void badAlphaIsAUsageError() throws Exception {
    Path f = dir.resolve("g.xyz");
    TrajectoryIO.write(f, MemoryTrajectory.of(List.of(glass(50, 3))));
    CliRunner r = CliRunner.run("betti", f.toString(), "--alpha", "big");
    assertEquals(Cli.EXIT_USAGE, r.exit());
    assertTrue(r.err().contains("--alpha"), r.err());
    r = CliRunner.run("betti", f.toString(), "--precision", "half");
    assertEquals(Cli.EXIT_USAGE, r.exit());
    r = CliRunner.run("betti", dir.resolve("missing.xyz").toString());
    assertEquals(Cli.EXIT_FAILURE, r.exit());
    assertFalse(Files.exists(dir.resolve("bars.csv")));
  }
}
