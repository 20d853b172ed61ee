package org.glasslab.epm.coarsegrain;

import java.util.Arrays;
import org.glasslab.data.stats.Histogram;

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
    MEAN,
    /** No rescaling: both samples are already in the same units (e.g. areas in diameters²). */
    NONE
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
   * @param particleMean mean of the rescaled particle sample
   * @param particleStd standard deviation of the rescaled particle sample
   * @param epmMean mean of the rescaled EPM sample
   * @param epmStd standard deviation of the rescaled EPM sample
   */
  public record Row(
      String quantity,
      int particleCount,
      int epmCount,
      double particleScale,
      double epmScale,
      double ks,
      double l1,
      double particleMean,
      double particleStd,
      double epmMean,
      double epmStd) {}

  /**
   * The finite values of {@code a} divided by their scale (1 for {@link Scale#NONE}).
   *
   * @param a sample, not modified; non-finite values are dropped
   * @throws IllegalArgumentException if the scale is zero
   */
  public static double[] rescale(double[] a, Scale scale) {
    return rescaled(a, scale, new double[1]);
  }

  /** Mean and standard deviation (population) of {@code a}: {mean, std}. */
  static double[] moments(double[] a) {
    double m = 0;
    for (double v : a) {
      m += v;
    }
    m /= Math.max(1, a.length);
    double q = 0;
    for (double v : a) {
      q += (v - m) * (v - m);
    }
    return new double[] {m, Math.sqrt(q / Math.max(1, a.length))};
  }

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
    if (scale == Scale.NONE) {
      scaleOut[0] = 1;
      return o;
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
      Histogram ha = Histogram.of(a, lo, hi, bins);
      Histogram hb = Histogram.of(b, lo, hi, bins);
      for (int k = 0; k < bins; k++) {
        l1 += Math.abs((double) ha.count(k) / a.length - (double) hb.count(k) / b.length);
      }
    }
    double[] ma = moments(a);
    double[] mb = moments(b);
    return new Row(quantity, a.length, b.length, sp[0], se[0], ks, l1, ma[0], ma[1], mb[0], mb[1]);
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

  /**
   * Pseudogap exponent θ of {@code P(x) ~ x^θ} at small x: the maximum-likelihood (Hill) estimate
   * for a power law on {@code [0, x_(m)]} from the m smallest positive values, {@code 1 + θ = (m -
   * 1) / Σ_{i<m} ln(x_(m) / x_(i))}, with m = {@code fraction} × (number of positive values).
   * Returns NaN when m &lt; 5.
   *
   * @param x sample (e.g. distances to yielding), not modified; values ≤ 0 and NaN are excluded
   * @param fraction share of the positive values used for the fit, in (0, 1]
   */
  public static double pseudogapExponent(double[] x, double fraction) {
    if (!(fraction > 0 && fraction <= 1)) {
      throw new IllegalArgumentException("fit fraction must be in (0, 1], got " + fraction);
    }
    int k = 0;
    for (double v : x) {
      if (v > 0 && Double.isFinite(v)) {
        k++;
      }
    }
    double[] p = new double[k];
    k = 0;
    for (double v : x) {
      if (v > 0 && Double.isFinite(v)) {
        p[k++] = v;
      }
    }
    Arrays.sort(p);
    int m = (int) Math.floor(fraction * k);
    if (m < 5) {
      return Double.NaN;
    }
    double xm = p[m - 1];
    double s = 0;
    for (int i = 0; i < m - 1; i++) {
      s += Math.log(xm / p[i]);
    }
    return s > 0 ? (m - 1) / s - 1 : Double.NaN;
  }

  /**
   * The q-quantile of the finite values of {@code a} (linear interpolation between order
   * statistics); NaN for an empty sample.
   *
   * @param a sample, not modified
   * @param q in [0, 1]
   */
  public static double quantile(double[] a, double q) {
    if (!(q >= 0 && q <= 1)) {
      throw new IllegalArgumentException("quantile must be in [0, 1], got " + q);
    }
    double[] o = rescaled(a, Scale.NONE, new double[1]);
    if (o.length == 0) {
      return Double.NaN;
    }
    Arrays.sort(o);
    double r = q * (o.length - 1);
    int i = (int) Math.floor(r);
    int j = Math.min(o.length - 1, i + 1);
    return o[i] + (r - i) * (o[j] - o[i]);
  }

  /** The comparison table as CSV. */
  public static String csv(java.util.List<Row> rows) {
    StringBuilder sb =
        new StringBuilder(
            "quantity,particle_n,epm_n,particle_scale,epm_scale,ks,l1,particle_mean,particle_std,"
                + "epm_mean,epm_std\n");
    for (Row r : rows) {
      sb.append(r.quantity()).append(',').append(r.particleCount()).append(',');
      sb.append(r.epmCount()).append(',');
      sb.append(
          String.format(
              java.util.Locale.ROOT,
              "%.8g,%.8g,%.8g,%.8g,%.8g,%.8g,%.8g,%.8g%n",
              r.particleScale(),
              r.epmScale(),
              r.ks(),
              r.l1(),
              r.particleMean(),
              r.particleStd(),
              r.epmMean(),
              r.epmStd()));
    }
    return sb.toString();
  }
}
