package org.glasslab.analysis.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.glasslab.data.Box;
import org.glasslab.data.Configuration;
import org.glasslab.data.MemoryTrajectory;
import org.junit.jupiter.api.Test;

class SelfIntermediateScatteringTest {
  /**
   * 2D Brownian particles (diffusion constant D) recorded on a log-block schedule with time = step
   * × dt: F_s(k, t) = exp(−k² D t) exactly in expectation, at the lag times (not frame indices).
   */
  @Test
  void brownianParticlesFollowTheAnalyticDecay() {
    int n = 3000;
    double d = 0.05;
    double dt = 0.01;
    double k = 2 * Math.PI;
    Box box = new Box(20, 20);
    SplittableRandom r = new SplittableRandom(9);
    double[] u = new double[2 * n];
    for (int i = 0; i < 2 * n; i++) {
      u[i] = 20 * r.nextDouble();
    }
    double[] diam = new double[n];
    Arrays.fill(diam, 1);
    // two blocks of 64 steps, frames at 0, 1, 2, 4, ..., 32 steps into each block
    List<Long> steps = new ArrayList<>();
    for (int b = 0; b < 2; b++) {
      steps.add(64L * b);
      for (long s = 1; s <= 32; s *= 2) {
        steps.add(64L * b + s);
      }
    }
    List<Configuration> frames = new ArrayList<>();
    long last = 0;
    for (long s : steps) {
      double sd = Math.sqrt(2 * d * dt * (s - last));
      for (int i = 0; i < 2 * n; i++) {
        u[i] += sd * r.nextGaussian();
      }
      last = s;
      double[] x = new double[2 * n];
      int[] im = new int[2 * n];
      for (int i = 0; i < 2 * n; i++) {
        double l = 20;
        im[i] = (int) Math.floor(u[i] / l);
        x[i] = u[i] - im[i] * l;
      }
      frames.add(new Configuration(box, x, im, diam, null, null, null, s, s * dt));
    }
    SelfIntermediateScattering.Result fs =
        SelfIntermediateScattering.compute(new MemoryTrajectory(frames, Map.of()), k);
    assertTrue(fs.lagSteps().length > 10);
    for (int l = 0; l < fs.lagSteps().length; l++) {
      double t = fs.lagTimes()[l];
      assertEquals(fs.lagSteps()[l] * dt, t, 1e-9); // time, not frame index
      double expect = Math.exp(-k * k * d * t);
      // J0 of one particle has variance <= 1/2; pairs at one lag share particles, so use N only
      double tol = 4 * Math.sqrt(0.5 / n);
      assertEquals(expect, fs.fs()[l], tol, "lag " + fs.lagSteps()[l]);
    }
    assertThrows(
        IllegalArgumentException.class,
        () -> SelfIntermediateScattering.compute(new MemoryTrajectory(frames, Map.of()), 0));
  }

  /** A planted case: particles 0 and 1 jump at known intervals, the others never. */
  @Test
  void isPersistenceCountsParticlesThatNeverJumped() {
    Box box = new Box(10, 10);
    double[] diam = {1, 1, 1, 1};
    double[][] pos = {
      {1, 1, 3, 3, 5, 5, 7, 7}, // step 0
      {1, 1, 3, 3, 5, 5, 7, 7}, // step 1
      {2, 1, 3, 3, 5, 5, 7, 7}, // step 2: particle 0 jumps by 1
      {2, 1, 3, 3, 5, 5, 7, 7.1}, // step 4: particle 3 creeps by 0.1 (below threshold)
      {2, 1, 3, 9.5, 5, 5, 7, 7.1} // step 8: particle 1 jumps across the boundary (3.5)
    };
    long[] steps = {0, 1, 2, 4, 8};
    List<Configuration> frames = new ArrayList<>();
    for (int f = 0; f < 5; f++) {
      frames.add(new Configuration(box, pos[f], null, diam, null, null, null, steps[f], f * 1.0));
    }
    IsPersistence.Result p = IsPersistence.compute(new MemoryTrajectory(frames, Map.of()), 0.3);
    // lags: 1 (0→1, 1→2), 2 (0→2, 2→4), 3 (1→4), 4 (0→4, 4→8), 6 (2→8), 7 (1→8), 8 (0→8)
    assertEquals(List.of(1L, 2L, 3L, 4L, 6L, 7L, 8L), Arrays.stream(p.lagSteps()).boxed().toList());
    assertEquals((1.0 + 0.75) / 2, p.persistence()[0], 1e-12);
    assertEquals((0.75 + 1.0) / 2, p.persistence()[1], 1e-12);
    assertEquals(0.75, p.persistence()[2], 1e-12);
    assertEquals((0.75 + 0.75) / 2, p.persistence()[3], 1e-12);
    assertEquals(0.75, p.persistence()[4], 1e-12);
    assertEquals(0.5, p.persistence()[5], 1e-12);
    assertEquals(0.5, p.persistence()[6], 1e-12);
    // chi4 = N var(p) over origins: lag 1 has p = 1 and 0.75
    assertEquals(4 * (0.5 * (1 + 0.5625) - 0.875 * 0.875), p.chi4()[0], 1e-12);
    assertEquals(0, p.chi4()[3], 1e-12);
    assertEquals(2, p.origins()[0]);
  }
}
