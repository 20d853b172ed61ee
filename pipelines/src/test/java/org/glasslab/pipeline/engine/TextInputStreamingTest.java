package org.glasslab.pipeline.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.glasslab.data.Trajectory;
import org.glasslab.data.io.TrajectoryIO;
import org.glasslab.pipeline.cli.CliChild;
import org.glasslab.pipeline.cli.CliRunner;
import org.glasslab.pipeline.store.Csv;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Streaming of text inputs, shown on a long trajectory: an MD run of 10,003 frames (N = 128, 1429
 * blocks of B = 128 steps, 7 frames each) written as extended XYZ and as a LAMMPS dump is converted
 * to H5MD from each, and the XYZ goes through import, minimize and events, each in a child JVM with
 * a {@value #HEAP_MB} MB heap, under the frames' raw size (frames × N × 24 bytes = 30.7 MB; the
 * text readers held about 4 kB per frame before, 40 MB). Converted frames equal the run's bit for
 * bit. Not here: the windowed MSD and particle-lattice, which ran out of 24 MB on this trajectory
 * (per-lag and per-frame-cell results, docs/PERFORMANCE.md).
 */
@Tag("validation")
class TextInputStreamingTest {
  @TempDir Path dir;

  static final int N = 128;
  static final int N_CFG = 7;
  static final int BLOCKS = 1429;
  static final int FRAMES = N_CFG * BLOCKS;
  static final int HEAP_MB = 24;

  private int child(Path log, String... args) throws Exception {
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> cmd =
        new ArrayList<>(
            List.of(
                java,
                "-Xmx" + HEAP_MB + "m",
                "-XX:+UseSerialGC",
                "-cp",
                System.getProperty("java.class.path")));
    cmd.addAll(List.of(args));
    Process p =
        new ProcessBuilder(cmd)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    assertTrue(p.waitFor(60, TimeUnit.MINUTES), "the child finishes");
    return p.exitValue();
  }

  @Test
  void tenThousandTextFramesAreConvertedImportedAndAnalysedInASmallHeap() throws Exception {
    assertTrue((long) HEAP_MB << 20 < (long) FRAMES * N * 24, "heap below the raw frames");
    Path md = dir.resolve("run");
    CliRunner sim =
        CliRunner.run(
            "simulate",
            "-N",
            String.valueOf(N),
            "-T",
            "0.3",
            "-B",
            "128",
            "--n-cfg",
            String.valueOf(N_CFG),
            "--blocks",
            String.valueOf(BLOCKS),
            "--equilibration-time",
            "10",
            "--waiting-time",
            "10",
            "--seed",
            "5",
            "-o",
            md.toString(),
            "-q");
    assertEquals(0, sim.exit(), sim.err());
    Path xyz = dir.resolve("big.xyz");
    Path dump = dir.resolve("big.dump");
    for (Path f : List.of(xyz, dump)) {
      CliRunner c = CliRunner.run("convert", md.toString(), f.toString());
      assertEquals(0, c.exit(), c.err());
    }
    // text -> H5MD in the small heap, then frame by frame equal to the run
    for (Path f : List.of(xyz, dump)) {
      Path h5 = dir.resolve(f.getFileName() + ".h5");
      Path log = dir.resolve(f.getFileName() + ".log");
      int rc = child(log, CliChild.class.getName(), "convert", f.toString(), h5.toString());
      assertEquals(0, rc, Files.readString(log));
      try (Trajectory a = TrajectoryIO.read(md);
          Trajectory b = TrajectoryIO.read(h5)) {
        assertEquals(FRAMES, b.frameCount());
        for (int k : new int[] {0, 1, FRAMES / 2 + 3, FRAMES - 1}) {
          assertEquals(a.step(k), b.step(k));
          assertArrayEquals(a.frame(k).positions(), b.frame(k).positions(), f + " frame " + k);
          assertArrayEquals(a.frame(k).images(), b.frame(k).images(), f + " frame " + k);
        }
      }
    }
    Path spec = dir.resolve("text.yaml");
    Files.writeString(
        spec,
        """
        name: text
        run_dir: out
        inputs:
          - files: big.xyz
        stages:
          - import
          - {stage: minimize, params: {ftol: 1.0e-6}}
          - events
        """);
    Path log = dir.resolve("pipeline.log");
    int rc = child(log, PipelineChild.class.getName(), spec.toString(), "builtin");
    assertEquals(0, rc, Files.readString(log));

    Path res = dir.resolve("out/results/big");
    assertEquals(FRAMES, Csv.read(res.resolve("minimize/minimize.csv")).rows().size());
    assertEquals(FRAMES - 1, Csv.read(res.resolve("events/events.csv")).rows().size());
  }
}
