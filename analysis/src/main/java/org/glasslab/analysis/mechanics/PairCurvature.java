package org.glasslab.analysis.mechanics;

import org.glasslab.md.HarmonicSoftDisk;
import org.glasslab.md.PairPotential;
import org.glasslab.md.Wca;

/**
 * Second radial derivative {@code U''(r)} of a {@link PairPotential}, the one quantity the Hessian
 * needs beyond the engine's kernel ({@code -U'(r)/r} comes from {@link PairPotential#forceOverR}).
 * Kept here rather than on the engine's kernel so that md-engine needs no change; {@link #of} knows
 * the engine's potentials.
 */
@FunctionalInterface
public interface PairCurvature {

  /**
   * {@code U''(r)} at squared distance {@code r2} for diameters {@code di}, {@code dj}
   * [energy/length^2]; 0 at or beyond the cutoff (same strict convention as the kernel).
   */
  double secondDerivative(double r2, double di, double dj);

  /**
   * The curvature of one of the engine's potentials.
   *
   * @throws IllegalArgumentException for a potential without a known second derivative
   */
  static PairCurvature of(PairPotential potential) {
    if (potential instanceof Wca) {
      return PairCurvature::wca;
    }
    if (potential instanceof HarmonicSoftDisk h) {
      final double k = h.stiffness();
      return (r2, di, dj) -> {
        double s = 0.5 * (di + dj);
        return r2 >= s * s ? 0.0 : k / (s * s);
      };
    }
    throw new IllegalArgumentException(
        "no analytic second derivative for potential '"
            + potential.name()
            + "'; add it to PairCurvature.of");
  }

  /**
   * WCA: {@code U''(r) = (624 (s/r)^12 - 168 (s/r)^6) / r^2} for {@code r < 2^(1/6) s}, with {@code
   * s = (d_i + d_j)/2}.
   */
  static double wca(double r2, double di, double dj) {
    double s = 0.5 * (di + dj);
    double s2 = s * s;
    if (r2 >= Wca.CUTOFF_SQUARED_FACTOR * s2) {
      return 0.0;
    }
    double sr2 = s2 / r2;
    double sr6 = sr2 * sr2 * sr2;
    return (624.0 * sr6 * sr6 - 168.0 * sr6) / r2;
  }
}
