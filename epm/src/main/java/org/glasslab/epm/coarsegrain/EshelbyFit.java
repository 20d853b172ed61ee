package org.glasslab.epm.coarsegrain;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.DecompositionSolver;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * Fits the far-field displacement around a plastic event (or an imposed shear transformation) with
 * the 2D Eshelby field of a shear transformation in an isotropic elastic medium, the field whose
 * stress, {@code ~ cos 4 theta / r^2}, is the lattice's propagator ({@code
 * epm.propagator.EshelbyPropagator}), and measures where continuum elasticity starts to hold.
 *
 * <p>Model (plane elasticity, Green's function of an infinite isotropic medium; derivation in
 * docs/particle-lattice.md): a shear eigenstrain {@code eps0 [[cos 2phi, sin 2phi], [sin 2phi, -cos
 * 2phi]]} over an area {@code A0} displaces the far field by {@code u_r = B cos 2(theta - phi) /
 * r}, {@code u_theta = -kappa B sin 2(theta - phi) / r}, with {@code B = A0 eps0 / pi} [length^2]
 * and {@code kappa = mu / (lambda + 2 mu)} (2D Lamé constants; 1/3 when lambda = mu). Plus an
 * affine background {@code c + G x} (6 parameters) that absorbs the uniform strain of the periodic
 * images and of the fixed box. Ten linear parameters, least squares over the particles with {@code
 * r} in the fitted range; errors from the residual variance and the covariance, propagated to
 * {@code B}, {@code phi}, {@code kappa} to first order.
 *
 * <p>Continuum distance {@code r*}: the field is averaged over the particles (of every stacked
 * event) in cells of an annulus of width {@code binWidth} times one of {@link #SECTORS} angular
 * sectors; the relative residual of an annulus is {@code sqrt(sum_cells |<u> - <u_fit>|^2 /
 * sum_cells |<u_Eshelby>|^2)}, so that particle-scale non-affine noise averages out with the number
 * of particles and events per cell while a systematic departure does not; {@code r*} is the inner
 * edge of the first annulus from which every annulus out to {@code rMax} is below {@code
 * tolerance}. The fit is made on the outer half {@code [rMax / 2, rMax]}, so a near-field
 * correction {@code c / r^3} biases B by about {@code c / (B (rMax/2)^2)}.
 */
public final class EshelbyFit {
  private EshelbyFit() {}

  /**
   * The fit.
   *
   * @param amplitude B [length^2] ({@code A0 eps0 / pi} of the continuum inclusion)
   * @param amplitudeError its standard error
   * @param orientation phi in (-pi/2, pi/2] [rad]: the axis of the eigenstrain's extension
   * @param orientationError its standard error [rad]
   * @param kappa {@code u_theta / u_r} ratio {@code mu / (lambda + 2 mu)}
   * @param kappaError its standard error
   * @param rStar distance beyond which the Eshelby field holds within tolerance [length]; NaN if no
   *     annulus does
   * @param tolerance the relative residual that defines rStar
   * @param fitFrom inner radius of the final fit [length]
   * @param fitTo outer radius [length]
   * @param used particles in the final fit
   * @param binR annulus centres [length]
   * @param binResidual relative residual of each annulus (NaN for an empty one)
   * @param background c_x, c_y [length], G_xx, G_xy, G_yx, G_yy of the affine background
   */
  public record Result(
      double amplitude,
      double amplitudeError,
      double orientation,
      double orientationError,
      double kappa,
      double kappaError,
      double rStar,
      double tolerance,
      double fitFrom,
      double fitTo,
      int used,
      double[] binR,
      double[] binResidual,
      double[] background) {}

  /**
   * Fits {@code u} around the event centre.
   *
   * @param rel [2N] positions relative to the event centre (minimum image) [length]
   * @param u [2N] displacements [length]
   * @param rMax outer radius of the fit [length]; for a periodic sample about a quarter of the box:
   *     the affine background captures the periodic images' field only to first order in {@code r /
   *     L}, and beyond about {@code L / 3} the residual grows again
   * @param binWidth annulus width for the residual profile [length]
   * @param tolerance relative residual below which the continuum holds, in (0, 1)
   * @throws IllegalArgumentException on bad parameters or fewer than 20 particles to fit
   */
  public static Result fit(
      double[] rel, double[] u, double rMax, double binWidth, double tolerance) {
    if (rel.length != u.length || rel.length % 2 != 0) {
      throw new IllegalArgumentException(
          "positions and displacements must both have 2N entries, got "
              + rel.length
              + " and "
              + u.length);
    }
    if (!(rMax > 0) || !(binWidth > 0) || binWidth >= rMax) {
      throw new IllegalArgumentException(
          "need 0 < bin width < r_max, got " + binWidth + " and " + rMax);
    }
    if (!(tolerance > 0 && tolerance < 1)) {
      throw new IllegalArgumentException("tolerance must be in (0, 1), got " + tolerance);
    }
    double from = 0.5 * rMax;
    double[] p = solve(rel, u, from, rMax);
    int nb = (int) Math.ceil(rMax / binWidth);
    double[] res = residuals(rel, u, p, binWidth, nb);
    double rStar = rStar(res, binWidth, tolerance);
    double[] centres = new double[nb];
    for (int b = 0; b < nb; b++) {
      centres[b] = (b + 0.5) * binWidth;
    }
    double p1 = p[0];
    double p2 = p[1];
    double q1 = p[2];
    double q2 = p[3];
    double b2 = p1 * p1 + p2 * p2;
    double amp = Math.sqrt(b2);
    double kappa = (q1 * p1 + q2 * p2) / b2;
    // gradients of (B, phi, kappa) with respect to (p1, p2, q1, q2)
    double[][] jac = {
      {p1 / amp, p2 / amp, 0, 0},
      {-0.5 * p2 / b2, 0.5 * p1 / b2, 0, 0},
      {q1 / b2 - 2 * p1 * kappa / b2, q2 / b2 - 2 * p2 * kappa / b2, p1 / b2, p2 / b2}
    };
    double[] err = new double[3];
    int np = 10;
    for (int a = 0; a < 3; a++) {
      double v = 0;
      for (int i = 0; i < 4; i++) {
        for (int j = 0; j < 4; j++) {
          v += jac[a][i] * p[np + 1 + i * np + j] * jac[a][j];
        }
      }
      err[a] = Math.sqrt(Math.max(v, 0));
    }
    double[] bg = new double[6];
    System.arraycopy(p, 4, bg, 0, 6);
    return new Result(
        amp,
        err[0],
        0.5 * Math.atan2(p2, p1),
        err[1],
        kappa,
        err[2],
        rStar,
        tolerance,
        from,
        rMax,
        (int) p[np],
        centres,
        res,
        bg);
  }

  /** The 10 x 2 design rows of a particle at (x, y), into {@code rx} and {@code ry}. */
  private static void rows(double x, double y, double[] rx, double[] ry) {
    double r = Math.hypot(x, y);
    double c = x / r;
    double s = y / r;
    double c2 = c * c - s * s;
    double s2 = 2 * s * c;
    double[] a = {c2 * c / r, s2 * c / r, s2 * s / r, -c2 * s / r, 1, 0, x, y, 0, 0};
    double[] b = {c2 * s / r, s2 * s / r, -s2 * c / r, c2 * c / r, 0, 1, 0, 0, x, y};
    System.arraycopy(a, 0, rx, 0, 10);
    System.arraycopy(b, 0, ry, 0, 10);
  }

  /**
   * Least squares on {@code from <= r < to}: returns the 10 parameters, the count, then the 10 x 10
   * covariance (row major).
   */
  private static double[] solve(double[] rel, double[] u, double from, double to) {
    final int np = 10;
    double[][] ata = new double[np][np];
    double[] atb = new double[np];
    double[] rx = new double[np];
    double[] ry = new double[np];
    int n = 0;
    for (int k = 0; k < rel.length; k += 2) {
      double r = Math.hypot(rel[k], rel[k + 1]);
      if (r < from || r >= to || r == 0) {
        continue;
      }
      n++;
      rows(rel[k], rel[k + 1], rx, ry);
      for (int i = 0; i < np; i++) {
        atb[i] += rx[i] * u[k] + ry[i] * u[k + 1];
        for (int j = 0; j < np; j++) {
          ata[i][j] += rx[i] * rx[j] + ry[i] * ry[j];
        }
      }
    }
    if (n < 20) {
      throw new IllegalArgumentException(
          "only "
              + n
              + " particles between r = "
              + from
              + " and "
              + to
              + " to fit the Eshelby field; need 20 (raise r_max)");
    }
    RealMatrix m = new Array2DRowRealMatrix(ata, false);
    DecompositionSolver ds = new LUDecomposition(m).getSolver();
    double[] p = ds.solve(new ArrayRealVector(atb, false)).toArray();
    double ss = 0;
    for (int k = 0; k < rel.length; k += 2) {
      double r = Math.hypot(rel[k], rel[k + 1]);
      if (r < from || r >= to || r == 0) {
        continue;
      }
      rows(rel[k], rel[k + 1], rx, ry);
      double ex = u[k];
      double ey = u[k + 1];
      for (int i = 0; i < np; i++) {
        ex -= rx[i] * p[i];
        ey -= ry[i] * p[i];
      }
      ss += ex * ex + ey * ey;
    }
    double s2 = ss / Math.max(1, 2 * n - np);
    RealMatrix cov = ds.getInverse().scalarMultiply(s2);
    double[] out = new double[np + 1 + np * np];
    System.arraycopy(p, 0, out, 0, np);
    out[np] = n;
    for (int i = 0; i < np; i++) {
      for (int j = 0; j < np; j++) {
        out[np + 1 + i * np + j] = cov.getEntry(i, j);
      }
    }
    return out;
  }

  /** Angular sectors per annulus over which the field is averaged before the residual. */
  public static final int SECTORS = 16;

  private static double[] residuals(double[] rel, double[] u, double[] p, double w, int nb) {
    // per (annulus, sector) cell: count, mean measured field, mean fit, mean Eshelby part
    double[][] acc = new double[nb * SECTORS][7];
    double[] rx = new double[10];
    double[] ry = new double[10];
    for (int k = 0; k < rel.length; k += 2) {
      double r = Math.hypot(rel[k], rel[k + 1]);
      int b = (int) (r / w);
      if (r == 0 || b >= nb) {
        continue;
      }
      int sec = (int) ((Math.atan2(rel[k + 1], rel[k]) + Math.PI) / (2 * Math.PI) * SECTORS);
      double[] a = acc[b * SECTORS + Math.min(sec, SECTORS - 1)];
      rows(rel[k], rel[k + 1], rx, ry);
      double fx = 0;
      double fy = 0;
      double ex = 0;
      double ey = 0;
      for (int i = 0; i < 10; i++) {
        fx += rx[i] * p[i];
        fy += ry[i] * p[i];
        if (i < 4) {
          ex += rx[i] * p[i];
          ey += ry[i] * p[i];
        }
      }
      a[0]++;
      a[1] += u[k];
      a[2] += u[k + 1];
      a[3] += fx;
      a[4] += fy;
      a[5] += ex;
      a[6] += ey;
    }
    double[] out = new double[nb];
    for (int b = 0; b < nb; b++) {
      double num = 0;
      double den = 0;
      for (int q = 0; q < SECTORS; q++) {
        double[] a = acc[b * SECTORS + q];
        if (a[0] == 0) {
          continue;
        }
        double dx = (a[1] - a[3]) / a[0];
        double dy = (a[2] - a[4]) / a[0];
        num += dx * dx + dy * dy;
        den += (a[5] * a[5] + a[6] * a[6]) / (a[0] * a[0]);
      }
      out[b] = den > 0 ? Math.sqrt(num / den) : Double.NaN;
    }
    return out;
  }

  private static double rStar(double[] res, double w, double tol) {
    int first = res.length;
    for (int b = res.length - 1; b >= 0; b--) {
      if (Double.isNaN(res[b])) {
        continue; // an empty annulus says nothing
      }
      if (res[b] >= tol) {
        break;
      }
      first = b;
    }
    return first == res.length ? Double.NaN : first * w;
  }
}
