package org.glasslab.epm.coarsegrain;

import java.util.Arrays;

/**
 * Compares a coarse-grained particle field with the corresponding lattice-EPM field in the same,
 * scale-free units: each sample is divided by its own scale (the standard deviation about zero for
 * stresses, the mean for positive quantities such as distances to yielding or areas), then the two
 * empirical distributions are compared by the Kolmogorov–Smirnov distance and the L1 distance of
 * their histograms on common bins.
 */
public final class FieldComparison {
  private FieldComparison() {}

  /** How a sample is made dimensionless. */
  public enum Scale {
    /** Divide by the root-mean-square about zero (stresses: P(σ/σ_rms)). */
    RMS,
    /** Divide by the mean (positive quantities: distance to yielding, areas). */
    MEAN
  }

  /**
   * One row of the comparison table.
   *
   * @param quantity name, e.g. "sigma", "distance_to_yield", "avalanche_area"
   * @param particleCount finite particle-side values used
   * @param epmCount EPM values used
   * @param particleScale scale of the particle sample (units of the particle field)
   * @param epmScale scale of the EPM sample (EPM units)
   * @param ks Kolmogorov–Smirnov distance of the rescaled samples (0 = identical)
   * @param l1 L1 distance ∫|p1 - p2| of the rescaled histograms on common bins (0..2)
   */
  public record Row(
      String quantity,
      int particleCount,
      int epmCount,
      double particleScale,
      double epmScale,
      double ks,
      double l1) {}

  /** Finite values of {@code a}, divided by their scale. */
  static double[] rescaled(double[] a, Scale scale, double[] scaleOut) {
    int k = 0;
    for (double v : a) {
      if (Double.isFinite(v)) {
        k++;
      }
    }
    double[] o = new double[k];
    k = 0;
    for (double v : a) {
      if (Double.isFinite(v)) {
        o[k++] = v;
      }
    }
    double s = 0;
    for (double v : o) {
      s += scale == Scale.RMS ? v * v : v;
    }
    s = scale == Scale.RMS ? Math.sqrt(s / Math.max(1, k)) : s / Math.max(1, k);
    if (!(Math.abs(s) > 0)) {
      throw new IllegalArgumentException("sample scale is zero; cannot rescale");
    }
    for (int i = 0; i < k; i++) {
      o[i] /= s;
    }
    scaleOut[0] = s;
    return o;
  }

  /**
   * Compares two samples after rescaling each by its own scale.
   *
   * @param particle particle-side values (e.g. a coarse-grained grid), not modified; NaN skipped
   * @param epm EPM values, not modified
   * @param bins number of histogram bins for the L1 distance (over the joint range)
   */
  public static Row compare(
      String quantity, double[] particle, double[] epm, Scale scale, int bins) {
    if (bins < 2) {
      throw new IllegalArgumentException("need at least 2 bins, got " + bins);
    }
    double[] sp = new double[1];
    double[] se = new double[1];
    double[] a = rescaled(particle, scale, sp);
    double[] b = rescaled(epm, scale, se);
    if (a.length == 0 || b.length == 0) {
      throw new IllegalArgumentException("both samples need finite values");
    }
    Arrays.sort(a);
    Arrays.sort(b);
    double ks = 0;
    int i = 0;
    int j = 0;
    while (i < a.length && j < b.length) {
      double v = Math.min(a[i], b[j]);
      while (i < a.length && a[i] <= v) {
        i++;
      }
      while (j < b.length && b[j] <= v) {
        j++;
      }
      ks = Math.max(ks, Math.abs((double) i / a.length - (double) j / b.length));
    }
    double lo = Math.min(a[0], b[0]);
    double hi = Math.max(a[a.length - 1], b[b.length - 1]);
    double l1 = 0;
    if (hi > lo) {
      double[] ha = new double[bins];
      double[] hb = new double[bins];
      double w = (hi - lo) / bins;
      for (double v : a) {
        ha[Math.min(bins - 1, (int) ((v - lo) / w))] += 1.0 / a.length;
      }
      for (double v : b) {
        hb[Math.min(bins - 1, (int) ((v - lo) / w))] += 1.0 / b.length;
      }
      for (int k = 0; k < bins; k++) {
        l1 += Math.abs(ha[k] - hb[k]);
      }
    }
    return new Row(quantity, a.length, b.length, sp[0], se[0], ks, l1);
  }

  /**
   * Distance to yielding of a coarse-grained particle stress field, {@code x = σ_y - |σ|}, in the
   * units of the particle stress; {@code yieldStress} is the particle-side local yield stress that
   * plays the role of the EPM's mean threshold.
   *
   * @param grid coarse-grained stress [L*L], not modified
   */
  public static double[] distanceToYield(double[] grid, double yieldStress) {
    double[] o = new double[grid.length];
    for (int i = 0; i < grid.length; i++) {
      o[i] = yieldStress - Math.abs(grid[i]);
    }
    return o;
  }

  /** The comparison table as CSV. */
  public static String csv(java.util.List<Row> rows) {
    StringBuilder sb =
        new StringBuilder("quantity,particle_n,epm_n,particle_scale,epm_scale,ks,l1\n");
    for (Row r : rows) {
      sb.append(r.quantity()).append(',').append(r.particleCount()).append(',');
      sb.append(r.epmCount()).append(',');
      sb.append(
          String.format(
              java.util.Locale.ROOT,
              "%.8g,%.8g,%.8g,%.8g%n",
              r.particleScale(),
              r.epmScale(),
              r.ks(),
              r.l1()));
    }
    return sb.toString();
  }
}
