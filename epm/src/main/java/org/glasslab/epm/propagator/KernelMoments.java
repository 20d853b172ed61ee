package org.glasslab.epm.propagator;

/**
 * Squared moments of a lattice Eshelby kernel, averaged over the event orientation: the inputs of
 * Baron &amp; Biroli's mean-field coefficients (arXiv 2312.03627, eq A5), {@code α = ½⟨δσ²⟩ Σ_{j≠i}
 * G_ij²} and {@code m = (a²/4)⟨δσ²⟩ Σ_{j∈nn(i)} G_ij²}, with a = 1 (lattice units). Only the ratio
 * {@link #mOverAlpha()} enters the correlation length ξ; ⟨δσ²⟩ (the mean squared stress drop)
 * cancels.
 *
 * <p>For the random orientation the average over θ ~ U[0, π/2) is exact: G_θ(r) is A + B cos4θ + C
 * sin4θ at every r (the self-term correction included), so G_θ² is a trigonometric polynomial of
 * degree 2 in 4θ, which the {@value #ANGLES}-point uniform rule integrates exactly.
 *
 * @param size L of the lattice
 * @param orientation FIXED (θ = 0 only) or RANDOM (θ-averaged)
 * @param sumSquares Σ_{r≠0} ⟨G(r)²⟩_θ [dimensionless]
 * @param nearestSumSquares Σ over the 4 nearest neighbours of ⟨G²⟩_θ
 * @param secondMoment Σ_{r≠0} ⟨G(r)²⟩_θ |r|² with minimum-image r [lattice units²]; grows like ln L
 *     for the r^−2 Eshelby field, which is why A5 keeps the nearest neighbours only
 */
public record KernelMoments(
    int size,
    Orientation orientation,
    double sumSquares,
    double nearestSumSquares,
    double secondMoment) {

  /** Uniform angles 4θ_k = 2πk/ANGLES used for the orientation average. */
  public static final int ANGLES = 8;

  /** The θ-averaged moments of {@code p}'s kernel. */
  public static KernelMoments of(EshelbyPropagator p) {
    int l = p.size();
    int n = l * l;
    int angles = p.orientation() == Orientation.FIXED ? 1 : ANGLES;
    double[] g2 = new double[n];
    double[] buf = new double[n];
    for (int k = 0; k < angles; k++) {
      double theta = (Math.PI / 2) * k / angles;
      p.kernel(theta, buf);
      for (int i = 0; i < n; i++) {
        g2[i] += buf[i] * buf[i] / angles;
      }
    }
    double sum = 0;
    double second = 0;
    for (int y = 0; y < l; y++) {
      int dy = y <= l / 2 ? y : y - l;
      for (int x = 0; x < l; x++) {
        if (x == 0 && y == 0) {
          continue;
        }
        int dx = x <= l / 2 ? x : x - l;
        double v = g2[y * l + x];
        sum += v;
        second += v * (dx * dx + dy * dy);
      }
    }
    double nn = g2[1] + g2[l - 1] + g2[l] + g2[(l - 1) * l];
    return new KernelMoments(l, p.orientation(), sum, nn, second);
  }

  /** α/⟨δσ²⟩ = ½ Σ_{j≠i} ⟨G²⟩ (eq A5). */
  public double alphaPerDropVariance() {
    return 0.5 * sumSquares;
  }

  /** m/⟨δσ²⟩ = ¼ Σ_nn ⟨G²⟩ (eq A5 as printed, lattice spacing 1) [lattice units²]. */
  public double mPerDropVariance() {
    return 0.25 * nearestSumSquares;
  }

  /**
   * m/α of eq A5 = ½ Σ_nn⟨G²⟩ / Σ_{j≠i}⟨G²⟩ [lattice units²]: the squared length that multiplies
   * the dimensionless stiffness in ξ² (see {@code meanfield.CorrelationLength}).
   */
  public double mOverAlpha() {
    return mPerDropVariance() / alphaPerDropVariance();
  }
}
