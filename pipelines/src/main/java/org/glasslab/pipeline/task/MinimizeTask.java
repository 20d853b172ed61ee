package org.glasslab.pipeline.task;

import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.glasslab.data.Configuration;
import org.glasslab.data.TimeSeries;
import org.glasslab.data.Trajectory;
import org.glasslab.data.io.AtomicFile;
import org.glasslab.data.io.Format;
import org.glasslab.data.io.H5md;
import org.glasslab.data.io.H5mdWriter;
import org.glasslab.data.io.ReadOptions;
import org.glasslab.data.io.TrajectoryIO;
import org.glasslab.md.PairPotential;
import org.glasslab.minimize.FrameResult;
import org.glasslab.minimize.Method;
import org.glasslab.minimize.MinimizationResult;
import org.glasslab.minimize.MinimizerOptions;
import org.glasslab.minimize.StopReason;
import org.glasslab.pipeline.plot.LinePlot;
import org.glasslab.pipeline.plot.Units;
import org.glasslab.pipeline.store.Table;

/**
 * {@code minimize}: the inherent-structure (IS) trajectory of an MD trajectory — every frame (or
 * one) minimized with CG or FIRE on the potential energy, same frame indices, steps and times, no
 * velocities (Jha &amp; Sengupta §II) — written to OUT (format from its extension; H5MD with
 * observables {@code potential_energy_per_particle} and {@code max_force}), plus the per-frame
 * convergence table. Frames run in parallel; finished frames are kept (the command: in {@code
 * OUT.frames/}, keyed by the settings and a SHA-256 digest of the input frame; the stage: in its
 * scratch directory), so an interrupted run resumes. Frames that do not reach {@code ftol} keep
 * their last point, are flagged in the table and make the run a failure unless {@code
 * allow_unconverged}.
 */
public final class MinimizeTask extends FrameTask<MinimizeTask.Options, MinimizeTask.Result> {

  /** The output trajectory: the command's OUT argument, the stage's {@code is.h5}. */
  public static final Param<String> OUTPUT =
      Param.text("output", null, "OUT", "Output IS trajectory file (written atomically)");

  static final Param<String> METHOD =
      Param.text("method", "cg", "M", "cg (Polak-Ribiere+ conjugate gradient) or fire (FIRE 2.0)");
  static final Param<Double> FTOL =
      Param.real(
          "ftol",
          MinimizerOptions.DEFAULT_FTOL,
          "energy/length",
          "F",
          "Converged when the largest force component is <= F");
  static final Param<Double> ETOL =
      Param.real(
          "etol",
          0.0,
          "",
          "E",
          "Also stop (reported as not converged) when the relative energy change of an iteration"
              + " is <= E; 0 = off");
  static final Param<Integer> MAX_ITER =
      Param.integer("max_iter", 1_000_000, "", "N", "Iteration cap per frame");
  static final Param<Integer> FRAME =
      Param.integer(
          "frame",
          null,
          "",
          "K",
          "Minimize only frame K, negative counts from the end (default: every frame)");
  static final Param<Boolean> ALLOW_UNCONVERGED =
      Param.flag(
          "allow_unconverged",
          "Frames that do not reach ftol are not an error (they are flagged in the table either"
              + " way)");

  /** The task. */
  public static final MinimizeTask INSTANCE = new MinimizeTask();

  private MinimizeTask() {
    super(
        "minimize",
        "Minimize the potential energy of every frame of TRAJ (or --frame K) into its"
            + " inherent-structure trajectory OUT, with the convergence table OUT.minimize.csv;"
            + " resumable (frames finished in OUT.frames/ are reused); exit code 1 if a frame did"
            + " not reach --ftol.",
        List.of(METHOD, FTOL, ETOL, MAX_ITER, FRAME, ALLOW_UNCONVERGED, PhysicsParams.POTENTIAL));
  }

  /**
   * @param output the IS trajectory file
   * @param method minimization method
   * @param options minimizer tolerances and caps
   * @param frame the one frame to minimize (negative from the end), or null for all
   * @param allowUnconverged whether unconverged frames are acceptable
   * @param potential requested potential spec, null = the recorded one
   */
  public record Options(
      Path output,
      Method method,
      MinimizerOptions options,
      Integer frame,
      boolean allowUnconverged,
      String potential) {}

  /**
   * @param frames per-frame results, in order
   * @param output the IS trajectory written
   * @param potential spec of the potential used
   */
  public record Result(List<FrameResult> frames, Path output, String potential) {
    /** Frames that did not converge. */
    public int notConverged() {
      return (int) frames.stream().filter(f -> !f.converged()).count();
    }
  }

  @Override
  public List<String> outOptions() {
    return List.of(); // the table goes next to OUT
  }

  @Override
  public Param<String> outputArgument() {
    return OUTPUT;
  }

  @Override
  public Path frameDirectory(Options p) {
    return p.output().resolveSibling(p.output().getFileName() + ".frames");
  }

  /** The convergence table the command writes next to {@code out}. */
  public static Path tablePath(Path out) {
    return out.resolveSibling(out.getFileName() + ".minimize.csv");
  }

  @Override
  public Options parameters(Values v) {
    String out = v.get(OUTPUT);
    OUTPUT.require(out != null, "give the output file");
    try {
      org.glasslab.data.io.Format.of(Path.of(out)); // before any frame is minimized
    } catch (IllegalArgumentException e) {
      throw OUTPUT.invalid(e.getMessage());
    }
    Method m = method(v);
    MinimizerOptions o = minimizerOptions(v);
    return new Options(
        Path.of(out), m, o, v.get(FRAME), v.get(ALLOW_UNCONVERGED), PhysicsParams.potentialSpec(v));
  }

  /** The {@code method} parameter (also read by tasks that minimize as minimize does). */
  static Method method(Values v) {
    try {
      return Method.parse(v.get(METHOD));
    } catch (IllegalArgumentException e) {
      throw METHOD.invalid(e.getMessage());
    }
  }

  /** The minimizer options from {@code ftol}, {@code etol} and {@code max_iter}. */
  static MinimizerOptions minimizerOptions(Values v) {
    int maxIter = v.get(MAX_ITER);
    MAX_ITER.require(maxIter >= 1, "must be >= 1, got " + maxIter);
    double ftol = v.get(FTOL);
    FTOL.require(ftol > 0 && Double.isFinite(ftol), "must be finite and > 0, got " + ftol);
    try {
      return MinimizerOptions.defaults()
          .withFtol(ftol)
          .withEtol(v.get(ETOL))
          .withMaxIterations(maxIter)
          .withMaxForceEvaluations(Math.max(1_000_000L, 20L * maxIter));
    } catch (IllegalArgumentException e) {
      throw ETOL.invalid(e.getMessage());
    }
  }

  @Override
  public Result run(Options p, Trajectory t, FrameMap map) throws Exception {
    PairPotential pot = PhysicsParams.potential(p.potential(), t, "the input");
    Selection sel = select(t, p.frame(), FRAME);
    int[] index = sel.index();
    String settings = settings(p, pot);
    int n = t.particleCount();
    List<FrameResult> results = new ArrayList<>(sel.size());
    // frames go through in windows of one output segment: only one window's rows (IS positions)
    // are in memory, whatever the length of the trajectory
    int window = H5mdWriter.segmentFrames(n);
    try (Sink out = sink(p.output(), sel.size(), n, pot.spec())) {
      for (int first = 0; first < sel.size(); first += window) {
        int count = Math.min(window, sel.size() - first);
        // per frame: energy, iterations, force evaluations, max force, force norm, stop reason,
        // wall seconds, then the minimized positions [2N] and images [2N]
        double[][] rows =
            map.map(
                first,
                count,
                k -> settings + " input=" + inputDigest(sel.frame(k)),
                k -> {
                  Configuration md = sel.frame(k);
                  long t0 = System.nanoTime();
                  MinimizationResult r = p.method().create(pot).minimize(md, p.options());
                  double wall = (System.nanoTime() - t0) * 1e-9;
                  Configuration c = r.configuration();
                  double[] row = new double[7 + 4 * n];
                  row[0] = r.energy();
                  row[1] = r.iterations();
                  row[2] = r.forceEvaluations();
                  row[3] = r.maxForce();
                  row[4] = r.forceNorm();
                  row[5] = r.stopReason().ordinal();
                  row[6] = wall;
                  double[] x = c.positions();
                  int[] im = c.images();
                  for (int j = 0; j < 2 * n; j++) {
                    row[7 + j] = x[j];
                    row[7 + 2 * n + j] = im == null ? 0 : im[j];
                  }
                  return row;
                });
        for (int i = 0; i < count; i++) {
          double[] row = rows[i];
          rows[i] = null;
          double[] x = new double[2 * n];
          int[] im = new int[2 * n];
          for (int j = 0; j < 2 * n; j++) {
            x[j] = row[7 + j];
            im[j] = (int) row[7 + 2 * n + j];
          }
          Configuration c = sel.frame(first + i);
          StopReason stop = StopReason.values()[(int) row[5]];
          FrameResult fr =
              new FrameResult(
                  index[first + i],
                  c.step(),
                  c.time(),
                  row[0],
                  row[0] / n,
                  row[3],
                  row[4],
                  (int) row[1],
                  (long) row[2],
                  stop.converged(),
                  stop,
                  row[6],
                  false);
          results.add(fr);
          out.append(
              new Configuration(
                  c.box(), x, im, c.diameters(), null, c.ids(), c.types(), c.step(), c.time()),
              fr);
        }
      }
    }
    return new Result(List.copyOf(results), p.output(), pot.spec());
  }

  /** Where the IS frames go, one at a time. */
  private interface Sink extends AutoCloseable {
    void append(Configuration is, FrameResult r) throws java.io.IOException;

    @Override
    void close() throws java.io.IOException;
  }

  /**
   * H5MD output is streamed ({@link H5mdWriter}, observables per frame); other formats (xyz, dump)
   * are streamed into a hidden H5MD file beside the output and converted frame by frame when the
   * last frame is in, so that memory stays O(N) whatever the format.
   */
  private static Sink sink(Path output, int frames, int n, String potential)
      throws java.io.IOException {
    boolean h5md = Format.of(output) == Format.H5MD;
    Path target = h5md ? output : output.resolveSibling("." + output.getFileName() + ".is-tmp.h5");
    H5mdWriter w =
        new H5mdWriter(
            target,
            frames,
            n,
            potential,
            Map.of(),
            List.of("potential_energy_per_particle", "max_force"));
    return new Sink() {
      int written;

      @Override
      public void append(Configuration is, FrameResult r) throws java.io.IOException {
        w.append(is, new double[] {r.energyPerParticle()}, new double[] {r.maxForce()});
        written++;
      }

      @Override
      public void close() throws java.io.IOException {
        if (h5md) {
          w.close();
          return;
        }
        try {
          if (written == frames) {
            w.close();
            try (Trajectory t = H5md.read(target, ReadOptions.DEFAULTS)) {
              TrajectoryIO.write(output, t);
            }
          }
        } finally {
          AtomicFile.deleteTree(target);
        }
      }
    };
  }

  /** What a stored frame depends on besides its input: method, tolerances, caps, potential. */
  private static String settings(Options p, PairPotential pot) {
    MinimizerOptions o = p.options();
    return String.format(
        Locale.ROOT,
        "method=%s ftol=%.17g etol=%.17g maxIterations=%d maxForceEvaluations=%d maxStep=%.17g"
            + " skin=%.17g potential=%s",
        p.method().id(),
        o.ftol(),
        o.etol(),
        o.maxIterations(),
        o.maxForceEvaluations(),
        o.maxStep(),
        o.skin(),
        pot.spec());
  }

  /**
   * SHA-256 (hex) of what a minimization starts from: box edges, positions, images and diameters.
   * Resume is keyed by it, never by file names.
   */
  static String inputDigest(Configuration c) {
    int n = c.size();
    ByteBuffer b = ByteBuffer.allocate(16 + 8 * 2 * n + 4 * 2 * n + 8 * n);
    b.putDouble(c.box().lx()).putDouble(c.box().ly());
    for (double v : c.positions()) {
      b.putDouble(v);
    }
    int[] im = c.images();
    for (int j = 0; j < 2 * n; j++) {
      b.putInt(im == null ? 0 : im[j]);
    }
    for (double v : c.diameters()) {
      b.putDouble(v);
    }
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b.array()));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java platform", e);
    }
  }

  /** The IS trajectory's observables: potential_energy_per_particle and max_force per frame. */
  static Map<String, TimeSeries> observables(List<FrameResult> rows) {
    int nf = rows.size();
    long[] steps = new long[nf];
    double[] times = new double[nf];
    double[] e = new double[nf];
    double[] fm = new double[nf];
    for (int k = 0; k < nf; k++) {
      FrameResult r = rows.get(k);
      steps[k] = r.step();
      times[k] = r.time();
      e[k] = r.energyPerParticle();
      fm[k] = r.maxForce();
    }
    Map<String, TimeSeries> m = new LinkedHashMap<>();
    m.put(
        "potential_energy_per_particle",
        TimeSeries.scalar("potential_energy_per_particle", steps, times, e));
    m.put("max_force", TimeSeries.scalar("max_force", steps, times, fm));
    return m;
  }

  @Override
  public Table table(Options p, Result r) {
    int nf = r.frames().size();
    int[] frame = new int[nf];
    long[] step = new long[nf];
    double[] time = new double[nf];
    double[] energy = new double[nf];
    double[] epp = new double[nf];
    double[] fmax = new double[nf];
    double[] fnorm = new double[nf];
    int[] iters = new int[nf];
    long[] evals = new long[nf];
    int[] conv = new int[nf];
    String[] stop = new String[nf];
    for (int k = 0; k < nf; k++) {
      FrameResult f = r.frames().get(k);
      frame[k] = f.frame();
      step[k] = f.step();
      time[k] = f.time();
      energy[k] = f.energy();
      epp[k] = f.energyPerParticle();
      fmax[k] = f.maxForce();
      fnorm[k] = f.forceNorm();
      iters[k] = f.iterations();
      evals[k] = f.forceEvaluations();
      conv[k] = f.converged() ? 1 : 0;
      stop[k] = f.stopReason().name();
    }
    return Table.of(
        List.of(
            "frame",
            "step",
            "time",
            "energy",
            "energy_per_particle",
            "max_force",
            "force_norm",
            "iterations",
            "force_evaluations",
            "converged",
            "stop_reason"),
        frame,
        step,
        time,
        energy,
        epp,
        fmax,
        fnorm,
        iters,
        evals,
        conv,
        stop);
  }

  @Override
  public Map<Path, Table> commandFiles(Options p, Result r) {
    return Map.of(tablePath(p.output()), table(p, r));
  }

  @Override
  public String failure(Options p, Result r) {
    int bad = r.notConverged();
    if (bad == 0 || p.allowUnconverged()) {
      return null;
    }
    return bad
        + " of "
        + r.frames().size()
        + " frame(s) did not converge (max force above ftol "
        + p.options().ftol()
        + "; their last point was written, see the table; raise max_iter or allow_unconverged)";
  }

  @Override
  public Map<String, Object> report(Options p, Trajectory in, Result r) {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("method", p.method().id());
    params.put("ftol", p.options().ftol());
    params.put("etol", p.options().etol());
    params.put("max_iter", p.options().maxIterations());
    params.put("potential", r.potential());
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("parameters", params);
    m.put("method", p.method().id());
    m.put("particles", in.particleCount());
    m.put("frames", r.frames().size());
    m.put("not_converged", r.notConverged());
    m.put("ftol", p.options().ftol());
    m.put("output", r.output().toString());
    m.put("table", tablePath(r.output()).toString());
    List<Map<String, Object>> rows = new ArrayList<>();
    for (FrameResult f : r.frames()) {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("frame", f.frame());
      e.put("step", f.step());
      e.put("time", f.time());
      e.put("energy", f.energy());
      e.put("energy_per_particle", f.energyPerParticle());
      e.put("max_force", f.maxForce());
      e.put("force_norm", f.forceNorm());
      e.put("iterations", f.iterations());
      e.put("force_evaluations", f.forceEvaluations());
      e.put("wall_seconds", f.wallSeconds());
      e.put("converged", f.converged());
      e.put("stop_reason", f.stopReason().name());
      rows.add(e);
    }
    m.put("results", rows);
    if (rows.size() == 1) {
      m.putAll(rows.get(0)); // one frame: its numbers at the top level, as before
    }
    return m;
  }

  @Override
  public void print(Options p, Result r, String source, PrintWriter o) {
    if (r.frames().size() == 1) {
      FrameResult f = r.frames().get(0);
      o.printf(
          Locale.ROOT,
          "%s: energy/N %.15f  max force %.3e  iterations %d  force evaluations %d  %.3f s  %s%n",
          p.method().id(),
          f.energyPerParticle(),
          f.maxForce(),
          f.iterations(),
          f.forceEvaluations(),
          f.wallSeconds(),
          f.converged() ? "converged" : "NOT CONVERGED (" + f.stopReason() + ")");
      return;
    }
    o.printf(
        Locale.ROOT,
        "%s: %d frames, %d not converged; IS trajectory %s, table %s%n",
        p.method().id(),
        r.frames().size(),
        r.notConverged(),
        r.output(),
        tablePath(r.output()));
  }

  @Override
  public List<Figure> figures(Options p, Result r) {
    double[] x = new double[r.frames().size()];
    double[] e = new double[x.length];
    for (int k = 0; k < x.length; k++) {
      x[k] = r.frames().get(k).time();
      e[k] = r.frames().get(k).energyPerParticle();
    }
    return List.of(
        new Figure(
            "is_energy",
            LinePlot.builder("Inherent-structure energy", Units.TIME, "U_IS / N [ε]")
                .series("U_IS/N", x, e)
                .points(true)
                .build(),
            "Potential energy per particle of the inherent structure of every frame, against the"
                + " frame's time ("
                + p.method().id()
                + ", ftol "
                + p.options().ftol()
                + ")"));
  }
}
