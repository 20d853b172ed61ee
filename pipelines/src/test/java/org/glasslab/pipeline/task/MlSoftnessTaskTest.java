package org.glasslab.pipeline.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.glasslab.analysis.mlsoftness.SoftnessModel;
import org.glasslab.analysis.mlsoftness.StructureFunctions;
import org.glasslab.data.Box;
import org.glasslab.data.Configuration;
import org.glasslab.data.MemoryTrajectory;
import org.glasslab.data.io.H5md;
import org.glasslab.pipeline.cli.Cli;
import org.glasslab.pipeline.cli.CliRunner;
import org.glasslab.pipeline.store.JsonFiles;
import org.glasslab.testsupport.SyntheticClouds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code glasslab ml-softness}: the saved model reads back equal, and bad input stops with one
 * line: a run without rearrangements ("not enough labelled particles (k of the n needed)") and a
 * model applied with other feature definitions.
 */
class MlSoftnessTaskTest {
  @TempDir Path dir;

  /** An IS trajectory that never changes, on a log-like schedule. */
  Path still(String name, long seed) throws Exception {
    int n = 300;
    Box box = Box.square(n, 0.9);
    double[] pos = SyntheticClouds.randomSequentialAddition(n, 0.9, 0.8, seed);
    double[] d = new double[n];
    Arrays.fill(d, 1.0);
    List<Configuration> frames = new ArrayList<>();
    for (long s : new long[] {0, 1, 2, 4, 8, 16, 32, 64, 100, 101, 102, 104, 108, 116, 132, 164}) {
      frames.add(Configuration.of(box, pos, d).withStepAndTime(s, 0.003 * s));
    }
    Path f = dir.resolve(name);
    H5md.write(f, MemoryTrajectory.of(frames));
    return f;
  }

  static SoftnessModel model() {
    StructureFunctions sf = StructureFunctions.defaults();
    int f = sf.count();
    double[] mean = new double[f];
    double[] scale = new double[f];
    double[] w = new double[f];
    for (int k = 0; k < f; k++) {
      mean[k] = 0.1 * k;
      scale[k] = 1 + 0.01 * k;
      w[k] = Math.sin(k + 1.0);
    }
    return new SoftnessModel(sf, mean, scale, w, -0.25, 0.1, Map.of("seed", 7, "note", "test"));
  }

  @Test
  void theModelFileReadsBackEqual() throws Exception {
    Path f = dir.resolve("m.json");
    SoftnessModel m = model();
    JsonFiles.write(f, MlSoftnessTask.modelJson(m));
    SoftnessModel back = MlSoftnessTask.readModel(f);
    assertEquals(m, back);
    assertEquals(m.features(), back.features());
    assertEquals("test", back.provenance().get("note"));
  }

  @Test
  void tooFewRearrangementsStopsWithOneLine() throws Exception {
    Path a = still("a.h5", 1);
    Path b = still("b.h5", 2);
    CliRunner r =
        CliRunner.run(
            "ml-softness",
            "--trajectories",
            a + "," + b,
            "--temperatures",
            "0.3,0.3",
            "--quiet-steps",
            "50",
            "--out",
            dir.resolve("out").toString());
    assertEquals(Cli.EXIT_FAILURE, r.exit(), r.err());
    assertTrue(
        r.err()
            .startsWith(
                "glasslab ml-softness: not enough labelled particles (0 of the 100 needed)"),
        r.err());
    assertEquals(1, r.err().strip().lines().count(), r.err());
  }

  @Test
  void aModelOfOtherFeatureDefinitionsIsRefused() throws Exception {
    Path a = still("a.h5", 1);
    Path m = dir.resolve("m.json");
    JsonFiles.write(m, MlSoftnessTask.modelJson(model()));
    CliRunner r =
        CliRunner.run(
            "ml-softness",
            "--trajectories",
            a.toString(),
            "--temperatures",
            "0.3",
            "--model",
            m.toString(),
            "--mus",
            "0.9,1.0,1.1",
            "--out",
            dir.resolve("out").toString());
    assertEquals(Cli.EXIT_FAILURE, r.exit(), r.err());
    assertTrue(
        r.err().startsWith("glasslab ml-softness: the model was trained on other feature"),
        r.err());
    assertEquals(1, r.err().strip().lines().count(), r.err());
  }
}
