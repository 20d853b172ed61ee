package org.glasslab.data.io;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.glasslab.data.Box;
import org.glasslab.data.Configuration;
import org.glasslab.data.MemoryTrajectory;
import org.junit.jupiter.api.Test;

/** MD and IS trajectories that differ in N, frame count, a step or the box are refused. */
class MatchingFramesTest {
  static MemoryTrajectory traj(int n, long[] steps, double lx) {
    List<Configuration> frames = new ArrayList<>();
    for (long s : steps) {
      double[] x = new double[2 * n];
      for (int i = 0; i < n; i++) {
        x[2 * i] = 0.5 + i;
        x[2 * i + 1] = 0.5;
      }
      double[] d = new double[n];
      java.util.Arrays.fill(d, 1.0);
      frames.add(new Configuration(new Box(lx, 10), x, null, d, null, null, null, s, 0.003 * s));
    }
    return MemoryTrajectory.of(frames);
  }

  @Test
  void everyDifferenceIsOneLineNamingBothFiles() {
    long[] steps = {1, 2, 4, 8};
    MemoryTrajectory md = traj(4, steps, 10);
    assertDoesNotThrow(() -> MatchingFrames.require(md, "md.h5", traj(4, steps, 10), "is.h5"));
    Object[][] cases = {
      {traj(3, steps, 10), "N = 4 vs 3"},
      {traj(4, new long[] {1, 2, 4}, 10), "4 vs 3 frames"},
      {traj(4, new long[] {1, 2, 5, 8}, 10), "frame 2 at step 4 vs 5"},
      {traj(4, steps, 11), "box Box[10.0 x 10.0] vs Box[11.0 x 10.0]"},
    };
    for (Object[] c : cases) {
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class,
              () -> MatchingFrames.require(md, "md.h5", (MemoryTrajectory) c[0], "is.h5"));
      assertEquals(
          "MD trajectory md.h5 and IS trajectory is.h5 do not match ("
              + c[1]
              + "): the IS must be the minimised frames of that MD run",
          e.getMessage());
    }
  }
}
