package org.glasslab.md;

import java.util.random.RandomGenerator;
import org.glasslab.data.Box;
import org.glasslab.data.Configuration;

/**
 * Random polydisperse starting configurations: Gaussian diameters and an overlap-free random
 * placement (uniform random positions, then a short steepest-descent "soft push" with harmonic soft
 * disks until no pair overlaps by more than a tolerance).
 */
public final class SamplePreparation {
  /** Gaussian draws beyond this many standard deviations are redrawn. */
  public static final double TRUNCATION_SIGMAS = 3.0;

  /** Default largest remaining overlap {@code 1 - r/s} after the soft push. */
  public static final double DEFAULT_MAX_OVERLAP = 0.05;

  private SamplePreparation() {}

  /**
   * Diameters with a Gaussian distribution of mean 1 and relative standard deviation {@code
   * polydispersity}, truncated at {@value #TRUNCATION_SIGMAS} standard deviations (draws outside
   * are redrawn, so diameters lie in {@code 1 +- 3 polydispersity} before rescaling), then rescaled
   * so that the sample mean is exactly 1 (the unit of length).
   *
   * @param n number of particles
   * @param polydispersity standard deviation of the diameters, in [0, 0.3)
   * @param rng source of randomness (advanced)
   * @return diameters [N] [length]
   */
  public static double[] diameters(int n, double polydispersity, RandomGenerator rng) {
    if (n < 1) {
      throw new IllegalArgumentException("particle number must be positive, got " + n);
    }
    if (!(polydispersity >= 0 && polydispersity < 0.3)) {
      throw new IllegalArgumentException(
          "polydispersity must be in [0, 0.3) so that truncated diameters stay positive, got "
              + polydispersity);
    }
    double[] d = new double[n];
    double sum = 0;
    for (int i = 0; i < n; i++) {
      double z;
      do {
        z = rng.nextGaussian();
      } while (Math.abs(z) > TRUNCATION_SIGMAS);
      d[i] = 1 + polydispersity * z;
      sum += d[i];
    }
    double scale = n / sum;
    for (int i = 0; i < n; i++) {
      d[i] *= scale;
    }
    return d;
  }

  /**
   * Places particles uniformly at random and pushes overlapping pairs apart by steepest descent on
   * harmonic soft disks until the largest overlap {@code 1 - r/s_ij} is below {@code maxOverlap}.
   *
   * @param box the box
   * @param diameters [N] [length], not modified
   * @param maxOverlap tolerance on {@code 1 - r/s_ij}, in (0, 1)
   * @param rng source of randomness (advanced)
   * @return a configuration at step 0 without velocities
   * @throws IllegalStateException if the push does not converge (packing too dense)
   */
  public static Configuration randomStart(
      Box box, double[] diameters, double maxOverlap, RandomGenerator rng) {
    if (!(maxOverlap > 0 && maxOverlap < 1)) {
      throw new IllegalArgumentException("maxOverlap must be in (0, 1), got " + maxOverlap);
    }
    int n = diameters.length;
    double[] x = new double[2 * n];
    for (int i = 0; i < n; i++) {
      x[2 * i] = rng.nextDouble() * box.lx();
      x[2 * i + 1] = rng.nextDouble() * box.ly();
    }
    double dMax = 0;
    for (double d : diameters) {
      dMax = Math.max(dMax, d);
    }
    HarmonicSoftDisk soft = new HarmonicSoftDisk(1.0);
    NeighbourList list = new NeighbourList(box, n, soft.maxCutoff(dMax), 0.4, 512);
    PairForces pf = new PairForces(soft, list);
    double[] f = new double[2 * n];
    double[] tmp = new double[1];
    int[] images = new int[2 * n];
    final double alpha = 0.1;
    final double cap = 0.05;
    final int maxIterations = 200_000;
    for (int it = 0; it < maxIterations; it++) {
      if (list.needsRebuild(x)) {
        for (int k = 0; k < 2 * n; k++) {
          images[k] += box.wrap(x[k], k & 1, tmp);
          x[k] = tmp[0];
        }
        list.build(x, diameters, soft);
      }
      if (it % 20 == 0 && maxOverlap(list, x, diameters) < maxOverlap) {
        for (int k = 0; k < 2 * n; k++) {
          box.wrap(x[k], k & 1, tmp);
          x[k] = tmp[0];
        }
        return Configuration.of(box, x, diameters);
      }
      pf.forces(x, diameters, f);
      for (int i = 0; i < n; i++) {
        double dx = alpha * f[2 * i];
        double dy = alpha * f[2 * i + 1];
        double m = Math.sqrt(dx * dx + dy * dy);
        if (m > cap) {
          dx *= cap / m;
          dy *= cap / m;
        }
        x[2 * i] += dx;
        x[2 * i + 1] += dy;
      }
    }
    throw new IllegalStateException(
        "soft push did not remove overlaps in "
            + maxIterations
            + " iterations; the packing fraction is too high for a random start");
  }

  /** Largest {@code 1 - r/s_ij} over listed pairs (0 when nothing overlaps). */
  static double maxOverlap(NeighbourList list, double[] x, double[] d) {
    int[] start = list.start();
    int[] e = list.entries();
    double[] sx = list.shiftX();
    double[] sy = list.shiftY();
    double worst = 0;
    for (int i = 0; i < list.size(); i++) {
      for (int k = start[i]; k < start[i + 1]; k++) {
        int j = e[k] >>> NeighbourList.SHIFT_BITS;
        int c = e[k] & 15;
        double dx = x[2 * i] - x[2 * j] + sx[c];
        double dy = x[2 * i + 1] - x[2 * j + 1] + sy[c];
        double s = 0.5 * (d[i] + d[j]);
        double o = 1 - Math.sqrt(dx * dx + dy * dy) / s;
        if (o > worst) {
          worst = o;
        }
      }
    }
    return worst;
  }
}
