package org.glasslab.epm.avalanche;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.glasslab.epm.lattice.LatticeEpm;
import org.glasslab.epm.lattice.LatticeParams;
import org.glasslab.epm.lattice.LatticeProtocol;
import org.glasslab.epm.lattice.UnstableRule;
import org.junit.jupiter.api.Test;

/** The spec §3.3 segmentation on hand-made step sequences, and on a real run. */
class LatticeAvalanchesTest {

  @Test
  void startContinueEndAndRunaway() {
    LatticeAvalanches d = new LatticeAvalanches(10, 0.5, 100); // S_max = 5
    d.prime(true, 0.2);
    // quiescent, activation at site 1 creates 2 unstable sites
    d.onAdvance(1);
    d.onYield(1, 0.5, false);
    d.onStepEnd(1, 1, 2, -0.1);
    assertTrue(d.active());
    d.onAdvance(2);
    d.onYield(2, -0.3, true);
    d.onYield(1, 0.1, true); // same site again: area stays
    d.onStepEnd(2, 2, 0, 0.05);
    assertFalse(d.active());
    assertEquals(1, d.count());
    Avalanche a = d.avalanches().get(0);
    assertEquals(3, a.size());
    assertEquals(2, a.unstableSize());
    assertEquals(0.9, a.released(), 1e-12);
    assertEquals(2, a.area());
    assertEquals(2, a.duration());
    assertEquals(1.0, a.durationTime(), 0);
    assertEquals(0.2, a.xMinAtStart(), 0);
    assertFalse(a.runaway());
    // a single activation with nothing unstable afterwards: S = 1, D = 1
    d.onYield(7, 0.2, false);
    d.onStepEnd(3, 1, 0, 0.3);
    assertEquals(1, d.avalanches().get(1).size());
    assertEquals(1, d.avalanches().get(1).duration());
    assertEquals(0.05, d.avalanches().get(1).xMinAtStart(), 0);
    // runaway: more than 5 events without ending
    for (int s = 0; s < 4; s++) {
      d.onYield(s, 0.1, s > 0);
      d.onYield(s + 4, 0.1, true);
      d.onStepEnd(4 + s, 2, 3, -0.2);
    }
    assertEquals(3, d.count());
    assertTrue(d.avalanches().get(2).runaway());
    assertEquals(1, d.runaways());
    assertTrue(d.draining());
    // yields while draining belong to no avalanche
    d.onYield(0, 0.1, true);
    d.onStepEnd(10, 1, 0, 0.1);
    assertFalse(d.draining());
    assertEquals(3, d.count());
    AvalancheStatistics st = AvalancheStatistics.of(d.avalanches(), 5);
    assertEquals(1.0 / 3, st.runawayFraction(), 1e-12);
    assertEquals(2, st.sizeHistogram().total());
  }

  @Test
  void lowTemperatureRunHasFiniteAvalanchesAndConservesEvents() {
    LatticeEpm m = LatticeEpm.create(LatticeParams.defaults(32, 0.2), 3);
    LatticeAvalanches d = new LatticeAvalanches(m.sites(), 1.0, 1_000_000);
    d.prime(m.unstableCount() == 0, m.xMin());
    m.setListener(d);
    long e0 = m.events();
    while (d.count() < 300) {
      m.step();
    }
    assertEquals(0, d.runaways());
    long sum = 0;
    for (Avalanche a : d.avalanches()) {
      assertTrue(a.size() >= 1 && a.area() <= a.size() && a.duration() >= 1);
      assertTrue(a.xMinAtStart() > 0, "avalanches start from stable states");
      sum += a.size();
    }
    // every event after the start belongs to exactly one avalanche (no draining here)
    assertEquals(m.events() - e0, sum);
    assertTrue(d.xMinQuiescent().total() >= 300);
  }

  /** Fraction of freshly quenched L = 16 samples whose avalanches exceed N events (KMC). */
  private static double runawaySampleFraction(double t, int samples) {
    int run = 0;
    for (int k = 0; k < samples; k++) {
      LatticeEpm m =
          LatticeEpm.create(
              LatticeParams.defaults(16, t)
                  .withProtocol(LatticeProtocol.KMC, 1, UnstableRule.IMMEDIATE),
              100 + k);
      LatticeAvalanches d = new LatticeAvalanches(m.sites(), 1.0, 1_000_000);
      d.prime(true, m.xMin());
      m.setListener(d);
      while (d.count() < 50 && d.runaways() == 0 && m.events() < 40L * m.sites()) {
        m.step();
      }
      run += d.runaways() > 0 ? 1 : 0;
    }
    return (double) run / samples;
  }

  @Test
  void freshlyQuenchedSamplesRunAwayAtHighTemperatureOnly() {
    assertEquals(0.0, runawaySampleFraction(0.1, 10), 0.0);
    double hot = runawaySampleFraction(1.5, 20);
    assertTrue(hot >= 0.35, "many samples fluidise at T = 1.5: " + hot);
  }
}
