package org.glasslab.analysis.structure;

import org.glasslab.data.Box;
import org.glasslab.data.Configuration;
import org.glasslab.data.Limits;
import org.glasslab.data.geometry.CellList;

/**
 * The radial distribution function g(r) of one periodic 2D frame, all particles together
 * (polydisperse systems are treated as one species, as in the paper's Fig. 10).
 *
 * <p>Formula: with {@code n_k} the number of ordered pairs (i, j != i) whose minimum-image distance
 * falls in bin {@code k = [k dr, (k+1) dr)},
 *
 * <pre>
 *   g(r_k) = n_k / ( N * rho' * pi * ((k+1)^2 - k^2) dr^2 ),   rho' = (N - 1) / A,
 * </pre>
 *
 * reported at the bin centre {@code r_k = (k + 1/2) dr}. Using {@code (N-1)/A} makes an ideal gas
 * give exactly {@code <g> = 1}. Preconditions: {@code rMax < min(Lx, Ly) / 2}.
 */
public final class RadialDistribution {
  private final Options options;

  /**
   * Binning of g(r).
   *
   * @param rMax largest distance [length]; {@code NaN} selects {@code min(5, 0.999 * min(L)/2)}
   * @param binWidth bin width [length], positive (default 0.02)
   */
  public record Options(double rMax, double binWidth) {
    /** Validates the values that do not depend on the box. */
    public Options {
      if (!Double.isNaN(rMax) && !(rMax > 0 && Double.isFinite(rMax))) {
        throw new IllegalArgumentException("g(r) rMax must be positive or NaN (auto), got " + rMax);
      }
      if (!(binWidth > 0) || !Double.isFinite(binWidth)) {
        throw new IllegalArgumentException("g(r) bin width must be positive, got " + binWidth);
      }
    }

    /** Defaults: automatic rMax, bin width 0.02. */
    public static Options defaults() {
      return new Options(Double.NaN, 0.02);
    }

    /** The rMax used for {@code box}: explicit or {@code min(5, 0.999 * min(Lx,Ly)/2)}. */
    public double resolveRMax(Box box) {
      double half = 0.5 * Math.min(box.lx(), box.ly());
      if (Double.isNaN(rMax)) {
        return Math.min(5.0, 0.999 * half);
      }
      if (rMax >= half) {
        throw new IllegalArgumentException(
            "g(r) rMax " + rMax + " must be below half the smallest box edge " + half);
      }
      return rMax;
    }
  }

  /**
   * g(r) of one frame.
   *
   * @param r [K] bin centres [length]
   * @param g [K] g(r) (dimensionless)
   * @param binWidth bin width [length]
   * @param rMax upper edge of the last bin [length]
   * @param particles N
   * @param density N / A [length^-2]
   */
  public record Result(
      double[] r, double[] g, double binWidth, double rMax, int particles, double density) {
    /** Copies the arrays. */
    public Result {
      r = r.clone();
      g = g.clone();
    }

    @Override
    public double[] r() {
      return r.clone();
    }

    @Override
    public double[] g() {
      return g.clone();
    }

    /** Landmarks (peaks and minima) with the default detector settings. */
    public GofrLandmarks landmarks() {
      return GofrLandmarks.find(this, GofrLandmarks.Options.defaults());
    }
  }

  /** An analysis with the given binning. */
  public RadialDistribution(Options options) {
    this.options = options;
  }

  /** An analysis with {@link Options#defaults()}. */
  public RadialDistribution() {
    this(Options.defaults());
  }

  /** The options. */
  public Options options() {
    return options;
  }

  /** g(r) of {@code frame} (wrapped positions, minimum image). */
  public Result compute(Configuration frame) {
    return compute(frame.box(), frame.positions());
  }

  /**
   * g(r) of a frame given by its box and wrapped positions.
   *
   * @param positions [2N] wrapped [length], not modified
   */
  public Result compute(Box box, double[] positions) {
    double rMax = options.resolveRMax(box);
    double dr = options.binWidth();
    int bins =
        Limits.elements(
            Math.ceil(rMax / dr - 1e-9), 8, "g(r) bins of width " + dr + " up to r = " + rMax);
    double top = bins * dr;
    if (top >= 0.5 * Math.min(box.lx(), box.ly())) {
      bins--;
      top = bins * dr;
    }
    if (bins < 1) {
      throw new IllegalArgumentException("g(r) bin width " + dr + " exceeds rMax " + rMax);
    }
    int n = positions.length / 2;
    if (n < 2) {
      throw new IllegalArgumentException("g(r) needs at least 2 particles, got " + n);
    }
    long[] counts = new long[bins];
    int nb = bins;
    double inv = 1.0 / dr;
    CellList.of(box, top)
        .forEachPair(
            positions,
            (i, j, dx, dy, r2) -> {
              int b = (int) (Math.sqrt(r2) * inv);
              if (b < nb) {
                counts[b] += 2; // ordered pairs (i, j) and (j, i)
              }
            });
    double rhoPrime = (n - 1) / box.area();
    double[] rc = new double[bins];
    double[] g = new double[bins];
    for (int b = 0; b < bins; b++) {
      double lo = b * dr;
      double hi = (b + 1) * dr;
      double shell = Math.PI * (hi * hi - lo * lo);
      rc[b] = (b + 0.5) * dr;
      g[b] = counts[b] / (n * rhoPrime * shell);
    }
    return new Result(rc, g, dr, top, n, n / box.area());
  }
}
