package org.glasslab.md;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Polydisperse Lennard-Jones with a cutoff, shifted to vanish there (LAMMPS {@code pair_style
 * lj/cut} + {@code pair_modify shift yes}): {@code U(r) = 4[(s/r)^12 - (s/r)^6] - U_c} for {@code r
 * < c s}, 0 otherwise, with {@code s = (d_i + d_j)/2}, epsilon = 1 and {@code U_c = 4(c^-12 -
 * c^-6)}. The force is not shifted, so it jumps at the cutoff (by about 0.039 s^-1 for c = 2.5); U
 * is continuous. Registry spec {@code lj} or {@code lj:cutoff=C}.
 *
 * @param cutoff c, the cutoff in units of s (default {@value #DEFAULT_CUTOFF}), finite and &gt; 1
 */
public record LennardJones(double cutoff) implements PairPotential {
  /** Default cutoff in units of s. */
  public static final double DEFAULT_CUTOFF = 2.5;

  /** Validates the cutoff. */
  public LennardJones {
    if (!(cutoff > 1.0) || !Double.isFinite(cutoff)) {
      throw new IllegalArgumentException(
          "lj cutoff must be finite and > 1 (in units of sigma_ij), got " + cutoff);
    }
  }

  private double shift() {
    return LjKernel.shift(cutoff, 1.0);
  }

  @Override
  public String name() {
    return "lj";
  }

  @Override
  public Map<String, Double> parameters() {
    Map<String, Double> m = new LinkedHashMap<>();
    m.put("cutoff", cutoff);
    return m;
  }

  @Override
  public double cutoffSquared(double di, double dj) {
    double rc = cutoff * 0.5 * (di + dj);
    return rc * rc;
  }

  @Override
  public double cutoff(double di, double dj) {
    return cutoff * 0.5 * (di + dj);
  }

  @Override
  public double maxCutoff(double maxDiameter) {
    return cutoff * maxDiameter;
  }

  @Override
  public double forceOverR(double r2, double di, double dj) {
    double s = 0.5 * (di + dj);
    double s2 = s * s;
    double rc = cutoff * s;
    if (r2 >= rc * rc) {
      return 0.0;
    }
    double ir2 = 1.0 / r2;
    return LjKernel.forceOverR(s2 * ir2, ir2, 1.0);
  }

  @Override
  public double energy(double r2, double di, double dj) {
    double s = 0.5 * (di + dj);
    double s2 = s * s;
    double rc = cutoff * s;
    if (r2 >= rc * rc) {
      return 0.0;
    }
    return LjKernel.energy(s2 / r2, 1.0) - shift();
  }

  @Override
  public double secondDerivative(double r2, double di, double dj) {
    double s = 0.5 * (di + dj);
    double s2 = s * s;
    double rc = cutoff * s;
    if (r2 >= rc * rc) {
      return 0.0;
    }
    double ir2 = 1.0 / r2;
    return LjKernel.secondDerivative(s2 * ir2, ir2, 1.0);
  }
}
