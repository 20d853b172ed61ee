package org.glasslab.epm.lattice;

/**
 * Observer of a {@link LatticeEpm} run (avalanche detection, persistence). Call order within one
 * protocol step: {@link #onAdvance} with the time the step's yields happen at, one {@link #onYield}
 * per failing site, then {@link #onStepEnd} with the post-step state. Implementations must not
 * modify the model.
 */
public interface LatticeListener {
  /** A listener that ignores everything. */
  LatticeListener NONE = new LatticeListener() {};

  /** A listener forwarding every call to each of {@code listeners}, in order. */
  static LatticeListener of(LatticeListener... listeners) {
    LatticeListener[] ls = listeners.clone();
    return new LatticeListener() {
      @Override
      public void onAdvance(double newTime) {
        for (LatticeListener l : ls) {
          l.onAdvance(newTime);
        }
      }

      @Override
      public void onYield(int site, double dsigma, boolean unstable) {
        for (LatticeListener l : ls) {
          l.onYield(site, dsigma, unstable);
        }
      }

      @Override
      public void onStepEnd(double time, int yields, int unstableAfter, double xMin) {
        for (LatticeListener l : ls) {
          l.onStepEnd(time, yields, unstableAfter, xMin);
        }
      }
    };
  }

  /**
   * The clock is about to move to {@code newTime} [1/f0]; yields of this step happen at that time.
   * In the discrete protocol a quiescent stretch of empty steps is skipped in one call.
   */
  default void onAdvance(double newTime) {}

  /**
   * Site {@code site} fails and releases {@code dsigma} [stress]; {@code unstable} tells whether it
   * was unstable (x ≤ 0) before the step, i.e. not a thermal activation.
   */
  default void onYield(int site, double dsigma, boolean unstable) {}

  /**
   * The step ended at {@code time} with {@code yields} failures, {@code unstableAfter} sites having
   * x ≤ 0 and minimum distance to yielding {@code xMin} [stress].
   */
  default void onStepEnd(double time, int yields, int unstableAfter, double xMin) {}
}
