package org.glasslab.analysis.structure;

import org.glasslab.data.Box;
import org.glasslab.data.Configuration;
import org.glasslab.data.Limits;
import org.glasslab.data.geometry.PairList;

/**
 * Per-particle caging softness (Jha &amp; Sengupta Appendix C, after Sharma et al.).
 *
 * <p>Formula, for particle i in a frame of number density {@code rho = N / A}:
 *
 * <pre>
 *   g_i(r)   = 1 / (2 pi r rho) * sum_j exp(-(r - r_ij)^2 / (2 delta^2)) / sqrt(2 pi delta^2)   (C1)
 *   c_i(r)  ~= g_i(r) - 1                                                                     (C4)
 *   beta phi_i = -2 pi rho * integral_{rMin}^{rMax} r c_i(r) g_i(r) dr                          (C5)
 *   S_i      = 1 / |beta phi_i|                                                               (C6)
 * </pre>
 *
 * <p>Numerics: the integral is evaluated with composite Simpson's rule on a uniform grid of spacing
 * {@code h <= gridSpacing} that ends exactly on rMin and rMax; each Gaussian of C1 is truncated at
 * {@code gaussianCutoff * delta} (default 8, a relative weight below 1.3e-14) and evaluated with an
 * exact multiplicative recurrence (three {@code exp} calls per neighbour). The integrand is written
 * {@code q (q / r - 1)} with {@code q = r g_i} so that rMin = 0 is allowed. Preconditions: {@code
 * rMax + gaussianCutoff * delta < min(Lx, Ly) / 2}.
 *
 * <p>The result depends strongly on delta, rMin and rMax (the per-particle integral of {@code
 * g_i^2} grows with rMax), so they are reported with every result. Defaults: delta 0.02 (paper),
 * rMin 0.5 (inside the core, where {@code g_i = 0}, so any smaller value gives the same S), rMax =
 * the first minimum of the frame's g(r) (the first coordination shell, i.e. the cage), grid spacing
 * delta/20.
 */
public final class CagingSoftness {
  private final Options options;

  /**
   * Parameters of the softness integral; every one is reported with the result.
   *
   * @param delta Gaussian width of C1 [length], positive (default 0.02)
   * @param rMin lower integration limit [length], &ge; 0 (default 0.5)
   * @param rMax upper integration limit [length]; NaN selects the first minimum of g(r)
   * @param gridSpacing maximal integration step [length]; NaN selects delta / 20
   * @param gaussianCutoff truncation of each Gaussian in units of delta (default 8)
   */
  public record Options(
      double delta, double rMin, double rMax, double gridSpacing, double gaussianCutoff) {
    /** Validates. */
    public Options {
      if (!(delta > 0) || !Double.isFinite(delta)) {
        throw new IllegalArgumentException("softness delta must be positive, got " + delta);
      }
      if (!(rMin >= 0) || !Double.isFinite(rMin)) {
        throw new IllegalArgumentException("softness rMin must be >= 0, got " + rMin);
      }
      if (!Double.isNaN(rMax) && !(rMax > rMin && Double.isFinite(rMax))) {
        throw new IllegalArgumentException(
            "softness rMax must exceed rMin " + rMin + " (or be NaN for auto), got " + rMax);
      }
      if (!Double.isNaN(gridSpacing) && !(gridSpacing > 0 && Double.isFinite(gridSpacing))) {
        throw new IllegalArgumentException(
            "softness grid spacing must be positive or NaN (auto), got " + gridSpacing);
      }
      if (!(gaussianCutoff >= 4) || !Double.isFinite(gaussianCutoff)) {
        throw new IllegalArgumentException(
            "Gaussian cutoff must be at least 4 widths, got " + gaussianCutoff);
      }
    }

    /** delta 0.02, rMin 0.5, rMax auto (first minimum of g(r)), spacing delta/20, cutoff 8. */
    public static Options defaults() {
      return new Options(0.02, 0.5, Double.NaN, Double.NaN, 8.0);
    }

    /** The same options with another delta. */
    public Options withDelta(double d) {
      return new Options(d, rMin, rMax, gridSpacing, gaussianCutoff);
    }

    /** The same options with other integration limits (NaN rMax = auto). */
    public Options withLimits(double lo, double hi) {
      return new Options(delta, lo, hi, gridSpacing, gaussianCutoff);
    }

    /** The same options with another grid spacing (NaN = delta / 20). */
    public Options withGridSpacing(double h) {
      return new Options(delta, rMin, rMax, h, gaussianCutoff);
    }
  }

  /**
   * Softness of one frame.
   *
   * @param betaPhi [N] caging depth {@code beta phi_i} of C5 (dimensionless)
   * @param softness [N] {@code S_i = 1/|beta phi_i|}; +Infinity when no neighbour lies in range
   * @param delta Gaussian width used [length]
   * @param rMin lower limit used [length]
   * @param rMax upper limit used [length]
   * @param rMaxSource "explicit" or "first minimum of g(r)"
   * @param gridSpacing the actual Simpson step [length]
   * @param gridPoints number of grid points
   * @param gaussianCutoff truncation in units of delta
   * @param density bulk number density N / A [length^-2]
   */
  public record Result(
      double[] betaPhi,
      double[] softness,
      double delta,
      double rMin,
      double rMax,
      String rMaxSource,
      double gridSpacing,
      int gridPoints,
      double gaussianCutoff,
      double density) {
    /** Copies the arrays. */
    public Result {
      betaPhi = betaPhi.clone();
      softness = softness.clone();
    }

    @Override
    public double[] betaPhi() {
      return betaPhi.clone();
    }

    @Override
    public double[] softness() {
      return softness.clone();
    }

    /** Number of particles. */
    public int size() {
      return softness.length;
    }
  }

  /** A softness analysis with the given options. */
  public CagingSoftness(Options options) {
    this.options = options;
  }

  /** A softness analysis with {@link Options#defaults()}. */
  public CagingSoftness() {
    this(Options.defaults());
  }

  /** The options. */
  public Options options() {
    return options;
  }

  /** Softness of every particle of {@code frame}. */
  public Result compute(Configuration frame) {
    return compute(frame.box(), frame.positions());
  }

  /**
   * Softness of every particle of a frame given by its box and wrapped positions.
   *
   * @param positions [2N] wrapped [length], not modified
   * @throws IllegalArgumentException if rMax is automatic and g(r) has no first minimum, or the
   *     integration range does not fit in half the box
   */
  public Result compute(Box box, double[] positions) {
    double delta = options.delta();
    double rMin = options.rMin();
    double rMax = options.rMax();
    String source = "explicit";
    if (Double.isNaN(rMax)) {
      GofrLandmarks lm = new RadialDistribution().compute(box, positions).landmarks();
      rMax = lm.firstMinimum();
      source = "first minimum of g(r)";
      if (Double.isNaN(rMax)) {
        throw new IllegalArgumentException(
            "could not locate the first minimum of g(r) for the softness rMax; pass rMax explicitly");
      }
      if (rMax <= rMin) {
        throw new IllegalArgumentException(
            "first minimum of g(r) " + rMax + " is below softness rMin " + rMin);
      }
    }
    double reach = options.gaussianCutoff() * delta;
    double cutoff = rMax + reach;
    double half = 0.5 * Math.min(box.lx(), box.ly());
    if (cutoff >= half) {
      throw new IllegalArgumentException(
          "softness rMax + "
              + options.gaussianCutoff()
              + " delta = "
              + cutoff
              + " must be below half the smallest box edge "
              + half);
    }
    double hMax = Double.isNaN(options.gridSpacing()) ? delta / 20 : options.gridSpacing();
    // Simpson needs an even number of intervals; checked before the int conversion can overflow.
    double wanted = 2 * Math.ceil(0.5 * Math.ceil((rMax - rMin) / hMax - 1e-9));
    int intervals =
        Math.max(
            2,
            Limits.elements(
                    wanted + 1,
                    24,
                    "softness integration points for grid spacing "
                        + hMax
                        + " on ["
                        + rMin
                        + ", "
                        + rMax
                        + "]")
                - 1);
    double h = (rMax - rMin) / intervals;
    int points = intervals + 1;

    int n = positions.length / 2;
    double rho = n / box.area();
    PairList list = PairList.full(box, positions, cutoff);

    double[] grid = new double[points];
    double[] weight = new double[points];
    for (int k = 0; k < points; k++) {
      grid[k] = k == intervals ? rMax : rMin + k * h;
      weight[k] = (k == 0 || k == intervals) ? h / 3 : ((k & 1) == 1 ? 4 * h / 3 : 2 * h / 3);
    }
    double norm = 1.0 / Math.sqrt(2 * Math.PI * delta * delta);
    double inv2d2 = 1.0 / (2 * delta * delta);
    double stepFactor = Math.exp(-h * h / (delta * delta));
    double qScale = norm / (2 * Math.PI * rho);
    double[] kernel = new double[points];
    double[] betaPhi = new double[n];
    double[] soft = new double[n];
    for (int i = 0; i < n; i++) {
      int lo = points;
      int hi = -1;
      for (int e = list.start(i); e < list.end(i); e++) {
        double dx = list.dx(e);
        double dy = list.dy(e);
        double rij = Math.sqrt(dx * dx + dy * dy);
        if (rij + reach < rMin || rij - reach > rMax) {
          continue;
        }
        int k0 = Math.max(0, (int) Math.ceil((rij - reach - rMin) / h));
        int k1 = Math.min(intervals, (int) Math.floor((rij + reach - rMin) / h));
        if (k0 > k1) {
          continue;
        }
        lo = Math.min(lo, k0);
        hi = Math.max(hi, k1);
        // exp(-t_k^2/(2 d^2)) by the recurrence e_{k+1} = e_k a_k, a_{k+1} = a_k exp(-h^2/d^2).
        double t = rMin + k0 * h - rij;
        double ek = Math.exp(-t * t * inv2d2);
        double ak = Math.exp(-(2 * t * h + h * h) * inv2d2);
        for (int k = k0; k <= k1; k++) {
          kernel[k] += ek;
          ek *= ak;
          ak *= stepFactor;
        }
      }
      // Only [lo, hi] was touched: integrate it and zero it for the next particle.
      double integral = 0;
      for (int k = lo; k <= hi; k++) {
        double q = kernel[k] * qScale; // q = r g_i(r)
        kernel[k] = 0;
        if (q == 0) {
          continue;
        }
        integral += weight[k] * q * (q / grid[k] - 1);
      }
      double bp = -2 * Math.PI * rho * integral;
      betaPhi[i] = bp;
      soft[i] = 1.0 / Math.abs(bp);
    }
    return new Result(
        betaPhi, soft, delta, rMin, rMax, source, h, points, options.gaussianCutoff(), rho);
  }
}
