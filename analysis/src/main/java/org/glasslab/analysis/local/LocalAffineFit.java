package org.glasslab.analysis.local;

import org.glasslab.analysis.DisplacementMode;
import org.glasslab.analysis.structure.GofrLandmarks;
import org.glasslab.analysis.structure.RadialDistribution;
import org.glasslab.data.Box;
import org.glasslab.data.Configuration;
import org.glasslab.data.geometry.PairList;

/**
 * Optimal local affine map between a reference frame (time t, positions X) and a current frame (t +
 * dt, positions x), per particle (Jha &amp; Sengupta Appendix A, eqs A1-A20).
 *
 * <p>Neighbours N_i of particle i are the particles within {@code cutoff} of i in the
 * <b>reference</b> frame (default cutoff: the second minimum of the reference frame's g(r), i.e. up
 * to second neighbours). The periodic image of each pair is fixed by the reference frame: with
 * integer shift {@code k_ij} chosen there by the minimum-image convention,
 *
 * <pre>
 *   dX_ij = U_j - U_i + k_ij L_ref   (reference, unwrapped U)
 *   dx_ij = u_j - u_i + k_ij L_cur   (current, positions from the {@link DisplacementMode})
 *   A_i = sum_j dx_ij dX_ij^T,  B_i = sum_j dX_ij dX_ij^T,  H_i = A_i B_i^-1          (A10)
 *   D2min_i = (1/N_i) sum_j |dx_ij - H_i dX_ij|^2                                     (A11)
 *   d_i^NA  = (1/N_i) sum_j (dx_ij - H_i dX_ij)                                       (A12, eq 8)
 *   eps = H - I (paper, A14; or the symmetric part (H + H^T)/2 - I as an option)
 *   eps_vol = (eps_11 + eps_22)/2 (A19), |eps_vol| (A20),
 *   ||e|| = sqrt((eps_11 - eps_22)^2/2 + eps_12^2 + eps_21^2) (A17),
 *   ||eps|| = sqrt(eps_11^2 + eps_22^2 + eps_12^2 + eps_21^2) (A18),  det H (A27).
 * </pre>
 *
 * <p>Rotations: for a rigid rotation by theta, {@code H = R(theta)} and {@code D2min = 0}, but the
 * unsymmetrised strain {@code R - I} has off-diagonal entries {@code -+sin theta}, so {@code ||e||
 * = sqrt(2) |sin theta|} leaks in at first order in theta; the symmetric option reduces the leak to
 * {@code ||e|| = 0} and {@code eps_vol = cos theta - 1} (second order).
 *
 * <p>Degenerate neighbourhoods are flagged per particle ({@link LocalFitResult#FLAG_TOO_FEW} when
 * N_i &lt; minNeighbours, {@link LocalFitResult#FLAG_SINGULAR} when the smallest eigenvalue of B_i
 * is below {@code singularTolerance} times the largest) and their fields are NaN.
 *
 * <p>Boxes: the two frames may have different boxes (a deformed box); an affine map F compatible
 * with a rectangular box (diagonal F) maps dX_ij exactly to F dX_ij through {@code k_ij L_cur = F
 * k_ij L_ref}.
 */
public final class LocalAffineFit {
  private final Options options;

  /** Strain tensor convention. */
  public enum StrainMeasure {
    /** {@code eps = H - I}, not symmetrised, as in the paper (A3, A14). */
    PAPER,
    /** {@code eps = (H + H^T)/2 - I}: small-strain tensor, rotations removed to first order. */
    SYMMETRIC
  }

  /**
   * Parameters of the fit.
   *
   * @param cutoff neighbour cutoff r_c in the reference frame [length]; NaN selects the second
   *     minimum of the reference frame's g(r)
   * @param minNeighbours fewest neighbours for a fit (default 3; 2 would always fit exactly)
   * @param singularTolerance smallest accepted eigenvalue ratio of B_i (default 1e-10)
   * @param strain strain convention (default PAPER)
   * @param displacement how current positions are matched to the reference (default UNWRAPPED)
   */
  public record Options(
      double cutoff,
      int minNeighbours,
      double singularTolerance,
      StrainMeasure strain,
      DisplacementMode displacement) {
    /** Validates. */
    public Options {
      if (!Double.isNaN(cutoff) && !(cutoff > 0 && Double.isFinite(cutoff))) {
        throw new IllegalArgumentException(
            "cutoff must be positive or NaN (second minimum of g(r)), got " + cutoff);
      }
      if (minNeighbours < 2) {
        throw new IllegalArgumentException(
            "minNeighbours must be at least 2 to determine a 2x2 H, got " + minNeighbours);
      }
      if (!(singularTolerance >= 0) || !(singularTolerance < 1)) {
        throw new IllegalArgumentException(
            "singularTolerance must be in [0, 1), got " + singularTolerance);
      }
      if (strain == null || displacement == null) {
        throw new IllegalArgumentException("strain measure and displacement mode are required");
      }
    }

    /** Auto cutoff, 3 neighbours, tolerance 1e-10, paper strain, unwrapped displacements. */
    public static Options defaults() {
      return new Options(Double.NaN, 3, 1e-10, StrainMeasure.PAPER, DisplacementMode.UNWRAPPED);
    }

    /** The same options with an explicit cutoff (NaN = auto). */
    public Options withCutoff(double rc) {
      return new Options(rc, minNeighbours, singularTolerance, strain, displacement);
    }

    /** The same options with another strain measure. */
    public Options withStrain(StrainMeasure s) {
      return new Options(cutoff, minNeighbours, singularTolerance, s, displacement);
    }

    /** The same options with another displacement mode. */
    public Options withDisplacement(DisplacementMode d) {
      return new Options(cutoff, minNeighbours, singularTolerance, strain, d);
    }

    /** The same options with another minimum neighbour count. */
    public Options withMinNeighbours(int m) {
      return new Options(cutoff, m, singularTolerance, strain, displacement);
    }
  }

  /** A fit with the given options. */
  public LocalAffineFit(Options options) {
    this.options = options;
  }

  /** A fit with {@link Options#defaults()}. */
  public LocalAffineFit() {
    this(Options.defaults());
  }

  /** The options. */
  public Options options() {
    return options;
  }

  /**
   * The cutoff used for {@code reference}: the explicit one, or the second minimum of its g(r).
   *
   * @throws IllegalArgumentException if g(r) has no second minimum within its range
   */
  public double resolveCutoff(Configuration reference) {
    if (!Double.isNaN(options.cutoff())) {
      return options.cutoff();
    }
    GofrLandmarks lm = new RadialDistribution().compute(reference).landmarks();
    double rc = lm.secondMinimum();
    if (Double.isNaN(rc)) {
      throw new IllegalArgumentException(
          "could not locate the second minimum of the reference frame's g(r); pass an explicit"
              + " cutoff (e.g. --rc 2.4)");
    }
    return rc;
  }

  /**
   * Neighbour list of the reference frame for {@link #compute(Configuration, Configuration,
   * PairList)}, so one list serves many current frames.
   */
  public PairList referenceNeighbours(Configuration reference) {
    return PairList.full(reference.box(), reference.positions(), resolveCutoff(reference));
  }

  /**
   * Fits every particle.
   *
   * @param reference frame at time t (defines neighbours and pair images)
   * @param current frame at time t + dt (same particles, same order)
   */
  public LocalFitResult compute(Configuration reference, Configuration current) {
    return compute(reference, current, referenceNeighbours(reference));
  }

  /**
   * Fits every particle with a precomputed neighbour list of the reference frame.
   *
   * @param reference frame at time t
   * @param current frame at time t + dt (same N)
   * @param neighbours list built on {@code reference} (see {@link #referenceNeighbours})
   */
  public LocalFitResult compute(
      Configuration reference, Configuration current, PairList neighbours) {
    int n = reference.size();
    if (neighbours.size() != n) {
      throw new IllegalArgumentException(
          "neighbour list has " + neighbours.size() + " particles, reference frame has " + n);
    }
    Box rb = reference.box();
    Box cb = current.box();
    double[] ref = reference.unwrappedPositions();
    double[] cur = options.displacement().currentPositions(reference, current, null);
    double clx = cb.lx();
    double cly = cb.ly();

    int[] count = new int[n];
    byte[] flags = new byte[n];
    double[] h = new double[4 * n];
    double[] d2 = new double[n];
    double[] na = new double[2 * n];
    double[] eps = new double[4 * n];
    double[] epsVol = new double[n];
    double[] dev = new double[n];
    double[] tot = new double[n];
    double[] det = new double[n];
    boolean sym = options.strain() == StrainMeasure.SYMMETRIC;
    int minNb = options.minNeighbours();
    double[] sepX = new double[64]; // current separations dx_ij of one particle (scratch)
    double[] sepY = new double[64];
    double tol = options.singularTolerance();

    for (int i = 0; i < n; i++) {
      int s = neighbours.start(i);
      int e = neighbours.end(i);
      int ni = e - s;
      count[i] = ni;
      double uix = ref[2 * i];
      double uiy = ref[2 * i + 1];
      double cix = cur[2 * i];
      double ciy = cur[2 * i + 1];
      if (ni < minNb) {
        flags[i] = LocalFitResult.FLAG_TOO_FEW;
        fillNaN(i, h, d2, na, eps, epsVol, dev, tot, det);
        continue;
      }
      double axx = 0;
      double axy = 0;
      double ayx = 0;
      double ayy = 0;
      double bxx = 0;
      double bxy = 0;
      double byy = 0;
      if (ni > sepX.length) {
        sepX = new double[2 * ni];
        sepY = new double[2 * ni];
      }
      for (int k = s; k < e; k++) {
        int j = neighbours.neighbour(k);
        double dX = neighbours.dx(k);
        double dY = neighbours.dy(k);
        // Integer image shift of the pair, fixed by the reference frame: dX = U_j - U_i + k L_ref.
        double kx = -rb.imagesX(ref[2 * j] - uix);
        double ky = -rb.imagesY(ref[2 * j + 1] - uiy);
        double dx = cur[2 * j] - cix + kx * clx;
        double dy = cur[2 * j + 1] - ciy + ky * cly;
        sepX[k - s] = dx;
        sepY[k - s] = dy;
        axx += dx * dX;
        axy += dx * dY;
        ayx += dy * dX;
        ayy += dy * dY;
        bxx += dX * dX;
        bxy += dX * dY;
        byy += dY * dY;
      }
      double detB = bxx * byy - bxy * bxy;
      double tr = bxx + byy;
      double disc = Math.sqrt((bxx - byy) * (bxx - byy) + 4 * bxy * bxy);
      double lmax = 0.5 * (tr + disc);
      double lmin = lmax > 0 ? detB / lmax : 0;
      if (!(lmax > 0) || !(lmin > tol * lmax)) {
        flags[i] = LocalFitResult.FLAG_SINGULAR;
        fillNaN(i, h, d2, na, eps, epsVol, dev, tot, det);
        continue;
      }
      double ib = 1.0 / detB;
      // B^-1 = [[byy, -bxy], [-bxy, bxx]] / det B
      double hxx = (axx * byy - axy * bxy) * ib;
      double hxy = (axy * bxx - axx * bxy) * ib;
      double hyx = (ayx * byy - ayy * bxy) * ib;
      double hyy = (ayy * bxx - ayx * bxy) * ib;
      double sum2 = 0;
      double sx = 0;
      double sy = 0;
      for (int k = s; k < e; k++) {
        double dX = neighbours.dx(k);
        double dY = neighbours.dy(k);
        double rx = sepX[k - s] - (hxx * dX + hxy * dY);
        double ry = sepY[k - s] - (hyx * dX + hyy * dY);
        sum2 += rx * rx + ry * ry;
        sx += rx;
        sy += ry;
      }
      double inv = 1.0 / ni;
      h[4 * i] = hxx;
      h[4 * i + 1] = hxy;
      h[4 * i + 2] = hyx;
      h[4 * i + 3] = hyy;
      d2[i] = sum2 * inv;
      na[2 * i] = sx * inv;
      na[2 * i + 1] = sy * inv;
      double e11 = hxx - 1;
      double e22 = hyy - 1;
      double e12 = sym ? 0.5 * (hxy + hyx) : hxy;
      double e21 = sym ? e12 : hyx;
      eps[4 * i] = e11;
      eps[4 * i + 1] = e12;
      eps[4 * i + 2] = e21;
      eps[4 * i + 3] = e22;
      epsVol[i] = 0.5 * (e11 + e22);
      double diff = e11 - e22;
      dev[i] = Math.sqrt(0.5 * diff * diff + e12 * e12 + e21 * e21);
      tot[i] = Math.sqrt(e11 * e11 + e22 * e22 + e12 * e12 + e21 * e21);
      det[i] = hxx * hyy - hxy * hyx;
    }
    return new LocalFitResult(
        neighbours.cutoff(),
        Double.isNaN(options.cutoff()) ? "second minimum of g(r)" : "explicit",
        options,
        count,
        flags,
        h,
        d2,
        na,
        eps,
        epsVol,
        dev,
        tot,
        det);
  }

  private static void fillNaN(
      int i,
      double[] h,
      double[] d2,
      double[] na,
      double[] eps,
      double[] epsVol,
      double[] dev,
      double[] tot,
      double[] det) {
    for (int c = 0; c < 4; c++) {
      h[4 * i + c] = Double.NaN;
      eps[4 * i + c] = Double.NaN;
    }
    d2[i] = Double.NaN;
    na[2 * i] = Double.NaN;
    na[2 * i + 1] = Double.NaN;
    epsVol[i] = Double.NaN;
    dev[i] = Double.NaN;
    tot[i] = Double.NaN;
    det[i] = Double.NaN;
  }
}
