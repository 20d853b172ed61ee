package org.glasslab.pipeline.task;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.glasslab.pipeline.cli.CliRunner;
import org.glasslab.pipeline.engine.AbstractStage;
import org.glasslab.pipeline.engine.Engine;
import org.glasslab.pipeline.engine.RunResult;
import org.glasslab.pipeline.engine.Samples;
import org.glasslab.pipeline.engine.StageContext;
import org.glasslab.pipeline.engine.StageRegistry;
import org.glasslab.pipeline.spec.SpecLoader;
import org.glasslab.pipeline.stages.Stages;
import org.glasslab.pipeline.store.Csv;
import org.glasslab.pipeline.store.Fields;
import org.glasslab.pipeline.store.Hdf5Arrays;
import org.glasslab.pipeline.store.JsonFiles;
import org.glasslab.pipeline.store.Table;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * For each migrated task, the CLI command and the pipeline stage run on the same input give the
 * same numbers: the command's stdout table equals the stage's CSV artifact byte for byte (one task,
 * one writer), with defaults and with non-default parameters given once as options and once as spec
 * parameters.
 */
class TaskParityTest {
  @TempDir static Path dir;
  static Path traj;
  static Path results;

  @BeforeAll
  static void runPipeline() throws Exception {
    traj = Samples.write(dir.resolve("a.h5"), 80, 6, 7);
    Path spec = dir.resolve("parity.yaml");
    Files.writeString(
        spec,
        """
        name: parity
        run_dir: out
        inputs:
          - files: a.h5
        stages:
          - import
          - msd
          - stage: gofr
            params: {frame: -1, dr: 0.05, rmax: 2.5}
          - stage: betti
            params: {alpha: 1.5, periodic: true}
          - stage: thermo
            params: {frame: 2, temperature: 0.3, convention: paper_half}
          - stage: stress
            params: {temperature: 0.5}
        """);
    CliRunner r = CliRunner.run("run", spec.toString());
    assertEquals(0, r.exit(), r.err());
    results = dir.resolve("out/results/a");
  }

  /** The command's stdout after dropping '#' comment lines. */
  static String table(CliRunner r) {
    assertEquals(0, r.exit(), r.err());
    StringBuilder sb = new StringBuilder();
    for (String line : r.out().split("\n", -1)) {
      if (!line.startsWith("#") && !line.isEmpty()) {
        sb.append(line).append('\n');
      }
    }
    return sb.toString();
  }

  @Test
  void msdCommandEqualsStage() throws Exception {
    String stage = Files.readString(results.resolve("msd/msd.csv"));
    assertTrue(stage.startsWith("frame,step,time,msd\n"), stage);
    assertEquals(7, stage.split("\n").length);
    assertEquals(stage, table(CliRunner.run("msd", traj.toString())));
    Path out = dir.resolve("msd.csv");
    assertEquals(0, CliRunner.run("msd", traj.toString(), "--out", out.toString()).exit());
    assertEquals(stage, Files.readString(out));
  }

  @Test
  void bettiCommandEqualsStage() throws Exception {
    String stage = Files.readString(results.resolve("betti/betti.csv"));
    assertTrue(stage.startsWith("frame,step,time,beta1\n"), stage);
    String cmd =
        table(
            CliRunner.run(
                "betti", traj.toString(), "--all-frames", "--alpha", "1.5", "--periodic"));
    assertEquals(stage, cmd);
  }

  @Test
  void thermoCommandEqualsStage() throws Exception {
    String stage = Files.readString(results.resolve("thermo/thermo.csv"));
    assertTrue(stage.startsWith("step,time,n,area,density,temperature,"), stage);
    assertEquals(2, stage.split("\n").length);
    Path out = dir.resolve("thermo.csv");
    CliRunner r =
        CliRunner.run(
            "thermo",
            traj.toString(),
            "--frame",
            "2",
            "--temperature",
            "0.3",
            "--stress-convention",
            "paper-half",
            "--out",
            out.toString());
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().contains("U/N"), r.out());
    assertEquals(stage, Files.readString(out));
  }

  @Test
  void stressCommandEqualsStage() throws Exception {
    String stage = Files.readString(results.resolve("stress/stress.csv"));
    assertTrue(stage.startsWith("step,time,potential_energy,sxx,"), stage);
    assertEquals(7, stage.split("\n").length);
    assertEquals(stage, table(CliRunner.run("stress", traj.toString(), "--temperature", "0.5")));
  }

  /**
   * minimize and modes on a small trajectory: the command's IS trajectory and convergence table
   * equal the stage's is.h5 and minimize.csv (but for the wall times), and modes.csv equals the
   * command's table on the IS trajectory.
   */
  @Test
  void minimizeAndModesCommandsEqualStages() throws Exception {
    Path specFile = dir.resolve("modes.yaml");
    Files.writeString(
        specFile,
        """
        name: modes
        run_dir: out_modes
        inputs:
          - files: a.h5
        stages:
          - import
          - minimize
          - stage: modes
            params: {count: 4, zero_tolerance: 1.0e-7}
        """);
    CliRunner run = CliRunner.run("run", specFile.toString());
    assertEquals(0, run.exit(), run.err());
    Path res = dir.resolve("out_modes/results/a");
    String stage = Files.readString(res.resolve("modes/modes.csv"));
    assertTrue(stage.startsWith("frame,step,lambda_smallest,zero_modes,negative_modes,"), stage);
    assertEquals(7, stage.split("\n").length);
    Path is = res.resolve("minimize/is.h5");
    Path cmdIs = dir.resolve("cmd-is.h5");
    CliRunner m = CliRunner.run("minimize", traj.toString(), cmdIs.toString(), "-q", "--jobs", "2");
    assertEquals(0, m.exit(), m.err());
    Csv.Table a = Csv.read(res.resolve("minimize/minimize.csv"));
    Csv.Table b = Csv.read(MinimizeTask.tablePath(cmdIs));
    assertEquals(a.header(), b.header());
    for (String col : a.header()) {
      if (!col.equals("stop_reason")) {
        assertArrayEquals(a.doubles(col), b.doubles(col), col);
      }
    }
    try (var x = org.glasslab.data.io.TrajectoryIO.read(is);
        var y = org.glasslab.data.io.TrajectoryIO.read(cmdIs)) {
      assertEquals(6, y.frameCount());
      for (int k = 0; k < 6; k++) {
        assertArrayEquals(x.frame(k).positions(), y.frame(k).positions());
        assertArrayEquals(x.frame(k).images(), y.frame(k).images());
      }
    }
    assertEquals(
        stage,
        table(CliRunner.run("modes", is.toString(), "--count", "4", "--zero-tolerance", "1.0e-7")));
  }

  /**
   * simulate: the stage (with its engine-derived seed) and the command with that seed and the same
   * parameters (one spec file given to both: the stage's params and the command's --config) give
   * the same trajectory, bit for bit.
   */
  @Test
  void simulateCommandEqualsStage() throws Exception {
    String params =
        "particles: 48\ntemperature: 0.4\nequilibration_time: 0.9\nwaiting_time: 0.3\n"
            + "block_size: 32\nn_cfg: 4\nblocks: 2\npotential: lj\n";
    Path specFile = dir.resolve("sim.yaml");
    Files.writeString(
        specFile,
        "name: sim\nrun_dir: out_sim\nseed: 3\ninputs:\n  - generate: simulate\n    label: md\n"
            + "    params:\n"
            + params.replaceAll("(?m)^", "      ").stripTrailing()
            + "\nstages: []\n");
    CliRunner run = CliRunner.run("run", specFile.toString());
    assertEquals(0, run.exit(), run.err());
    var manifest = JsonFiles.read(dir.resolve("out_sim/manifest.json"));
    long seed = -1;
    String out = null;
    for (var st : manifest.get("stages")) {
      if (st.get("stage").asText().equals("simulate")) {
        seed = st.get("seed").asLong();
        out = st.get("dir").asText();
      }
    }
    assertTrue(out != null, manifest.toString());
    Path stageTraj = dir.resolve("out_sim").resolve(out).resolve("trajectory.h5");
    if (!Files.exists(stageTraj)) {
      stageTraj = Path.of(out).resolve("trajectory.h5");
    }
    Path config = dir.resolve("sim-config.yaml");
    Files.writeString(config, params);
    Path cmdDir = dir.resolve("sim-cmd");
    CliRunner c =
        CliRunner.run(
            "simulate",
            "--config",
            config.toString(),
            "--seed",
            Long.toString(seed),
            "-q",
            "--out",
            cmdDir.toString());
    assertEquals(0, c.exit(), c.err());
    try (var a =
            org.glasslab.data.io.H5md.read(stageTraj, org.glasslab.data.io.ReadOptions.DEFAULTS);
        var b = org.glasslab.data.io.TrajectoryIO.read(cmdDir)) {
      assertEquals(8, a.frameCount());
      assertEquals(a.frameCount(), b.frameCount());
      assertEquals("lj:cutoff=2.5", a.potential());
      assertEquals(a.potential(), b.potential());
      for (int k = 0; k < a.frameCount(); k++) {
        assertEquals(a.step(k), b.step(k));
        assertArrayEquals(a.frame(k).positions(), b.frame(k).positions());
        assertArrayEquals(a.frame(k).velocities(), b.frame(k).velocities());
      }
    }
  }

  @Test
  void gofrCommandEqualsStage() throws Exception {
    String stage = Files.readString(results.resolve("gofr/gofr.csv"));
    assertTrue(stage.startsWith("r,g\n"), stage);
    assertEquals(51, stage.split("\n").length);
    String cmd =
        table(
            CliRunner.run(
                "gofr", traj.toString(), "--frame", "-1", "--dr", "0.05", "--rmax", "2.5"));
    assertEquals(stage, cmd);
  }

  /** Stands in for {@code minimize}: the trajectory itself as the inherent structures. */
  static final class TrajectoryAsIs extends AbstractStage {
    TrajectoryAsIs() {
      super(
          "trajectory_as_is",
          1,
          Scope.BRANCH,
          List.of("trajectory.h5"),
          List.of("is.h5"),
          "copies trajectory.h5 to is.h5 (test)",
          Map.of());
    }

    @Override
    public void run(StageContext ctx) throws Exception {
      // the trajectory may be a segmented directory: copy it as a trajectory
      try (org.glasslab.data.Trajectory t =
          org.glasslab.data.io.TrajectoryIO.read(ctx.input("trajectory.h5"))) {
        org.glasslab.data.io.H5mdWriter.copy(ctx.output("is.h5"), t, true);
      }
    }
  }

  /**
   * strain/local, softness and correlate: the stages run on the inherent-structure pairs around the
   * strongest event of the IS catalogue; the commands on the same frames give the same tables.
   */
  @Test
  void localSoftnessCorrelateCommandsEqualStages() throws Exception {
    Path hop = Samples.hopping(dir.resolve("hop.h5"), 60);
    Path specFile = dir.resolve("local.yaml");
    Files.writeString(
        specFile,
        """
        name: local
        run_dir: out_local
        inputs:
          - files: hop.h5
        stages:
          - import
          - trajectory_as_is
          - events
          - stage: local
            params: {rc: 2.4}
          - stage: softness
            params: {delta: 0.03}
          - correlate
        """);
    StageRegistry reg = Stages.builtin().register(new TrajectoryAsIs());
    RunResult run =
        new Engine(reg)
            .run(
                SpecLoader.load(specFile, reg),
                new Engine.Options(1, false, false, new PrintWriter(new StringWriter())));
    assertTrue(run.ok(), run.toString());
    Path res = dir.resolve("out_local/results/hop");
    // the hop between frames 59 and 60 is the catalogue's one event; equal lags (linear
    // schedule): before = 58 -> 59, at = 59 -> 60, after = 60 -> 61
    int a = 60;
    assertArrayEquals(
        new int[][] {{58, 59}, {59, 60}, {60, 61}},
        new int[][] {
          (int[]) Hdf5Arrays.read(res.resolve("local/local.h5"), "before/frames"),
          (int[]) Hdf5Arrays.read(res.resolve("local/local.h5"), "at/frames"),
          (int[]) Hdf5Arrays.read(res.resolve("local/local.h5"), "after/frames")
        });

    Path strain = dir.resolve("strain.csv");
    CliRunner s =
        CliRunner.run(
            "strain",
            hop.toString(),
            hop.toString(),
            "--ref-frame",
            Integer.toString(a - 1),
            "--cur-frame",
            Integer.toString(a),
            "--rc",
            "2.4",
            "--out",
            strain.toString());
    assertEquals(0, s.exit(), s.err());
    assertEquals(Files.readString(res.resolve("local/local.csv")), Files.readString(strain));

    Path soft = dir.resolve("soft.csv");
    CliRunner so =
        CliRunner.run(
            "softness",
            hop.toString(),
            "--frame",
            Integer.toString(a - 1),
            "--delta",
            "0.03",
            "--out",
            soft.toString());
    assertEquals(0, so.exit(), so.err());
    double[] stage = Csv.read(res.resolve("softness/softness.csv")).doubles("softness_at");
    assertArrayEquals(stage, Csv.read(soft).doubles("softness"));

    // The stage correlates local.csv with softness_at: the command on the strain table with
    // the command's softness column added gives the same correlation.csv.
    Map<String, double[]> cols = new LinkedHashMap<>(Fields.readCsv(strain));
    cols.put("softness", Csv.read(soft).doubles("softness"));
    Path both = dir.resolve("both.csv");
    Csv.write(both, new Table(List.copyOf(cols.keySet()), cols.values().toArray()));
    Path corr = dir.resolve("corr.csv");
    CliRunner c = CliRunner.run("correlate", both.toString(), "--out", corr.toString());
    assertEquals(0, c.exit(), c.err());
    assertEquals(
        Files.readString(res.resolve("correlate/correlation.csv")), Files.readString(corr));
  }

  @Test
  void epmMeanfieldCommandEqualsStage() throws Exception {
    Path specFile = dir.resolve("mf.yaml");
    Files.writeString(
        specFile,
        """
        name: mf
        run_dir: out_mf
        inputs:
          - generate: epm-meanfield
            label: mf
            params: {temperatures: [0.3, 0.5], points: 101}
        stages: []
        """);
    CliRunner run = CliRunner.run("run", specFile.toString());
    assertEquals(0, run.exit(), run.err());
    Path out = dir.resolve("p.csv");
    CliRunner c =
        CliRunner.run(
            "epm", "meanfield", "-T", "0.3,0.5", "--points", "101", "--out", out.toString());
    assertEquals(0, c.exit(), c.err());
    String stage = Files.readString(dir.resolve("out_mf/results/mf/epm-meanfield/p_sigma.csv"));
    assertTrue(stage.startsWith("sigma,P_T0.3,P_T0.5\n"), stage);
    assertEquals(stage, Files.readString(out));
  }

  @Test
  void epmGillespieCommandEqualsStage() throws Exception {
    Path specFile = dir.resolve("gil.yaml");
    Files.writeString(
        specFile,
        """
        name: gil
        run_dir: out_gil
        inputs:
          - generate: epm-gillespie
            label: gil
            params: {n: 200, temperature: 3, events: 4000, seed: 3, seeds: 2, bins: 20}
        stages: []
        """);
    CliRunner run = CliRunner.run("run", specFile.toString());
    assertEquals(0, run.exit(), run.err());
    Path out = dir.resolve("gil.csv");
    CliRunner c =
        CliRunner.run(
            "epm",
            "gillespie",
            "--n",
            "200",
            "-T",
            "3",
            "--events",
            "4000",
            "--seed",
            "3",
            "--seeds",
            "2",
            "--bins",
            "20",
            "--out",
            out.toString());
    assertEquals(0, c.exit(), c.err());
    String stage =
        Files.readString(dir.resolve("out_gil/results/gil/epm-gillespie/epm-gillespie.csv"));
    assertTrue(stage.startsWith("sigma_lo,sigma_hi,p_sim,p_sim_error,p_theory,"), stage);
    assertEquals(21, stage.split("\n").length);
    assertEquals(stage, Files.readString(out));
  }

  /**
   * Runs {@code generate: stage} with {@code params} and the command {@code args} with {@code --out
   * DIR}; every file of the directory task is identical (the stage's prefixed {@code epm_}).
   */
  static void directoryTaskParity(Task<?, ?, ?> task, String params, String... args)
      throws Exception {
    String label = task.name().replace("-", "");
    Path specFile = dir.resolve(label + ".yaml");
    Files.writeString(
        specFile,
        "name: "
            + label
            + "\nrun_dir: out_"
            + label
            + "\ninputs:\n  - generate: "
            + task.name()
            + "\n    label: "
            + label
            + "\n    params: "
            + params
            + "\nstages: []\n");
    CliRunner run = CliRunner.run("run", specFile.toString());
    assertEquals(0, run.exit(), run.err());
    Path out = dir.resolve("cmd_" + label);
    String[] full = java.util.Arrays.copyOf(args, args.length + 2);
    full[args.length] = "--out";
    full[args.length + 1] = out.toString();
    CliRunner c = CliRunner.run(full);
    assertEquals(0, c.exit(), c.err());
    Path stage = dir.resolve("out_" + label + "/results/" + label + "/" + task.name());
    for (String f : task.files()) {
      assertArrayEquals(
          Files.readAllBytes(stage.resolve("epm_" + f)), Files.readAllBytes(out.resolve(f)), f);
    }
    assertTrue(Files.isRegularFile(out.resolve("manifest.json")));
  }

  @Test
  void epmLatticeCommandEqualsStage() throws Exception {
    directoryTaskParity(
        EpmLatticeTask.INSTANCE,
        "{size: 8, temperature: 0.3, events: 400, seed: 5, snapshots: 3, lag_max: 50}",
        "epm",
        "lattice",
        "--size",
        "8",
        "--temperature",
        "0.3",
        "--events",
        "400",
        "--seed",
        "5",
        "--snapshots",
        "3",
        "--lag-max",
        "50");
  }

  @Test
  void epmTcScanCommandEqualsStage() throws Exception {
    directoryTaskParity(
        EpmTcScanTask.INSTANCE,
        "{sizes: [8], temperatures: [0.2, 2.0], samples: 3, avalanches: 5, bootstrap: 20, seed: 2}",
        "epm",
        "tc-scan",
        "--sizes",
        "8",
        "--temperatures",
        "0.2,2",
        "--samples",
        "3",
        "--avalanches",
        "5",
        "--bootstrap",
        "20",
        "--seed",
        "2");
  }
}
