package org.glasslab.pipeline.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.glasslab.analysis.events.EventCatalog;
import org.junit.jupiter.api.Test;

/** The {@code event} parameter: rank, size and frame choices, the no-event fallback, bad values. */
class EventChoiceTest {
  static EventChoice.Row row(int f, int moved, int largest, int significant, double z) {
    return new EventChoice.Row(
        f, 10L * f, 10L * f + 10, 0.03 * f, 0.03 * f + 0.03, moved, largest, significant, z);
  }

  static final List<EventChoice.Row> ROWS =
      List.of(
          row(0, 0, 0, 0, Double.NaN), // quiet
          row(1, 30, 30, 1, 6.0), // avalanche, largest cluster
          row(2, 12, 8, 2, 9.0), // multiple, highest z
          row(3, 4, 4, 0, 2.0), // creep
          row(4, 6, 6, 0, Double.NaN)); // unjudged

  @Test
  void rankSizeAndFrame() {
    assertEquals(2, EventChoice.choose(ROWS, null, "ev.csv").row().frame());
    assertEquals(1, EventChoice.choose(ROWS, "rank:2", "ev.csv").row().frame());
    assertEquals(1, EventChoice.choose(ROWS, "size:1", "ev.csv").row().frame());
    EventChoice.Choice c = EventChoice.choose(ROWS, " frame:3 ", "ev.csv");
    assertEquals(EventCatalog.Kind.CREEP, c.row().kind());
    assertFalse(c.event());
    assertEquals(EventCatalog.Kind.MULTIPLE, ROWS.get(2).kind());
    assertEquals(EventCatalog.Kind.UNJUDGED, ROWS.get(4).kind());
    assertEquals(2, EventChoice.events(ROWS).size());
  }

  @Test
  void withoutEventsTheStrongestChangedIntervalStandsInLabelled() {
    List<EventChoice.Row> quiet = List.of(ROWS.get(0), ROWS.get(3), ROWS.get(4));
    EventChoice.Choice c = EventChoice.choose(quiet, "rank:1", "ev.csv");
    assertEquals(3, c.row().frame()); // judged z 2 before unjudged
    assertFalse(c.event());
    assertTrue(c.label().contains("not an event"), c.label());
    assertEquals(4, EventChoice.choose(quiet, "size:1", "ev.csv").row().frame());
  }

  @Test
  void badValuesNameTheParameter() {
    for (String bad : List.of("top:1", "rank", "rank:x", "rank:0", "rank:3", "frame:9")) {
      InvalidParam e =
          assertThrows(InvalidParam.class, () -> EventChoice.choose(ROWS, bad, "ev.csv"), bad);
      assertEquals("event", e.param().name(), bad);
    }
  }
}
