package org.glasslab.analysis.events;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.glasslab.data.FrameSchedule;
import org.glasslab.data.random.Rng;
import org.junit.jupiter.api.Test;

/**
 * Planted jumps in synthetic per-frame series on the log-block schedule: the jump is found at short
 * and long lags, and the large natural increments of the long lags (diffusive noise, growing as
 * √lag) are not mistaken for jumps.
 */
class EqualLagJumpsTest {
  static final FrameSchedule.LogBlock SCHEDULE = new FrameSchedule.LogBlock(4096, 12, 0.003, 20);

  static long[] steps() {
    long[] s = new long[SCHEDULE.frameCount()];
    for (int f = 0; f < s.length; f++) {
      s[f] = SCHEDULE.step(f);
    }
    return s;
  }

  /** A Brownian path in time: increments over a lag L have standard deviation sigma·√L. */
  static double[] brownian(long[] steps, double sigma, long seed) {
    Rng rng = new Rng(seed);
    double[] x = new double[steps.length];
    for (int f = 1; f < x.length; f++) {
      x[f] = x[f - 1] + sigma * Math.sqrt(steps[f] - steps[f - 1]) * rng.nextGaussian();
    }
    return x;
  }

  /** Adds {@code jump} to every frame after {@code f} (a step across [f, f+1]). */
  static void plant(double[] x, int f, double jump) {
    for (int k = f + 1; k < x.length; k++) {
      x[k] += jump;
    }
  }

  @Test
  void plantedJumpsAreFoundAtShortAndLongLagsAndLongLagNoiseIsNot() {
    long[] steps = steps();
    int nCfg = SCHEDULE.nCfg();
    double sigma = 0.01;
    double[] x = brownian(steps, sigma, 7);
    int shortEvent = 3 * nCfg + 2; // block 3, lag 2^2 = 4 steps
    int longEvent = 11 * nCfg + 9; // block 11, lag 2^9 = 512 steps
    // a drop of 10 noise standard deviations of the own lag
    plant(x, shortEvent, -10 * sigma * Math.sqrt(4));
    plant(x, longEvent, -10 * sigma * Math.sqrt(512));
    EqualLagJumps.Jump s = EqualLagJumps.judge(steps, x, shortEvent, shortEvent + 1, 3);
    EqualLagJumps.Jump l = EqualLagJumps.judge(steps, x, longEvent, longEvent + 1, 3);
    assertTrue(s.z() < -5, "short-lag jump z = " + s.z());
    assertTrue(l.z() < -5, "long-lag jump z = " + l.z());
    assertEquals(19, s.references(), "one interval of each lag in each other block");

    // The largest unplanted increment is at a long lag (the schedule at work) and larger in
    // absolute value than the planted short-lag jump; judged at equal lag, long-lag intervals score
    // like short-lag ones (|z| of Gaussian noise, mean 0.8), and hardly any unplanted one reaches
    // 4.
    double maxAbs = 0;
    int maxAt = -1;
    double[] sumZ = new double[2];
    int[] count = new int[2];
    int flagged = 0;
    for (int f = 0; f + 1 < steps.length; f++) {
      if (f == shortEvent || f == longEvent) {
        continue;
      }
      EqualLagJumps.Jump j = EqualLagJumps.judge(steps, x, f, f + 1, 3);
      if (Math.abs(j.jump()) > maxAbs) {
        maxAbs = Math.abs(j.jump());
        maxAt = f;
      }
      int longLag = steps[f + 1] - steps[f] >= 256 ? 1 : 0;
      sumZ[longLag] += Math.abs(j.z());
      count[longLag]++;
      flagged += Math.abs(j.z()) > 4 ? 1 : 0;
    }
    assertTrue(steps[maxAt + 1] - steps[maxAt] >= 512, "largest raw increment at a long lag");
    assertTrue(maxAbs > Math.abs(s.jump()), "the raw increments alone would rank noise first");
    for (int g = 0; g < 2; g++) {
      double mean = sumZ[g] / count[g];
      assertTrue(mean > 0.5 && mean < 1.2, (g == 1 ? "long" : "short") + " lags: mean |z| " + mean);
    }
    assertTrue(flagged <= 2, flagged + " of " + (count[0] + count[1]) + " unplanted with |z| > 4");
  }

  @Test
  void exactRobustStatisticsOnAHandMadeSeries() {
    // linear schedule: every interval has lag 10; increments 1,2,3,4,(event 20),5
    long[] steps = {0, 10, 20, 30, 40, 50, 60};
    double[] x = {0, 1, 3, 6, 10, 30, 35};
    EqualLagJumps.Jump j = EqualLagJumps.judge(steps, x, 4, 5, 3);
    assertEquals(20, j.jump());
    assertEquals(5, j.references());
    assertEquals(3, j.median()); // median of 1,2,3,4,5
    assertEquals(1.4826, j.spread(), 1e-12); // MAD of 1,2,3,4,5 about 3 is 1
    assertEquals(17 / 1.4826, j.z(), 1e-12);

    // more than half the references equal (an integer series): mean absolute deviation instead
    double[] b = {5, 5, 5, 5, 2, 2, 3};
    EqualLagJumps.Jump k = EqualLagJumps.judge(steps, b, 3, 4, 3); // jump -3
    // references (pairs not overlapping (30,40)): 0, 0, 0, 0, 1 -> median 0, MAD 0, mean dev 0.2
    assertEquals(0, k.median());
    assertEquals(1.2533 * 0.2, k.spread(), 1e-12);
    assertEquals(-3 / (1.2533 * 0.2), k.z(), 1e-9);
  }

  @Test
  void fewReferencesOrUnchangingReferences() {
    long[] steps = {0, 1, 2, 4, 8};
    double[] x = {0, 0, 0, 1, 1};
    assertTrue(Double.isNaN(EqualLagJumps.judge(steps, x, 3, 4, 3).z()), "lag 4 occurs once");
    // references that never change (an IS series where nothing moved): the resolution floor,
    // 1e-3 of the median |X| (here 1.5), sets the scale
    long[] lin = {0, 1, 2, 3, 4, 5};
    double[] flat = {2, 2, 2, 1, 1, 1};
    EqualLagJumps.Jump j = EqualLagJumps.judge(lin, flat, 2, 3, 3);
    assertEquals(0.0015, j.spread(), 1e-15);
    assertEquals(-1 / 0.0015, j.z(), 1e-9);
    // a series that is zero at most frames and never changes elsewhere: no scale at all
    double[] zero = {0, 0, 0, 0, 1, 1};
    assertEquals(0, EqualLagJumps.judge(lin, zero, 3, 4, 3).spread());
    assertTrue(Double.isNaN(EqualLagJumps.judge(lin, zero, 3, 4, 3).z()));
  }

  @Test
  void equalTimePairsOnTheLogBlockSchedule() {
    long[] steps = steps();
    int nCfg = SCHEDULE.nCfg();
    int f = 2 * nCfg + 5; // offsets 2^5 = 32 -> 64, lag 32
    EventFrames e = EventFrames.around(steps, f);
    assertArrayEquals(new int[] {f, f + 1}, e.pairs()[1]);
    // before: ends at f, the closest span to 32 starts at offset 1 (span 31)
    assertArrayEquals(new int[] {2 * nCfg, f}, e.pairs()[0]);
    assertEquals(31, e.spans()[0]);
    // after: starts at f+1 (offset 64); offset 128 gives 64, the next block's offset 1 is further
    assertArrayEquals(new int[] {f + 1, f + 2}, e.pairs()[2]);
    assertArrayEquals(new long[] {31, 32, 64}, e.spans());
    // the last interval of the trajectory has no after pair
    EventFrames end = EventFrames.around(steps, steps.length - 2);
    assertTrue(end.missing()[2]);
    // refined: four equally spaced frames
    EventFrames r = EventFrames.refined(new long[] {100, 110, 120, 130});
    assertArrayEquals(new long[] {10, 10, 10}, r.spans());
    assertArrayEquals(new int[] {2, 3}, r.pairs()[2]);
  }
}
