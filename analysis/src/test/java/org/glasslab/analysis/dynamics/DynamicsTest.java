package org.glasslab.analysis.dynamics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.glasslab.analysis.DisplacementMode;
import org.glasslab.data.Box;
import org.glasslab.data.Configuration;
import org.glasslab.data.MemoryTrajectory;
import org.glasslab.data.Trajectory;
import org.glasslab.data.random.Rng;
import org.glasslab.testsupport.SyntheticFrames;
import org.junit.jupiter.api.Test;

class DynamicsTest {

  /**
   * A glass-like synthetic trajectory: particles vibrate (amplitude a) around lattice sites that
   * creep slowly; at frame k0 the 25 sites nearest the box centre hop by 0.6 (a local
   * rearrangement). With {@code vibrate = false} it is the inherent-structure trajectory.
   */
  static MemoryTrajectory glassLike(int frames, int k0, boolean vibrate, long seed) {
    double[][] lat = SyntheticFrames.lattice(20, 24, 0.9, 0.1, seed);
    double[] sites = lat[0];
    Box box = new Box(lat[1][0], lat[1][1]);
    int n = sites.length / 2;
    double cx = box.lx() / 2;
    double cy = box.ly() / 2;
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    java.util.Arrays.sort(
        order,
        (p, q) ->
            Double.compare(
                Math.hypot(sites[2 * p] - cx, sites[2 * p + 1] - cy),
                Math.hypot(sites[2 * q] - cx, sites[2 * q + 1] - cy)));
    Rng rng = new Rng(seed + 1);
    double[] hop = new double[2 * n];
    for (int m = 0; m < 25; m++) {
      double ang = 2 * Math.PI * rng.nextDouble();
      hop[2 * order[m]] = 0.6 * Math.cos(ang);
      hop[2 * order[m] + 1] = 0.6 * Math.sin(ang);
    }
    List<Configuration> list = new ArrayList<>();
    for (int f = 0; f < frames; f++) {
      double[] u = new double[2 * n];
      for (int k = 0; k < u.length; k++) {
        double creep = 1e-5 * f * ((k & 1) == 0 ? 1 : -1);
        u[k] =
            sites[k] + creep + (f >= k0 ? hop[k] : 0) + (vibrate ? 0.05 * rng.nextGaussian() : 0);
      }
      list.add(SyntheticFrames.fromUnwrapped(box, u, 1000L * f, 3.0 * f));
    }
    return MemoryTrajectory.of(list);
  }

  @Test
  void avalancheFoundInMsdOfAGlassLikeTrajectory() {
    for (int k0 : new int[] {37, 80, 121}) {
      MemoryTrajectory traj = glassLike(160, k0, true, k0);
      double[] msd = new MeanSquareDisplacement().compute(traj).msd();
      JumpDetector.Result r = new JumpDetector().detect(msd);
      assertEquals(1, r.events().size(), "events for k0 = " + k0);
      assertEquals(k0, r.events().get(0).frame());
      assertTrue(r.events().get(0).confidence() > 0.99);
      // jump = 25 * 0.36 / N
      assertEquals(25 * 0.36 / traj.particleCount(), r.events().get(0).jump(), 2e-3);
    }
  }

  @Test
  void avalancheFoundInInherentStructureDisplacement() {
    MemoryTrajectory is = glassLike(120, 64, false, 9);
    double[] u2 = new InherentStructureDisplacement().meanSquare(is);
    // Noise-free signal with a slow quadratic creep: rounding-level residuals make any curvature
    // "significant", so noise-free signals need an absolute jump floor (documented).
    JumpDetector.Result r =
        new JumpDetector(JumpDetector.Options.builder().minJump(1e-4).build()).detect(u2);
    assertEquals(1, r.events().size());
    assertEquals(64, r.events().get(0).frame());
  }

  @Test
  void findsTheThreeJumpsOfARealLammpsTrajectory() {
    // reference/lammps: 500 WCA disks quenched to T = 0.2; jumps by eye near 52, 147 and 651.
    double[] msd = org.glasslab.analysis.Fixtures.table("lammps/msd_T0.2.csv").get("msd");
    assertEquals(751, msd.length);
    JumpDetector.Result r = new JumpDetector().detect(msd);
    int[] eye = {52, 147, 651};
    assertEquals(3, r.events().size(), r.events().toString());
    for (int e = 0; e < 3; e++) {
      JumpDetector.Event ev = r.events().get(e);
      assertTrue(Math.abs(ev.frame() - eye[e]) <= 3, "event " + ev + " vs " + eye[e]);
      assertTrue(ev.confidence() > 0.99, ev.toString());
      assertTrue(ev.jump() > 0.05, ev.toString());
    }
  }

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
