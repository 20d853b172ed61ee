package org.glasslab.analysis.dynamics;

import org.apache.commons.math3.special.BesselJ;
import org.glasslab.data.Trajectory;

/**
 * Self-intermediate scattering function F_s(k, t) = (1/N) Σ_i ⟨cos(k·Δr_i(t))⟩ of a 2D trajectory,
 * averaged over the directions of k exactly ((1/2π)∫cos(k|Δr| cos φ) dφ = J0(k|Δr|), the Bessel
 * function of order 0) and over time origins at equal lag: every frame is an origin and pairs are
 * grouped by the exact step lag S(f1) − S(f0), as in {@link
 * MeanSquareDisplacement#computeWindowed}; the lag time of a group is its mean t(f1) − t(f0), never
 * a frame index. Displacements come from unwrapped positions (x + image·L). Only the origins are
 * kept ([frames x 2N] doubles).
 */
public final class SelfIntermediateScattering {
  private SelfIntermediateScattering() {}

  /**
   * F_s per lag.
   *
   * @param lagSteps [L] exact step lags, increasing
   * @param lagTimes [L] mean time of each lag [time]
   * @param fs [L] F_s(k, lag)
   * @param pairs [L] frame pairs averaged at each lag
   */
  public record Result(long[] lagSteps, double[] lagTimes, double[] fs, int[] pairs) {}

  /**
   * F_s(k, t) of {@code trajectory}.
   *
   * @param k wave number [1/length] (&gt; 0)
   */
  public static Result compute(Trajectory trajectory, double k) {
    if (!(k > 0) || !Double.isFinite(k)) {
      throw new IllegalArgumentException("k: must be finite and positive, got " + k);
    }
    EqualLagAverage.Result r = EqualLagAverage.compute(trajectory, 1, (a, b) -> meanJ0(a, b, k));
    return new Result(r.lagSteps(), r.lagTimes(), r.values(), r.pairs());
  }

  /** (1/N) Σ_i J0(k |b_i − a_i|). */
  static double meanJ0(double[] a, double[] b, double k) {
    double s = 0;
    for (int i = 0; i < a.length; i += 2) {
      double dx = b[i] - a[i];
      double dy = b[i + 1] - a[i + 1];
      s += BesselJ.value(0, k * Math.sqrt(dx * dx + dy * dy));
    }
    return s / (a.length / 2);
  }
}
