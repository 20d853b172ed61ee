package org.glasslab.pipeline.plot;

import java.awt.Color;

/**
 * Maps a scalar in [min, max] to a colour by linear interpolation between anchor colours: {@link
 * #viridis} for magnitudes (D²min, |u|, softness) and {@link #diverging} (blue–white–red) for
 * signed quantities and correlations. Values outside the range are clamped; NaN is grey.
 */
public final class ColorMap {
  private static final int[][] VIRIDIS = {
    {68, 1, 84}, {72, 40, 120}, {62, 74, 137}, {49, 104, 142}, {38, 130, 142},
    {31, 158, 137}, {53, 183, 121}, {109, 205, 89}, {180, 222, 44}, {253, 231, 37}
  };
  private static final int[][] DIVERGING = {
    {5, 48, 97},
    {33, 102, 172},
    {67, 147, 195},
    {146, 197, 222},
    {209, 229, 240},
    {247, 247, 247},
    {253, 219, 199},
    {244, 165, 130},
    {214, 96, 77},
    {178, 24, 43},
    {103, 0, 31}
  };

  private final int[][] anchors;
  private final double min;
  private final double max;

  private ColorMap(int[][] anchors, double min, double max) {
    if (!Double.isFinite(min) || !Double.isFinite(max) || !(max >= min)) {
      throw new IllegalArgumentException("colour range [" + min + ", " + max + "] is invalid");
    }
    this.anchors = anchors;
    this.min = min;
    this.max = max == min ? min + 1 : max;
  }

  /** Viridis over [min, max]. */
  public static ColorMap viridis(double min, double max) {
    return new ColorMap(VIRIDIS, min, max);
  }

  /** Blue–white–red over [min, max] (white at the middle). */
  public static ColorMap diverging(double min, double max) {
    return new ColorMap(DIVERGING, min, max);
  }

  /** Viridis over the finite range of {@code values} (not modified). */
  public static ColorMap viridisFor(double[] values) {
    double[] r = range(values);
    return viridis(r[0], r[1]);
  }

  /** Diverging, symmetric around 0, over the largest |value|. */
  public static ColorMap divergingFor(double[] values) {
    double[] r = range(values);
    double m = Math.max(Math.abs(r[0]), Math.abs(r[1]));
    return diverging(-m, m == 0 ? 1 : m);
  }

  static double[] range(double[] values) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (double v : values) {
      if (Double.isFinite(v)) {
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
    }
    return lo > hi ? new double[] {0, 1} : new double[] {lo, hi};
  }

  /** Lower end of the range. */
  public double min() {
    return min;
  }

  /** Upper end of the range. */
  public double max() {
    return max;
  }

  /** The colour of {@code v}. */
  public Color color(double v) {
    if (Double.isNaN(v)) {
      return Color.GRAY;
    }
    double t = (v - min) / (max - min);
    t = Math.max(0, Math.min(1, t)) * (anchors.length - 1);
    int i = (int) Math.min(anchors.length - 2, Math.floor(t));
    double f = t - i;
    int[] a = anchors[i];
    int[] b = anchors[i + 1];
    return new Color(
        (int) Math.round(a[0] + f * (b[0] - a[0])),
        (int) Math.round(a[1] + f * (b[1] - a[1])),
        (int) Math.round(a[2] + f * (b[2] - a[2])));
  }
}
