package org.glasslab.pipeline.engine;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What a run (or dry run) did with each stage instance, in plan order.
 *
 * @param runDir the run directory
 * @param nodes one entry per stage instance
 * @param seconds wall time of the whole run [s]
 */
public record RunResult(Path runDir, List<NodeResult> nodes, double seconds) {

  /** Copies the list. */
  public RunResult {
    nodes = List.copyOf(nodes);
  }

  /** The fate of a stage instance. */
  public enum Status {
    /** Outputs with the same key existed; not run. */
    CACHED,
    /** Ran and published its outputs. */
    RAN,
    /** Ran and threw; its outputs were discarded. */
    FAILED,
    /** Not run because something it needs failed. */
    SKIPPED,
    /** Dry run: would run. */
    WOULD_RUN
  }

  /**
   * One stage instance's outcome.
   *
   * @param label {@code branch/stage}
   * @param branch branch id or {@code ensemble}
   * @param stage stage name
   * @param version stage version
   * @param status what happened
   * @param key cache key (hex SHA-256), or null when unknown (dry run after a change)
   * @param dir the output directory relative to the run directory, or null
   * @param seconds time spent running [s] (0 when cached)
   * @param message the failure or skip reason, or null
   * @param seed the derived seed
   * @param inputs input artifact content hashes (ensemble gathers as branch=hash lists)
   * @param outputs output artifact content hashes
   */
  public record NodeResult(
      String label,
      String branch,
      String stage,
      int version,
      Status status,
      String key,
      String dir,
      double seconds,
      String message,
      long seed,
      Map<String, String> inputs,
      Map<String, String> outputs) {}

  /** Labels of the instances with {@code status}. */
  public List<String> labels(Status status) {
    return nodes.stream().filter(n -> n.status() == status).map(NodeResult::label).toList();
  }

  /** Whether every instance ran or was cached. */
  public boolean ok() {
    return nodes.stream()
        .allMatch(
            n ->
                n.status() == Status.CACHED
                    || n.status() == Status.RAN
                    || n.status() == Status.WOULD_RUN);
  }
}
