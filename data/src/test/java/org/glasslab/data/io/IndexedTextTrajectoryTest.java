package org.glasslab.data.io;

import static org.glasslab.data.io.RoundTripTest.assertSameFrame;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.glasslab.data.MemoryTrajectory;
import org.glasslab.data.TestConfigs;
import org.glasslab.data.Trajectory;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Text trajectories read frame by frame ({@link IndexedTextTrajectory}) give the same frames as the
 * in-memory trajectory they were written from, bit for bit, whatever the order of access (in order,
 * backwards, jumping, the same frame twice), with Windows line ends, and after the file was
 * replaced under the same name (the open file is read, not the new one).
 */
class IndexedTextTrajectoryTest {
  @TempDir Path dir;

  private static final int FRAMES = 9;

  private static void checkAllOrders(MemoryTrajectory t, Trajectory back, boolean extras) {
    assertEquals(FRAMES, back.frameCount());
    assertEquals(t.particleCount(), back.particleCount());
    int[] order = {0, 1, 2, 3, 8, 7, 7, 2, 5, 6, 0, 4, 4, 5};
    for (int k : order) {
      assertSameFrame(t.frame(k), back.frame(k), extras);
      assertEquals(t.step(k), back.step(k));
      assertEquals(t.time(k), back.time(k));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"t.xyz", "t.dump"})
  void framesReadOnDemandEqualTheWrittenOnes(String name) throws Exception {
    for (boolean extras : new boolean[] {false, true}) {
      MemoryTrajectory t = TestConfigs.trajectory(37, FRAMES, 5, extras);
      Path f = dir.resolve((extras ? "x" : "p") + name);
      TrajectoryIO.write(f, t);
      try (Trajectory back = TrajectoryIO.read(f)) {
        checkAllOrders(t, back, extras);
      }
      // CRLF line ends and blank lines between frames read the same
      String text = Files.readString(f, StandardCharsets.UTF_8);
      Path crlf = dir.resolve("crlf-" + f.getFileName());
      Files.writeString(crlf, text.replace("\n", "\r\n"), StandardCharsets.UTF_8);
      try (Trajectory back = TrajectoryIO.read(crlf)) {
        checkAllOrders(t, back, extras);
      }
      // replaced under the same name while open: the open file is still what is read
      try (Trajectory back = TrajectoryIO.read(f)) {
        Path other = dir.resolve("other-" + f.getFileName());
        TrajectoryIO.write(other, TestConfigs.trajectory(37, FRAMES, 99, extras));
        Files.move(other, f, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        checkAllOrders(t, back, extras);
      }
    }
  }
}
