package org.glasslab.epm.coarsegrain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CalibratedComparisonTest {
  static CalibratedComparison.LatticeSide lattice(LocalYieldStatistics y) {
    double[] t = new double[41];
    double[] p = new double[41];
    double[] chi = new double[41];
    for (int k = 0; k < t.length; k++) {
      t[k] = 0.01 * Math.pow(10, k / 5.0);
      p[k] = Math.exp(-Math.pow(t[k] / 50, 0.7));
      chi[k] = -20 * p[k] * Math.log(p[k]);
    }
    return new CalibratedComparison.LatticeSide(
        0.2, t, p, chi, 100, 256, new double[] {1, 1, 2, 5}, Measurement.of(0.5, 0.1, "test"), y);
  }

  static CalibratedComparison.ParticleSide particles(LocalYieldStatistics y) {
    List<ArrheniusFit.Sample> s = ArrheniusFitTest.synthetic(3);
    ArrheniusFit.Result a = ArrheniusFit.fit(s, 5, 0, new SplittableRandom(1));
    double[] two = {1.0, 1.2};
    return new CalibratedComparison.ParticleSide(
        0.4,
        a,
        new double[] {10, 12},
        new double[] {0.4, 0.35},
        new double[] {0.5, 0.6},
        new double[] {4, 5},
        two,
        new double[] {10, 20, 30},
        Measurement.of(0.8, 0.1, "test"),
        y);
  }

  @Test
  void everyRowHasValuesWithErrorsOrAReason() {
    List<CalibratedComparison.Row> rows =
        CalibratedComparison.rows(particles(null), lattice(null), 6.0);
    for (CalibratedComparison.Row r : rows) {
      for (Measurement m : List.of(r.particle(), r.lattice())) {
        assertTrue(
            m.measured() ? Double.isFinite(m.error()) : m.note().startsWith("not "), r.quantity());
      }
    }
    CalibratedComparison.Row t = find(rows, "temperature");
    assertEquals(0.4 / ArrheniusFitTest.E, t.particle().value(), 4 * t.particle().error());
    CalibratedComparison.Row tau = find(rows, "tau_alpha");
    assertEquals(50, tau.lattice().value(), 1.0);
    assertEquals(11, tau.particle().value(), 1e-12);
    assertEquals(1, tau.particle().error(), 1e-12);
    assertEquals(0.7, find(rows, "persistence_stretching_beta").lattice().value(), 1e-9);
    CalibratedComparison.Row chi = find(rows, "chi4_peak_height");
    assertEquals(20 / Math.E * 6, chi.lattice().value(), 1.5);
    assertEquals(1.0, find(rows, "chi4_peak_time").lattice().value(), 0.3);
    assertEquals((1 + 1 + 2 + 5) / 4.0 * 6, find(rows, "event_size").lattice().value(), 1e-12);
    assertFalse(find(rows, "pseudogap_theta").particle().measured());
    assertTrue(find(rows, "pseudogap_theta").particle().note().startsWith("not measured"));
  }

  /** x with density (θ + 1) x^θ on [0, 1]: x = u^(1/(θ+1)). */
  static double[] powerLaw(double theta, int n, SplittableRandom r) {
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = Math.pow(r.nextDouble(), 1 / (theta + 1));
    }
    return x;
  }

  /**
   * Both sides' yield rows from sampled power laws of known θ: patches (θ = 0.6, bootstrap over
   * patches) and lattice snapshots (θ = 1.5, bootstrap over snapshots); ⟨x⟩ = (θ+1)/(θ+2).
   */
  @Test
  void localYieldStatisticsFillTheirRows() {
    SplittableRandom r = new SplittableRandom(7);
    LocalYieldStatistics p =
        LocalYieldStatistics.patches(powerLaw(0.6, 400, r), 0.25, 200, 1, "frozen matrix");
    double[][] snaps = new double[8][];
    for (int k = 0; k < snaps.length; k++) {
      snaps[k] = powerLaw(1.5, 256, r);
    }
    LocalYieldStatistics l = LocalYieldStatistics.snapshots(snaps, 0.25, 200, 2, "lattice");
    List<CalibratedComparison.Row> rows = CalibratedComparison.rows(particles(p), lattice(l), 6);
    Measurement tp = find(rows, "pseudogap_theta").particle();
    Measurement tl = find(rows, "pseudogap_theta").lattice();
    assertEquals(0.6, tp.value(), 3 * tp.error());
    assertEquals(1.5, tl.value(), 3 * tl.error());
    // error of the Hill estimate ~ (θ + 1)/√k: k = 100 patches, 512 sites in the range
    assertEquals(1.6 / 10, tp.error(), 0.06);
    assertEquals(2.5 / Math.sqrt(512), tl.error(), 0.08);
    assertTrue(tl.note().contains("range [0, "), tl.note());
    Measurement xp = find(rows, "distance_to_yield_mean").particle();
    Measurement xl = find(rows, "distance_to_yield_mean").lattice();
    assertEquals(1.6 / 2.6, xp.value(), 3 * xp.error());
    assertEquals(2.5 / 3.5, xl.value(), 3 * xl.error());
    assertTrue(xl.error() > 0);
  }

  /** Too few patches or one snapshot: θ is "not enough data", ⟨x⟩ still has its error. */
  @Test
  void tooFewValuesGiveNotEnoughDataNotANumber() {
    SplittableRandom r = new SplittableRandom(3);
    LocalYieldStatistics p =
        LocalYieldStatistics.patches(powerLaw(0.6, 9, r), 1.0, 50, 1, "frozen matrix");
    LocalYieldStatistics l =
        LocalYieldStatistics.snapshots(
            new double[][] {powerLaw(1, 256, r)}, 0.25, 50, 1, "lattice");
    List<CalibratedComparison.Row> rows = CalibratedComparison.rows(particles(p), lattice(l), 6);
    Measurement tp = find(rows, "pseudogap_theta").particle();
    Measurement tl = find(rows, "pseudogap_theta").lattice();
    assertTrue(tp.note().startsWith("not enough data"), tp.note());
    assertTrue(tl.note().startsWith("not enough data"), tl.note());
    assertTrue(find(rows, "distance_to_yield_mean").particle().measured());
    assertTrue(find(rows, "distance_to_yield_mean").lattice().note().startsWith("not enough data"));
  }

  @Test
  void withoutAnArrheniusFitTheMappedTemperatureIsNotEnoughData() {
    ArrheniusFit.Result none =
        ArrheniusFit.fit(
            List.of(new ArrheniusFit.Sample(0.3, 10, 1)), 5, 0, new SplittableRandom(1));
    Measurement m = CalibratedComparison.mappedTemperature(0.3, none);
    assertFalse(m.measured());
    assertTrue(m.note().startsWith("not enough data"));
  }

  static CalibratedComparison.Row find(List<CalibratedComparison.Row> rows, String q) {
    return rows.stream().filter(r -> r.quantity().equals(q)).findFirst().orElseThrow();
  }
}
