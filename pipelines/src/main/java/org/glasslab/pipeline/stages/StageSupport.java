package org.glasslab.pipeline.stages;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.glasslab.analysis.events.EventFrames;
import org.glasslab.data.Configuration;
import org.glasslab.data.Trajectory;
import org.glasslab.data.io.H5md;
import org.glasslab.data.io.MatchingFrames;
import org.glasslab.data.io.ReadOptions;
import org.glasslab.md.PairPotential;
import org.glasslab.md.Potentials;
import org.glasslab.pipeline.engine.ParamException;
import org.glasslab.pipeline.engine.Params;
import org.glasslab.pipeline.store.Fields;
import org.glasslab.pipeline.task.EventChoice;
import org.glasslab.pipeline.task.InvalidParam;
import org.glasslab.pipeline.task.PhysicsParams;

/**
 * Small helpers shared by the physics stages: frame reading, index columns, the catalogue event and
 * its equal-time frame pairs.
 */
final class StageSupport {
  private StageSupport() {}

  /**
   * The pair potential of a stage whose input is {@code h5}: the {@code potential} key checked
   * against the potential the file records ({@link Potentials#resolve}).
   */
  static PairPotential potential(Params p, Path h5) throws IOException {
    String recorded;
    try (Trajectory t = H5md.read(h5, ReadOptions.DEFAULTS)) {
      recorded = t.potential();
    }
    return potential(p, recorded, h5.getFileName().toString());
  }

  /** The {@code potential} key resolved against {@code recorded} ({@code null}: none). */
  static PairPotential potential(Params p, String recorded, String source) {
    try {
      return Potentials.resolve(p.getString("potential", null), recorded, source);
    } catch (IllegalArgumentException e) {
      throw new ParamException("potential", e.getMessage());
    }
  }

  /** The stress {@code convention} key ({@link PhysicsParams#convention(String)}). */
  static org.glasslab.md.StressConvention convention(Params p) {
    return checked(
        "convention", () -> PhysicsParams.convention(p.getString("convention", "consistent")));
  }

  /** {@code 0, 1, ..., n-1} as ints (the frame column of per-frame tables). */
  static int[] frames(int n) {
    int[] f = new int[n];
    for (int k = 0; k < n; k++) {
      f[k] = k;
    }
    return f;
  }

  /** {@code 0, 1, ..., n-1} as doubles (x axis of series plots). */
  static double[] axis(int n) {
    double[] f = new double[n];
    for (int k = 0; k < n; k++) {
      f[k] = k;
    }
    return f;
  }

  /** Stage key of the refined event directory (see {@link #window}). */
  static final String REFINED = "refined";

  /** Help of the stage keys {@code event} and {@code refined}. */
  static Map<String, String> eventKeys() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put(EventChoice.EVENT.name(), EventChoice.EVENT.help());
    m.put(
        REFINED,
        "directory of a refined (replayed) event: md.h5 and is.h5 of exactly 4 frames equally"
            + " spaced in time inside the chosen event (pairs 0-1 before, 1-2 at, 2-3 after);"
            + " default none: equal-time pairs of the trajectory");
    return m;
  }

  /**
   * The refined event's trajectories named by the {@code refined} key (none without it): their
   * content enters the cache key ({@link org.glasslab.pipeline.engine.Stage#parameterFiles}).
   */
  static List<Path> refinedFiles(Params p) {
    String refined = p.getString(REFINED, null);
    if (refined == null) {
      return List.of();
    }
    Path dir = Path.of(refined);
    return List.of(dir.resolve("md.h5"), dir.resolve("is.h5"));
  }

  /** Checks the {@code event} and {@code refined} keys. */
  static void validateEvent(Params p) {
    checked(EventChoice.EVENT.name(), () -> EventChoice.check(p.getString("event", null)));
    p.getString(REFINED, null);
  }

  /** The catalogue interval the {@code event} key chooses from {@code eventsCsv}. */
  static EventChoice.Choice event(Params p, Path eventsCsv) throws IOException {
    String name = eventsCsv.getFileName().toString();
    List<EventChoice.Row> rows = EventChoice.rows(Fields.readCsv(eventsCsv), name);
    try {
      return EventChoice.choose(rows, p.getString("event", null), name);
    } catch (InvalidParam e) {
      throw atRun(e.param().name(), e.reason());
    }
  }

  /**
   * A parameter problem found while running (against the input files): the message names the key,
   * since no spec field is pointed at then.
   */
  static ParamException atRun(String key, String message) {
    return new ParamException(key, "parameter '" + key + "': " + message);
  }

  /**
   * The first frame f of the default choice ({@code rank:1}: the strongest event, else the
   * strongest interval) of the catalogue {@code eventsCsv}: for stages that look at one event
   * without an {@code event} key.
   */
  static int eventFrame(Path eventsCsv) throws IOException {
    String name = eventsCsv.getFileName().toString();
    List<EventChoice.Row> rows = EventChoice.rows(Fields.readCsv(eventsCsv), name);
    if (rows.stream().noneMatch(r -> r.moved() > 0)) {
      return -1;
    }
    return EventChoice.choose(rows, null, name).row().frame();
  }

  /**
   * The chosen event with its before/at/after frame pairs and the configurations of those frames.
   *
   * @param choice the catalogue interval
   * @param frames the three pairs (indices into {@code source}) and their spans in steps
   * @param configs [3][2] reference and current configuration of each pair
   * @param source the trajectory the frames come from (the branch's, or the refined directory's)
   * @param refined true when the frames are a refined event's
   */
  record EventWindow(
      EventChoice.Choice choice,
      EventFrames frames,
      Configuration[][] configs,
      Path source,
      boolean refined) {
    /** E.g. {@code before: frames 3 -> 5 (steps 1000 -> 1064, span 64 steps)}. */
    String describe(int i) {
      int[] pr = frames.pairs()[i];
      return String.format(
          Locale.ROOT,
          "%s: %sframes %d -> %d (steps %d -> %d, span %d steps%s)",
          EventFrames.NAMES[i],
          refined ? "refined " : "",
          pr[0],
          pr[1],
          configs[i][0].step(),
          configs[i][1].step(),
          frames.spans()[i],
          frames.missing()[i] ? "; no frame on this side: the event pair repeated" : "");
    }

    /**
     * Whether pair {@code i} gets its own panel: not when there is no frame on its side (the event
     * on the first or last stored frame), where it would repeat the event pair.
     */
    boolean drawn(int i) {
      return !frames.missing()[i];
    }

    /**
     * For the event pair's caption: which sides repeat the event pair and are not drawn (e.g. the
     * event on the last stored frame), or "" when all three pairs differ.
     */
    String repeatedNote() {
      List<String> sides = new java.util.ArrayList<>();
      for (int i = 0; i < 3; i++) {
        if (!drawn(i)) {
          sides.add(EventFrames.NAMES[i]);
        }
      }
      if (sides.isEmpty()) {
        return "";
      }
      return " No separate "
          + String.join(" or ", sides)
          + " panel: the event is on the "
          + (sides.contains(EventFrames.NAMES[2]) ? "last" : "first")
          + " stored frame, so "
          + String.join(" and ", sides)
          + " would repeat this pair.";
    }

    /** One line: the event, the lag, and the three pairs. */
    String summary() {
      return "event "
          + choice.label()
          + ", lag "
          + choice.row().lag()
          + " steps; "
          + String.join("; ", describe(0), describe(1), describe(2));
    }
  }

  /**
   * The window of the event chosen by the {@code event} key in {@code eventsCsv}, with frames from
   * {@code trajectory} (pairs of equal elapsed time, {@link EventFrames#around}) or, when the
   * {@code refined} key names a directory, from its file {@code refinedFile} ({@code is.h5} or
   * {@code md.h5}; {@link EventFrames#refined}).
   *
   * @throws IllegalArgumentException when the catalogue's steps are not the trajectory's, or the
   *     refined directory is not 4 equally spaced frames inside the chosen event
   */
  static EventWindow window(Params p, Path eventsCsv, Path trajectory, String refinedFile)
      throws IOException {
    EventChoice.Choice c = event(p, eventsCsv);
    EventChoice.Row row = c.row();
    String refined = p.getString(REFINED, null);
    if (refined != null) {
      Path dir = Path.of(refined);
      Path file = dir.resolve(refinedFile);
      if (!Files.isRegularFile(file)) {
        throw atRun(
            REFINED, dir + " has no " + refinedFile + " (expected a refined event directory)");
      }
      Path md = dir.resolve("md.h5");
      Path is = dir.resolve("is.h5");
      if (Files.isRegularFile(md) && Files.isRegularFile(is)) {
        requireMatching(md, is);
      }
      try (Trajectory t = H5md.read(file, ReadOptions.DEFAULTS)) {
        long[] steps = steps(t);
        EventFrames f;
        try {
          f = EventFrames.refined(steps);
        } catch (IllegalArgumentException e) {
          throw atRun(REFINED, file + ": " + e.getMessage());
        }
        if (steps[0] < row.stepA() || steps[3] > row.stepB()) {
          throw atRun(
              REFINED,
              String.format(
                  Locale.ROOT,
                  "%s spans steps %d..%d, outside the chosen event %s at steps %d..%d",
                  file,
                  steps[0],
                  steps[3],
                  c.label(),
                  row.stepA(),
                  row.stepB()));
        }
        return new EventWindow(c, f, read(t, f), file, true);
      }
    }
    try (Trajectory t = H5md.read(trajectory, ReadOptions.DEFAULTS)) {
      long[] steps = steps(t);
      int f = row.frame();
      if (f + 1 >= steps.length || steps[f] != row.stepA() || steps[f + 1] != row.stepB()) {
        throw new IllegalArgumentException(
            String.format(
                Locale.ROOT,
                "%s and %s do not match: interval [%d, %d] is at steps %d..%d in the catalogue,"
                    + " not in the trajectory (%d frames)",
                eventsCsv.getFileName(),
                trajectory.getFileName(),
                f,
                f + 1,
                row.stepA(),
                row.stepB(),
                steps.length));
      }
      EventFrames ef = EventFrames.around(steps, f);
      return new EventWindow(c, ef, read(t, ef), trajectory, false);
    }
  }

  /** The configurations of the three pairs of {@code f}, each frame read once. */
  private static Configuration[][] read(Trajectory t, EventFrames f) {
    Map<Integer, Configuration> cache = new HashMap<>();
    Configuration[][] c = new Configuration[3][2];
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 2; j++) {
        c[i][j] = cache.computeIfAbsent(f.pairs()[i][j], t::frame);
      }
    }
    return c;
  }

  /** Steps of every frame of {@code t} (no frame is read). */
  static long[] steps(Trajectory t) {
    long[] s = new long[t.frameCount()];
    for (int k = 0; k < s.length; k++) {
      s[k] = t.step(k);
    }
    return s;
  }

  /**
   * Checks that the MD trajectory {@code md} and the IS trajectory {@code is} match ({@link
   * MatchingFrames}); the message names both files.
   */
  static void requireMatching(Path md, Path is) throws IOException {
    try (Trajectory a = H5md.read(md, ReadOptions.DEFAULTS);
        Trajectory b = H5md.read(is, ReadOptions.DEFAULTS)) {
      MatchingFrames.require(a, md.toString(), b, is.toString());
    }
  }

  /** Reads and range-checks a non-negative double parameter. */
  static double nonNegative(Params p, String key, double def) {
    double v = p.getDouble(key, def);
    if (!(v >= 0) || !Double.isFinite(v)) {
      throw new ParamException(key, "must be finite and >= 0, got " + v);
    }
    return v;
  }

  /**
   * {@code body.get()}, with an {@link IllegalArgumentException} from a module's validation turned
   * into a {@link ParamException} for {@code key} ("" = the parameters as a whole) so that the spec
   * loader names the field.
   */
  static <T> T checked(String key, java.util.function.Supplier<T> body) {
    try {
      return body.get();
    } catch (ParamException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      throw new ParamException(key, e.getMessage());
    }
  }

  /** Clamps frame {@code k} into {@code [0, nf-1]}. */
  static int clamp(int k, int nf) {
    return Math.max(0, Math.min(nf - 1, k));
  }
}
