package org.glasslab.analysis.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.glasslab.data.random.Rng;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The detector on synthetic noisy step signals: a plateau at level 1, a jump of height h at frame
 * k0, white Gaussian noise of standard deviation sigma. Documented range: sigma / h &le; 0.2.
 */
class JumpDetectorTest {
  private static final int FRAMES = 300;
  private static final int TRIALS = 400;

  static double[] step(Rng rng, int k0, double h, double sigma, double drift) {
    double[] s = new double[FRAMES];
    for (int f = 0; f < FRAMES; f++) {
      s[f] = 1 + drift * f + (f >= k0 ? h : 0) + sigma * rng.nextGaussian();
    }
    return s;
  }

  private static double hitRate(double noiseOverJump, double drift, long seed) {
    Rng rng = new Rng(seed);
    JumpDetector det = new JumpDetector();
    int hits = 0;
    for (int t = 0; t < TRIALS; t++) {
      int k0 = 25 + rng.nextInt(FRAMES - 50);
      JumpDetector.Result r = det.detect(step(rng, k0, 1.0, noiseOverJump, drift));
      if (r.events().size() == 1 && r.events().get(0).frame() == k0) {
        hits++;
      }
    }
    return hits / (double) TRIALS;
  }

  private static double falseAlarmRate(double drift, long seed) {
    Rng rng = new Rng(seed);
    JumpDetector det = new JumpDetector();
    int alarms = 0;
    for (int t = 0; t < TRIALS; t++) {
      if (det.detect(step(rng, FRAMES, 0, 0.1, drift)).found()) {
        alarms++;
      }
    }
    return alarms / (double) TRIALS;
  }

  @Tag("validation")
  @Test
  void findsTheJumpFrameOverTheDocumentedNoiseRange() {
    for (double ratio : new double[] {0.0, 0.05, 0.1, 0.15, 0.2}) {
      double rate = hitRate(ratio, 0, 100 + (long) (ratio * 1000));
      System.out.printf(
          "sigma/h = %.2f: exact frame in %.1f%% of %d trials%n", ratio, 100 * rate, TRIALS);
      assertTrue(rate >= 0.95, "sigma/h = " + ratio + ": hit rate " + rate);
    }
  }

  @Tag("validation")
  @Test
  void findsTheJumpOnADriftingPlateau() {
    // drift of 0.002 h per frame (0.6 h over the series), as an ageing MSD creeps
    double rate = hitRate(0.15, 0.002, 7);
    assertTrue(rate >= 0.95, "hit rate with drift " + rate);
  }

  @Tag("validation")
  @Test
  void reportsNoneOnStationaryNoise() {
    double plain = falseAlarmRate(0, 11);
    double drifting = falseAlarmRate(0.001, 12);
    System.out.printf(
        "false alarms: %.2f%% stationary, %.2f%% drifting%n", 100 * plain, 100 * drifting);
    assertTrue(plain <= 0.01, "false alarm rate " + plain);
    assertTrue(drifting <= 0.01, "false alarm rate with drift " + drifting);
  }

  @Test
  void noiseFreeStepHasFullConfidence() {
    double[] s = new double[100];
    for (int f = 0; f < s.length; f++) {
      s[f] = f >= 60 ? 3.0 : 1.0;
    }
    JumpDetector.Result r = new JumpDetector().detect(s);
    assertEquals(1, r.events().size());
    JumpDetector.Event e = r.events().get(0);
    assertEquals(60, e.frame());
    assertEquals(2.0, e.jump(), 1e-12);
    assertEquals(1.0, e.confidence(), 0);
  }

  @Test
  void findsTwoSeparatedAvalanches() {
    Rng rng = new Rng(5);
    double[] s = new double[300];
    for (int f = 0; f < s.length; f++) {
      s[f] = 1 + (f >= 90 ? 1 : 0) + (f >= 200 ? 1.5 : 0) + 0.1 * rng.nextGaussian();
    }
    JumpDetector.Result r = new JumpDetector().detect(s);
    assertEquals(2, r.events().size());
    assertEquals(90, r.events().get(0).frame());
    assertEquals(200, r.events().get(1).frame());
    assertTrue(r.events().get(0).confidence() > 0.999);
  }

  @Test
  void transientExcursionsAreNotJumpsBetweenPlateaus() {
    // A block of 5-12 frames raised by 10-40 sigma, then back to the same plateau.
    for (int len : new int[] {5, 8, 12}) {
      for (double h : new double[] {0.5, 1.0, 2.0}) {
        Rng rng = new Rng(8);
        double[] s = new double[200];
        for (int f = 0; f < s.length; f++) {
          s[f] = 1 + 0.05 * rng.nextGaussian() + (f >= 100 && f < 100 + len ? h : 0);
        }
        assertEquals(
            0, new JumpDetector().detect(s).events().size(), "excursion " + len + ", " + h);
      }
    }
  }

  @Test
  void directionFilterIgnoresDrops() {
    double[] s = new double[100];
    for (int f = 0; f < s.length; f++) {
      s[f] = f >= 50 ? 0.0 : 1.0;
    }
    assertEquals(0, new JumpDetector().detect(s).events().size());
    JumpDetector.Options both =
        JumpDetector.Options.builder().direction(JumpDetector.Direction.BOTH).build();
    assertEquals(50, new JumpDetector(both).detect(s).events().get(0).frame());
  }
}
