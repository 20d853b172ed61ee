package org.glasslab.analysis.structure;

import java.util.ArrayList;
import java.util.List;

/**
 * Peaks and minima of g(r), found robustly on a noisy histogram: g is first smoothed with a
 * Gaussian kernel of width {@code smoothing} [length], then its extrema are scanned with a zig-zag
 * (hysteresis) rule: a new maximum (minimum) is accepted only once the curve has dropped (risen) by
 * at least {@code prominence} from it. The first peak is the first accepted maximum with {@code g >
 * 1}; minima are the accepted minima after it with {@code g < 1}, in increasing r: shell
 * boundaries, where the density falls below the mean. A dip that stays above 1 (a split peak,
 * common in dense 2D packings: the second shell at about 1.9 and 2.2 diameters) is not a shell
 * boundary, so the "second minimum" is the one after the whole second shell, as "up to second
 * nearest neighbours" intends. Positions are bin centres of the smoothed curve.
 *
 * @param peakR [P] positions of accepted maxima after (and including) the first peak [length]
 * @param peakG [P] smoothed g at those maxima
 * @param minR [M] positions of accepted minima with g &lt; 1 after the first peak [length]
 * @param minG [M] smoothed g at those minima
 * @param options the detector settings
 */
public record GofrLandmarks(
    double[] peakR, double[] peakG, double[] minR, double[] minG, Options options) {

  /**
   * Detector settings.
   *
   * @param smoothing Gaussian smoothing width [length], &ge; 0 (0 = none; default 0.04)
   * @param prominence minimum rise/drop that confirms an extremum (default 0.1)
   */
  public record Options(double smoothing, double prominence) {
    /** Validates. */
    public Options {
      if (!(smoothing >= 0) || !Double.isFinite(smoothing)) {
        throw new IllegalArgumentException("smoothing width must be >= 0, got " + smoothing);
      }
      if (!(prominence > 0) || !Double.isFinite(prominence)) {
        throw new IllegalArgumentException("prominence must be positive, got " + prominence);
      }
    }

    /** Smoothing 0.04, prominence 0.1. */
    public static Options defaults() {
      return new Options(0.04, 0.1);
    }
  }

  /** Copies the arrays. */
  public GofrLandmarks {
    peakR = peakR.clone();
    peakG = peakG.clone();
    minR = minR.clone();
    minG = minG.clone();
  }

  @Override
  public double[] peakR() {
    return peakR.clone();
  }

  @Override
  public double[] peakG() {
    return peakG.clone();
  }

  @Override
  public double[] minR() {
    return minR.clone();
  }

  @Override
  public double[] minG() {
    return minG.clone();
  }

  /** Position of the first peak [length], or NaN when none was found. */
  public double firstPeak() {
    return peakR.length > 0 ? peakR[0] : Double.NaN;
  }

  /** Position of the first minimum after the first peak [length], or NaN. */
  public double firstMinimum() {
    return minR.length > 0 ? minR[0] : Double.NaN;
  }

  /** Position of the second minimum after the first peak [length], or NaN. */
  public double secondMinimum() {
    return minR.length > 1 ? minR[1] : Double.NaN;
  }

  /** Finds the landmarks of {@code gofr}. */
  public static GofrLandmarks find(RadialDistribution.Result gofr, Options options) {
    double[] r = gofr.r();
    double[] g = smooth(gofr.g(), gofr.binWidth(), options.smoothing());
    List<double[]> peaks = new ArrayList<>();
    List<double[]> minima = new ArrayList<>();
    // Zig-zag scan: track the running extreme in the current direction.
    boolean seekingMax = true;
    int ext = 0;
    for (int k = 1; k < g.length; k++) {
      if (seekingMax) {
        if (g[k] > g[ext]) {
          ext = k;
        } else if (g[ext] - g[k] >= options.prominence()) {
          if (g[ext] > 1 || !peaks.isEmpty()) {
            peaks.add(new double[] {r[ext], g[ext]});
          }
          seekingMax = false;
          ext = k;
        }
      } else {
        if (g[k] < g[ext]) {
          ext = k;
        } else if (g[k] - g[ext] >= options.prominence()) {
          if (!peaks.isEmpty() && g[ext] < 1) {
            minima.add(new double[] {r[ext], g[ext]});
          }
          seekingMax = true;
          ext = k;
        }
      }
    }
    return new GofrLandmarks(
        column(peaks, 0), column(peaks, 1), column(minima, 0), column(minima, 1), options);
  }

  private static double[] column(List<double[]> rows, int c) {
    double[] out = new double[rows.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = rows.get(i)[c];
    }
    return out;
  }

  /** Gaussian smoothing with truncation at 3 widths; edges use the renormalised kernel. */
  static double[] smooth(double[] g, double dr, double width) {
    if (width == 0) {
      return g.clone();
    }
    int half = (int) Math.ceil(3 * width / dr);
    double[] w = new double[2 * half + 1];
    for (int m = -half; m <= half; m++) {
      double x = m * dr / width;
      w[m + half] = Math.exp(-0.5 * x * x);
    }
    double[] out = new double[g.length];
    for (int k = 0; k < g.length; k++) {
      double s = 0;
      double ws = 0;
      for (int m = -half; m <= half; m++) {
        int q = k + m;
        if (q >= 0 && q < g.length) {
          s += w[m + half] * g[q];
          ws += w[m + half];
        }
      }
      out[k] = s / ws;
    }
    return out;
  }
}
