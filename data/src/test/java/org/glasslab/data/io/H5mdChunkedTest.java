package org.glasslab.data.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.glasslab.data.Trajectory;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * H5MD files whose datasets are chunked (as h5py, MDAnalysis and other H5MD writers make them) read
 * back equal to the source frame by frame, for chunk shapes that split frames, particles or both,
 * compressed or not. jhdf 0.10 returned zeros for every chunk after the first in sliced reads.
 */
class H5mdChunkedTest {
  @TempDir Path dir;

  @Test
  void compressedChunksSplittingFramesReadBack() throws Exception {
    check(7, 64, "gzip");
  }

  @Tag("validation")
  @ParameterizedTest
  @CsvSource({"64,64,none", "1,64,none", "10,16,none", "300,64,gzip", "13,5,gzip"})
  void chunkedPositionsReadBackFrameByFrame(int chunkFrames, int chunkParticles, String compression)
      throws Exception {
    check(chunkFrames, chunkParticles, compression);
  }

  private void check(int chunkFrames, int chunkParticles, String compression) throws Exception {
    assumeTrue(H5mdInteropTest.hasModule("h5py"), "python3-h5py not installed");
    int frames = 150;
    int n = 64;
    double box = 10.0;
    double[] source = source(frames * n * 2, box);
    Path h5 = dir.resolve("chunked.h5");
    writeWith(
        "write_chunked_h5md.py",
        source,
        h5.toString(),
        Integer.toString(frames),
        Integer.toString(n),
        Double.toString(box),
        Integer.toString(chunkFrames),
        Integer.toString(chunkParticles),
        compression);

    try (Trajectory t = H5md.read(h5, ReadOptions.DEFAULTS)) {
      assertEquals(frames, t.frameCount());
      for (int f = 0; f < frames; f++) {
        double[] expected = new double[2 * n];
        System.arraycopy(source, f * 2 * n, expected, 0, 2 * n);
        assertArrayEquals(expected, t.frame(f).positions(), "frame " + f);
        assertEquals(10L * f, t.step(f), "step of frame " + f);
      }
    }
  }

  /**
   * MDAnalysis' own H5MD writer (its layout: /particles/trajectory, float32 positions and box,
   * one-frame chunks by default, no diameters, read here with --type-diameters' table for type 1):
   * every frame equals the source rounded to float32, steps and times as written.
   */
  @ParameterizedTest
  @CsvSource({"0,none", "7,gzip", "1,gzip", "40,none"})
  void mdanalysisWrittenFilesReadBackFrameByFrame(int chunkFrames, String compression)
      throws Exception {
    assumeTrue(H5mdInteropTest.hasModule("MDAnalysis"), "python3-mdanalysis not installed");
    int frames = 40;
    int n = 16;
    double box = 8.0;
    double[] source = source(frames * n * 2, box);
    Path h5 = dir.resolve("mdanalysis.h5");
    writeWith(
        "write_mdanalysis_h5md.py",
        source,
        h5.toString(),
        Integer.toString(frames),
        Integer.toString(n),
        Double.toString(box),
        Integer.toString(chunkFrames),
        compression);

    ReadOptions o = ReadOptions.DEFAULTS.withTypeDiameters(java.util.Map.of(1, 1.0));
    try (Trajectory t = H5md.read(h5, o)) {
      assertEquals(frames, t.frameCount());
      assertEquals(box, t.frame(0).box().lx());
      for (int f = 0; f < frames; f++) {
        double[] expected = new double[2 * n];
        for (int k = 0; k < 2 * n; k++) {
          expected[k] = (float) source[f * 2 * n + k];
        }
        assertArrayEquals(expected, t.frame(f).positions(), "frame " + f);
        assertEquals(f + 1L, t.step(f), "step of frame " + f);
        assertEquals(1.0, t.frame(f).diameters()[n - 1]);
      }
    }
    var e =
        org.junit.jupiter.api.Assertions.assertThrows(
            TrajectoryFormatException.class, () -> H5md.read(h5, ReadOptions.DEFAULTS).close());
    org.junit.jupiter.api.Assertions.assertTrue(
        e.getMessage().contains("missing per-particle diameters"), e.getMessage());
  }

  /** Writes {@code source} as little-endian float64 and runs {@code script} (a resource) on it. */
  private void writeWith(String script, double[] source, String... args) throws Exception {
    Path bin = dir.resolve("source.bin");
    ByteBuffer bytes = ByteBuffer.allocate(source.length * 8).order(ByteOrder.LITTLE_ENDIAN);
    bytes.asDoubleBuffer().put(source);
    Files.write(bin, bytes.array());
    Path py = dir.resolve(script);
    try (var in = getClass().getResourceAsStream("/interop/" + script)) {
      Files.write(py, in.readAllBytes());
    }
    java.util.List<String> cmd =
        new java.util.ArrayList<>(
            java.util.List.of(H5mdInteropTest.PYTHON.toString(), py.toString(), bin.toString()));
    cmd.addAll(java.util.List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String log = new String(p.getInputStream().readAllBytes());
    assertEquals(0, p.waitFor(), log);
  }

  /** Distinct positions in [0, box): a frame or particle read from the wrong chunk shows. */
  private static double[] source(int length, double box) {
    double[] s = new double[length];
    for (int k = 0; k < length; k++) {
      s[k] = box * ((k * 7919L) % 100_003) / 100_003.0;
    }
    return s;
  }
}
