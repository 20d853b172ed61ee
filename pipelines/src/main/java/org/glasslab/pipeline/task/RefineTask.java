package org.glasslab.pipeline.task;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.glasslab.analysis.events.EventOptions;
import org.glasslab.analysis.events.EventRefinement;
import org.glasslab.data.Configuration;
import org.glasslab.data.MemoryTrajectory;
import org.glasslab.data.Trajectory;
import org.glasslab.data.io.H5md;
import org.glasslab.md.Replay;
import org.glasslab.minimize.FrameResult;
import org.glasslab.minimize.MinimizationResult;
import org.glasslab.pipeline.store.Fields;
import org.glasslab.pipeline.store.JsonFiles;
import org.glasslab.pipeline.store.Table;

/**
 * {@code refine}: replay refinement of one event of the IS event catalogue (analysis {@link
 * EventRefinement}). The MD run is replayed exactly from the stored frame before the event, cut
 * into equal sub-intervals whose ends are minimized, and narrowed to the sub-interval where the
 * event's particles moved most, until the event is bracketed to at most {@code max_window} steps.
 * Writes {@code md.h5} and {@code is.h5}, ordinary four-frame trajectories at steps a − w, a, b, b
 * + w (w = b − a; frames 0→1 before, 1→2 at, 2→3 after the event), and {@code event.json}
 * (docs/analysis.md, "Replay refinement").
 */
public final class RefineTask
    extends AbstractTask<RefineTask.Options, Trajectory, RefineTask.Result> {

  /** The catalogue file (the stage supplies its {@code events.csv}). */
  public static final Param<String> CATALOG =
      Param.text(
          "catalog",
          null,
          "FILE",
          "The event catalogue (events.csv of glasslab events on the IS trajectory of TRAJ)");

  static final Param<Long> MAX_WINDOW =
      Param.longInt(
          "max_window", 1000L, "steps", "W", "Bracket the event to a window of at most W steps");
  static final Param<Integer> SUBDIVISIONS =
      Param.integer(
          "subdivisions",
          8,
          "",
          "K",
          "Equal sub-intervals per level, each end minimized (K-1 minimizations a level)");

  /** The task. */
  public static final RefineTask INSTANCE = new RefineTask();

  /** File names written (command: in --out DIR; stage: prefixed {@code refined_}). */
  public static final String MD = "md.h5";

  /** The refined inherent structures. */
  public static final String IS = "is.h5";

  /** The event's numbers. */
  public static final String EVENT_JSON = "event.json";

  private RefineTask() {
    super(
        "refine",
        "Replay refinement of a catalogue event: re-simulate the MD run TRAJ exactly from the"
            + " stored frame before the event, subdividing and minimizing until the IS change is"
            + " bracketed to <= max_window steps; 4 equally spaced frames (before, at, after).",
        Input.TRAJECTORY,
        List.of(
            CATALOG,
            EventChoice.EVENT,
            MAX_WINDOW,
            SUBDIVISIONS,
            MinimizeTask.METHOD,
            MinimizeTask.FTOL,
            MinimizeTask.ETOL,
            MinimizeTask.MAX_ITER,
            EventsTask.MOVE,
            EventsTask.LINK));
  }

  /**
   * @param catalog the catalogue (may be null when {@code event} is {@code frame:F})
   * @param event the {@code event} choice ({@link EventChoice}: rank:K, size:K or frame:F)
   * @param refinement the refinement parameters
   */
  public record Options(Path catalog, String event, EventRefinement.Options refinement) {}

  /**
   * @param frame the refined interval's first frame
   * @param kind its kind in the catalogue ({@code "interval"} when given by frame)
   * @param refined the refinement
   * @param md the four MD frames with their observables
   * @param is the four inherent structures with theirs
   */
  public record Result(
      int frame,
      String kind,
      EventRefinement.Result refined,
      MemoryTrajectory md,
      MemoryTrajectory is) {}

  @Override
  public List<String> files() {
    return List.of(MD, IS, EVENT_JSON);
  }

  @Override
  public Options parameters(Values v) {
    String cat = v.get(CATALOG);
    String event = v.get(EventChoice.EVENT);
    EventChoice.check(event);
    CATALOG.require(
        cat != null || event.startsWith("frame:"),
        "give the event catalogue (or --event frame:F for an interval without one)");
    long w = v.get(MAX_WINDOW);
    MAX_WINDOW.require(w >= 1, "must be >= 1 step, got " + w);
    int k = v.get(SUBDIVISIONS);
    SUBDIVISIONS.require(k >= 2, "must be >= 2, got " + k);
    EventOptions d = EventOptions.defaults();
    double move = v.get(EventsTask.MOVE);
    double link = v.get(EventsTask.LINK);
    EventsTask.MOVE.require(move > 0 && Double.isFinite(move), "must be positive, got " + move);
    EventsTask.LINK.require(link > 0 && Double.isFinite(link), "must be positive, got " + link);
    EventOptions events =
        new EventOptions(move, link, d.minClusterSize(), d.zThreshold(), d.minSameLag());
    return new Options(
        cat == null ? null : Path.of(cat),
        event,
        new EventRefinement.Options(
            w, k, MinimizeTask.method(v), MinimizeTask.minimizerOptions(v), events));
  }

  @Override
  public Result run(Options p, Trajectory md) throws Exception {
    Replay.Setup setup = Replay.Setup.fromProvenance(md.provenance(), "the MD trajectory");
    if (md.frameCount() > 0 && !md.frame(0).hasVelocities()) {
      throw new IllegalArgumentException(
          "the MD trajectory stores no velocities; replay needs the frames of glasslab simulate");
    }
    int f;
    String kind;
    if (p.catalog() == null) {
      f = Integer.parseInt(p.event().substring("frame:".length()).strip());
      kind = "interval";
    } else {
      if (!Files.isRegularFile(p.catalog())) {
        throw CATALOG.invalid(p.catalog() + ": no such file (the events.csv of glasslab events)");
      }
      String name = p.catalog().toString();
      EventChoice.Choice c =
          EventChoice.choose(EventChoice.rows(Fields.readCsv(p.catalog()), name), p.event(), name);
      f = c.row().frame();
      kind = c.row().kind().name();
      if (f + 1 >= md.frameCount() || md.step(f) != c.row().stepA()) {
        throw new IllegalArgumentException(
            p.catalog()
                + ": "
                + c.label()
                + " is at step "
                + c.row().stepA()
                + ", which is not frame "
                + f
                + " of the MD trajectory (a catalogue of another run?)");
      }
    }
    if (f < 0 || f + 1 >= md.frameCount()) {
      throw EventChoice.EVENT.invalid(
          "interval ["
              + f
              + ", "
              + (f + 1)
              + "] is not in the MD trajectory of "
              + md.frameCount()
              + " frames");
    }
    EventRefinement.Result r = new EventRefinement(p.refinement()).refine(md, f, setup);
    List<FrameResult> rows = new ArrayList<>(4);
    int n = md.particleCount();
    for (int k = 0; k < 4; k++) {
      MinimizationResult m = r.minimizations().get(k);
      Configuration c = r.is().get(k);
      rows.add(
          new FrameResult(
              k,
              c.step(),
              c.time(),
              m.energy(),
              m.energy() / n,
              m.maxForce(),
              m.forceNorm(),
              m.iterations(),
              m.forceEvaluations(),
              m.converged(),
              m.stopReason(),
              0.0,
              false));
    }
    MemoryTrajectory is =
        new MemoryTrajectory(r.is(), MinimizeTask.observables(rows), setup.potential().spec());
    return new Result(f, kind, r, setup.withObservables(r.md()), is);
  }

  @Override
  public void write(Options p, Result r, Function<String, Path> out) throws IOException {
    H5md.write(out.apply(MD), r.md());
    H5md.write(out.apply(IS), r.is());
    JsonFiles.write(out.apply(EVENT_JSON), eventJson(p, r));
  }

  /** The content of {@code event.json}: steps, window, cost (keys documented in analysis.md). */
  static Map<String, Object> eventJson(Options p, Result r) {
    EventRefinement.Result e = r.refined();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("event", p.event());
    m.put("kind", r.kind());
    m.put("frame_a", e.frame());
    m.put("frame_b", e.frame() + 1);
    m.put("step_a", e.stepA());
    m.put("step_b", e.stepB());
    m.put("bracket_start", e.bracketStart());
    m.put("bracket_end", e.bracketEnd());
    m.put("window", e.window());
    m.put("max_window", p.refinement().maxWindow());
    m.put("frame_steps", e.steps());
    m.put("frames", List.of("before_start", "event_start", "event_end", "after_end"));
    m.put("replay_from_frame", e.replayFrom());
    m.put("levels", e.levels());
    m.put("minimizations", e.minimizationsDone());
    m.put("steps_replayed", e.stepsReplayed());
    m.put("atom_steps_replayed", e.stepsReplayed() * (double) e.md().get(0).size());
    m.put("cpu_seconds", e.cpuSeconds());
    m.put("event_particles", e.members().length);
    m.put("moved_in_interval", e.movedInInterval());
    m.put("moved_in_bracket", e.movedInBracket());
    m.put("captured", e.captured());
    m.put("move_threshold", p.refinement().events().moveThreshold());
    m.put("link_distance", p.refinement().events().linkDistance());
    m.put("method", p.refinement().method().id());
    m.put("ftol", p.refinement().minimizer().ftol());
    m.put("subdivisions", p.refinement().subdivisions());
    return m;
  }

  @Override
  public Table table(Options p, Result r) {
    String[] label = {"before_start", "event_start", "event_end", "after_end"};
    long[] step = r.refined().steps();
    double[] time = new double[4];
    double[] epp = new double[4];
    double[] fmax = new double[4];
    for (int k = 0; k < 4; k++) {
      time[k] = r.md().time(k);
      MinimizationResult m = r.refined().minimizations().get(k);
      epp[k] = m.energyPerParticle();
      fmax[k] = m.maxForce();
    }
    return Table.of(
        List.of("frame", "step", "time", "is_energy_per_particle", "is_max_force"),
        label,
        step,
        time,
        epp,
        fmax);
  }

  @Override
  public Map<String, Object> report(Options p, Trajectory in, Result r) {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("catalog", p.catalog() == null ? null : p.catalog().toString());
    params.put("event", p.event());
    params.put("max_window", p.refinement().maxWindow());
    params.put("subdivisions", p.refinement().subdivisions());
    params.put("method", p.refinement().method().id());
    params.put("ftol", p.refinement().minimizer().ftol());
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("parameters", params);
    m.putAll(eventJson(p, r));
    return m;
  }

  @Override
  public void print(Options p, Result r, String source, PrintWriter o) {
    EventRefinement.Result e = r.refined();
    o.printf(
        Locale.ROOT,
        "interval [%d, %d] (steps %d..%d, %s): event bracketed to [%d, %d], w = %d steps;"
            + " %d steps replayed, %d minimizations, %.2f CPU s%n",
        e.frame(),
        e.frame() + 1,
        e.stepA(),
        e.stepB(),
        r.kind(),
        e.bracketStart(),
        e.bracketEnd(),
        e.window(),
        e.stepsReplayed(),
        e.minimizationsDone(),
        e.cpuSeconds());
  }
}
