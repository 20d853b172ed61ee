package org.glasslab.pipeline.task;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.glasslab.analysis.dynamics.JumpDetector;
import org.glasslab.analysis.dynamics.MeanSquareDisplacement;
import org.glasslab.data.Trajectory;
import org.glasslab.pipeline.store.Table;

/**
 * {@code avalanches}: avalanche frames as jumps of the first-frame MSD between plateaus (the
 * analysis module's local change-point t-test: level + linear trend + step, jump in units of its
 * standard error, Bonferroni-corrected confidence). Table: frame, step, time, jump [diameters^2],
 * statistic, confidence, one row per event. A series shorter than 2 min_window + 1 frames has no
 * events. The parameter record is the analysis module's {@link JumpDetector.Options}.
 */
public final class AvalanchesTask
    extends AbstractTask<JumpDetector.Options, Trajectory, AvalanchesTask.Result> {

  private static final JumpDetector.Options DEFAULTS = JumpDetector.Options.defaults();

  static final Param<Integer> WINDOW =
      Param.integer(
          "window", DEFAULTS.window(), "frames", "W", "Frames on each side of a candidate.");
  static final Param<Double> THRESHOLD =
      Param.real("threshold", DEFAULTS.threshold(), "", "T", "Smallest |jump / standard error|.");
  static final Param<Double> MIN_JUMP =
      Param.real(
          "min_jump",
          DEFAULTS.minJump(),
          "diameters^2",
          "J",
          "Smallest MSD jump (0: off; set it for noise-free inherent-structure trajectories).");
  static final Param<String> DIRECTION = Param.text("direction", "up", "DIR", "up, down or both.");
  static final Param<Integer> MAX_TRANSITION =
      Param.integer(
          "max_transition",
          DEFAULTS.maxTransition(),
          "frames",
          "G",
          "Longest transition between plateaus.");
  static final Param<Boolean> NO_DETREND =
      Param.flag("no_detrend", "Fit plateaus without a linear trend.");

  /**
   * @param msd the first-frame MSD the events were detected in
   * @param detection the detector's result
   */
  public record Result(MeanSquareDisplacement.Result msd, JumpDetector.Result detection) {
    /** The events (empty for a series too short to test). */
    public List<JumpDetector.Event> events() {
      return detection == null ? List.of() : detection.events();
    }
  }

  /** The task. */
  public static final AvalanchesTask INSTANCE = new AvalanchesTask();

  private AvalanchesTask() {
    super(
        "avalanches",
        "Detect avalanches as jumps of the first-frame MSD between plateaus: a local"
            + " change-point t-test (level + linear trend + step, jump in units of its standard"
            + " error) over a window of frames on each side, with Bonferroni-corrected confidence."
            + " For an inherent-structure trajectory (noise-free) set --min-jump.",
        Input.TRAJECTORY,
        List.of(WINDOW, THRESHOLD, MIN_JUMP, DIRECTION, MAX_TRANSITION, NO_DETREND));
  }

  @Override
  public JumpDetector.Options parameters(Values v) {
    String d = v.get(DIRECTION);
    JumpDetector.Direction dir;
    try {
      dir = JumpDetector.Direction.valueOf(d.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw DIRECTION.invalid("expected up, down or both, got '" + d + "'");
    }
    int w = v.get(WINDOW);
    WINDOW.require(w >= DEFAULTS.minWindow(), "must be >= " + DEFAULTS.minWindow() + ", got " + w);
    double threshold = v.get(THRESHOLD);
    double minJump = v.get(MIN_JUMP);
    THRESHOLD.require(
        threshold > 0 && Double.isFinite(threshold),
        "must be finite and positive, got " + threshold);
    MIN_JUMP.require(
        minJump >= 0 && Double.isFinite(minJump), "must be finite and >= 0, got " + minJump);
    return JumpDetector.Options.builder()
        .window(w)
        .threshold(v.get(THRESHOLD))
        .minJump(v.get(MIN_JUMP))
        .direction(dir)
        .detrend(!v.get(NO_DETREND))
        .maxTransition(v.get(MAX_TRANSITION))
        .build();
  }

  @Override
  public Result run(JumpDetector.Options p, Trajectory t) {
    return detect(p, new MeanSquareDisplacement().compute(t));
  }

  /** The detection on an MSD series already computed (the stage reads it from {@code msd.csv}). */
  public Result detect(JumpDetector.Options p, MeanSquareDisplacement.Result msd) {
    boolean testable = msd.msd().length >= 2 * p.minWindow() + 1;
    return new Result(msd, testable ? new JumpDetector(p).detect(msd.msd()) : null);
  }

  @Override
  public Table table(JumpDetector.Options p, Result r) {
    List<JumpDetector.Event> ev = r.events();
    int m = ev.size();
    int[] frame = new int[m];
    long[] step = new long[m];
    double[] time = new double[m];
    double[] jump = new double[m];
    double[] stat = new double[m];
    double[] conf = new double[m];
    for (int i = 0; i < m; i++) {
      JumpDetector.Event e = ev.get(i);
      frame[i] = e.frame();
      step[i] = r.msd().steps()[e.frame()];
      time[i] = r.msd().times()[e.frame()];
      jump[i] = e.jump();
      stat[i] = e.statistic();
      conf[i] = e.confidence();
    }
    return Table.of(
        List.of("frame", "step", "time", "jump", "statistic", "confidence"),
        frame,
        step,
        time,
        jump,
        stat,
        conf);
  }

  /** The resolved detector options, for reports. */
  static Map<String, Object> resolved(JumpDetector.Options o) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("window", o.window());
    p.put("min_window", o.minWindow());
    p.put("threshold", o.threshold());
    p.put("detrend", o.detrend());
    p.put("skip_frames", o.skipFrames());
    p.put("min_separation", o.minSeparation());
    p.put("direction", o.direction().name().toLowerCase(Locale.ROOT));
    p.put("min_relative_jump", o.minRelativeJump());
    p.put("min_jump", o.minJump());
    p.put("persistence", o.persistence());
    p.put("max_transition", o.maxTransition());
    return p;
  }

  @Override
  public Map<String, Object> report(JumpDetector.Options p, Trajectory t, Result r) {
    List<Map<String, Object>> events = new ArrayList<>();
    for (JumpDetector.Event e : r.events()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("frame", e.frame());
      m.put("transition_start", e.transitionStart());
      m.put("transition_end", e.transitionEnd());
      m.put("step", r.msd().steps()[e.frame()]);
      m.put("time", r.msd().times()[e.frame()]);
      m.put("jump", e.jump());
      m.put("robust_jump", e.robustJump());
      m.put("level_before", e.levelBefore());
      m.put("noise", e.noise());
      m.put("statistic", e.statistic());
      m.put("confidence", e.confidence());
      events.add(m);
    }
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("parameters", resolved(p));
    report.put("signal", "msd from first frame");
    report.put("candidates", r.detection() == null ? 0 : r.detection().candidates());
    report.put("events", events);
    report.put("msd", r.msd().msd());
    return report;
  }

  @Override
  public void print(JumpDetector.Options p, Result r, String source, PrintWriter o) {
    o.printf("# %s: %d frame(s), %d event(s)%n", source, r.msd().msd().length, r.events().size());
    super.print(p, r, source, o);
  }
}
