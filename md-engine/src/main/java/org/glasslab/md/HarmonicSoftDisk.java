package org.glasslab.md;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Harmonic soft disks: {@code U(r) = (k/2) (1 - r/s)^2} for {@code r < s = (d_i + d_j)/2}, 0
 * otherwise. Used to push overlapping random starts apart before WCA dynamics, and as the second
 * implementation that keeps the {@link PairPotential} contract honest. Registry spec {@code
 * harmonic} or {@code harmonic:k=K} (default k = 1).
 *
 * @param stiffness k [energy], positive
 */
public record HarmonicSoftDisk(double stiffness) implements PairPotential {

  /** Validates the stiffness. */
  public HarmonicSoftDisk {
    if (!(stiffness > 0) || !Double.isFinite(stiffness)) {
      throw new IllegalArgumentException("stiffness must be finite and positive, got " + stiffness);
    }
  }

  @Override
  public String name() {
    return "harmonic";
  }

  @Override
  public double cutoffSquared(double di, double dj) {
    double s = 0.5 * (di + dj);
    return s * s;
  }

  @Override
  public double cutoff(double di, double dj) {
    return 0.5 * (di + dj);
  }

  @Override
  public double maxCutoff(double maxDiameter) {
    return maxDiameter;
  }

  @Override
  public double forceOverR(double r2, double di, double dj) {
    double s = 0.5 * (di + dj);
    if (r2 >= s * s) {
      return 0.0;
    }
    double r = Math.sqrt(r2);
    // -U'(r) = k (1 - r/s) / s
    return stiffness * (1.0 - r / s) / (s * r);
  }

  @Override
  public double energy(double r2, double di, double dj) {
    double s = 0.5 * (di + dj);
    if (r2 >= s * s) {
      return 0.0;
    }
    double u = 1.0 - Math.sqrt(r2) / s;
    return 0.5 * stiffness * u * u;
  }

  /** {@code U''(r) = k / s^2} inside the contact range. */
  @Override
  public double secondDerivative(double r2, double di, double dj) {
    double s = 0.5 * (di + dj);
    return r2 >= s * s ? 0.0 : stiffness / (s * s);
  }

  @Override
  public Map<String, Double> parameters() {
    Map<String, Double> m = new LinkedHashMap<>();
    m.put("k", stiffness);
    return m;
  }
}
