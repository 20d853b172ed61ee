package org.glasslab.pipeline.stages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.glasslab.analysis.events.EventFrames;
import org.junit.jupiter.api.Test;

/**
 * Which before/at/after panels the event stages draw: an event on the last stored frame has no
 * frame after it (the "after" pair would repeat the event pair), so that panel is not drawn and the
 * event pair's caption says why.
 */
class EventWindowTest {
  private static StageSupport.EventWindow window(int f) {
    long[] steps = {0, 16, 32, 48, 64};
    return new StageSupport.EventWindow(null, EventFrames.around(steps, f), null, null, false);
  }

  @Test
  void anEventInsideTheTrajectoryDrawsAllThreePairs() {
    StageSupport.EventWindow w = window(2);
    assertTrue(w.drawn(0) && w.drawn(1) && w.drawn(2));
    assertEquals("", w.repeatedNote());
  }

  @Test
  void anEventOnTheLastFrameDrawsNoAfterPanelAndSaysSo() {
    StageSupport.EventWindow w = window(3);
    assertTrue(w.drawn(0) && w.drawn(1));
    assertFalse(w.drawn(2));
    assertTrue(w.repeatedNote().contains("No separate after panel"), w.repeatedNote());
    assertTrue(w.repeatedNote().contains("last stored frame"), w.repeatedNote());
  }

  @Test
  void anEventOnTheFirstFrameDrawsNoBeforePanel() {
    StageSupport.EventWindow w = window(0);
    assertFalse(w.drawn(0));
    assertTrue(w.repeatedNote().contains("first stored frame"), w.repeatedNote());
  }
}
