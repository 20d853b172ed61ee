package org.glasslab.pipeline.engine;

/** Progress of one stage instance, in units the stage chooses (frames, steps, branches). */
public interface Progress {
  /** Progress that shows nothing. */
  Progress NONE =
      new Progress() {
        @Override
        public void total(long units) {}

        @Override
        public void step(long units) {}
      };

  /** Announces that this instance has {@code units} units of work in total. */
  void total(long units);

  /** Reports {@code units} more units done. */
  void step(long units);

  /** Reports one more unit done. */
  default void step() {
    step(1);
  }

  /**
   * A one-line status note for long stretches the bar alone does not explain (e.g. a warm-up's
   * convergence); the command line prints it on stderr when no bar is shown and not {@code -q}.
   * Ignored by default.
   */
  default void note(String line) {}
}
