package org.glasslab.analysis.mechanics;

import org.glasslab.data.Trajectory;
import org.glasslab.md.Thermo;

/**
 * The stress series of a trajectory (Jha &amp; Sengupta Fig. 1 b–d): per frame the step, time,
 * potential energy and {@code sigma_xx, sigma_yy, sigma_xy, sigma_yx}, the volumetric stress (eq.
 * 4) and the norm (eq. 5) [energy/length^2]. Frames are processed one at a time; only the series is
 * held.
 *
 * @param steps [F] MD step of each frame
 * @param times [F] time of each frame
 * @param potentialEnergy [F] U [energy]
 * @param sxx [F]
 * @param syy [F]
 * @param sxy [F]
 * @param syx [F]
 * @param volumetric [F]
 * @param norm [F]
 * @param temperature the run temperature in the kinetic term
 * @param convention "CONSISTENT" or "PAPER_HALF"
 */
public record StressSeries(
    long[] steps,
    double[] times,
    double[] potentialEnergy,
    double[] sxx,
    double[] syy,
    double[] sxy,
    double[] syx,
    double[] volumetric,
    double[] norm,
    double temperature,
    String convention) {

  /** Computes the series over all frames of {@code trajectory} (frames read lazily). */
  public static StressSeries of(Trajectory trajectory, StressAnalysis stress, double temperature) {
    int f = trajectory.frameCount();
    long[] steps = new long[f];
    double[] times = new double[f];
    double[] u = new double[f];
    double[] sxx = new double[f];
    double[] syy = new double[f];
    double[] sxy = new double[f];
    double[] syx = new double[f];
    double[] vol = new double[f];
    double[] norm = new double[f];
    for (int k = 0; k < f; k++) {
      var c = trajectory.frame(k);
      Thermo t = stress.compute(c, temperature);
      steps[k] = c.step();
      times[k] = c.time();
      u[k] = t.potentialEnergy();
      sxx[k] = t.sxx();
      syy[k] = t.syy();
      sxy[k] = t.sxy();
      syx[k] = t.syx();
      vol[k] = t.volumetric();
      norm[k] = t.norm();
    }
    return new StressSeries(
        steps, times, u, sxx, syy, sxy, syx, vol, norm, temperature, stress.convention().name());
  }

  /** Number of frames. */
  public int size() {
    return steps.length;
  }

  /** CSV text with a header line: step,time,potential_energy,sxx,syy,sxy,syx,s_vol,s_norm. */
  public String toCsv() {
    StringBuilder s = new StringBuilder(128 * (steps.length + 1));
    s.append("step,time,potential_energy,sxx,syy,sxy,syx,s_vol,s_norm\n");
    for (int k = 0; k < steps.length; k++) {
      s.append(steps[k])
          .append(',')
          .append(times[k])
          .append(',')
          .append(potentialEnergy[k])
          .append(',')
          .append(sxx[k])
          .append(',')
          .append(syy[k])
          .append(',')
          .append(sxy[k])
          .append(',')
          .append(syx[k])
          .append(',')
          .append(volumetric[k])
          .append(',')
          .append(norm[k])
          .append('\n');
    }
    return s.toString();
  }
}
