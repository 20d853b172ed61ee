package org.glasslab.minimize;

import org.glasslab.data.Configuration;
import org.glasslab.md.PairPotential;

/**
 * Nonlinear conjugate gradient, Polak–Ribière+ with automatic restart, with a line search on the
 * directional derivative (the method of the paper's inherent structures, Jha &amp; Sengupta §II).
 *
 * <p>Direction update: {@code d = F + beta d_prev} with {@code beta = max(0, F.(F - F_prev) /
 * F_prev.F_prev)} (PR+; beta = 0 is a steepest-descent restart), as in LAMMPS' {@code min_style
 * cg}; also restarted whenever {@code d} is not a descent direction. (Powell's extra restart test
 * {@code |F.F_prev| >= 0.2 F.F} was tried and cost about 30 % more force evaluations on N = 2000
 * random starts; see docs/minimizer.md.)
 *
 * <p>Line search along {@code d} on {@code phi(a) = E(x + a d)}, {@code phi'(a) = -F(x + a d).d}: a
 * step is accepted when it satisfies the strong Wolfe curvature condition {@code |phi'(a)| <= sigma
 * |phi'(0)|} and sufficient decrease {@code phi(a) <= phi(0) + c1 a phi'(0) + epsE}, where {@code
 * epsE} is the round-off of the energy sum (so the search keeps working when energy differences are
 * below round-off near the minimum: it is then driven by the derivative, which stays accurate).
 * Trial steps: the first from the previous step scaled by the ratio of directional derivatives
 * (Nocedal &amp; Wright 3.60), capped so no particle moves more than {@code maxStep}; then secant
 * steps on {@code phi'} while unbracketed (extrapolation, at most 4x), and once a minimum is
 * bracketed ({@code phi' > 0} or energy increase at the upper end) safeguarded secant steps that
 * must fall in the inner 90 % of the bracket, else bisection. A step at the displacement cap that
 * still descends is accepted. After {@code maxLineSearchEvaluations} trials the search fails: along
 * a conjugate direction CG restarts along the force; along the force itself the run stops with
 * {@link StopReason#LINE_SEARCH_FAILED} (not converged).
 */
public final class ConjugateGradient implements Minimizer {
  private static final double C1 = 1e-4;
  private static final double FIRST_STEP = 1e-3;

  private final PairPotential potential;
  private final double sigma;
  private final int maxLineSearchEvaluations;

  /** CG on {@code potential} with curvature parameter 0.1 and 40 line-search evaluations. */
  public ConjugateGradient(PairPotential potential) {
    this(potential, 0.1, 40);
  }

  /**
   * CG with explicit line-search settings.
   *
   * @param potential the pair kernel
   * @param sigma strong Wolfe curvature parameter in (0, 1) (0.1 is near-exact, as CG likes)
   * @param maxLineSearchEvaluations trial steps per line search before it fails
   */
  public ConjugateGradient(PairPotential potential, double sigma, int maxLineSearchEvaluations) {
    if (!(sigma > 0 && sigma < 1)) {
      throw new IllegalArgumentException("sigma must be in (0, 1), got " + sigma);
    }
    if (maxLineSearchEvaluations < 2) {
      throw new IllegalArgumentException(
          "maxLineSearchEvaluations must be >= 2, got " + maxLineSearchEvaluations);
    }
    this.potential = potential;
    this.sigma = sigma;
    this.maxLineSearchEvaluations = maxLineSearchEvaluations;
  }

  /**
   * Iterations without a new lowest max force after which a run is declared stalled: {@code
   * max(1000, 2N)}. Reached when ftol is below the round-off floor of the forces.
   */
  static int stallIterations(int n) {
    return Math.max(1000, 2 * n);
  }

  @Override
  public PairPotential potential() {
    return potential;
  }

  @Override
  public String name() {
    return "cg";
  }

  @Override
  public MinimizationResult minimize(
      Configuration start, boolean[] frozen, MinimizerOptions opt, MinimizationObserver observer) {
    EnergySurface surf =
        new EnergySurface(start, potential, opt.skin(), opt.maxNeighbours(), frozen);
    final int m = 2 * start.size();
    double[] x = surf.startPositions();
    double[] f = new double[m];
    double[] xt = new double[m];
    double[] ft = new double[m];
    double[] dir = new double[m];
    double e = surf.evaluate(x, f);
    double ff = EnergySurface.dot(f, f);
    double fmax = EnergySurface.maxAbs(f);
    System.arraycopy(f, 0, dir, 0, m);
    boolean steepest = true;
    double prevAlpha = Double.NaN;
    double prevSlope = Double.NaN;
    int iter = 0;
    double bestFmax = fmax;
    int bestIter = 0;
    final int stallLimit = stallIterations(start.size());
    double slope = ff; // F.dir = -phi'(0), kept up to date with dir
    double dirNorm = EnergySurface.maxParticleNorm(dir);
    observer.iteration(0, e, fmax, Math.sqrt(ff));
    StopReason reason;
    double[] ls = new double[5];
    while (true) {
      reason = Stopping.before(e, fmax, iter, surf.evaluations(), opt);
      if (reason != null) {
        break;
      }
      if (fmax < bestFmax) {
        bestFmax = fmax;
        bestIter = iter;
      } else if (iter - bestIter > stallLimit) {
        reason = StopReason.STALLED;
        break;
      }
      if (!(slope > 0)) {
        System.arraycopy(f, 0, dir, 0, m);
        slope = ff;
        dirNorm = EnergySurface.maxParticleNorm(dir);
        steepest = true;
      }
      double cap = opt.maxStep() / dirNorm;
      double alpha0 =
          Double.isNaN(prevAlpha) ? FIRST_STEP : prevAlpha * Math.min(10.0, prevSlope / slope);
      alpha0 = Math.min(alpha0, cap);
      boolean ok =
          lineSearch(surf, x, e, f, dir, slope, alpha0, cap, xt, ft, ls, opt.maxForceEvaluations());
      if (!ok) {
        if (!steepest) {
          System.arraycopy(f, 0, dir, 0, m);
          slope = ff;
          dirNorm = EnergySurface.maxParticleNorm(dir);
          steepest = true;
          prevAlpha = Double.NaN;
          continue;
        }
        reason =
            surf.evaluations() >= opt.maxForceEvaluations()
                ? StopReason.MAX_FORCE_EVALUATIONS
                : StopReason.LINE_SEARCH_FAILED;
        break;
      }
      double alpha = ls[0];
      double et = ls[1];
      double ftft = ls[2];
      double ftf = ls[3];
      // PR+ (beta = 0 restarts along the force); one pass also gives F_new.dir and max |dir_i|
      double beta = Math.max(0.0, (ftft - ftf) / ff);
      double newSlope = 0;
      double norm2 = 0;
      for (int k = 0; k < m; k += 2) {
        double d0 = ft[k] + beta * dir[k];
        double d1 = ft[k + 1] + beta * dir[k + 1];
        dir[k] = d0;
        dir[k + 1] = d1;
        newSlope += ft[k] * d0;
        newSlope += ft[k + 1] * d1;
        norm2 = Math.max(norm2, d0 * d0 + d1 * d1);
      }
      steepest = beta == 0.0;
      double eOld = e;
      double[] t = x;
      x = xt;
      xt = t;
      t = f;
      f = ft;
      ft = t;
      e = et;
      ff = ftft;
      fmax = ls[4];
      prevAlpha = alpha;
      prevSlope = slope;
      slope = newSlope;
      dirNorm = Math.sqrt(norm2);
      iter++;
      observer.iteration(iter, e, fmax, Math.sqrt(ff));
      if (Stopping.energy(e, eOld, fmax, opt)) {
        reason = StopReason.ENERGY_TOLERANCE;
        break;
      }
    }
    return new MinimizationResult(
        name(), surf.configuration(x), e, fmax, Math.sqrt(ff), iter, surf.evaluations(), reason);
  }

  /**
   * The line search (see the class comment). On success {@code xt}/{@code ft} hold the accepted
   * point and {@code out = (alpha, energy, F_t.F_t, F_t.F, max |F_t|)}; these sums come from the
   * same single pass over the trial forces that gives the directional derivative.
   *
   * @param slope {@code F(x).dir > 0}, i.e. {@code -phi'(0)}
   */
  private boolean lineSearch(
      EnergySurface surf,
      double[] x,
      double e0,
      double[] f,
      double[] dir,
      double slope,
      double alpha0,
      double cap,
      double[] xt,
      double[] ft,
      double[] out,
      long maxEvals) {
    final int m = x.length;
    final double g0 = -slope;
    final double epsE = 1e-13 * (Math.abs(e0) + m);
    double lo = 0;
    double glo = g0;
    double prevLo = Double.NaN;
    double gPrevLo = Double.NaN;
    double hi = Double.POSITIVE_INFINITY;
    double ghi = Double.NaN;
    double alpha = alpha0;
    for (int trial = 0; trial < maxLineSearchEvaluations; trial++) {
      if (surf.evaluations() >= maxEvals) {
        return false;
      }
      double et = surf.evaluateAt(x, alpha, dir, xt, ft);
      double gd = 0;
      double tt = 0;
      double tf = 0;
      double tmax = 0;
      for (int k = 0; k < m; k++) {
        double q = ft[k];
        gd += q * dir[k];
        tt += q * q;
        tf += q * f[k];
        tmax = Math.max(tmax, Math.abs(q));
      }
      out[2] = tt;
      out[3] = tf;
      out[4] = tmax;
      double gt = -gd;
      boolean finite = Double.isFinite(et) && Double.isFinite(gt);
      boolean decrease = finite && et <= e0 + C1 * alpha * g0 + epsE;
      if (decrease && Math.abs(gt) <= sigma * slope) {
        out[0] = alpha;
        out[1] = et;
        return true;
      }
      if (decrease && gt < 0 && alpha >= cap) {
        out[0] = alpha; // displacement cap reached while still descending: accept
        out[1] = et;
        return true;
      }
      if (!decrease || gt >= 0) {
        hi = alpha;
        ghi = finite && gt >= 0 ? gt : Double.NaN;
      } else {
        prevLo = lo;
        gPrevLo = glo;
        lo = alpha;
        glo = gt;
      }
      double next;
      if (hi < Double.POSITIVE_INFINITY) {
        double w = hi - lo;
        if (!(w > 1e-15 * hi)) {
          return false; // bracket collapsed to round-off
        }
        next = Double.isNaN(ghi) ? Double.NaN : lo - glo * w / (ghi - glo);
        if (!(next >= lo + 0.05 * w && next <= hi - 0.05 * w)) {
          next = lo + 0.5 * w;
        }
      } else {
        double grow = 4.0 * lo;
        if (!Double.isNaN(prevLo) && glo > gPrevLo) {
          next = lo - glo * (lo - prevLo) / (glo - gPrevLo);
          next = Math.max(1.1 * lo, Math.min(grow, next));
        } else {
          next = grow;
        }
        next = Math.min(next, cap);
      }
      alpha = next;
    }
    return false;
  }
}
