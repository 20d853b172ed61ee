package org.glasslab.minimize;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.glasslab.data.Configuration;
import org.glasslab.data.MemoryTrajectory;
import org.glasslab.data.TimeSeries;
import org.glasslab.data.Trajectory;
import org.glasslab.data.io.AtomicFile;
import org.glasslab.data.io.TrajectoryIO;

/**
 * Turns an MD trajectory into its inherent-structure (IS) trajectory: every frame minimized, same
 * frame indices, steps and times (Jha &amp; Sengupta §II: "The IS frame index is same as the
 * corresponding MD frame index").
 *
 * <p>Frames are minimized in parallel on a bounded pool of {@code jobs} threads. Each finished
 * frame is written at once, atomically, to {@code OUT.frames/frame-NNNNNN.is} (positions, images,
 * convergence data, the settings key and a SHA-256 digest of the input frame); a rerun with the
 * same settings on the same input skips frames already there, so an interrupted run resumes where
 * it stopped. A frame file written with other settings (method, ftol, ...) or from another input
 * frame (other positions, images, diameters or box, whatever the file names) is recomputed. When
 * all frames are done the IS trajectory is written atomically to {@code OUT} (format from its
 * extension, e.g. H5MD with observables {@code potential_energy_per_particle} and {@code
 * max_force}) and the per-frame convergence table to {@code OUT.minimize.csv}. Non-converged frames
 * are kept (their last point) and flagged in the table; callers decide what to do with them.
 */
public final class InherentStructures {
  private static final int MAGIC = 0x474c4953; // "GLIS"

  /** 2: the input frame's content digest follows the settings key (1 resumed by output name). */
  private static final int FORMAT_VERSION = 2;

  /** Receives each frame as it finishes (from worker threads; implementations synchronize). */
  @FunctionalInterface
  public interface Listener {
    /** Frame {@code r.frame()} is done (computed now or resumed from disk). */
    void frameDone(FrameResult r);
  }

  /**
   * The outcome of a whole trajectory.
   *
   * @param frames per-frame results in frame order
   * @param trajectory the IS trajectory file
   * @param table the convergence table (CSV)
   */
  public record Result(List<FrameResult> frames, Path trajectory, Path table) {
    /** Number of frames whose minimization did not converge. */
    public int notConverged() {
      int c = 0;
      for (FrameResult f : frames) {
        if (!f.converged()) {
          c++;
        }
      }
      return c;
    }

    /** Number of frames read back from an earlier run. */
    public int resumed() {
      int c = 0;
      for (FrameResult f : frames) {
        if (f.resumed()) {
          c++;
        }
      }
      return c;
    }
  }

  private final Minimizer minimizer;
  private final MinimizerOptions options;

  /** IS trajectories with {@code minimizer} under {@code options}. */
  public InherentStructures(Minimizer minimizer, MinimizerOptions options) {
    this.minimizer = minimizer;
    this.options = options;
  }

  /** The directory holding the per-frame files of output {@code out}. */
  public static Path framesDirectory(Path out) {
    return out.resolveSibling(out.getFileName() + ".frames");
  }

  /** The convergence table written next to output {@code out}. */
  public static Path tablePath(Path out) {
    return out.resolveSibling(out.getFileName() + ".minimize.csv");
  }

  /** The settings key stored in each frame file; a frame with another key is recomputed. */
  String key() {
    return String.format(
        Locale.ROOT,
        "method=%s ftol=%.17g etol=%.17g maxIterations=%d maxForceEvaluations=%d maxStep=%.17g"
            + " skin=%.17g",
        minimizer.name(),
        options.ftol(),
        options.etol(),
        options.maxIterations(),
        options.maxForceEvaluations(),
        options.maxStep(),
        options.skin());
  }

  /**
   * Minimizes every frame of {@code md} and writes the IS trajectory to {@code out}.
   *
   * @param md the MD trajectory (frames read under a lock; not closed here)
   * @param out the IS trajectory file (format from its extension)
   * @param jobs worker threads, &ge; 1
   * @param listener called once per frame as it finishes
   * @throws IOException if a file cannot be written; finished frames stay on disk for a rerun
   */
  public Result run(Trajectory md, Path out, int jobs, Listener listener)
      throws IOException, InterruptedException {
    if (jobs < 1) {
      throw new IllegalArgumentException("jobs must be >= 1, got " + jobs);
    }
    int nf = md.frameCount();
    Path dir = framesDirectory(out);
    Files.createDirectories(dir);
    String key = key();
    FrameResult[] results = new FrameResult[nf];
    Configuration[] structures = new Configuration[nf];
    List<Integer> pending = new ArrayList<>();
    String[] digests = new String[nf];
    for (int k = 0; k < nf; k++) {
      Configuration input;
      synchronized (md) {
        input = md.frame(k);
      }
      digests[k] = inputDigest(input);
      Stored s = readFrame(framePath(dir, k), key, digests[k], md.particleCount());
      if (s != null && s.result.step() == md.step(k)) {
        structures[k] = s.configuration(input);
        results[k] = s.result;
        listener.frameDone(s.result);
      } else {
        pending.add(k);
      }
    }
    ExecutorService pool =
        Executors.newFixedThreadPool(Math.min(jobs, Math.max(1, pending.size())));
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int k : pending) {
        futures.add(
            pool.submit(
                () -> {
                  Configuration start;
                  synchronized (md) {
                    start = md.frame(k);
                  }
                  long t0 = System.nanoTime();
                  MinimizationResult r = minimizer.minimize(start, options);
                  double wall = (System.nanoTime() - t0) * 1e-9;
                  FrameResult fr = frameResult(k, start, r, wall);
                  try {
                    writeFrame(framePath(dir, k), key, digests[k], fr, r.configuration());
                  } catch (IOException e) {
                    throw new UncheckedIOException(e);
                  }
                  structures[k] = r.configuration();
                  results[k] = fr;
                  listener.frameDone(fr);
                  return null;
                }));
      }
      for (Future<?> f : futures) {
        try {
          f.get();
        } catch (ExecutionException e) {
          pool.shutdownNow();
          Throwable c = e.getCause();
          if (c instanceof UncheckedIOException u) {
            throw u.getCause();
          }
          if (c instanceof RuntimeException re) {
            throw re;
          }
          throw new IllegalStateException(c);
        }
      }
    } finally {
      pool.shutdown();
    }
    List<Configuration> frames = List.of(structures);
    List<FrameResult> rows = List.of(results);
    TrajectoryIO.write(
        out, new MemoryTrajectory(frames, observables(rows), minimizer.potential().spec()));
    Path table = tablePath(out);
    writeTable(table, rows);
    return new Result(rows, out, table);
  }

  private static FrameResult frameResult(
      int k, Configuration start, MinimizationResult r, double wall) {
    return new FrameResult(
        k,
        start.step(),
        start.time(),
        r.energy(),
        r.energyPerParticle(),
        r.maxForce(),
        r.forceNorm(),
        r.iterations(),
        r.forceEvaluations(),
        r.converged(),
        r.stopReason(),
        wall,
        false);
  }

  private static Map<String, TimeSeries> observables(List<FrameResult> rows) {
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

  /** Header of the convergence table. */
  public static final String TABLE_HEADER =
      "frame,step,time,energy,energy_per_particle,max_force,force_norm,iterations,"
          + "force_evaluations,converged,stop_reason,wall_seconds";

  private static void writeTable(Path table, List<FrameResult> rows) throws IOException {
    AtomicFile.write(
        table,
        tmp -> {
          try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            w.write(TABLE_HEADER);
            w.write('\n');
            for (FrameResult r : rows) {
              w.write(
                  String.format(
                      Locale.ROOT,
                      "%d,%d,%.17g,%.17g,%.17g,%.6e,%.6e,%d,%d,%b,%s,%.4f%n",
                      r.frame(),
                      r.step(),
                      r.time(),
                      r.energy(),
                      r.energyPerParticle(),
                      r.maxForce(),
                      r.forceNorm(),
                      r.iterations(),
                      r.forceEvaluations(),
                      r.converged(),
                      r.stopReason(),
                      r.wallSeconds()));
            }
          }
        });
  }

  static Path framePath(Path dir, int k) {
    return dir.resolve(String.format(Locale.ROOT, "frame-%06d.is", k));
  }

  /**
   * SHA-256 (hex) of what a minimization starts from: box edges, positions, images and diameters of
   * {@code c}. Resume is keyed by it, never by the output's name.
   */
  static String inputDigest(Configuration c) {
    int n = c.size();
    ByteBuffer b = ByteBuffer.allocate(16 + 8 * 2 * n + 4 * 2 * n + 8 * n);
    b.putDouble(c.box().lx()).putDouble(c.box().ly());
    for (double v : c.positions()) {
      b.putDouble(v);
    }
    for (int v : c.images()) {
      b.putInt(v);
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

  private static void writeFrame(
      Path file, String key, String inputDigest, FrameResult r, Configuration c)
      throws IOException {
    AtomicFile.write(
        file,
        tmp -> {
          try (DataOutputStream o =
              new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp)))) {
            o.writeInt(MAGIC);
            o.writeInt(FORMAT_VERSION);
            o.writeUTF(key);
            o.writeUTF(inputDigest);
            o.writeInt(r.frame());
            o.writeLong(r.step());
            o.writeDouble(r.time());
            o.writeDouble(r.energy());
            o.writeDouble(r.maxForce());
            o.writeDouble(r.forceNorm());
            o.writeInt(r.iterations());
            o.writeLong(r.forceEvaluations());
            o.writeUTF(r.stopReason().name());
            o.writeDouble(r.wallSeconds());
            int n = c.size();
            o.writeInt(n);
            double[] x = c.positions();
            int[] im = c.images();
            for (int k = 0; k < 2 * n; k++) {
              o.writeDouble(x[k]);
            }
            for (int k = 0; k < 2 * n; k++) {
              o.writeInt(im[k]);
            }
          }
        });
  }

  private record Stored(FrameResult result, double[] positions, int[] images) {
    Configuration configuration(Configuration ref) {
      return new Configuration(
          ref.box(),
          positions,
          images,
          ref.diameters(),
          null,
          ref.ids(),
          ref.types(),
          ref.step(),
          ref.time());
    }
  }

  /**
   * A stored frame with this settings key, input digest and particle number, or null (absent, other
   * settings or input, damaged).
   */
  private static Stored readFrame(Path file, String key, String inputDigest, int n) {
    if (!Files.isRegularFile(file)) {
      return null;
    }
    try (DataInputStream in =
        new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
      if (in.readInt() != MAGIC
          || in.readInt() != FORMAT_VERSION
          || !in.readUTF().equals(key)
          || !in.readUTF().equals(inputDigest)) {
        return null;
      }
      int frame = in.readInt();
      long step = in.readLong();
      double time = in.readDouble();
      double energy = in.readDouble();
      double maxForce = in.readDouble();
      double forceNorm = in.readDouble();
      int iterations = in.readInt();
      long evals = in.readLong();
      StopReason reason = StopReason.valueOf(in.readUTF());
      double wall = in.readDouble();
      if (in.readInt() != n) {
        return null;
      }
      double[] x = new double[2 * n];
      int[] im = new int[2 * n];
      for (int k = 0; k < 2 * n; k++) {
        x[k] = in.readDouble();
      }
      for (int k = 0; k < 2 * n; k++) {
        im[k] = in.readInt();
      }
      FrameResult r =
          new FrameResult(
              frame,
              step,
              time,
              energy,
              energy / n,
              maxForce,
              forceNorm,
              iterations,
              evals,
              reason.converged(),
              reason,
              wall,
              true);
      return new Stored(r, x, im);
    } catch (IOException | IllegalArgumentException e) {
      return null; // damaged or foreign file: recompute the frame
    }
  }
}
