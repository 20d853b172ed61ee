package org.glasslab.analysis.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.glasslab.data.FrameSchedule;
import org.glasslab.data.random.Rng;
import org.junit.jupiter.api.Test;

/**
 * The schedule check against planted processes: a constant-rate process in time (its rate is
 * recovered and its long-lag share matches the prediction by time, far above the share by count)
 * and the planted catalogue of {@link EventCatalogTest} (events at no preferred lag: the long-lag
 * share stays near the share by count).
 */
class ScheduleCheckTest {

  @Test
  void constantRateProcessInTimeIsRecognisedAsSuch() {
    FrameSchedule.LogBlock s = new FrameSchedule.LogBlock(1_050_000, 21, 0.003, 400);
    int n = s.frameCount() - 1;
    long[] lag = new long[n];
    boolean[] flagged = new boolean[n];
    double rate = 3e-6; // per step: about 3 events per block
    Rng rng = new Rng(5);
    long longLag = 1L << 18;
    for (int k = 0; k < n; k++) {
      lag[k] = s.step(k + 1) - s.step(k);
      flagged[k] = rng.nextDouble() < -Math.expm1(-rate * lag[k]);
    }
    ScheduleCheck.Share share = ScheduleCheck.share(lag, flagged, longLag);
    assertEquals(rate, share.rate(), 0.1 * rate, "fitted rate");
    assertEquals(2.0 * 400 / n, share.shareByCount(), 1e-12); // 2 of the 21 lags of a block
    assertTrue(share.shareByTime() > 0.6, "a constant rate in time puts most flags at long lags");
    assertEquals(share.shareByTime(), share.observedShare(), 0.05, "observed vs predicted by time");
  }

  @Test
  void plantedEventsAreNotPiledAtLongLags() {
    EventCatalog.Result r =
        new EventCatalog(EventOptions.defaults()).compute(EventCatalogTest.plant(3).is());
    ScheduleCheck.Result c = ScheduleCheck.of(r.intervals());
    assertEquals(1L << (EventCatalogTest.NCFG - 3), c.longLag());
    assertEquals(EventCatalogTest.PLANTED.length, c.events().flagged());
    // of the planted intervals (j = 0, 2, 3, 5, 6, 8, 9) only j = 8 and 9 are at the two longest
    // lags
    assertEquals(2, c.events().atLong());
    // the creep changes the IS at every long interval: "changed" piles there, events do not
    assertTrue(c.changed().observedShare() > c.events().observedShare());
  }
}
