package org.glasslab.analysis.events;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.glasslab.data.Box;
import org.glasslab.data.Configuration;
import org.glasslab.data.MemoryTrajectory;
import org.glasslab.data.Trajectory;
import org.glasslab.md.Replay;
import org.glasslab.minimize.Method;
import org.glasslab.minimize.MinimizationResult;
import org.glasslab.minimize.Minimizer;
import org.glasslab.minimize.MinimizerOptions;

/**
 * Replay refinement of one event interval [f, f+1] of an MD run's catalogue: the MD is replayed
 * exactly from stored frame f ({@link Replay}), the interval is cut into {@code subdivisions} equal
 * sub-intervals whose end points are minimized, the sub-interval in which the event's particles
 * moved most is kept, and so on until the kept window [a, b] is at most {@code maxWindow} steps
 * long and its before window starts at the first stored frame or later. The result is four MD
 * frames and their inherent structures equally spaced in time, at a − w, a, b, b + w with w = b −
 * a: the pairs 0→1, 1→2, 2→3 are the windows before, at and after the event.
 *
 * <p>The event's particles are the strongest cluster of moved particles between the inherent
 * structures of frames f and f+1 ({@link EventCatalog}: moved more than the move threshold in mean
 * diameters, linked within the link distance); a sub-interval's score is Σ d_i² over those
 * particles between the inherent structures at its ends (minimum image) [length²]. When the cluster
 * rearranged in several steps, the largest one is bracketed ({@link Result#captured} says which
 * share of the whole interval's Σ d_i² it holds).
 *
 * <p>The replay starts from the last stored frame at or before a − w (frame f, or an earlier one
 * when the before window reaches back past S(f)) and continues past S(f+1) when b + w lies beyond.
 * On its way through S(f+1) the replayed configuration is checked against the stored frame f+1 bit
 * for bit (positions, images, velocities); a difference is an error.
 */
public final class EventRefinement {

  /**
   * Parameters.
   *
   * @param maxWindow W, the largest bracket b − a [steps], &ge; 1
   * @param subdivisions sub-intervals per level, &ge; 2
   * @param method minimization method (the one the IS trajectory was made with)
   * @param minimizer minimizer tolerances (the IS trajectory's)
   * @param events move threshold and link distance that define the event's particles
   */
  public record Options(
      long maxWindow,
      int subdivisions,
      Method method,
      MinimizerOptions minimizer,
      EventOptions events) {
    /** Validates. */
    public Options {
      if (maxWindow < 1) {
        throw new IllegalArgumentException("max window W must be >= 1 step, got " + maxWindow);
      }
      if (subdivisions < 2) {
        throw new IllegalArgumentException("subdivisions must be >= 2, got " + subdivisions);
      }
      if (method == null || minimizer == null || events == null) {
        throw new IllegalArgumentException("method, minimizer and event options are required");
      }
    }
  }

  /**
   * The refined event.
   *
   * @param frame f, the first frame of the refined interval
   * @param stepA S(f) [steps]
   * @param stepB S(f+1) [steps]
   * @param bracketStart a [steps]
   * @param bracketEnd b [steps]
   * @param replayFrom the stored frame the final replay started from (f or earlier)
   * @param md the four MD frames at a − w, a, b, b + w (with velocities)
   * @param is their inherent structures
   * @param minimizations the four frames' minimization results
   * @param members the event's particles (the strongest cluster of [f, f+1]), sorted
   * @param movedInInterval particles moved between the inherent structures of f and f+1
   * @param movedInBracket particles moved between the inherent structures at a and b
   * @param captured the event particles' Σ d_i² within [a, b] over their Σ d_i² across [f, f+1]
   *     (above 1 when they moved inside the bracket and partly back later)
   * @param levels subdivision levels done
   * @param minimizationsDone minimizations done in all (bisection and final frames)
   * @param stepsReplayed MD steps replayed in all
   * @param cpuSeconds CPU time of the refinement (this thread) [s]
   */
  public record Result(
      int frame,
      long stepA,
      long stepB,
      long bracketStart,
      long bracketEnd,
      int replayFrom,
      List<Configuration> md,
      List<Configuration> is,
      List<MinimizationResult> minimizations,
      int[] members,
      int movedInInterval,
      int movedInBracket,
      double captured,
      int levels,
      int minimizationsDone,
      long stepsReplayed,
      double cpuSeconds) {

    /** The window length w = b − a [steps]. */
    public long window() {
      return bracketEnd - bracketStart;
    }

    /** Steps of the four frames: a − w, a, b, b + w. */
    public long[] steps() {
      long w = window();
      return new long[] {bracketStart - w, bracketStart, bracketEnd, bracketEnd + w};
    }
  }

  private final Options options;
  // per call of refine (an instance is not for concurrent use)
  private Minimizer minimizer;
  private long replayed;
  private int minimized;

  /** A refinement with {@code options} (one {@link #refine} at a time). */
  public EventRefinement(Options options) {
    this.options = options;
  }

  /**
   * Refines interval [f, f+1] of {@code md}.
   *
   * @param md the stored MD trajectory of a replayable run (frames with velocities)
   * @param f the interval's first frame
   * @param setup the run's replay setup ({@link Replay.Setup#fromProvenance})
   * @throws IllegalArgumentException if f is out of range, the interval has no IS change or the
   *     before window would start before the first stored frame
   * @throws IllegalStateException if the replay does not reproduce stored frame f+1 bit for bit
   */
  public Result refine(Trajectory md, int f, Replay.Setup setup) {
    ThreadMXBean bean = ManagementFactory.getThreadMXBean();
    long cpu0 = bean.getCurrentThreadCpuTime();
    replayed = 0;
    minimized = 0;
    minimizer = options.method().create(setup.potential());
    int nf = md.frameCount();
    if (f < 0 || f + 1 >= nf) {
      throw new IllegalArgumentException(
          "interval [" + f + ", " + (f + 1) + "] outside the trajectory's frames 0.." + (nf - 1));
    }
    long[] frameSteps = new long[nf];
    for (int k = 0; k < nf; k++) {
      frameSteps[k] = md.step(k);
    }
    Configuration mdA = md.frame(f);
    Configuration mdB = md.frame(f + 1);
    Configuration isA = minimize(mdA).configuration();
    Configuration isB = minimize(mdB).configuration();
    EventCatalog.Interval whole =
        new EventCatalog(options.events())
            .compute(MemoryTrajectory.of(List.of(isA, isB)))
            .intervals()
            .get(0);
    int[] members = whole.largestMembers();
    if (members.length == 0) {
      throw new IllegalArgumentException(
          "interval ["
              + f
              + ", "
              + (f + 1)
              + "]: no particle moved more than "
              + options.events().moveThreshold()
              + " mean diameters between its inherent structures; nothing to refine");
    }
    double total = score(isA, isB, members);

    // Branch points: the replay positioned at each step whose IS is known.
    TreeMap<Long, Replay> branches = new TreeMap<>();
    Map<Long, Configuration> snapshots = new TreeMap<>();
    Replay start = new Replay(mdA, setup, frameSteps);
    branches.put(frameSteps[f], start);
    long lo = frameSteps[f];
    long hi = frameSteps[f + 1];
    Configuration isLo = isA;
    Configuration isHi = isB;
    int levels = 0;
    // Cut while the window is longer than W, or while its before window would reach back past the
    // first stored frame (the production start, step 0, is not stored: an interval [2^j, 2^(j+1)]
    // of the first block needs one cut).
    while (hi - lo > options.maxWindow() || (lo - (hi - lo) < frameSteps[0] && hi - lo > 1)) {
      levels++;
      int k = (int) Math.min(options.subdivisions(), hi - lo);
      long[] points = new long[k + 1];
      for (int q = 0; q <= k; q++) {
        points[q] = lo + Math.round((double) (hi - lo) * q / k);
      }
      Configuration[] iss = new Configuration[k + 1];
      iss[0] = isLo;
      iss[k] = isHi;
      Replay r = branches.get(lo).copy();
      for (int q = 1; q <= k; q++) {
        advance(r, points[q]);
        Configuration c = r.snapshot();
        snapshots.put(points[q], c);
        if (points[q] == frameSteps[f + 1]) {
          requireIdentical(mdB, c, f + 1);
        }
        if (q < k) {
          branches.put(points[q], r.copy());
          iss[q] = minimize(c).configuration();
        }
      }
      int best = 1;
      double bestScore = -1;
      for (int q = 1; q <= k; q++) {
        double s = score(iss[q - 1], iss[q], members);
        if (s > bestScore) {
          bestScore = s;
          best = q;
        }
      }
      lo = points[best - 1];
      hi = points[best];
      isLo = iss[best - 1];
      isHi = iss[best];
    }
    long w = hi - lo;
    long first = lo - w;
    if (first < frameSteps[0]) {
      throw new IllegalArgumentException(
          "the before window of the bracket ["
              + lo
              + ", "
              + hi
              + "] would start at step "
              + first
              + ", before the first stored frame (step "
              + frameSteps[0]
              + ")");
    }
    // The final replay: from the latest branch point (or stored frame) at or before a - w.
    int from = f;
    Replay r;
    Map.Entry<Long, Replay> e = branches.floorEntry(first);
    if (e != null) {
      r = e.getValue().copy();
    } else {
      while (frameSteps[from] > first) {
        from--;
      }
      r = new Replay(md.frame(from), setup, frameSteps);
    }
    long[] targets = {first, lo, hi, hi + w};
    List<Configuration> mdFrames = new ArrayList<>(4);
    List<Configuration> isFrames = new ArrayList<>(4);
    List<MinimizationResult> results = new ArrayList<>(4);
    for (long t : targets) {
      advance(r, t);
      Configuration c = r.snapshot();
      Configuration seen = snapshots.get(t);
      if (seen != null) {
        requireIdentical(seen, c, -1);
      }
      MinimizationResult m = minimize(c);
      mdFrames.add(c);
      results.add(m);
      isFrames.add(m.configuration());
    }
    EventCatalog.Interval bracket =
        new EventCatalog(options.events())
            .compute(MemoryTrajectory.of(List.of(isFrames.get(1), isFrames.get(2))))
            .intervals()
            .get(0);
    double captured = total > 0 ? score(isFrames.get(1), isFrames.get(2), members) / total : 0;
    double cpu = (bean.getCurrentThreadCpuTime() - cpu0) * 1e-9;
    return new Result(
        f,
        frameSteps[f],
        frameSteps[f + 1],
        lo,
        hi,
        e != null ? f : from,
        List.copyOf(mdFrames),
        List.copyOf(isFrames),
        List.copyOf(results),
        members,
        whole.moved(),
        bracket.moved(),
        captured,
        levels,
        minimized,
        replayed,
        cpu);
  }

  private void advance(Replay r, long target) {
    replayed += target - r.step();
    r.advanceTo(target);
  }

  /** The inherent structure of {@code md}: minimized positions, md's step, time and diameters. */
  private MinimizationResult minimize(Configuration md) {
    minimized++;
    MinimizationResult r = minimizer.minimize(md, options.minimizer());
    Configuration c = r.configuration();
    Configuration is =
        new Configuration(
            md.box(),
            c.positions(),
            c.images(),
            md.diameters(),
            null,
            md.ids(),
            md.types(),
            md.step(),
            md.time());
    return new MinimizationResult(
        r.method(),
        is,
        r.energy(),
        r.maxForce(),
        r.forceNorm(),
        r.iterations(),
        r.forceEvaluations(),
        r.stopReason());
  }

  /** Σ over {@code members} of the squared minimum-image displacement from a to b [length²]. */
  static double score(Configuration a, Configuration b, int[] members) {
    Box box = a.box();
    double[] xa = a.positions();
    double[] xb = b.positions();
    double s = 0;
    for (int i : members) {
      double dx = box.minImage(xb[2 * i] - xa[2 * i], 0);
      double dy = box.minImage(xb[2 * i + 1] - xa[2 * i + 1], 1);
      s += dx * dx + dy * dy;
    }
    return s;
  }

  private static void requireIdentical(Configuration stored, Configuration replayed, int frame) {
    if (!Arrays.equals(stored.positions(), replayed.positions())
        || !Arrays.equals(stored.images(), replayed.images())
        || !Arrays.equals(stored.velocities(), replayed.velocities())) {
      throw new IllegalStateException(
          (frame >= 0 ? "stored frame " + frame : "an earlier replayed frame")
              + " at step "
              + stored.step()
              + " is not reproduced bit for bit by the replay (was the run written by another"
              + " engine version?)");
    }
  }
}
