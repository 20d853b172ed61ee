package org.glasslab.epm.avalanche;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AvalancheStatisticsTest {

  private static Avalanche cascade(long s, long steps, double clock) {
    return new Avalanche(0, s, s - 1, s, (int) s, steps, clock, false, 0.1);
  }

  /** Planted ⟨S⟩ = 3 D_time^1.5 on the clock: the fit returns γ = 1.5 and a small error. */
  @Test
  void clockDurationRecoversAPlantedSizeDurationLaw() {
    List<Avalanche> list = new ArrayList<>();
    for (int k = 0; k < 10; k++) {
      double d = Math.pow(2, k);
      for (int j = 0; j < 20; j++) {
        double dj = d * (1 + 0.01 * j);
        long s = Math.max(2, Math.round(3 * Math.pow(dj, 1.5)));
        // in KMC the step count equals the number of events: no information on its own
        list.add(cascade(s, s, dj));
      }
    }
    for (int j = 0; j < 500; j++) {
      list.add(cascade(1, 1, 0)); // single activations: no duration
    }
    AvalancheStatistics clock = AvalancheStatistics.of(list, 5, true);
    double[] fit = clock.sizeDurationFit(5, 1.0);
    assertEquals(1.5, fit[0], 0.05, "gamma on the clock");
    assertTrue(fit[1] < 0.05, "standard error " + fit[1]);
    assertEquals(200, clock.durationHistogram().total(), "single activations have no duration");
    // the step count of KMC gives the trivial <S> = D
    double[] steps = AvalancheStatistics.of(list, 5, false).sizeDurationFit(5, 1.0);
    assertEquals(1.0, steps[0], 0.02);
  }
}
