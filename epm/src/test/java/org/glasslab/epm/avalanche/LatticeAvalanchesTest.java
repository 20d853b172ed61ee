package org.glasslab.epm.avalanche;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.glasslab.epm.lattice.LatticeEpm;
import org.glasslab.epm.lattice.LatticeListener;
import org.glasslab.epm.lattice.LatticeParams;
import org.glasslab.epm.lattice.LatticeProtocol;
import org.glasslab.epm.lattice.ResetRule;
import org.glasslab.epm.lattice.Stationarity;
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
    AvalancheStatistics st = AvalancheStatistics.of(d.avalanches(), 5, false);
    assertEquals(1.0 / 3, st.runawayFraction(), 1e-12);
    assertEquals(2, st.sizeHistogram().total());
  }

  /**
   * Epicentre = the triggering site; centroid = circular mean of the distinct failed sites, so a
   * cascade across the periodic edge sits on the edge, not in the middle of the box.
   */
  @Test
  void epicentreAndPeriodicCentroid() {
    LatticeAvalanches d = new LatticeAvalanches(64, 8, 1.0, 100); // 8×8, site = y·8 + x
    d.prime(true, 0.2);
    d.onYield(7 * 8 + 0, 0.5, false); // (0, 7) triggers
    d.onStepEnd(1, 1, 1, -0.1);
    d.onYield(7 * 8 + 7, 0.1, true); // (7, 7)
    d.onYield(0 * 8 + 0, 0.1, true); // (0, 0)
    d.onYield(0 * 8 + 7, 0.1, true); // (7, 0)
    d.onYield(7 * 8 + 0, 0.1, true); // (0, 7) again: counted once
    d.onStepEnd(2, 4, 0, 0.1);
    Avalanche a = d.avalanches().get(0);
    assertEquals(7 * 8, a.epicentre());
    assertEquals(4, a.area());
    // the four corner sites straddle both edges: centroid (−0.5, −0.5) ≡ (7.5, 7.5)
    assertEquals(7.5, a.centroidX(), 1e-12);
    assertEquals(7.5, a.centroidY(), 1e-12);
    // a single site sits on itself; an interior pair at its midpoint
    d.onYield(3 * 8 + 2, 0.2, false);
    d.onStepEnd(3, 1, 0, 0.3);
    assertEquals(3 * 8 + 2, d.avalanches().get(1).epicentre());
    assertEquals(2.0, d.avalanches().get(1).centroidX(), 1e-12);
    assertEquals(3.0, d.avalanches().get(1).centroidY(), 1e-12);
    d.onYield(3 * 8 + 2, 0.2, false);
    d.onStepEnd(4, 1, 1, -0.1);
    d.onYield(3 * 8 + 4, 0.2, true);
    d.onStepEnd(5, 1, 0, 0.3);
    assertEquals(3.0, d.avalanches().get(2).centroidX(), 1e-12);
    assertEquals(3.0, d.avalanches().get(2).centroidY(), 1e-12);
    // the table carries the three columns
    String csv = AvalancheTables.avalanches(d.avalanches());
    assertTrue(csv.lines().findFirst().orElseThrow().endsWith(",epicentre,centroid_x,centroid_y"));
    assertTrue(
        csv.lines().skip(2).findFirst().orElseThrow().contains(",26,2.000000000,3.000000000"));
  }

  /** Thermal activations during a cascade are counted apart and never make it a runaway. */
  @Test
  void runawayIsDefinedByTheCascadeNotByThermalActivations() {
    LatticeAvalanches d = new LatticeAvalanches(10, 0.5, 100); // S_max = 5
    d.prime(true, 0.2);
    d.onYield(1, 0.5, false); // trigger
    d.onStepEnd(1, 1, 1, -0.1);
    for (int k = 0; k < 8; k++) {
      d.onYield(2 + (k % 5), 0.1, false); // thermal activations while a site stays unstable
      d.onStepEnd(2 + k, 1, 1, -0.1);
    }
    d.onYield(9, 0.1, true); // the unstable site fails, the cascade ends
    d.onStepEnd(10, 1, 0, 0.1);
    Avalanche a = d.avalanches().get(0);
    assertFalse(a.runaway(), "10 events but a cascade of 2");
    assertEquals(10, a.size());
    assertEquals(2, a.cascadeSize());
    assertEquals(8, a.thermalDuring());
    assertTrue(a.mixed());
    AvalancheStatistics st = AvalancheStatistics.of(d.avalanches(), 5, false);
    assertEquals(2.0, st.cutoff(), 0.0);
    assertEquals(1, st.mixed());
  }

  @Test
  void lowTemperatureRunHasFiniteAvalanchesAndConservesEvents() {
    LatticeEpm m =
        LatticeEpm.create(LatticeParams.defaults(32, 0.2).withReset(ResetRule.ZERO, 1.0), 3);
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

  /**
   * Steady state (redraw rule, after the stationarity warm-up), L = 16, 10 sweeps: at T = 0.05 the
   * dynamics is intermittent (avalanches end, none runs away); at T = 1 the lattice is never
   * quiescent again (flowing: the steady-state runaway).
   */
  @Test
  void steadyStateIsIntermittentWhenColdAndFlowsWhenHot() {
    long[] cold = steadyStateCounts(0.05);
    assertTrue(cold[0] > 50, "completed avalanches at T = 0.05: " + cold[0]);
    assertEquals(0, cold[1], "runaways at T = 0.05");
    long[] hot = steadyStateCounts(1.0);
    assertEquals(0, hot[0] + hot[1], "no avalanche can start at T = 1");
    assertEquals(0, hot[2], "quiescent step ends at T = 1");
  }

  /** {completed avalanches, runaways, quiescent step ends} over 10 steady-state sweeps. */
  private static long[] steadyStateCounts(double t) {
    LatticeEpm m =
        LatticeEpm.create(
            LatticeParams.defaults(16, t)
                .withProtocol(LatticeProtocol.KMC, 1, UnstableRule.IMMEDIATE)
                .withReset(ResetRule.REDRAW, 1.0),
            5);
    Stationarity st = Stationarity.defaults(m.sites());
    st.warmUp(m, m.sites(), 200L * m.sites());
    assertTrue(st.reached(), "stationary at T = " + t);
    LatticeAvalanches d = new LatticeAvalanches(m.sites(), 1.0, 1_000_000);
    d.prime(m.unstableCount() == 0, m.xMin());
    long[] quiet = new long[1];
    m.setListener(
        LatticeListener.of(
            d,
            new LatticeListener() {
              @Override
              public void onStepEnd(double time, int yields, int unstableAfter, double xMin) {
                quiet[0] += unstableAfter == 0 ? 1 : 0;
              }
            }));
    m.runEvents(10L * m.sites());
    return new long[] {d.completed(), d.runaways(), quiet[0]};
  }
}
