package org.glasslab.analysis.dynamics;

import org.glasslab.analysis.DisplacementMode;
import org.glasslab.data.Configuration;
import org.glasslab.data.Trajectory;

/**
 * Displacement between inherent structures (Jha &amp; Sengupta eq 12): {@code u_i(j) = X_IS(j)_i -
 * X_IS(0)_i}, with the first inherent structure IS(0) as the fixed reference. Positions are matched
 * with the chosen {@link DisplacementMode} (default unwrapped).
 */
public final class InherentStructureDisplacement {
  private final DisplacementMode mode;

  /** An analysis using {@code mode} to match frames. */
  public InherentStructureDisplacement(DisplacementMode mode) {
    if (mode == null) {
      throw new IllegalArgumentException("displacement mode is required");
    }
    this.mode = mode;
  }

  /** An analysis with unwrapped displacements. */
  public InherentStructureDisplacement() {
    this(DisplacementMode.UNWRAPPED);
  }

  /**
   * Displacement vectors from {@code reference} (IS(0)) to {@code current} (IS(j)).
   *
   * @return u [2N] (ux0, uy0, ...) [length]
   */
  public double[] compute(Configuration reference, Configuration current) {
    double[] ref = reference.unwrappedPositions();
    double[] u = mode.currentPositions(reference, current, null);
    for (int k = 0; k < u.length; k++) {
      u[k] -= ref[k];
    }
    return u;
  }

  /**
   * The mean squared IS displacement {@code (1/N) sum_i |u_i(j)|^2} for every frame j of an IS
   * trajectory (frame 0 is IS(0)); the signal used for avalanche detection on IS trajectories.
   *
   * @return [F] [length^2]
   */
  public double[] meanSquare(Trajectory isTrajectory) {
    int nf = isTrajectory.frameCount();
    Configuration ref = isTrajectory.frame(0);
    double[] out = new double[nf];
    for (int f = 1; f < nf; f++) {
      double[] u = compute(ref, isTrajectory.frame(f));
      double s = 0;
      for (double v : u) {
        s += v * v;
      }
      out[f] = s / ref.size();
    }
    return out;
  }
}
