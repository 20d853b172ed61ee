package org.glasslab.epm.coarsegrain;

import java.util.Arrays;
import org.glasslab.data.Box;
import org.glasslab.data.Configuration;
import org.glasslab.data.random.Rng;
import org.glasslab.md.PairPotential;
import org.glasslab.minimize.MinimizationResult;
import org.glasslab.minimize.Minimizer;

/**
 * Local yield stress of a circular patch of an inherent structure by the frozen-matrix method
 * (Patinet, Vandembroucq &amp; Falk, PRL 117, 045501 (2016)): the particles within {@code R} of the
 * centre relax, the ones outside follow an imposed affine simple shear and are frozen; the patch
 * shear stress {@code tau(gamma)} is followed by quasistatic strain steps until the first plastic
 * instability.
 *
 * <p>Geometry: simple shear of orientation {@code alpha} and sign {@code s} moves a point {@code r}
 * (relative to the patch centre) by {@code s gamma (n.r) t}, {@code t = (cos alpha, sin alpha)},
 * {@code n = (-sin alpha, cos alpha)}. Stress: {@code tau = -s W_tn / (pi R^2)} with the pair
 * virial {@code W_tn = sum (-U'/r)(r.t)(r.n)} of the patch particles (half of each pair per patch
 * particle), i.e. the stress conjugate to the imposed strain, positive when it resists it
 * [epsilon/sigma^2]; this is minus the project's virial stress sign ({@code md.StressConvention}).
 *
 * <p>Only the patch and a frozen shell of width {@code 1.5 (1 + maxStrain) r_cut} around it are
 * relaxed, carved out of the periodic box into an isolated box (the rest of the sample cannot
 * interact with the patch). At each step the previous relaxed state is advanced affinely, perturbed
 * by {@code jitter} (a perfect crystal's affine state is a force-free saddle beyond its
 * instability: without a perturbation no minimizer would leave it) and minimized with the frozen
 * shell fixed. A step whose relaxation moves some particle by more than {@code jumpThreshold} away
 * from the affinely advanced state is a plastic event; the step is then halved from the last stable
 * state down to {@code minStrainStep}, so the yield strain is resolved to that step. Not
 * thread-safe: one instance per thread.
 */
public final class FrozenMatrix {

  /**
   * Parameters of the method; lengths in mean diameters sigma, stresses in epsilon/sigma^2.
   *
   * @param radius patch radius R [sigma]; Patinet et al. use 5
   * @param strainStep largest strain step Delta gamma (dimensionless)
   * @param minStrainStep smallest step of the refinement near an instability; the yield strain's
   *     resolution
   * @param orientations number of shear orientations alpha_k = k pi / orientations in [0, pi)
   * @param shearSign +1 or -1: the sign of the imposed shear
   * @param maxStrain strain at which a patch that has not yielded is given up (reported as not
   *     yielded)
   * @param jumpThreshold largest non-affine displacement in one step that still counts as elastic
   *     [sigma]
   * @param jitter standard deviation of the Gaussian perturbation of the free particles before each
   *     minimization [sigma]
   * @param seed seed of the perturbations (each patch and orientation has its own stream)
   * @param minimizer the minimizer (its potential is the patch's)
   * @param minimizerOptions its stopping criteria (ftol in epsilon/sigma)
   */
  public record Options(
      double radius,
      double strainStep,
      double minStrainStep,
      int orientations,
      int shearSign,
      double maxStrain,
      double jumpThreshold,
      double jitter,
      long seed,
      Minimizer minimizer,
      org.glasslab.minimize.MinimizerOptions minimizerOptions) {

    /** Validates, naming the parameter. */
    public Options {
      positive("radius", radius);
      positive("strain_step", strainStep);
      positive("min_strain_step", minStrainStep);
      if (minStrainStep > strainStep) {
        throw new IllegalArgumentException(
            "min_strain_step " + minStrainStep + " must be <= strain_step " + strainStep);
      }
      if (orientations < 1) {
        throw new IllegalArgumentException("orientations must be >= 1, got " + orientations);
      }
      if (shearSign != 1 && shearSign != -1) {
        throw new IllegalArgumentException("shear_sign must be +1 or -1, got " + shearSign);
      }
      positive("max_strain", maxStrain);
      positive("jump_threshold", jumpThreshold);
      if (!(jitter >= 0) || !Double.isFinite(jitter)) {
        throw new IllegalArgumentException("jitter must be finite and >= 0, got " + jitter);
      }
      if (minimizer == null || minimizerOptions == null) {
        throw new IllegalArgumentException("a minimizer and its options are required");
      }
    }

    private static void positive(String name, double v) {
      if (!(v > 0) || !Double.isFinite(v)) {
        throw new IllegalArgumentException(name + " must be finite and positive, got " + v);
      }
    }
  }

  /**
   * One patch sheared along one orientation.
   *
   * @param alpha shear orientation [rad]
   * @param tau0 patch stress at zero imposed strain [epsilon/sigma^2]
   * @param tauC stress at the last stable strain, the local yield stress [epsilon/sigma^2]; NaN if
   *     not yielded
   * @param yieldStrain last stable imposed strain; NaN if not yielded
   * @param stressDrop tauC minus the stress after the instability [epsilon/sigma^2]; NaN if not
   *     yielded
   * @param strain accepted strains, 0 first
   * @param stress patch stress at each accepted strain
   * @param energy patch energy (free and frozen pairs) at each accepted strain [epsilon]
   * @param minimizations minimizations run
   * @param unconverged minimizations that stopped before the force tolerance
   * @param forceEvaluations force evaluations in all
   */
  public record Shear(
      double alpha,
      double tau0,
      double tauC,
      double yieldStrain,
      double stressDrop,
      double[] strain,
      double[] stress,
      double[] energy,
      int minimizations,
      int unconverged,
      long forceEvaluations) {

    /** True when an instability was found below the maximum strain. */
    public boolean yielded() {
      return !Double.isNaN(tauC);
    }

    /** Distance to yielding along this orientation, {@code tauC - tau0} [epsilon/sigma^2]. */
    public double deltaTau() {
      return tauC - tau0;
    }
  }

  /**
   * All orientations of one patch.
   *
   * @param cx centre x [sigma]
   * @param cy centre y [sigma]
   * @param free particles relaxed (inside R)
   * @param shears one per orientation
   * @param x the smallest {@code tauC - tau0} over the orientations that yielded [epsilon/sigma^2];
   *     NaN if none did
   * @param alphaMin the orientation of {@code x} [rad]; NaN if none yielded
   */
  public record Patch(double cx, double cy, int free, Shear[] shears, double x, double alphaMin) {}

  private final Configuration is;
  private final PairPotential potential;
  private final Options opt;
  private final double cutoff;
  private final double shell;

  /**
   * @param is the inherent structure (the frozen matrix's reference state)
   * @param potential its pair potential
   * @param options the method's parameters
   * @throws IllegalArgumentException if the patch and its frozen shell do not fit in half the box
   */
  public FrozenMatrix(Configuration is, PairPotential potential, Options options) {
    this.is = is;
    this.potential = potential;
    this.opt = options;
    double dMax = 0;
    for (double d : is.diameters()) {
      dMax = Math.max(dMax, d);
    }
    this.cutoff = potential.maxCutoff(dMax);
    this.shell = 1.5 * (1 + options.maxStrain()) * cutoff;
    double half = 0.5 * Math.min(is.box().lx(), is.box().ly());
    if (options.radius() + shell > half) {
      throw new IllegalArgumentException(
          "radius "
              + options.radius()
              + " plus the frozen shell "
              + String.format(java.util.Locale.ROOT, "%.3g", shell)
              + " exceeds half the box ("
              + String.format(java.util.Locale.ROOT, "%.3g", half)
              + "); use a radius below "
              + String.format(java.util.Locale.ROOT, "%.3g", half - shell));
    }
  }

  /** Width of the frozen shell kept around the patch [sigma]. */
  public double shell() {
    return shell;
  }

  /**
   * The patch centred at ({@code cx}, {@code cy}), every orientation; {@code index} keys its random
   * streams.
   */
  public Patch patch(double cx, double cy, long index) {
    Shear[] s = new Shear[opt.orientations()];
    double x = Double.NaN;
    double am = Double.NaN;
    Carved c = carve(cx, cy);
    for (int k = 0; k < s.length; k++) {
      double alpha = Math.PI * k / s.length;
      s[k] = shear(c, alpha, Rng.deriveSeed(opt.seed(), index, k));
      if (s[k].yielded() && !(s[k].deltaTau() >= x)) {
        x = s[k].deltaTau();
        am = alpha;
      }
    }
    return new Patch(cx, cy, c.nFree, s, x, am);
  }

  /**
   * Patches centred on a square grid of spacing about {@code spacing} [sigma] (the box is divided
   * into {@code round(L / spacing)} cells per side, centres at the cell centres), in row order.
   */
  public java.util.List<Patch> grid(double spacing) {
    if (!(spacing > 0) || !Double.isFinite(spacing)) {
      throw new IllegalArgumentException("spacing must be finite and positive, got " + spacing);
    }
    int gx = Math.max(1, (int) Math.round(is.box().lx() / spacing));
    int gy = Math.max(1, (int) Math.round(is.box().ly() / spacing));
    java.util.List<Patch> out = new java.util.ArrayList<>(gx * gy);
    for (int j = 0; j < gy; j++) {
      for (int i = 0; i < gx; i++) {
        out.add(
            patch(
                (i + 0.5) * is.box().lx() / gx, (j + 0.5) * is.box().ly() / gy, (long) j * gx + i));
      }
    }
    return out;
  }

  /** The patch centred at ({@code cx}, {@code cy}) sheared along {@code alpha} [rad] alone. */
  public Shear shear(double cx, double cy, double alpha, long seed) {
    return shear(carve(cx, cy), alpha, seed);
  }

  /** The patch and its frozen shell in an isolated box, reference positions centred in it. */
  private record Carved(Box box, double[] ref, double[] diameters, boolean[] frozen, int nFree) {}

  private Carved carve(double cx, double cy) {
    Box b = is.box();
    int n = is.size();
    double reach = opt.radius() + shell;
    double ls =
        2 * reach * (1 + opt.maxStrain()) + 2 * (cutoff + opt.minimizerOptions().skin()) + 1;
    double c = 0.5 * ls;
    double[] px = new double[2 * n];
    double[] dd = new double[n];
    boolean[] fr = new boolean[n];
    int m = 0;
    int nFree = 0;
    double r2 = opt.radius() * opt.radius();
    for (int i = 0; i < n; i++) {
      double dx = b.minImageX(is.x(i) - cx);
      double dy = b.minImageY(is.y(i) - cy);
      double q = dx * dx + dy * dy;
      if (q < reach * reach) {
        px[2 * m] = c + dx;
        px[2 * m + 1] = c + dy;
        dd[m] = is.diameter(i);
        fr[m] = q >= r2;
        nFree += fr[m] ? 0 : 1;
        m++;
      }
    }
    if (nFree == 0) {
      throw new IllegalArgumentException(
          "radius " + opt.radius() + ": no particle inside the patch at (" + cx + ", " + cy + ")");
    }
    return new Carved(
        new Box(ls, ls),
        Arrays.copyOf(px, 2 * m),
        Arrays.copyOf(dd, m),
        Arrays.copyOf(fr, m),
        nFree);
  }

  private Shear shear(Carved c, double alpha, long seed) {
    final int m = c.diameters.length;
    final double centre = 0.5 * c.box.lx();
    final double tx = Math.cos(alpha);
    final double ty = Math.sin(alpha);
    final double nx = -ty;
    final double ny = tx;
    final double s = opt.shearSign();
    Rng rng = new Rng(seed);
    double[] cur = c.ref.clone();
    double[] trial = new double[2 * m];
    double[] st = new double[2];
    DoubleList gam = new DoubleList();
    DoubleList tau = new DoubleList();
    DoubleList en = new DoubleList();
    int mins = 0;
    int unconv = 0;
    long evals = 0;
    // gamma = 0: relax the carved patch once (the IS is a minimum of the whole sample, so this
    // only removes the jitter and the force tolerance's residue)
    double gamma = 0;
    double h = opt.strainStep();
    double tauC = Double.NaN;
    double gammaC = Double.NaN;
    double drop = Double.NaN;
    boolean first = true;
    while (true) {
      double g1 = first ? 0 : gamma + h;
      double dg = s * (g1 - gamma);
      for (int i = 0; i < m; i++) {
        if (c.frozen[i]) {
          double rx = c.ref[2 * i] - centre;
          double ry = c.ref[2 * i + 1] - centre;
          double a = s * g1 * (nx * rx + ny * ry);
          trial[2 * i] = c.ref[2 * i] + a * tx;
          trial[2 * i + 1] = c.ref[2 * i + 1] + a * ty;
        } else {
          double rx = cur[2 * i] - centre;
          double ry = cur[2 * i + 1] - centre;
          double a = dg * (nx * rx + ny * ry);
          trial[2 * i] = cur[2 * i] + a * tx;
          trial[2 * i + 1] = cur[2 * i + 1] + a * ty;
        }
      }
      double[] startPos = trial.clone();
      if (opt.jitter() > 0) {
        for (int i = 0; i < m; i++) {
          if (!c.frozen[i]) {
            startPos[2 * i] += opt.jitter() * rng.nextGaussian();
            startPos[2 * i + 1] += opt.jitter() * rng.nextGaussian();
          }
        }
      }
      MinimizationResult r =
          opt.minimizer()
              .minimize(
                  Configuration.of(c.box, startPos, c.diameters),
                  c.frozen,
                  opt.minimizerOptions(),
                  org.glasslab.minimize.MinimizationObserver.NONE);
      mins++;
      unconv += r.converged() ? 0 : 1;
      evals += r.forceEvaluations();
      double[] relaxed = r.configuration().unwrappedPositions();
      double jump2 = 0;
      for (int i = 0; i < m; i++) {
        if (!c.frozen[i]) {
          double dx = relaxed[2 * i] - trial[2 * i];
          double dy = relaxed[2 * i + 1] - trial[2 * i + 1];
          jump2 = Math.max(jump2, dx * dx + dy * dy);
        }
      }
      double t1 = patchStress(relaxed, c, tx, ty, nx, ny, st) * s;
      if (first) {
        first = false;
        cur = relaxed;
        gam.add(0);
        tau.add(t1);
        en.add(st[1]);
        continue;
      }
      if (jump2 > opt.jumpThreshold() * opt.jumpThreshold()) {
        if (h > opt.minStrainStep()) {
          h = Math.max(0.5 * h, opt.minStrainStep());
          continue;
        }
        tauC = tau.last();
        gammaC = gamma;
        drop = tauC - t1;
        break;
      }
      cur = relaxed;
      gamma = g1;
      gam.add(g1);
      tau.add(t1);
      en.add(st[1]);
      h = Math.min(2 * h, opt.strainStep());
      if (gamma >= opt.maxStrain()) {
        break;
      }
    }
    return new Shear(
        alpha,
        tau.get(0),
        tauC,
        gammaC,
        drop,
        gam.toArray(),
        tau.toArray(),
        en.toArray(),
        mins,
        unconv,
        evals);
  }

  /**
   * {@code -W_tn / (pi R^2)} over the free particles (half of each pair per free particle) at
   * positions {@code x}; {@code out[1]} receives the carved system's energy (all pairs).
   */
  private double patchStress(
      double[] x, Carved c, double tx, double ty, double nx, double ny, double[] out) {
    final int m = c.diameters.length;
    final double[] d = c.diameters;
    double w = 0;
    double u = 0;
    for (int i = 0; i < m; i++) {
      final double xi = x[2 * i];
      final double yi = x[2 * i + 1];
      final double wi = c.frozen[i] ? 0.0 : 0.5;
      for (int j = i + 1; j < m; j++) {
        final double wj = c.frozen[j] ? 0.0 : 0.5;
        final double dx = xi - x[2 * j];
        final double dy = yi - x[2 * j + 1];
        final double r2 = dx * dx + dy * dy;
        if (r2 >= potential.cutoffSquared(d[i], d[j])) {
          continue;
        }
        u += potential.energy(r2, d[i], d[j]);
        if (wi + wj > 0) {
          double fr = potential.forceOverR(r2, d[i], d[j]);
          w += (wi + wj) * fr * (dx * tx + dy * ty) * (dx * nx + dy * ny);
        }
      }
    }
    out[1] = u;
    return -w / (Math.PI * opt.radius() * opt.radius());
  }

  /** A growable double array (the strain curve has an unknown length). */
  private static final class DoubleList {
    private double[] a = new double[64];
    private int n;

    void add(double v) {
      if (n == a.length) {
        a = Arrays.copyOf(a, 2 * n);
      }
      a[n++] = v;
    }

    double get(int i) {
      return a[i];
    }

    double last() {
      return a[n - 1];
    }

    double[] toArray() {
      return Arrays.copyOf(a, n);
    }
  }
}
