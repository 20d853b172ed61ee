package org.glasslab.pipeline.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.RecursiveAction;
import java.util.function.Consumer;
import org.glasslab.data.Trajectory;
import org.glasslab.data.io.TrajectoryIO;
import org.glasslab.data.random.Rng;
import org.glasslab.pipeline.plot.Figure;
import org.glasslab.pipeline.plot.Figures;
import org.glasslab.pipeline.store.FrameRows;

/**
 * What a running stage instance sees: its parameters, the paths of its input artifacts, the output
 * directory to fill, a bounded worker pool for parallel frames, progress reporting, a logger (to
 * stderr) and a seeded random generator derived from the spec seed, the stage and the branch.
 *
 * <p>The output directory is private to this attempt; the engine publishes it atomically after
 * {@link Stage#run} returns. {@link #mapFrames} stores each finished frame's result in a scratch
 * directory that survives a crash, so a killed run resumes without redoing finished frames.
 */
public final class StageContext {
  /** Computes the result of one frame; must be a pure function of the frame index and inputs. */
  @FunctionalInterface
  public interface FrameFunction {
    /** The result for frame {@code k} (any length; may differ between frames). */
    double[] apply(int k) throws Exception;
  }

  /**
   * A figure (png, svg) or a table (csv: {@code table} non-null) written by the stage, for the
   * report.
   */
  public record FigureEntry(String name, String png, String svg, String caption, String table) {}

  private final Plan.Node node;
  private final Path outputDir;
  private final Path scratchDir;
  private final ForkJoinPool pool;
  private final Map<String, Path> inputs;
  private final Map<String, Map<String, Path>> gathered;
  private final Consumer<String> log;
  private final Progress progress;
  private final List<FigureEntry> figures = Collections.synchronizedList(new ArrayList<>());

  StageContext(
      Plan.Node node,
      Path outputDir,
      Path scratchDir,
      ForkJoinPool pool,
      Map<String, Path> inputs,
      Map<String, Map<String, Path>> gathered,
      Consumer<String> log,
      Progress progress) {
    this.node = node;
    this.outputDir = outputDir;
    this.scratchDir = scratchDir;
    this.pool = pool;
    this.inputs = inputs;
    this.gathered = gathered;
    this.log = log;
    this.progress = progress;
  }

  /** The stage's parameters. */
  public Params params() {
    return node.params();
  }

  /** The branch id, or {@code ensemble}. */
  public String branchId() {
    return node.branchId();
  }

  /** The branch (input file or generator), or null in an ensemble stage. */
  public BranchSpec branch() {
    return node.branch();
  }

  /**
   * The path of input artifact {@code name}: in a branch stage, this branch's artifact (for {@value
   * Stage#INPUT}, the raw input file); in an ensemble stage, an artifact of another ensemble stage.
   *
   * @throws IllegalArgumentException if the stage did not declare {@code name} as a single input
   */
  public Path input(String name) {
    Path p = inputs.get(name);
    if (p == null) {
      throw new IllegalArgumentException(
          "stage '"
              + node.stage().name()
              + "' did not declare '"
              + name
              + "' as an input"
              + (gathered.containsKey(name) ? " with one producer; use inputsByBranch" : ""));
    }
    return p;
  }

  /**
   * In an ensemble stage: artifact {@code name} of every branch that produced it, by branch id in
   * spec order. Branches that failed are absent.
   */
  public Map<String, Path> inputsByBranch(String name) {
    Map<String, Path> m = gathered.get(name);
    if (m == null) {
      throw new IllegalArgumentException(
          "stage '" + node.stage().name() + "' did not declare '" + name + "' as a gathered input");
    }
    return Collections.unmodifiableMap(m);
  }

  /**
   * Opens this branch's raw input file with the format and read options of the spec (branch stages
   * reading {@value Stage#INPUT} only). Close the result.
   */
  public Trajectory openInput() throws IOException {
    BranchSpec b = node.branch();
    if (b == null || b.file() == null) {
      throw new IllegalStateException("branch " + branchId() + " has no input file");
    }
    return TrajectoryIO.read(input(Stage.INPUT), b.format(), b.readOptions());
  }

  /** Where to write output artifact {@code name} (a declared output). */
  public Path output(String name) {
    if (!node.stage().outputs().contains(name)) {
      throw new IllegalArgumentException(
          "stage '" + node.stage().name() + "' did not declare output '" + name + "'");
    }
    return outputDir.resolve(name);
  }

  /** The output directory (extra files written here are kept with the outputs). */
  public Path outputDir() {
    return outputDir;
  }

  /**
   * A working directory that survives a failed or killed attempt of this stage instance (same cache
   * key) and is deleted once the instance is published: the place for a stage's own checkpoints, so
   * that a rerun resumes instead of starting over.
   *
   * @param name a plain word naming the directory
   */
  public Path resumableDir(String name) throws IOException {
    if (!name.matches("[A-Za-z0-9_-]+")) {
      throw new IllegalArgumentException("work directory name '" + name + "' must be a plain word");
    }
    Path dir = scratchDir.resolve("work").resolve(name);
    Files.createDirectories(dir);
    return dir;
  }

  /** Parallel workers (the run's {@code --jobs}). */
  public int jobs() {
    return pool.getParallelism();
  }

  /**
   * The run's worker pool, bounded by {@code --jobs}. Prefer {@link #mapFrames} or {@link
   * #parallelFor}, which may be called from stage code running inside the pool.
   */
  public ForkJoinPool executor() {
    return pool;
  }

  /** The seed of this instance (recorded in the manifest). */
  public long seed() {
    return node.seed();
  }

  /**
   * A generator seeded with {@link #seed()}; call once per stage run and use it sequentially.
   *
   * @throws IllegalStateException unless the stage declares {@link Stage#stochastic()} (else its
   *     seed would not be part of the cache key)
   */
  public Rng rng() {
    requireStochastic();
    return new Rng(node.seed());
  }

  /**
   * An independent generator for stream {@code k} (e.g. frame k), reproducible in parallel: the
   * child stream {@code k} of {@link #rng()} ({@link Rng#derive}).
   */
  public Rng rng(long k) {
    requireStochastic();
    return new Rng(node.seed()).derive(k);
  }

  private void requireStochastic() {
    if (!node.stage().stochastic()) {
      throw new IllegalStateException(
          "stage '"
              + node.stage().name()
              + "' uses random numbers but does not declare stochastic()");
    }
  }

  /** Logs one line to stderr, prefixed with {@code [branch/stage]}. */
  public void log(String format, Object... args) {
    log.accept("[" + node.label() + "] " + String.format(java.util.Locale.ROOT, format, args));
  }

  /** Progress reporting of this instance (a bar on a terminal, nothing otherwise). */
  public Progress progress() {
    return progress;
  }

  /**
   * Runs {@code body(k)} for k in [0, n) on the worker pool and waits; the first exception is
   * rethrown. Safe to call from inside a stage (workers help instead of blocking).
   */
  public void parallelFor(int n, FrameConsumer body) throws Exception {
    List<RecursiveAction> tasks = new ArrayList<>(n);
    for (int k = 0; k < n; k++) {
      final int kk = k;
      tasks.add(
          new RecursiveAction() {
            @Override
            protected void compute() {
              try {
                body.accept(kk);
              } catch (RuntimeException e) {
                throw e;
              } catch (Exception e) {
                throw new FrameFailure(e);
              }
            }
          });
    }
    try {
      if (Thread.currentThread() instanceof ForkJoinWorkerThread w && w.getPool() == pool) {
        ForkJoinTask.invokeAll(tasks);
      } else {
        pool.invoke(
            new RecursiveAction() {
              @Override
              protected void compute() {
                invokeAll(tasks);
              }
            });
      }
    } catch (FrameFailure f) {
      throw (Exception) f.getCause();
    }
  }

  /** The body of a parallel loop. */
  @FunctionalInterface
  public interface FrameConsumer {
    /** Processes item {@code k}. */
    void accept(int k) throws Exception;
  }

  private static final class FrameFailure extends RuntimeException {
    FrameFailure(Exception cause) {
      super(cause);
    }
  }

  /**
   * Computes {@code f(k)} for every frame k in [0, n) in parallel and returns the results by frame.
   * Each result is saved in a scratch directory as soon as it is computed; after a crash the rerun
   * of the same stage instance (same cache key) loads finished frames instead of recomputing them.
   * Progress advances one unit per frame.
   *
   * @param name distinguishes several frame loops in one stage (letters, digits, '_' or '-')
   */
  public double[][] mapFrames(String name, int n, FrameFunction f) throws Exception {
    return mapFrames(name, 0, n, f);
  }

  /**
   * As {@link #mapFrames(String, int, FrameFunction)} for frames {@code first .. first+n-1} (the
   * result indexed from 0): a stage maps a long trajectory in windows so that only one window's
   * results are in memory. Rows are stored by frame index, so windows of one loop share its scratch
   * directory.
   */
  public double[][] mapFrames(String name, int first, int n, FrameFunction f) throws Exception {
    if (!name.matches("[A-Za-z0-9_-]+")) {
      throw new IllegalArgumentException("frame loop name '" + name + "' must be a plain word");
    }
    Path dir = scratchDir.resolve("frames").resolve(name);
    Files.createDirectories(dir);
    double[][] out = new double[n][];
    progress.total(first + n);
    int[] resumed = new int[1];
    parallelFor(
        n,
        i -> {
          int k = first + i;
          Path file = dir.resolve(k + ".row");
          double[] r = FrameRows.read(file, "");
          if (r == null) {
            r = f.apply(k);
            FrameRows.write(file, "", r);
          } else {
            synchronized (resumed) {
              resumed[0]++;
            }
          }
          out[i] = r;
          progress.step();
        });
    if (resumed[0] > 0) {
      log("resumed %d of %d frames of '%s' from a previous attempt", resumed[0], n, name);
    }
    return out;
  }

  /**
   * Writes {@code fig} as {@code name.png} and {@code name.svg} into the output directory and
   * records it with {@code caption} for the report.
   */
  public void figure(String name, Figure fig, String caption) throws IOException {
    if (!name.matches("[A-Za-z0-9_.-]+")) {
      throw new IllegalArgumentException("figure name '" + name + "' must be a plain file name");
    }
    Figures.writeBoth(fig, outputDir, name);
    figures.add(new FigureEntry(name, name + ".png", name + ".svg", caption, null));
  }

  /**
   * Shows the output table {@code csv} (already written by this stage) in the report, with {@code
   * caption}; recorded beside the figures.
   */
  public void table(String csv, String caption) {
    if (!Files.isRegularFile(outputDir.resolve(csv))) {
      throw new IllegalArgumentException("report table '" + csv + "' is not a written output");
    }
    figures.add(new FigureEntry(csv, null, null, caption, csv));
  }

  /**
   * The figures and tables in the order the stage drew them (its reading order, e.g. before, at,
   * after), not by name (which put "after" first).
   */
  List<FigureEntry> figures() {
    synchronized (figures) {
      return new ArrayList<>(figures);
    }
  }
}
