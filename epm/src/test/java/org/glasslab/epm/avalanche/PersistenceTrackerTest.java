package org.glasslab.epm.avalanche;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.glasslab.epm.lattice.LatticeEpm;
import org.glasslab.epm.lattice.LatticeParams;
import org.glasslab.epm.lattice.LatticeProtocol;
import org.glasslab.epm.lattice.UnstableRule;
import org.junit.jupiter.api.Test;

/** Spec §7 item 11: at T → ∞ every site fails at rate f0, so p(t) = e^{-t}, χ4 = p(1-p). */
class PersistenceTrackerTest {

  @Test
  void infiniteTemperaturePersistenceIsExponentialAndChi4IsBinomial() {
    LatticeParams p =
        LatticeParams.defaults(16, 1e12).withProtocol(LatticeProtocol.KMC, 1, UnstableRule.RATE);
    LatticeEpm m = LatticeEpm.create(p, 21);
    double[] lags = {0.1, 0.3, 0.7, 1.0, 1.5, 2.0, 3.0};
    PersistenceTracker tr = new PersistenceTracker(m.sites(), lags);
    tr.newSample(m.time());
    m.setListener(tr);
    while (tr.windows() < 600) {
      m.step();
    }
    double[] pm = tr.meanPersistence();
    double[] chi = tr.chi4();
    int n = m.sites();
    for (int k = 0; k < lags.length; k++) {
      double e = Math.exp(-lags[k]);
      double err = Math.sqrt(e * (1 - e) / n / tr.windows());
      assertEquals(e, pm[k], 5 * err, "p(" + lags[k] + ")");
      double binom = e * (1 - e);
      assertTrue(binom <= 0.25);
      // relative error of a variance estimate over W windows ~ sqrt(2/W)
      assertEquals(binom, chi[k], 0.2 * binom + 0.01, "chi4(" + lags[k] + ")");
    }
    assertEquals(1.0, tr.tauAlpha(), 0.05, "tau_alpha = 1/f0 at T -> infinity");
  }

  @Test
  void emptyWindowsCountAsFullPersistence() {
    PersistenceTracker tr = new PersistenceTracker(4, new double[] {1, 2});
    tr.newSample(0);
    tr.onAdvance(0.5);
    tr.onYield(0, 1, false);
    tr.onAdvance(7.0); // closes window [0,2) and two empty windows [2,4), [4,6)
    assertEquals(3, tr.windows());
    assertEquals((0.75 + 1 + 1) / 3, tr.meanPersistence()[0], 1e-12);
  }
}
