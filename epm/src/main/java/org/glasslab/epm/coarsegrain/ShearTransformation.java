package org.glasslab.epm.coarsegrain;

import org.glasslab.data.Box;
import org.glasslab.data.Configuration;
import org.glasslab.minimize.MinimizationObserver;
import org.glasslab.minimize.MinimizationResult;
import org.glasslab.minimize.Minimizer;
import org.glasslab.minimize.MinimizerOptions;

/**
 * An imposed local shear transformation in an inherent structure, the controlled plastic event
 * whose elastic response {@link EshelbyFit} measures: the particles within {@code core} of the
 * centre are displaced by the pure shear {@code eps0 [[cos 2phi, sin 2phi], [sin 2phi, -cos 2phi]]}
 * (relative to the centre, minimum image) and held there, and the rest of the sample relaxes.
 */
public final class ShearTransformation {
  private ShearTransformation() {}

  /**
   * The relaxed response.
   *
   * @param displacement [2N] final minus initial position of every particle (continuous) [sigma]
   * @param relative [2N] initial positions relative to the centre, minimum image [sigma]
   * @param core particles held in the core
   * @param minimization the relaxation of the rest
   */
  public record Response(
      double[] displacement, double[] relative, int core, MinimizationResult minimization) {}

  /**
   * Imposes the transformation and relaxes the rest.
   *
   * @param is the inherent structure
   * @param cx centre x [sigma]
   * @param cy centre y [sigma]
   * @param core core radius [sigma], positive and below a quarter of the box
   * @param eps0 shear amplitude (dimensionless), nonzero
   * @param phi axis of extension [rad]
   * @param minimizer the minimizer (the sample's potential)
   * @param options its stopping criteria
   * @throws IllegalArgumentException on a bad core radius or an empty core
   */
  public static Response impose(
      Configuration is,
      double cx,
      double cy,
      double core,
      double eps0,
      double phi,
      Minimizer minimizer,
      MinimizerOptions options) {
    Box b = is.box();
    double quarter = 0.25 * Math.min(b.lx(), b.ly());
    if (!(core > 0) || core >= quarter) {
      throw new IllegalArgumentException(
          "core radius must be in (0, " + quarter + ") (a quarter of the box), got " + core);
    }
    if (!(eps0 != 0) || !Double.isFinite(eps0)) {
      throw new IllegalArgumentException("eps0 must be finite and nonzero, got " + eps0);
    }
    int n = is.size();
    double exx = eps0 * Math.cos(2 * phi);
    double exy = eps0 * Math.sin(2 * phi);
    double[] rel = relative(is, cx, cy);
    double[] x = is.unwrappedPositions();
    boolean[] frozen = new boolean[n];
    int held = 0;
    for (int i = 0; i < n; i++) {
      double dx = rel[2 * i];
      double dy = rel[2 * i + 1];
      if (dx * dx + dy * dy < core * core) {
        frozen[i] = true;
        held++;
        x[2 * i] += exx * dx + exy * dy;
        x[2 * i + 1] += exy * dx - exx * dy;
      }
    }
    if (held == 0) {
      throw new IllegalArgumentException("core radius " + core + " holds no particle");
    }
    double[] w = x.clone();
    int[] im = new int[2 * n];
    b.wrapAll(w, im);
    Configuration start =
        new Configuration(
            b, w, im, is.diameters(), null, is.ids(), is.types(), is.step(), is.time());
    MinimizationResult r = minimizer.minimize(start, frozen, options, MinimizationObserver.NONE);
    double[] end = r.configuration().unwrappedPositions();
    double[] u0 = is.unwrappedPositions();
    double[] u = new double[2 * n];
    for (int k = 0; k < 2 * n; k++) {
      u[k] = end[k] - u0[k];
    }
    return new Response(u, rel, held, r);
  }

  /** Positions of {@code c} relative to ({@code cx}, {@code cy}), minimum image [2N]. */
  public static double[] relative(Configuration c, double cx, double cy) {
    Box b = c.box();
    double[] rel = new double[2 * c.size()];
    for (int i = 0; i < c.size(); i++) {
      rel[2 * i] = b.minImageX(c.x(i) - cx);
      rel[2 * i + 1] = b.minImageY(c.y(i) - cy);
    }
    return rel;
  }
}
