package org.glasslab.pipeline.stages;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.glasslab.analysis.mlsoftness.SoftnessModel;
import org.glasslab.pipeline.cli.CliRunner;
import org.glasslab.pipeline.store.Csv;
import org.glasslab.pipeline.task.MlSoftnessTask;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ml-softness ensemble stage on 2 temperatures x 2 replicas of 200 particles: it holds out one
 * replica per temperature, reads each branch's temperature from its MD trajectory, and its model
 * and tables equal those of {@code glasslab ml-softness} on the same IS files with the same seed.
 */
@Tag("validation")
class MlSoftnessStageTest {
  @TempDir Path dir;

  static final String SPEC =
      """
      name: mls
      seed: 5
      inputs:
        - generate: simulate
          label: T
          params: {particles: 200, equilibration_time: 5, waiting_time: 20, block_size: 4000,
                   n_cfg: 10, blocks: 4}
          sweep: {temperature: [0.35, 0.45]}
          replicas: 2
      stages:
        - minimize
        - events
        - {stage: ml-softness, params: {seed: 3, quiet_steps: 1000, min_labelled: 10, bins: 5}}
      """;

  @Test
  void stageEqualsCommand() throws Exception {
    Path spec = dir.resolve("mls.yaml");
    Files.writeString(spec, SPEC);
    CliRunner run = CliRunner.run("run", spec.toString(), "--jobs", "2", "-q");
    assertEquals(0, run.exit(), run.out() + run.err());
    Path results = dir.resolve("runs/mls/results");
    Path stage = results.resolve("ensemble/ml-softness");
    Csv.Table runs = Csv.read(stage.resolve("ml_runs.csv"));
    assertEquals(4, runs.rows().size());
    List<String> files = new ArrayList<>();
    for (String b : List.of("0.35-r0", "0.35-r1", "0.45-r0", "0.45-r1")) {
      files.add(results.resolve("T-temperature=" + b + "/minimize/is.h5").toString());
    }
    assertArrayEquals(new double[] {0.35, 0.35, 0.45, 0.45}, runs.doubles("temperature"));
    long test = runs.rows().stream().filter(r -> r[2].equals("test")).count();
    assertEquals(2, test, "one held-out replica per temperature");
    Path out = dir.resolve("cmd");
    CliRunner cmd =
        CliRunner.run(
            "ml-softness",
            "--trajectories",
            String.join(",", files),
            "--temperatures",
            "0.35,0.35,0.45,0.45",
            "--seed",
            "3",
            "--quiet-steps",
            "1000",
            "--min-labelled",
            "10",
            "--bins",
            "5",
            "--out",
            out.toString());
    assertEquals(0, cmd.exit(), cmd.err());
    SoftnessModel a = MlSoftnessTask.readModel(stage.resolve("ml_model.json"));
    SoftnessModel b = MlSoftnessTask.readModel(out.resolve("ml_model.json"));
    assertEquals(a, b);
    for (String f : List.of("ml_cv.csv", "ml_pr.csv", "ml_arrhenius.csv")) {
      assertEquals(Files.readString(stage.resolve(f)), Files.readString(out.resolve(f)), f);
    }
    Csv.Table cr = Csv.read(out.resolve("ml_runs.csv"));
    for (String col :
        List.of("rearranging_labels", "quiet_labels", "accuracy", "spearman_caging")) {
      assertArrayEquals(runs.doubles(col), cr.doubles(col), col);
    }
    assertTrue(Csv.read(stage.resolve("ml_pr.csv")).rows().size() == 10, "5 bins x 2 T");
  }
}
