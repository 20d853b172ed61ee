package org.glasslab.pipeline.task;

import java.util.Map;
import org.glasslab.data.Configuration;
import org.glasslab.data.Trajectory;

/**
 * What a task reads, so that adapters know how to supply it: the command from its FILE argument,
 * the stage from an artifact.
 *
 * @param <I> the Java type handed to {@link Task#run}
 */
public sealed interface Input<I> {
  /**
   * A whole trajectory ({@code TRAJ} argument; the stage's {@code trajectory.h5}); closed after.
   */
  Input<Trajectory> TRAJECTORY = new Kind<>("TRAJ", "Trajectory file.");

  /**
   * One frame of a trajectory ({@code FILE} and {@code --frame K}; the stage's {@code frame}
   * parameter), negative K counting from the end.
   */
  Input<Configuration> FRAME = new Kind<>("FILE", "Configuration or trajectory.");

  /**
   * Two frames, reference and current ({@code REF CUR} with {@code --ref-frame K} (default 0) and
   * {@code --cur-frame K} (default -1, the last)); the stage picks its own pairs.
   */
  Input<FramePair> PAIR = new Kind<>("REF", "Reference configuration file.");

  /** A CSV table with a header line, as named double columns (empty cells NaN). */
  Input<Map<String, double[]>> TABLE = new Kind<>("TABLE", "CSV file with a header line.");

  /** Nothing: the task generates its result from its parameters (models, scans). */
  Input<Void> NONE = new Kind<>("", "");

  /** The CLI's placeholder for the argument. */
  String label();

  /** The CLI's description of the argument. */
  String description();

  /** The one implementation: a named constant. */
  record Kind<I>(String label, String description) implements Input<I> {}
}
