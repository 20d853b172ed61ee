package org.glasslab.data.io;

import org.glasslab.data.Configuration;
import org.glasslab.data.ForwardingTrajectory;
import org.glasslab.data.Trajectory;

/**
 * Equal-width bins over [min, max] of a set of diameters, so that a continuous polydisperse system
 * can be written as a few particle types with one diameter each (LAMMPS atom_style atomic, pair
 * tables per type pair). Bin {@code b} becomes type {@code b + 1} with the bin-centre diameter; no
 * diameter moves by more than {@link #maxError()} = half a bin width = (max - min) / (2 bins).
 *
 * @param lo smallest diameter [length]
 * @param width bin width [length] (0 when all diameters are equal)
 * @param bins number of bins (&ge; 1)
 */
public record DiameterBins(double lo, double width, int bins) {

  /** Validates. */
  public DiameterBins {
    if (bins < 1) {
      throw new IllegalArgumentException("bins must be >= 1, got " + bins);
    }
  }

  /** Bins spanning the diameters [length]. */
  public static DiameterBins of(double[] diameters, int bins) {
    if (bins < 1) {
      throw new IllegalArgumentException("bins must be >= 1, got " + bins);
    }
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (double x : diameters) {
      lo = Math.min(lo, x);
      hi = Math.max(hi, x);
    }
    return new DiameterBins(lo, (hi - lo) / bins, bins);
  }

  /** The bin of diameter {@code d}, 0..bins-1 (the largest diameter falls in the last bin). */
  public int bin(double d) {
    return width == 0 ? 0 : (int) Math.max(0, Math.min(bins - 1, Math.floor((d - lo) / width)));
  }

  /** The diameter of bin {@code b}: its centre [length]. */
  public double centre(int b) {
    return lo + (b + 0.5) * width;
  }

  /** The largest |binned - original| over diameters inside the range: half a bin width [length]. */
  public double maxError() {
    return 0.5 * width;
  }

  /**
   * {@code t} with every diameter replaced by its bin centre and the particle type set to bin + 1
   * (existing types are replaced): a view reading each frame of {@code t} when asked (close {@code
   * t}, not the view).
   */
  public Trajectory apply(Trajectory t) {
    double[] d = t.diameters();
    double[] binned = new double[d.length];
    int[] types = new int[d.length];
    for (int i = 0; i < d.length; i++) {
      int b = bin(d[i]);
      types[i] = b + 1;
      binned[i] = centre(b);
    }
    return new ForwardingTrajectory(t) {
      @Override
      public double[] diameters() {
        return binned.clone();
      }

      @Override
      public Configuration frame(int k) {
        Configuration c = t.frame(k);
        return new Configuration(
            c.box(),
            c.positions(),
            c.images(),
            binned,
            c.velocities(),
            c.ids(),
            types,
            c.step(),
            c.time());
      }
    };
  }
}
