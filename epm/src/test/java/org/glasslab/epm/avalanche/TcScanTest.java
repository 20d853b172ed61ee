package org.glasslab.epm.avalanche;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.glasslab.epm.lattice.LatticeParams;
import org.glasslab.epm.lattice.LatticeProtocol;
import org.glasslab.epm.lattice.ResetRule;
import org.glasslab.epm.lattice.UnstableRule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** T_c interpolation, bootstrap and fit on synthetic input, and a tiny real scan. */
class TcScanTest {

  @Test
  void crossingIsInterpolatedInLogT() {
    double[] t = {0.1, 0.2, 0.4};
    double[] f = {0.0, 0.25, 0.75};
    // halfway between 0.2 and 0.4 in log T
    assertEquals(Math.sqrt(0.2 * 0.4), TcScan.crossing(t, f), 1e-12);
    assertTrue(Double.isNaN(TcScan.crossing(t, new double[] {0, 0.1, 0.2})));
  }

  @Test
  void fitRecoversAnExactPowerLaw() {
    int[] sizes = {32, 64, 128};
    double[] tc = new double[3];
    double[] err = new double[3];
    double[][] boot = new double[3][50];
    for (int i = 0; i < 3; i++) {
      tc[i] = 2.0 * Math.pow(sizes[i], -0.4);
      err[i] = 0.01 * tc[i];
      for (int b = 0; b < 50; b++) {
        boot[i][b] = tc[i] * (1 + 0.01 * Math.sin(7 * b + i));
      }
    }
    TcScan.PowerLawFit fit = TcScan.fit(1, sizes, tc, err, boot);
    assertEquals(0.4, fit.kappa(), 1e-12);
    assertEquals(2.0, fit.amplitude(), 1e-10);
    assertEquals(3, fit.points());
    assertTrue(fit.kappaError() > 0 && fit.kappaBootstrapError() > 0);
  }

  private static TcScanOptions smallScan() {
    return new TcScanOptions(
        LatticeParams.defaults(8, 1)
            .withProtocol(LatticeProtocol.KMC, 1, UnstableRule.IMMEDIATE)
            .withReset(ResetRule.REDRAW, 1.0),
        new int[] {8, 12},
        new double[] {0.02, 0.2, 3},
        4,
        15,
        100,
        20,
        1,
        new double[] {0.25},
        50,
        5,
        2,
        TcScanOptions.Criterion.SAMPLE,
        false);
  }

  /**
   * A scan that keeps its samples resumes: with every sample stored, or half of them deleted (a
   * killed scan), the rerun gives the uninterrupted scan's numbers exactly; a sample of other
   * options is not taken.
   */
  @Test
  void storedSamplesResumeAKilledScanExactly(@TempDir Path dir) throws Exception {
    TcScanOptions o = smallScan();
    TcScan.Result plain = TcScan.run(o, null);
    TcScanSamples store = new TcScanSamples(dir);
    TcScan.Result first = TcScan.run(o, null, store);
    assertEquals(TcScanReport.avalanches(plain), TcScanReport.avalanches(first));
    List<Path> files;
    try (var s = Files.list(dir)) {
      files = s.sorted().toList();
    }
    assertEquals(2 * 3 * 4, files.size(), "one file per sample");
    java.util.Map<Path, java.nio.file.attribute.FileTime> kept = new java.util.HashMap<>();
    for (int k = 0; k < files.size(); k++) {
      if (k % 2 == 0) {
        Files.delete(files.get(k));
      } else {
        kept.put(files.get(k), Files.getLastModifiedTime(files.get(k)));
      }
    }
    int[] ran = new int[1];
    TcScan.Result resumed = TcScan.run(o, x -> ran[0]++, store);
    assertEquals(24, ran[0], "progress counts resumed samples too");
    assertEquals(TcScanReport.avalanches(plain), TcScanReport.avalanches(resumed));
    assertEquals(TcScanReport.xMin(plain), TcScanReport.xMin(resumed));
    assertEquals(TcScanReport.cells(plain), TcScanReport.cells(resumed));
    assertEquals(TcScanReport.tc(plain), TcScanReport.tc(resumed));
    // the kept samples were read, not recomputed (a recomputed sample is written again)
    for (var e : kept.entrySet()) {
      assertEquals(e.getValue(), Files.getLastModifiedTime(e.getKey()), "rewritten: " + e.getKey());
    }
    try (var s = Files.list(dir)) {
      assertEquals(24, s.count(), "the deleted samples were run and stored again");
    }
    // another budget is another sample: not taken from the store
    TcScanOptions other =
        new TcScanOptions(
            o.base(),
            o.sizes(),
            o.temperatures(),
            o.samples(),
            o.avalanchesPerSample(),
            o.warmupSweeps(),
            o.budgetSweeps() + 1,
            o.runawayFactor(),
            o.extraFactors(),
            o.bootstrap(),
            o.seed(),
            o.threads(),
            o.criterion(),
            o.stopAtFirstRunaway());
    assertNull(store.load(other, 8, 0, 0));
    assertNotNull(store.load(o, 8, 0, 0));
  }

  /** Steady state (redraw, warm-up until stationary): intermittent when cold, flowing when hot. */
  @Test
  void smallScanIsReproducibleAndBracketsTheCrossing() {
    TcScanOptions o = smallScan();
    TcScan.Result a = TcScan.run(o, null);
    TcScan.Result b = TcScan.run(o, null);
    assertEquals(TcScanReport.avalanches(a), TcScanReport.avalanches(b));
    assertEquals(TcScanReport.tc(a), TcScanReport.tc(b));
    assertEquals(TcScanReport.peaks(a), TcScanReport.peaks(b));
    for (TcScan.SampleResult s : a.samples()) {
      assertTrue(s.stationary(), "every sample reaches its steady state");
    }
    for (TcScan.TcEstimate e : a.tc()) {
      assertTrue(e.tc() > 0.02 && e.tc() < 3, "T_c bracketed by the grid: " + e);
    }
    // runaway fraction increases from the coldest to the hottest temperature
    for (int li = 0; li < 2; li++) {
      assertEquals(0.0, a.fraction()[0][li][0], 0.0);
      assertTrue(a.fraction()[0][li][2] > 0.5);
    }
    // second criterion: S_c peaks inside the grid below the flowing phase
    for (TcScan.PeakEstimate p : a.peaks()) {
      assertTrue(p.tPeak() >= 0.02 && p.tPeak() < 3, "T* inside the grid: " + p);
      assertTrue(p.cutoffMax() >= 1, "S_c >= 1: " + p);
    }
  }

  @Test
  void parabolicPeakFindsTheVertex() {
    double[] t = {0.1, 0.2, 0.4, 0.8};
    double[] v = new double[4];
    double x0 = Math.log(0.3);
    for (int k = 0; k < 4; k++) {
      double x = Math.log(t[k]);
      v[k] = 5 - (x - x0) * (x - x0);
    }
    assertEquals(0.3, TcScan.peak(t, v), 1e-12);
  }
}
