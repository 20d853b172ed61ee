package org.glasslab.pipeline.task;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.glasslab.analysis.events.EventCatalog;
import org.glasslab.analysis.events.EventCatalog.Interval;
import org.glasslab.analysis.events.EventOptions;
import org.glasslab.analysis.events.ScheduleCheck;
import org.glasslab.data.Trajectory;
import org.glasslab.pipeline.plot.LinePlot;
import org.glasslab.pipeline.store.Table;

/**
 * {@code events}: the event catalogue of an inherent-structure trajectory (analysis {@link
 * EventCatalog}): per interval between consecutive IS frames the moved particles, their clusters
 * and the strongest cluster's robust z-score against the intervals of the same lag; kinds QUIET,
 * CREEP, AVALANCHE, MULTIPLE, UNJUDGED (docs/analysis.md). Lengths in mean diameters, strengths in
 * length², steps and times as stored.
 */
public final class EventsTask extends AbstractTask<EventOptions, Trajectory, EventCatalog.Result> {
  private static final EventOptions D = EventOptions.defaults();

  static final Param<Double> MOVE =
      Param.real(
          "move_threshold",
          D.moveThreshold(),
          "mean diameters",
          "D",
          "A particle moved when its IS displacement exceeds this.");
  static final Param<Double> LINK =
      Param.real(
          "link_distance",
          D.linkDistance(),
          "mean diameters",
          "R",
          "Moved particles closer than this (first IS of the interval) share a cluster.");
  static final Param<Integer> MIN_SIZE =
      Param.integer(
          "min_cluster_size",
          D.minClusterSize(),
          "particles",
          "K",
          "Smallest cluster that can be an event.");
  static final Param<Double> Z =
      Param.real(
          "z_threshold",
          D.zThreshold(),
          "",
          "Z",
          "Robust z-score against intervals of the same lag above which a cluster is an event.");
  static final Param<Integer> MIN_SAME_LAG =
      Param.integer(
          "min_same_lag",
          D.minSameLag(),
          "intervals",
          "M",
          "Fewest other intervals of the same lag needed to judge one.");

  /** The task. */
  public static final EventsTask INSTANCE = new EventsTask();

  private EventsTask() {
    super(
        "events",
        "Event catalogue of an inherent-structure trajectory: what moved between consecutive IS"
            + " frames, in which clusters, judged against the intervals of the same lag (elapsed"
            + " time, not frame index).",
        Input.TRAJECTORY,
        List.of(MOVE, LINK, MIN_SIZE, Z, MIN_SAME_LAG));
  }

  @Override
  public EventOptions parameters(Values v) {
    double move = v.get(MOVE);
    double link = v.get(LINK);
    double z = v.get(Z);
    MOVE.require(move > 0 && Double.isFinite(move), "must be finite and positive, got " + move);
    LINK.require(link > 0 && Double.isFinite(link), "must be finite and positive, got " + link);
    MIN_SIZE.require(v.get(MIN_SIZE) >= 1, "must be >= 1, got " + v.get(MIN_SIZE));
    Z.require(z > 0 && Double.isFinite(z), "must be finite and positive, got " + z);
    MIN_SAME_LAG.require(v.get(MIN_SAME_LAG) >= 2, "must be >= 2, got " + v.get(MIN_SAME_LAG));
    return new EventOptions(move, link, v.get(MIN_SIZE), z, v.get(MIN_SAME_LAG));
  }

  @Override
  public EventCatalog.Result run(EventOptions p, Trajectory t) {
    return new EventCatalog(p).compute(t);
  }

  @Override
  public Table table(EventOptions p, EventCatalog.Result r) {
    List<Interval> iv = r.intervals();
    int n = iv.size();
    int[] frame = new int[n];
    long[] stepA = new long[n];
    long[] stepB = new long[n];
    double[] timeA = new double[n];
    double[] timeB = new double[n];
    long[] lag = new long[n];
    int[] moved = new int[n];
    double[] sum = new double[n];
    double[] pr = new double[n];
    double[] max = new double[n];
    int[] largest = new int[n];
    double[] strength = new double[n];
    int[] significant = new int[n];
    double[] z = new double[n];
    String[] kind = new String[n];
    for (int k = 0; k < n; k++) {
      Interval i = iv.get(k);
      frame[k] = i.frame();
      stepA[k] = i.stepA();
      stepB[k] = i.stepB();
      timeA[k] = i.timeA();
      timeB[k] = i.timeB();
      lag[k] = i.lag();
      moved[k] = i.moved();
      sum[k] = i.sumSquares();
      pr[k] = i.participation();
      max[k] = i.maxDisplacement();
      largest[k] = i.largestCluster();
      strength[k] = i.largestStrength();
      significant[k] = i.significantClusters();
      z[k] = i.z();
      kind[k] = i.kind().name();
    }
    return Table.of(
        List.of(
            "frame",
            "step_a",
            "step_b",
            "time_a",
            "time_b",
            "lag_steps",
            "moved",
            "sum_d2",
            "participation",
            "max_displacement",
            "largest_cluster",
            "largest_strength",
            "significant_clusters",
            "z",
            "kind"),
        frame,
        stepA,
        stepB,
        timeA,
        timeB,
        lag,
        moved,
        sum,
        pr,
        max,
        largest,
        strength,
        significant,
        z,
        kind);
  }

  @Override
  public Map<String, Object> report(EventOptions p, Trajectory t, EventCatalog.Result r) {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("move_threshold", p.moveThreshold());
    params.put("link_distance", p.linkDistance());
    params.put("min_cluster_size", p.minClusterSize());
    params.put("z_threshold", p.zThreshold());
    params.put("min_same_lag", p.minSameLag());
    params.put("mean_diameter", r.meanDiameter());
    params.put("frames", t.frameCount());
    params.put("particles", t.particleCount());
    Map<String, Object> counts = new LinkedHashMap<>();
    for (EventCatalog.Kind k : EventCatalog.Kind.values()) {
      counts.put(k.name(), r.intervals().stream().filter(i -> i.kind() == k).count());
    }
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("parameters", params);
    report.put("kinds", counts);
    ScheduleCheck.Result check = ScheduleCheck.of(r.intervals());
    Map<String, Object> schedule = new LinkedHashMap<>();
    schedule.put("long_lag_steps", check.longLag());
    schedule.put("changed", share(check.changed()));
    schedule.put("events", share(check.events()));
    report.put("schedule_check", schedule);
    report.put(
        "events",
        r.events().stream()
            .map(
                i -> {
                  Map<String, Object> e = new LinkedHashMap<>();
                  e.put("frame", i.frame());
                  e.put("step_a", i.stepA());
                  e.put("step_b", i.stepB());
                  e.put("kind", i.kind().name());
                  e.put("z", i.z());
                  e.put("members", i.largestMembers());
                  return e;
                })
            .toList());
    return report;
  }

  private static Map<String, Object> share(ScheduleCheck.Share s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("intervals", s.flagged());
    m.put("at_long_lags", s.atLong());
    m.put("observed_share", s.observedShare());
    m.put("share_by_count", s.shareByCount());
    m.put("share_by_time", s.shareByTime());
    m.put("rate_per_step", s.rate());
    return m;
  }

  @Override
  public List<Figure> figures(EventOptions p, EventCatalog.Result r) {
    List<Interval> iv = r.intervals();
    double[] lag = new double[iv.size()];
    double[] z = new double[iv.size()];
    int m = 0;
    for (Interval i : iv) {
      if (!Double.isNaN(i.z())) {
        lag[m] = i.lag();
        z[m++] = i.z();
      }
    }
    if (m == 0) {
      return List.of(); // nothing judged (too few blocks): the table says UNJUDGED or QUIET
    }
    return List.of(
        new Figure(
            "events_z",
            LinePlot.builder("Strongest cluster vs intervals of the same lag", "lag [steps]", "z")
                .series("intervals", Arrays.copyOf(lag, m), Arrays.copyOf(z, m))
                .log(true, false)
                .markersOnly()
                .build(),
            "Robust z-score of each interval's strongest moved cluster against the intervals of"
                + " the same lag; events lie above z = "
                + p.zThreshold()));
  }
}
