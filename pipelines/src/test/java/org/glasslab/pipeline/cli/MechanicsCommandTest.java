package org.glasslab.pipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.glasslab.analysis.mechanics.StressAnalysis;
import org.glasslab.data.Box;
import org.glasslab.data.Configuration;
import org.glasslab.data.MemoryTrajectory;
import org.glasslab.data.io.TrajectoryIO;
import org.glasslab.md.StressConvention;
import org.glasslab.md.Wca;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MechanicsCommandTest {
  @TempDir Path dir;

  /** Monodisperse triangular lattice, nearest-neighbour distance a: a stable minimum. */
  static Configuration triangular(int nx, int ny, double a, double jitter) {
    Box box = new Box(nx * a, ny * a * Math.sqrt(3) / 2);
    double[] x = new double[2 * nx * ny];
    double[] d = new double[nx * ny];
    java.util.SplittableRandom r = new java.util.SplittableRandom(3);
    for (int j = 0; j < ny; j++) {
      for (int i = 0; i < nx; i++) {
        int k = j * nx + i;
        x[2 * k] = (i + 0.5 * (j % 2) + 0.25) * a + jitter * (r.nextDouble() - 0.5);
        x[2 * k + 1] = (j + 0.5) * a * Math.sqrt(3) / 2 + jitter * (r.nextDouble() - 0.5);
        d[k] = 1.0;
      }
    }
    return Configuration.of(box, x, d);
  }

  @Test
  void modesOfTriangularLatticeHaveTwoZeroModesAndVectors() throws Exception {
    Path f = dir.resolve("tri.xyz");
    TrajectoryIO.write(f, MemoryTrajectory.of(List.of(triangular(8, 8, 1.05, 0))));
    Path vec = dir.resolve("vec.csv");
    CliRunner r =
        CliRunner.run(
            "modes",
            f.toString(),
            "--frame",
            "0",
            "--count",
            "5",
            "--json",
            "--vectors",
            vec.toString());
    assertEquals(0, r.exit(), r.err());
    JsonNode j = Json.mapper().readTree(r.out());
    assertEquals(2, j.get("zero_modes").asInt());
    assertTrue(j.get("stable").asBoolean());
    assertEquals(5, j.get("eigenvalues").size());
    double first = j.get("eigenvalues").get(0).asDouble();
    assertTrue(first > 0);
    List<String> v = Files.readAllLines(vec);
    assertEquals(1 + 2 * 64, v.size());
    // one particle-id convention (docs/results.md): ids 1..N when the file has none
    assertTrue(v.get(0).startsWith("id,component,"), v.get(0));
    assertTrue(v.get(1).startsWith("1,x,") && v.get(128).startsWith("64,y,"), v.get(128));
    CliRunner text = CliRunner.run("modes", f.toString(), "--count", "3", "--frame", "-1");
    assertEquals(0, text.exit(), text.err());
    assertTrue(text.out().contains("lambda_smallest"));
    assertTrue(text.out().contains("eigenvalues       m = 3"), text.out());
    // --vectors writes one frame's modes
    assertEquals(2, CliRunner.run("modes", f.toString(), "--vectors", vec.toString()).exit());
    assertEquals(2, CliRunner.run("modes", f.toString(), "--count", "0").exit());
  }

  @Test
  void stressSeriesMatchesLibraryAndNeedsTemperature() throws Exception {
    Configuration a = triangular(8, 8, 1.0, 0.05);
    Configuration b = triangular(8, 8, 1.0, 0.08).withStepAndTime(10, 0.03);
    Path f = dir.resolve("traj.xyz");
    TrajectoryIO.write(f, MemoryTrajectory.of(List.of(a, b)));
    Path out = dir.resolve("s.csv");
    Path pp = dir.resolve("pp.csv");
    CliRunner r =
        CliRunner.run(
            "stress",
            f.toString(),
            "--temperature",
            "0.4",
            "--out",
            out.toString(),
            "--per-particle",
            pp.toString());
    assertEquals(0, r.exit(), r.err());
    List<String> lines = Files.readAllLines(out);
    assertEquals(3, lines.size());
    String[] row = lines.get(2).split(",");
    double sxy =
        new StressAnalysis(Wca.INSTANCE, StressConvention.CONSISTENT)
            .compute(TrajectoryIO.readFrame(f, 1), 0.4)
            .sxy();
    assertEquals(sxy, Double.parseDouble(row[5]), 1e-12 * Math.max(1, Math.abs(sxy)));
    List<String> ppl = Files.readAllLines(pp);
    assertEquals(65, ppl.size());
    assertEquals("id,sxx,syy,sxy", ppl.get(0));
    assertTrue(ppl.get(1).startsWith("1,") && ppl.get(64).startsWith("64,"), ppl.get(64));
    assertTrue(Files.exists(dir.resolve("pp.csv-metadata.json")), "units and dtypes sidecar");
    assertEquals(2, CliRunner.run("stress", f.toString()).exit());
    assertEquals(
        2,
        CliRunner.run("stress", f.toString(), "--temperature", "1", "--stress-convention", "x")
            .exit());
    CliRunner half =
        CliRunner.run(
            "stress", f.toString(), "--temperature", "0", "--stress-convention", "paper-half");
    assertEquals(0, half.exit(), half.err());
    assertTrue(half.out().startsWith("step,time,"));
  }
}
