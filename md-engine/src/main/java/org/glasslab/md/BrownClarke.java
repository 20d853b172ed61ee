package org.glasslab.md;

/**
 * The Brown &amp; Clarke (1984) isokinetic thermostat in velocity-Verlet form: at the end of every
 * step the centre-of-mass velocity is removed and the velocities are scaled by {@code sqrt(T /
 * T_kin)}, so the kinetic temperature equals {@code T} exactly (to rounding) at every step.
 *
 * <p>Degrees of freedom: {@code 2N - 2} (two translational ones removed with the centre-of-mass
 * momentum, the same count as LAMMPS' {@code compute temp} in 2D), so {@code T_kin = sum m v^2 /
 * (2N - 2)} with m = k_B = 1. The scale factor is computed as LAMMPS' {@code fix temp/rescale} does
 * ({@code T_kin = sum * (1/dof)}, {@code factor = sqrt(T / T_kin)}), which keeps the two codes
 * step-by-step comparable.
 *
 * @param temperature target T [energy/k_B], positive
 * @param removeComMomentum whether to zero the centre-of-mass velocity before scaling (default on;
 *     off only to mimic LAMMPS' temp/rescale literally)
 */
public record BrownClarke(double temperature, boolean removeComMomentum) implements Thermostat {

  /** Validates the temperature. */
  public BrownClarke {
    if (!(temperature > 0) || !Double.isFinite(temperature)) {
      throw new IllegalArgumentException(
          "thermostat temperature must be finite and positive, got " + temperature);
    }
  }

  /** The standard form: centre-of-mass momentum removed every step. */
  public BrownClarke(double temperature) {
    this(temperature, true);
  }

  @Override
  public String name() {
    return "brown-clarke";
  }

  @Override
  public double targetTemperature() {
    return temperature;
  }

  @Override
  public void endOfStep(double[] v, int n, double[] moments) {
    double dof = Kinetics.degreesOfFreedom(n);
    double ux = 0;
    double uy = 0;
    double sum = moments[2];
    if (removeComMomentum) {
      ux = moments[0] / n;
      uy = moments[1] / n;
      // sum (v - u)^2 = sum v^2 - N u^2
      sum -= n * (ux * ux + uy * uy);
    }
    double tCurrent = sum * (1.0 / dof);
    if (!(tCurrent > 0)) {
      throw new IllegalStateException(
          "cannot rescale to T = " + temperature + ": all velocities are zero");
    }
    double factor = Math.sqrt(temperature / tCurrent);
    if (removeComMomentum) {
      for (int i = 0; i < n; i++) {
        v[2 * i] = (v[2 * i] - ux) * factor;
        v[2 * i + 1] = (v[2 * i + 1] - uy) * factor;
      }
    } else {
      for (int k = 0; k < 2 * n; k++) {
        v[k] *= factor;
      }
    }
  }
}
