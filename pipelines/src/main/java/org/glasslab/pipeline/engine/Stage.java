package org.glasslab.pipeline.engine;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A named, versioned unit of a pipeline: a function from declared input artifacts to declared
 * output artifacts, configured by {@link Params}. The engine builds the DAG from the artifact
 * names, skips an instance whose cache key (name, version, canonical parameters, input content
 * hashes, and the seed if {@link #stochastic()}) already has complete outputs, and otherwise calls
 * {@link #run} with a fresh output directory that it publishes atomically when {@code run} returns.
 *
 * <p>Artifacts are files (or directories) named by their file name, e.g. {@code trajectory.h5} or
 * {@code msd.csv}; within a branch each artifact has exactly one producer. The artifact {@value
 * #INPUT} is the branch's raw input file (a file input in the spec). A {@link Scope#BRANCH} stage
 * without inputs is a generator (e.g. {@code simulate}) and is used under {@code inputs:} as {@code
 * generate: NAME}.
 *
 * <p>Implementations are stateless and thread-safe: one instance serves every branch. Bump {@link
 * #version()} whenever the outputs for the same inputs and parameters change.
 */
public interface Stage {
  /** The artifact name of a branch's raw input file. */
  String INPUT = "input";

  /** Where a stage runs: once per branch (input trajectory) or once across all branches. */
  enum Scope {
    /** One instance per branch; sees that branch's artifacts. */
    BRANCH,
    /** One instance gathering an artifact from every branch that produced it. */
    ENSEMBLE
  }

  /** The registry name used in specs, e.g. {@code import}. Lower case, no spaces. */
  String name();

  /** Version of the stage's algorithm and output format; part of the cache key. */
  int version();

  /** Per branch or across the ensemble. */
  Scope scope();

  /** Artifact names read (see the class comment); may be empty for generators. */
  List<String> inputs();

  /**
   * Of {@link #inputs()}, the ones an {@link Scope#ENSEMBLE} stage reads when some branch produces
   * them and does without otherwise (e.g. a calibration the spec may or may not run); {@link
   * StageContext#inputsByBranch} then gives an empty map. Branch stages ignore this.
   */
  default List<String> optionalInputs() {
    return List.of();
  }

  /** Artifact names written into the output directory; at least one. */
  List<String> outputs();

  /** One line saying what the stage computes (shown by {@code glasslab run --list-stages}). */
  default String description() {
    return "";
  }

  /**
   * Accepted parameter names with a one-line description each (with units). A spec giving a name
   * not listed here is rejected, listing these names.
   */
  default Map<String, String> parameters() {
    return Map.of();
  }

  /**
   * Every accepted parameter with its default and unit where the stage knows them (the report's
   * parameter tables); by default the names of {@link #parameters} with their descriptions, the
   * default read from a "(default X)" and the unit from a "[unit]" in the description.
   */
  default java.util.List<ParamDoc> parameterDocs() {
    java.util.List<ParamDoc> docs = new java.util.ArrayList<>();
    parameters().forEach((k, v) -> docs.add(ParamDoc.fromHelp(k, v)));
    return docs;
  }

  /**
   * Checks parameters before anything runs, by reading them through the typed getters of {@link
   * Params}; throw {@link ParamException} (the getters do) naming the key.
   */
  default void validate(Params params) {}

  /**
   * Whether the stage draws random numbers; then its derived seed enters the cache key and {@link
   * StageContext#rng()} is available.
   */
  default boolean stochastic() {
    return false;
  }

  /**
   * Files outside the run that parameters name (e.g. a refined event directory's trajectories):
   * their content enters the cache key, so that rewriting such a file recomputes the instance (the
   * key never depends on a path alone). Missing files enter as missing.
   */
  default List<Path> parameterFiles(Params params) {
    return List.of();
  }

  /**
   * Computes the outputs. Write every declared output to {@link StageContext#output(String)}; the
   * engine checks they exist, hashes them, writes the done record and renames the directory into
   * the cache. Throwing fails this instance (and its branch's dependents) with the exception's
   * message; the partial directory is deleted.
   */
  void run(StageContext ctx) throws Exception;
}
