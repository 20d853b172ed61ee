package org.glasslab.pipeline.task;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.glasslab.pipeline.engine.Progress;
import org.glasslab.pipeline.store.Csv;
import org.glasslab.pipeline.store.Table;

/**
 * One computation, declared once and run identically by its pipeline stage and its CLI command: its
 * parameters ({@link #params()}, each with name, type, default, unit and description), the
 * validated parameter record built from them ({@link #parameters}), the function that runs it
 * ({@link #run}) and its result as a {@link Table} that the {@code store} writes (the stage's
 * artifact, the command's {@code --out} file and, unless {@link #print} says otherwise, the
 * command's stdout). Implementations are stateless singletons (usually extending {@link
 * AbstractTask}) listed in {@link Tasks}.
 *
 * @param <P> the parameter record (validated in its compact constructor)
 * @param <I> the input (see {@link Input})
 * @param <R> the result
 */
public interface Task<P extends Record, I, R> {
  /** Name of the command and the stage, e.g. {@code msd}. */
  String name();

  /**
   * The command's words under {@code glasslab}, e.g. {@code epm meanfield}; by default the name.
   * Every word but the last names an existing command group.
   */
  default String command() {
    return name();
  }

  /** The CLI names of the command's {@code -o, --out} option (empty: the task has none). */
  default List<String> outOptions() {
    return List.of("-o", "--out");
  }

  /** One line saying what is computed, with the formula's key convention. */
  String description();

  /** What {@link #run} reads. */
  Input<I> input();

  /** The declared parameters, in CLI help order. */
  List<Param<?>> params();

  /**
   * Parameters only the command has: paths of further files it writes (see {@link #commandFiles}).
   * The stage does not accept them and gets their defaults.
   */
  default List<Param<?>> commandParams() {
    return List.of();
  }

  /**
   * The parameter record from {@code values} (defaults where absent).
   *
   * @throws IllegalArgumentException ({@link InvalidParam} where one parameter is to blame) for an
   *     impossible value
   */
  P parameters(Values values);

  /** Computes the result; {@code input} is not modified (nor closed). */
  R run(P p, I input) throws Exception;

  /**
   * {@link #run} reporting progress to {@code monitor} (command: a progress bar; stage: the
   * engine's progress); by default without progress. Long tasks override this one and make {@link
   * #run} call it with {@link Progress#NONE}.
   */
  default R run(P p, I input, Progress monitor) throws Exception {
    return run(p, input);
  }

  /**
   * {@link #run(Record, Object)} with its per-frame work mapped by {@code frames} (parallel and
   * resumable in the adapters); by default {@code frames} is not used.
   */
  default R run(P p, I input, FrameMap frames) throws Exception {
    return run(p, input);
  }

  /**
   * True when the command takes {@code --config FILE.yaml}: a mapping from parameter names to
   * values (options given on the command line win).
   */
  default boolean configFile() {
    return false;
  }

  /** True when {@link #run(Record, Object, FrameMap)} maps frames (the command gets --jobs). */
  default boolean mapsFrames() {
    return false;
  }

  /**
   * A parameter the command takes as its second positional argument rather than an option (the
   * output file of {@code minimize IN OUT}); null for none. The stage supplies its artifact.
   */
  default Param<String> outputArgument() {
    return null;
  }

  /**
   * Where the command keeps finished frames so that a rerun resumes (e.g. {@code OUT.frames/});
   * null: nothing is kept.
   */
  default java.nio.file.Path frameDirectory(P p) {
    return null;
  }

  /**
   * Why the result is a failure though its files were written (e.g. frames that did not converge):
   * the command exits with status 1 after printing it, the stage fails. Null: success.
   */
  default String failure(P p, R r) {
    return null;
  }

  /** The result as a table: the stage's artifact and the command's {@code --out} content. */
  Table table(P p, R r);

  /**
   * The files of a task whose result is several files (tables, a checkpoint) rather than one table:
   * the command writes them into its {@code --out DIR} (required, created) beside a {@code
   * manifest.json}, the stage into its directory (names possibly prefixed, see {@code TaskStage}).
   * Empty, the default, for a table task.
   */
  default List<String> files() {
    return List.of();
  }

  /**
   * Writes every file of {@link #files} (a directory task's one writer, through the {@code store}).
   *
   * @param out maps a name of {@link #files} to the path to write
   */
  default void write(P p, R r, Function<String, Path> out) throws IOException {
    // Only directory tasks (non-empty files()) are asked to write; a table task's one output is
    // table(), written by the adapters.
    throw new IllegalStateException(name() + " is a table task: its output is table(p, r)");
  }

  /**
   * The command's {@code --json} document: {@code parameters} (a map; the command adds the input
   * file and frame) and the results. Called while {@code input} is still open.
   */
  Map<String, Object> report(P p, I input, R r);

  /**
   * The command's plain stdout; by default the {@link #table} as CSV.
   *
   * @param source the input named for humans, e.g. {@code traj.h5[-1]}
   */
  default void print(P p, R r, String source, PrintWriter out) {
    Csv.print(out, table(p, r));
  }

  /**
   * Further tables the command writes (to paths given by {@link #commandParams}), e.g. {@code
   * stress --per-particle FILE}; none by default.
   */
  default Map<java.nio.file.Path, Table> commandFiles(P p, R r) {
    return Map.of();
  }

  /**
   * The units the task's tables are in, recorded by the writers ({@link
   * org.glasslab.pipeline.store.Units#PARTICLE}: reduced units by column name; EPM tasks: {@link
   * org.glasslab.pipeline.store.Units#EPM}).
   */
  default org.glasslab.pipeline.store.Units units() {
    return org.glasslab.pipeline.store.Units.PARTICLE;
  }

  /** Figures for the pipeline report (none by default). */
  default List<Figure> figures(P p, R r) {
    return List.of();
  }
}
