package org.glasslab.epm.lattice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The detector's drift statistic, as reported after each warm-up window, matches its verdict. */
class StationarityTest {

  @Test
  void driftStatisticIsTheVerdictsCriterion() {
    LatticeParams p =
        LatticeParams.defaults(16, 0.3)
            .withProtocol(LatticeProtocol.KMC, 1, UnstableRule.IMMEDIATE);
    LatticeEpm m = LatticeEpm.create(p, 3);
    Stationarity st = Stationarity.defaults(m.sites());
    List<double[]> seen = new ArrayList<>(); // windows, drift, reached
    st.warmUp(
        m,
        m.sites(),
        200L * m.sites(),
        () -> seen.add(new double[] {st.windows(), st.drift(), st.reached() ? 1 : 0}));
    assertTrue(st.reached(), "a redraw run at T = 0.3 becomes stationary");
    assertEquals(st.windows(), seen.size(), "one callback per window");
    int needed = 4 * st.halfWindows();
    for (double[] w : seen) {
      if (w[0] < needed) {
        assertTrue(Double.isNaN(w[1]), "no statistic before " + needed + " windows: " + w[0]);
      } else if (w[2] == 0) {
        assertTrue(w[1] > st.tolerance(), "not stationary, so drift > z at window " + w[0]);
      }
    }
    double[] last = seen.get(seen.size() - 1);
    assertEquals(1, last[2]);
    assertTrue(last[1] <= st.tolerance(), "the stationary window has drift <= z: " + last[1]);
  }
}
