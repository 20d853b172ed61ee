package org.glasslab.pipeline.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.glasslab.data.Configuration;
import org.glasslab.data.Trajectory;
import org.glasslab.data.io.H5mdWriter;
import org.glasslab.data.io.RunDirectoryFormat;
import org.glasslab.data.io.TrajectoryIO;
import org.glasslab.md.Potentials;
import org.glasslab.minimize.Method;
import org.glasslab.minimize.MinimizerOptions;
import org.glasslab.pipeline.cli.CliRunner;
import org.glasslab.pipeline.store.Csv;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Streaming, shown on a long trajectory: an MD run of 20,010 frames (N = 128) goes through import,
 * minimize, stress, msd, modes and betti in a child JVM whose heap ({@value #HEAP_MB} MB) is under
 * half of what the frames' positions, images and velocities alone take as raw numbers (frames × N ×
 * 24 bytes = 61.5 MB). Holding the trajectory, or one stage's per-frame results with positions, in
 * memory fails there, as the build before streaming did (docs/PERFORMANCE.md). The same run passed
 * with -Xmx24m (live heap after collections at most 23 MB, about 16 MB most of the time); 28 MB
 * leaves a margin. About 15 minutes on a loaded 2-core machine.
 */
@Tag("validation")
class StreamingMemoryTest {
  @TempDir Path dir;

  static final int N = 128;
  static final int N_CFG = 10;
  static final int BLOCKS = 2001;
  static final int FRAMES = N_CFG * BLOCKS;
  static final int HEAP_MB = 28;

  @Test
  void twentyThousandFramesGoThroughTheAnalysesInASmallHeap() throws Exception {
    assertTrue((long) HEAP_MB << 20 < (long) FRAMES * N * 24 / 2, "heap well below");
    Path md = dir.resolve("run");
    CliRunner sim =
        CliRunner.run(
            "simulate",
            "-N",
            String.valueOf(N),
            "-T",
            "0.3",
            "-B",
            "1024",
            "--n-cfg",
            String.valueOf(N_CFG),
            "--blocks",
            String.valueOf(BLOCKS),
            "--equilibration-time",
            "10",
            "--waiting-time",
            "10",
            "--seed",
            "4",
            "-o",
            md.toString(),
            "-q");
    assertEquals(0, sim.exit(), sim.err());
    Path spec = dir.resolve("mem.yaml");
    Files.writeString(
        spec,
        """
        name: mem
        run_dir: out
        inputs:
          - files: run
        stages:
          - import
          - {stage: minimize, params: {ftol: 1.0e-6}}
          - {stage: stress, params: {temperature: 0.3}}
          - msd
          - {stage: modes, params: {count: 4}}
          - betti
        """);
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> cmd =
        new ArrayList<>(
            List.of(
                java,
                "-Xmx" + HEAP_MB + "m",
                "-XX:+UseSerialGC",
                "-cp",
                System.getProperty("java.class.path"),
                PipelineChild.class.getName(),
                spec.toString(),
                "builtin"));
    Path log = dir.resolve("child.log");
    Process p =
        new ProcessBuilder(cmd)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    assertTrue(p.waitFor(60, TimeUnit.MINUTES), "the pipeline finishes");
    assertEquals(0, p.exitValue(), Files.readString(log));

    Path res = dir.resolve("out/results/run");
    for (String table :
        List.of(
            "minimize/minimize.csv",
            "stress/stress.csv",
            "msd/msd.csv",
            "modes/modes.csv",
            "betti/betti.csv")) {
      assertEquals(FRAMES, Csv.read(res.resolve(table)).rows().size(), table);
    }
    // the run is imported by reference; the IS trajectory is written in segments
    Path traj = res.resolve("import/trajectory.h5");
    assertTrue(RunDirectoryFormat.readIndex(traj).isReference());
    Path is = res.resolve("minimize/is.h5");
    int per = H5mdWriter.segmentFrames(N);
    assertEquals((FRAMES + per - 1) / per, RunDirectoryFormat.readIndex(is).blocks().size());
    // a frame deep in the IS trajectory is the minimizer's result for that MD frame
    int k = FRAMES - 7;
    try (Trajectory mdt = TrajectoryIO.read(traj);
        Trajectory ist = TrajectoryIO.read(is)) {
      Configuration direct =
          Method.CG
              .create(Potentials.byName("wca"))
              .minimize(mdt.frame(k), MinimizerOptions.defaults().withFtol(1e-6))
              .configuration();
      assertEquals(mdt.step(k), ist.step(k));
      assertArrayEquals(direct.positions(), ist.frame(k).positions());
      assertArrayEquals(direct.images(), ist.frame(k).images());
    }
  }
}
