package org.glasslab.analysis.mechanics;

import org.glasslab.data.Box;
import org.glasslab.data.Configuration;
import org.glasslab.md.PairForces;
import org.glasslab.md.PairPotential;
import org.glasslab.md.StressConvention;
import org.glasslab.md.Thermo;
import org.glasslab.md.Thermodynamics;

/**
 * The virial stress tensor of one configuration (Jha &amp; Sengupta eqs 3–5) and its split into
 * per-particle stress tensors.
 *
 * <p>Global: {@code sigma_ab = rho T delta_ab + c/A sum_{i<j} (-U'(r)/r) r_a r_b} with {@code r =
 * r_i - r_j} (minimum image), {@code rho = N/A}, T the run temperature (the paper's thermal average
 * {@code rho k_B T} of the kinetic term, not the instantaneous kinetic tensor), and {@code c = 1}
 * ({@link StressConvention#CONSISTENT}, default) or {@code c = 1/2} ({@link
 * StressConvention#PAPER_HALF}, the prefactor printed in eq. 3). Positive = compressive. Computed
 * through the engine's own {@link PairForces} and {@link Thermo} ({@link Thermodynamics#of}), so it
 * equals the engine's observables by construction.
 *
 * <p>Per particle: each pair's virial {@code (-U'/r) r_a r_b} is split half to each partner, {@code
 * w_i,ab = 1/2 sum_j (-U'/r) r_a r_b}, and the per-particle area is {@code A/N} (Voronoi-free
 * convention, as LAMMPS' {@code compute stress/atom} divided by a uniform volume): {@code
 * sigma_i,ab = rho T delta_ab + c w_i,ab / (A/N)}. The mean of the per-particle tensors is the
 * global tensor exactly.
 */
public final class StressAnalysis {
  private final PairPotential potential;
  private final StressConvention convention;

  /** Stress of {@code potential} under {@code convention}. */
  public StressAnalysis(PairPotential potential, StressConvention convention) {
    this.potential = potential;
    this.convention = convention;
  }

  /** The stress convention. */
  public StressConvention convention() {
    return convention;
  }

  /**
   * The global observables of {@code config} at run temperature {@code temperature}: potential
   * energy, kinetic energy (0 without velocities), pair virial and stress tensor (eqs 3–5).
   *
   * @throws IllegalArgumentException for a negative or non-finite temperature
   */
  public Thermo compute(Configuration config, double temperature) {
    checkTemperature(temperature);
    return Thermodynamics.of(config, potential, temperature, convention);
  }

  /**
   * Per-particle stress tensors.
   *
   * @param out [3N] (sxx, syy, sxy) per particle [energy/length^2], overwritten; may be {@code
   *     null}
   * @return {@code out}, or a new array
   */
  public double[] perParticle(Configuration config, double temperature, double[] out) {
    checkTemperature(temperature);
    int n = config.size();
    double[] w = perParticleVirial(config.box(), config.positions(), config.diameters(), null);
    double[] s = out == null ? new double[3 * n] : out;
    Box box = config.box();
    double rhoT = n / box.area() * temperature;
    double c = convention.factor() * n / box.area();
    for (int i = 0; i < n; i++) {
      s[3 * i] = rhoT + c * w[3 * i];
      s[3 * i + 1] = rhoT + c * w[3 * i + 1];
      s[3 * i + 2] = c * w[3 * i + 2];
    }
    return s;
  }

  /**
   * Per-particle pair virial {@code w_i,ab = 1/2 sum_j (-U'/r) r_a r_b} [energy].
   *
   * @param x0 [2N] positions [length], wrapped or not, not modified
   * @param d [N] diameters [length], not modified
   * @param out [3N] (w_xx, w_yy, w_xy) per particle, overwritten; may be {@code null}
   * @return {@code out}, or a new array
   */
  public double[] perParticleVirial(Box box, double[] x0, double[] d, double[] out) {
    int n = d.length;
    double[] w = out == null ? new double[3 * n] : out;
    java.util.Arrays.fill(w, 0, 3 * n, 0.0);
    Pairs.forEach(
        box,
        x0,
        d,
        potential,
        (i, j, dx, dy, r2) -> {
          double fr = potential.forceOverR(r2, d[i], d[j]);
          if (fr != 0.0) {
            double hxx = 0.5 * fr * dx * dx;
            double hyy = 0.5 * fr * dy * dy;
            double hxy = 0.5 * fr * dx * dy;
            w[3 * i] += hxx;
            w[3 * i + 1] += hyy;
            w[3 * i + 2] += hxy;
            w[3 * j] += hxx;
            w[3 * j + 1] += hyy;
            w[3 * j + 2] += hxy;
          }
        });
    return w;
  }

  private static void checkTemperature(double t) {
    if (!(t >= 0) || !Double.isFinite(t)) {
      throw new IllegalArgumentException(
          "temperature must be finite and >= 0 (the run temperature for the kinetic term rho T), got "
              + t);
    }
  }
}
