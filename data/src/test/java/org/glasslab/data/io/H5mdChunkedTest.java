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
    double[] source = new double[frames * n * 2];
    for (int k = 0; k < source.length; k++) {
      // Distinct, exactly representable values: a frame or particle read from the wrong chunk
      // shows.
      source[k] = box * ((k * 7919L) % 100_003) / 100_003.0;
    }
    Path bin = dir.resolve("source.bin");
    ByteBuffer bytes = ByteBuffer.allocate(source.length * 8).order(ByteOrder.LITTLE_ENDIAN);
    bytes.asDoubleBuffer().put(source);
    Files.write(bin, bytes.array());
    Path script = dir.resolve("write_chunked_h5md.py");
    try (var in = getClass().getResourceAsStream("/interop/write_chunked_h5md.py")) {
      Files.write(script, in.readAllBytes());
    }
    Path h5 = dir.resolve("chunked.h5");
    Process p =
        new ProcessBuilder(
                H5mdInteropTest.PYTHON.toString(),
                script.toString(),
                bin.toString(),
                h5.toString(),
                Integer.toString(frames),
                Integer.toString(n),
                Double.toString(box),
                Integer.toString(chunkFrames),
                Integer.toString(chunkParticles),
                compression)
            .redirectErrorStream(true)
            .start();
    String log = new String(p.getInputStream().readAllBytes());
    assertEquals(0, p.waitFor(), log);

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
}
