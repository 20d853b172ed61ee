package org.glasslab.pipeline.task;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.glasslab.analysis.events.EventCatalog;

/**
 * The rows of a stored event catalogue (the {@code events} task's table, {@code events.csv}) and
 * the choice of one event by the {@link #EVENT} parameter, shared by every stage that looks at "the
 * event" (local, softness, snapshots, fig1) and by {@code signatures}.
 *
 * <p>{@code event} is one string: {@code rank:K} the K-th event by robust z-score (largest first;
 * default {@code rank:1}), {@code size:K} the K-th event by the size of its largest moved cluster,
 * {@code frame:F} the catalogue interval [F, F+1] whatever its kind. An event is an interval
 * classified {@code AVALANCHE} or {@code MULTIPLE} (at least one significant cluster). When the
 * catalogue has no event, {@code rank:K} and {@code size:K} rank the intervals where the IS changed
 * instead (unjudged ones last by z), and the choice says it is not an event.
 */
public final class EventChoice {
  private EventChoice() {}

  /** The one parameter choosing the event. */
  public static final Param<String> EVENT =
      Param.text(
          "event",
          "rank:1",
          "HOW",
          "Event of the IS catalogue (events.csv): rank:K = K-th by z, size:K = K-th by largest"
              + " cluster, frame:F = the interval [F, F+1]; without events the strongest intervals"
              + " stand in, labelled as not events.");

  /**
   * One interval of the catalogue.
   *
   * @param frame first IS frame f of the interval [f, f+1]
   * @param stepA S(f) [steps]
   * @param stepB S(f+1) [steps]
   * @param timeA t(f) [time]
   * @param timeB t(f+1) [time]
   * @param moved particles that moved more than the threshold
   * @param largestCluster size of the strongest moved cluster [particles]
   * @param significant significant clusters
   * @param z the catalogue's robust z-score (NaN: not judged)
   */
  public record Row(
      int frame,
      long stepA,
      long stepB,
      double timeA,
      double timeB,
      int moved,
      int largestCluster,
      int significant,
      double z) {
    /** The lag S(f+1) − S(f) [steps]. */
    public long lag() {
      return stepB - stepA;
    }

    /** The catalogue's classification, recovered from the numbers. */
    public EventCatalog.Kind kind() {
      return EventCatalog.kindOf(moved, !Double.isNaN(z), significant);
    }

    /** True for {@code AVALANCHE} and {@code MULTIPLE}. */
    public boolean isEvent() {
      return significant >= 1;
    }
  }

  /**
   * A chosen interval.
   *
   * @param row the interval
   * @param event false when the catalogue had no event and the strongest interval stands in
   * @param how the {@code event} value it answers, for captions and logs
   */
  public record Choice(Row row, boolean event, String how) {
    /** E.g. {@code AVALANCHE [49, 50] (rank:1)} or {@code CREEP [6, 7] (rank:1, not an event)}. */
    public String label() {
      return row.kind()
          + " ["
          + row.frame()
          + ", "
          + (row.frame() + 1)
          + "] ("
          + how
          + (event ? "" : ", not an event: the catalogue has none")
          + ")";
    }
  }

  /**
   * The rows of the catalogue table {@code t} (columns as written by the {@code events} task).
   *
   * @param source the file, named in errors
   */
  public static List<Row> rows(Map<String, double[]> t, String source) {
    String[] need = {
      "frame",
      "step_a",
      "step_b",
      "time_a",
      "time_b",
      "moved",
      "largest_cluster",
      "significant_clusters",
      "z"
    };
    for (String c : need) {
      if (!t.containsKey(c)) {
        throw new IllegalArgumentException(
            source + ": no column '" + c + "'; expected the events table (glasslab events)");
      }
    }
    int n = t.get("frame").length;
    List<Row> rows = new ArrayList<>(n);
    for (int k = 0; k < n; k++) {
      rows.add(
          new Row(
              (int) t.get("frame")[k],
              (long) t.get("step_a")[k],
              (long) t.get("step_b")[k],
              t.get("time_a")[k],
              t.get("time_b")[k],
              (int) t.get("moved")[k],
              (int) t.get("largest_cluster")[k],
              (int) t.get("significant_clusters")[k],
              t.get("z")[k]));
    }
    return rows;
  }

  /** The events of {@code rows} (kind {@code AVALANCHE} or {@code MULTIPLE}), in frame order. */
  public static List<Row> events(List<Row> rows) {
    return rows.stream().filter(Row::isEvent).toList();
  }

  /**
   * The interval {@code how} names (see {@link #EVENT}).
   *
   * @param source the catalogue file, named in errors
   * @throws InvalidParam for a malformed value or one the catalogue cannot satisfy
   */
  public static Choice choose(List<Row> rows, String how, String source) {
    String h = check(how);
    String kind = h.substring(0, h.indexOf(':'));
    int k = Integer.parseInt(h.substring(h.indexOf(':') + 1).strip());
    switch (kind) {
      case "frame" -> {
        for (Row r : rows) {
          if (r.frame() == k) {
            return new Choice(r, r.isEvent(), h);
          }
        }
        throw EVENT.invalid(
            source
                + " has no interval starting at frame "
                + k
                + " (intervals start at frames 0.."
                + (rows.size() - 1)
                + ")");
      }
      case "rank", "size" -> {
        EVENT.require(k >= 1, "K counts from 1, got " + k);
        List<Row> pool = events(rows);
        boolean event = !pool.isEmpty();
        if (!event) {
          pool = rows.stream().filter(r -> r.moved() > 0).toList();
        }
        Comparator<Row> byZ = Comparator.comparingDouble(EventChoice::zOrLowest).reversed();
        Comparator<Row> bySize = Comparator.comparingInt(Row::largestCluster).reversed();
        Comparator<Row> order =
            kind.equals("rank") ? byZ.thenComparing(bySize) : bySize.thenComparing(byZ);
        List<Row> sorted = pool.stream().sorted(order).toList();
        if (k > sorted.size()) {
          throw EVENT.invalid(
              h
                  + ": "
                  + source
                  + " has "
                  + sorted.size()
                  + (event ? " event(s)" : " interval(s) where the IS changed (and no event)"));
        }
        return new Choice(sorted.get(k - 1), event, h);
      }
      default -> throw new IllegalStateException("checked: " + h);
    }
  }

  /** z, with an unjudged interval (NaN) ranked below every judged one. */
  private static double zOrLowest(Row r) {
    return Double.isNaN(r.z()) ? Double.NEGATIVE_INFINITY : r.z();
  }

  /**
   * {@code how} (null: the default) stripped, after checking its form.
   *
   * @throws InvalidParam unless it is rank:K, size:K or frame:F with an integer
   */
  public static String check(String how) {
    String h = how == null ? EVENT.defaultValue() : how.strip();
    int colon = h.indexOf(':');
    String kind = colon < 0 ? "" : h.substring(0, colon);
    boolean number;
    try {
      Integer.parseInt(h.substring(colon + 1).strip());
      number = true;
    } catch (NumberFormatException e) {
      number = false;
    }
    EVENT.require(
        number && List.of("rank", "size", "frame").contains(kind),
        "expected rank:K, size:K or frame:F, got '" + how + "'");
    return h;
  }
}
