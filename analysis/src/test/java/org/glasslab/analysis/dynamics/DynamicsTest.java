package org.glasslab.analysis.dynamics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.glasslab.analysis.DisplacementMode;
import org.glasslab.data.Box;
import org.glasslab.data.Configuration;
import org.glasslab.data.MemoryTrajectory;
import org.glasslab.data.Trajectory;
import org.glasslab.testsupport.SyntheticFrames;
import org.junit.jupiter.api.Test;

class DynamicsTest {

  @Test
  void msdFromFirstFrameUsesUnwrappedPositions() {
    Box box = new Box(10, 10);
    List<Configuration> frames = new ArrayList<>();
    // Two particles moving ballistically across the boundary: v = (0.7, -0.4) and (-1.1, 0).
    for (int f = 0; f < 30; f++) {
      double[] u = {9.5 + 0.7 * f, 0.2 - 0.4 * f, 0.3 - 1.1 * f, 5};
      frames.add(SyntheticFrames.fromUnwrapped(box, u, f + 1, f));
    }
    Trajectory traj = MemoryTrajectory.of(frames);
    MeanSquareDisplacement.Result r = new MeanSquareDisplacement().compute(traj);
    double v2 = (0.49 + 0.16 + 1.21) / 2;
    for (int f = 0; f < 30; f++) {
      assertEquals(v2 * f * f, r.msd()[f], 1e-9);
    }
    MeanSquareDisplacement.WindowedResult w = new MeanSquareDisplacement().computeWindowed(traj);
    assertEquals(29, w.lagSteps().length);
    for (int l = 0; l < 29; l++) {
      long lag = w.lagSteps()[l];
      assertEquals(l + 1, lag);
      assertEquals(v2 * lag * lag, w.msd()[l], 1e-9);
      assertEquals(30 - lag, w.pairs()[l]);
      assertEquals(lag, w.lagTimes()[l], 1e-12);
    }
    MeanSquareDisplacement.WindowedResult w5 = new MeanSquareDisplacement(5).computeWindowed(traj);
    assertEquals(6, w5.pairs()[0]); // origins 0,5,...,25 each see lag 1
  }

  /**
   * The windowed MSD read in blocks of origins (the trajectory read once per block, memory O(N x
   * block)) equals the one holding every origin at once, for blocks that divide the origins and
   * blocks that do not, with a log-spaced step schedule (several lags per pair of frames).
   */
  @Test
  void windowedMsdInOriginBlocksEqualsAllOriginsAtOnce() {
    Box box = new Box(6, 6);
    java.util.Random rnd = new java.util.Random(3);
    int n = 5;
    double[] u = new double[2 * n];
    for (int i = 0; i < 2 * n; i++) {
      u[i] = 6 * rnd.nextDouble();
    }
    List<Configuration> frames = new ArrayList<>();
    long step = 0;
    for (int f = 0; f < 23; f++) {
      step += 1L << (f % 4); // blocks of 4 log-spaced frames
      for (int i = 0; i < 2 * n; i++) {
        u[i] += rnd.nextGaussian();
      }
      frames.add(SyntheticFrames.fromUnwrapped(box, u.clone(), step, 0.005 * step));
    }
    Trajectory traj = MemoryTrajectory.of(frames);
    for (int stride : new int[] {1, 3, 4}) {
      MeanSquareDisplacement m = new MeanSquareDisplacement(stride);
      MeanSquareDisplacement.WindowedResult all = m.computeWindowed(traj, 1000);
      for (int block : new int[] {1, 2, 5}) {
        MeanSquareDisplacement.WindowedResult b = m.computeWindowed(traj, block);
        assertArrayEquals(all.lagSteps(), b.lagSteps());
        assertArrayEquals(all.pairs(), b.pairs());
        assertArrayEquals(all.msd(), b.msd(), 1e-12);
        assertArrayEquals(all.lagTimes(), b.lagTimes(), 1e-12);
      }
      // the heap-sized default holds every origin of this small case: the same sums exactly
      assertArrayEquals(all.msd(), m.computeWindowed(traj).msd(), 0);
    }
  }

  @Test
  void mobilityUsesTheMovingReference() {
    Box box = new Box(10, 10);
    List<Configuration> frames = new ArrayList<>();
    double[][] u = {
      {1, 1, 5, 5}, {1.3, 1.4, 5, 5}, {1.3, 1.4, 4.9, 5}, {9.9 + 1.3 - 10, 1.4, 4.9, 5}
    };
    // frame 3: particle 0 jumps by -10 + 9.9 = -0.1... expressed unwrapped: 1.2
    u[3] = new double[] {1.2, 1.4, 4.9, 5};
    for (int f = 0; f < u.length; f++) {
      frames.add(SyntheticFrames.fromUnwrapped(box, u[f], f + 1, f));
    }
    double[][] m = new Mobility().compute(MemoryTrajectory.of(frames));
    assertArrayEquals(new double[] {0, 0}, m[0], 0);
    assertArrayEquals(new double[] {0.5, 0}, m[1], 1e-12);
    assertArrayEquals(new double[] {0, 0.1}, m[2], 1e-12);
    assertArrayEquals(new double[] {0.1, 0}, m[3], 1e-12);
    // minimum-image mode gives the same for frames without images
    Configuration a = frames.get(1);
    Configuration b = Configuration.of(box, frames.get(2).positions(), frames.get(2).diameters());
    Configuration a0 = Configuration.of(box, a.positions(), a.diameters());
    assertArrayEquals(
        new double[] {0, 0.1},
        new Mobility(DisplacementMode.MINIMUM_IMAGE).compute(a0, b, null),
        1e-12);
  }

  @Test
  void inherentStructureDisplacementIsRelativeToTheFirstStructure() {
    Box box = new Box(10, 10);
    Configuration is0 = SyntheticFrames.fromUnwrapped(box, new double[] {0.1, 9.9, 5, 5});
    Configuration is1 = SyntheticFrames.fromUnwrapped(box, new double[] {-0.2, 10.3, 5.5, 5});
    assertArrayEquals(
        new double[] {-0.3, 0.4, 0.5, 0},
        new InherentStructureDisplacement().compute(is0, is1),
        1e-12);
  }
}
