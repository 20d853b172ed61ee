package org.glasslab.minimize;

import org.glasslab.data.Configuration;
import org.glasslab.md.PairPotential;

/**
 * FIRE 2.0 (Guénolé et al., Comput. Mater. Sci. 175, 109584 (2020)): damped inertial descent with
 * adaptive time step, unit masses, semi-implicit (symplectic) Euler integration.
 *
 * <p>One iteration, with {@code P = F.v}:
 *
 * <ol>
 *   <li>if {@code P > 0}: count positive steps; after more than {@code nDelay} of them grow {@code
 *       dt <- min(dt fInc, dtMax)} and shrink {@code alpha <- alpha fAlpha};
 *   <li>else: reset the positive count; stop ({@link StopReason#STALLED}) after more than {@code
 *       nNegMax} consecutive non-positive steps; unless still in the initial delay ({@code
 *       iteration < nDelay}) shrink {@code dt <- max(dt fDec, dtMin)} and reset {@code alpha <-
 *       alphaStart}; move half of the last position step back {@code x <- x - h/2 v} and stop the
 *       particles {@code v <- 0};
 *   <li>{@code v <- v + dt F}; then mix {@code v <- (1 - alpha) v + alpha |v| F/|F|} (after the
 *       velocity update, the 2.0 ordering); {@code x <- x + dt v} with the step scaled down so no
 *       particle moves more than {@code maxStep};
 *   <li>new forces and energy; convergence checks.
 * </ol>
 *
 * Defaults (the FIRE 2.0 paper's): nDelay 20, fInc 1.1, fDec 0.5, alphaStart 0.25, fAlpha 0.99,
 * dtMax = 10 dt0, dtMin = 0.02 dt0, nNegMax 2000; dt0 = 0.005 (reduced units).
 */
public final class Fire implements Minimizer {
  private final PairPotential potential;
  private final double dt0;
  private static final int N_DELAY = 20;
  private static final double F_INC = 1.1;
  private static final double F_DEC = 0.5;
  private static final double ALPHA_START = 0.25;
  private static final double F_ALPHA = 0.99;
  private static final int N_NEG_MAX = 2000;

  /** FIRE 2.0 with initial time step 0.005. */
  public Fire(PairPotential potential) {
    this(potential, 0.005);
  }

  /**
   * FIRE 2.0 with initial time step {@code dt0} [time]; dtMax = 10 dt0, dtMin = 0.02 dt0.
   *
   * @throws IllegalArgumentException if dt0 is not finite and positive
   */
  public Fire(PairPotential potential, double dt0) {
    if (!(dt0 > 0) || !Double.isFinite(dt0)) {
      throw new IllegalArgumentException("FIRE time step must be finite and positive, got " + dt0);
    }
    this.potential = potential;
    this.dt0 = dt0;
  }

  @Override
  public PairPotential potential() {
    return potential;
  }

  @Override
  public String name() {
    return "fire";
  }

  @Override
  public MinimizationResult minimize(
      Configuration start, boolean[] frozen, MinimizerOptions opt, MinimizationObserver observer) {
    EnergySurface surf =
        new EnergySurface(start, potential, opt.skin(), opt.maxNeighbours(), frozen);
    final int m = 2 * start.size();
    final double dtMax = 10 * dt0;
    final double dtMin = 0.02 * dt0;
    double[] x = surf.startPositions();
    double[] f = new double[m];
    double[] v = new double[m];
    double e = surf.evaluate(x, f);
    double ff = EnergySurface.dot(f, f);
    double fmax = EnergySurface.maxAbs(f);
    double dt = dt0;
    double alpha = ALPHA_START;
    double lastH = 0; // the position step actually taken last (dt or less at the displacement cap)
    int nPos = 0;
    int nNeg = 0;
    int iter = 0;
    observer.iteration(0, e, fmax, Math.sqrt(ff));
    StopReason reason;
    while (true) {
      reason = Stopping.before(e, fmax, iter, surf.evaluations(), opt);
      if (reason != null) {
        break;
      }
      double p = EnergySurface.dot(f, v);
      if (p > 0) {
        nPos++;
        nNeg = 0;
        if (nPos > N_DELAY) {
          dt = Math.min(dt * F_INC, dtMax);
          alpha *= F_ALPHA;
        }
      } else {
        nPos = 0;
        nNeg++;
        if (nNeg > N_NEG_MAX) {
          reason = StopReason.STALLED;
          break;
        }
        if (iter >= N_DELAY) {
          dt = Math.max(dt * F_DEC, dtMin);
          alpha = ALPHA_START;
        }
        for (int k = 0; k < m; k++) {
          x[k] -= 0.5 * lastH * v[k];
          v[k] = 0.0;
        }
      }
      double vv = 0;
      for (int k = 0; k < m; k++) {
        double vk = v[k] + dt * f[k];
        v[k] = vk;
        vv += vk * vk;
      }
      double mix = ff > 0 ? alpha * Math.sqrt(vv / ff) : 0.0;
      for (int k = 0; k < m; k++) {
        v[k] = (1 - alpha) * v[k] + mix * f[k];
      }
      double h = dt;
      double vmax = EnergySurface.maxParticleNorm(v);
      if (vmax * h > opt.maxStep()) {
        h = opt.maxStep() / vmax;
      }
      lastH = h;
      double eOld = e;
      e = surf.evaluateAt(x, h, v, x, f); // x <- x + h v, then energy and forces there
      ff = EnergySurface.dot(f, f);
      fmax = EnergySurface.maxAbs(f);
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
}
