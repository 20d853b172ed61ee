package org.glasslab.analysis.dynamics;

import org.glasslab.analysis.DisplacementMode;
import org.glasslab.data.Configuration;
import org.glasslab.data.Trajectory;

/**
 * Particle mobility between consecutive frames (Jha &amp; Sengupta eqs 10-11): {@code m_i = |x_i -
 * x_i,0|}, where the reference {@code x_i,0} is the previous frame and is updated to the current
 * frame after each step (a moving reference, unlike the MSD's fixed one). Displacements come from
 * the chosen {@link DisplacementMode} (default unwrapped positions).
 */
public final class Mobility {
  private final DisplacementMode mode;

  /** A mobility analysis using {@code mode} to match frames. */
  public Mobility(DisplacementMode mode) {
    if (mode == null) {
      throw new IllegalArgumentException("displacement mode is required");
    }
    this.mode = mode;
  }

  /** A mobility analysis with unwrapped displacements. */
  public Mobility() {
    this(DisplacementMode.UNWRAPPED);
  }

  /**
   * Mobility of every particle from {@code previous} (reference) to {@code current}.
   *
   * @param out [N] output or {@code null}; modified
   * @return m [N] [length]
   */
  public double[] compute(Configuration previous, Configuration current, double[] out) {
    double[] ref = previous.unwrappedPositions();
    double[] cur = mode.currentPositions(previous, current, null);
    int n = previous.size();
    double[] m = out == null ? new double[n] : out;
    for (int i = 0; i < n; i++) {
      double dx = cur[2 * i] - ref[2 * i];
      double dy = cur[2 * i + 1] - ref[2 * i + 1];
      m[i] = Math.sqrt(dx * dx + dy * dy);
    }
    return m;
  }

  /**
   * Mobility of every particle for every frame of a trajectory: row f holds {@code m_i} between
   * frames f-1 and f; row 0 is all zero (no previous frame).
   *
   * @return [F][N] [length]
   */
  public double[][] compute(Trajectory trajectory) {
    int nf = trajectory.frameCount();
    double[][] out = new double[nf][];
    out[0] = new double[trajectory.particleCount()];
    Configuration prev = trajectory.frame(0);
    for (int f = 1; f < nf; f++) {
      Configuration cur = trajectory.frame(f);
      out[f] = compute(prev, cur, null);
      prev = cur; // eq 11: the reference is updated after each step
    }
    return out;
  }
}
