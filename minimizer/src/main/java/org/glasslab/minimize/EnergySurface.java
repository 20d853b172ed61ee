package org.glasslab.minimize;

import java.util.Arrays;
import org.glasslab.data.Box;
import org.glasslab.data.Configuration;
import org.glasslab.md.ForceKernel;
import org.glasslab.md.NeighbourList;
import org.glasslab.md.PairForces;
import org.glasslab.md.PairPotential;
import org.glasslab.md.Wca;

/**
 * The potential energy surface of one configuration's particles in its box, as seen by a minimizer:
 * energy and forces at continuous (never re-wrapped) coordinates, with the neighbour list rebuilt
 * whenever some particle has moved more than half the skin.
 *
 * <p>Coordinates: the minimizer works on a continuous copy {@code x [2N]} that starts at the
 * wrapped start positions and simply moves; it is never wrapped, so search directions and line
 * searches stay consistent. At each list rebuild this class wraps a private copy into the box and
 * remembers the whole-box offsets {@code x - wrapped}; between rebuilds it evaluates at {@code x -
 * offsets}, which is the build positions plus continuous displacements, as {@link NeighbourList}
 * requires. {@link #configuration} turns {@code x} back into wrapped positions and updated images.
 *
 * <p>WCA runs md-engine's vector kernel when {@link ForceKernel} selects it (the incubator module
 * is loaded), else a fused scalar loop here (energy and force from one set of powers); other {@link
 * PairPotential}s are evaluated by md-engine's {@link PairForces}. Not thread-safe: one per
 * minimization.
 */
public final class EnergySurface {
  private final Configuration start;
  private final Box box;
  private final int n;
  private final double[] d;
  private final PairPotential potential;
  private final boolean wca;
  private final NeighbourList list;
  private final PairForces generic;
  private final boolean vector;
  private final double[] virial = new double[3];
  private final double skin;
  private final double halfSkin2;
  private final double[] xBuild;
  private boolean built;
  private final double[] offset;
  private final double[] xi;
  private final double[] wrapTmp = new double[1];
  private long evaluations;
  private final int[] frozenIndex;

  /**
   * A surface for the particles of {@code start}.
   *
   * @param start box, diameters, and the reference for {@link #configuration}
   * @param potential the pair kernel
   * @param skin Verlet skin [length]
   * @param maxNeighbours neighbour-list overflow limit per particle
   */
  public EnergySurface(
      Configuration start, PairPotential potential, double skin, int maxNeighbours) {
    this(start, potential, skin, maxNeighbours, null);
  }

  /**
   * A surface whose {@code frozen} particles feel no force (so no minimizer moves them); the energy
   * is still the total one, frozen pairs included.
   *
   * @param frozen [N] true for a frozen particle, or {@code null} for none
   * @throws IllegalArgumentException if {@code frozen} has not N entries
   */
  public EnergySurface(
      Configuration start,
      PairPotential potential,
      double skin,
      int maxNeighbours,
      boolean[] frozen) {
    if (frozen != null && frozen.length != start.size()) {
      throw new IllegalArgumentException(
          "frozen mask has " + frozen.length + " entries for " + start.size() + " particles");
    }
    int nf = 0;
    if (frozen != null) {
      for (boolean b : frozen) {
        nf += b ? 1 : 0;
      }
    }
    this.frozenIndex = new int[nf];
    for (int i = 0, k = 0; k < nf; i++) {
      if (frozen[i]) {
        frozenIndex[k++] = i;
      }
    }
    this.start = start;
    this.box = start.box();
    this.n = start.size();
    this.d = start.diameters();
    this.potential = potential;
    this.wca = potential instanceof Wca;
    double dMax = 0;
    for (double di : d) {
      dMax = Math.max(dMax, di);
    }
    double cutoff = potential.maxCutoff(dMax);
    double lmin = Math.min(box.lx(), box.ly());
    double s = Math.min(skin, Math.max(0.0, lmin - cutoff));
    this.list = new NeighbourList(box, n, cutoff, s, maxNeighbours);
    // WCA: the vector kernel when it is the selected one (ForceKernel), else the fused loop below
    this.generic = new PairForces(potential, list);
    this.vector = generic.kernel() == ForceKernel.VECTOR;
    this.skin = s;
    this.halfSkin2 = 0.25 * s * s;
    this.xBuild = new double[2 * n];
    this.offset = new double[2 * n];
    this.xi = new double[2 * n];
  }

  /** Number of particles. */
  public int size() {
    return n;
  }

  /** Force evaluations so far. */
  public long evaluations() {
    return evaluations;
  }

  /** Neighbour-list builds so far. */
  public long rebuilds() {
    return list.builds();
  }

  /** The start positions [2N] (wrapped) [length]; a fresh copy to use as the continuous x. */
  public double[] startPositions() {
    return start.positions();
  }

  /**
   * Energy and forces at continuous coordinates {@code x}.
   *
   * @param x [2N] continuous positions [length], not modified
   * @param f [2N] forces [energy/length], overwritten
   * @return the total potential energy [energy]
   * @throws IllegalStateException on neighbour-list overflow (collapsed configuration)
   */
  public double evaluate(double[] x, double[] f) {
    return evaluateAt(x, 0.0, null, null, f);
  }

  /**
   * Energy and forces at {@code y = x + alpha dir} (a line-search trial), written to {@code y}; one
   * pass forms the trial point, its list-frame copy and the largest displacement since the last
   * list build.
   *
   * @param x [2N] continuous positions [length], not modified
   * @param alpha step length along {@code dir}
   * @param dir [2N] search direction, not modified; {@code null} evaluates at {@code x}
   * @param y [2N] the trial point, overwritten (may be {@code x} itself: an in-place step); ignored
   *     when {@code dir} is null
   * @param f [2N] forces [energy/length], overwritten
   * @return the total potential energy [energy]
   */
  public double evaluateAt(double[] x, double alpha, double[] dir, double[] y, double[] f) {
    final int m = 2 * n;
    final double[] xi = this.xi;
    final double[] off = this.offset;
    final double[] xb = this.xBuild;
    double[] at = x;
    double disp2 = 0;
    if (dir == null) {
      for (int k = 0; k < m; k += 2) {
        double a = x[k] - off[k];
        double b = x[k + 1] - off[k + 1];
        xi[k] = a;
        xi[k + 1] = b;
        double dx = a - xb[k];
        double dy = b - xb[k + 1];
        disp2 = Math.max(disp2, dx * dx + dy * dy);
      }
    } else {
      for (int k = 0; k < m; k += 2) {
        double p = x[k] + alpha * dir[k];
        double q = x[k + 1] + alpha * dir[k + 1];
        y[k] = p;
        y[k + 1] = q;
        double a = p - off[k];
        double b = q - off[k + 1];
        xi[k] = a;
        xi[k + 1] = b;
        double dx = a - xb[k];
        double dy = b - xb[k + 1];
        disp2 = Math.max(disp2, dx * dx + dy * dy);
      }
      at = y;
    }
    if (!built || !(disp2 <= halfSkin2)) {
      rebuild(at);
    }
    evaluations++;
    double u =
        vector
            ? generic.forcesAndEnergy(xi, d, f)
            : wca ? wcaKernel(xi, f) : generic.compute(xi, d, f, virial);
    for (int i : frozenIndex) {
      f[2 * i] = 0.0;
      f[2 * i + 1] = 0.0;
    }
    return u;
  }

  private void rebuild(double[] x) {
    for (int k = 0; k < 2 * n; k++) {
      if (!Double.isFinite(x[k])) {
        throw new IllegalStateException("position component " + k + " is not finite: " + x[k]);
      }
      box.wrap(x[k], k & 1, wrapTmp);
      xi[k] = wrapTmp[0];
      offset[k] = x[k] - wrapTmp[0];
    }
    list.build(xi, d, potential);
    System.arraycopy(xi, 0, xBuild, 0, 2 * n);
    built = true;
  }

  private double wcaKernel(double[] x, double[] f) {
    final double c2 = Wca.CUTOFF_SQUARED_FACTOR;
    final int[] startIdx = list.start();
    final int[] entries = list.entries();
    final double[] d = this.d;
    final double[] sx = list.shiftX();
    final double[] sy = list.shiftY();
    Arrays.fill(f, 0, 2 * n, 0.0);
    double u = 0;
    for (int i = 0; i < n; i++) {
      final double xx = x[2 * i];
      final double yy = x[2 * i + 1];
      final double di = d[i];
      double fxi = 0;
      double fyi = 0;
      for (int k = startIdx[i], e = startIdx[i + 1]; k < e; k++) {
        final int p = entries[k];
        final int j = p >>> NeighbourList.SHIFT_BITS;
        final int c = p & 15;
        final double dx = xx - x[2 * j] + sx[c];
        final double dy = yy - x[2 * j + 1] + sy[c];
        final double r2 = dx * dx + dy * dy;
        final double sij = 0.5 * (di + d[j]);
        final double s2 = sij * sij;
        if (r2 < c2 * s2) {
          final double ir2 = 1.0 / r2;
          final double sr2 = s2 * ir2;
          final double sr6 = sr2 * sr2 * sr2;
          u += 4.0 * sr6 * (sr6 - 1.0) + 1.0;
          final double fr = 24.0 * sr6 * (2.0 * sr6 - 1.0) * ir2;
          final double fx = fr * dx;
          final double fy = fr * dy;
          fxi += fx;
          fyi += fy;
          f[2 * j] -= fx;
          f[2 * j + 1] -= fy;
        }
      }
      f[2 * i] += fxi;
      f[2 * i + 1] += fyi;
    }
    return u;
  }

  /**
   * The configuration at continuous coordinates {@code x}: positions wrapped into the box, images =
   * start images + the whole boxes crossed; diameters, ids, types, step and time of the start; no
   * velocities (an inherent structure is at rest).
   *
   * @param x [2N] continuous positions [length], not modified
   */
  public Configuration configuration(double[] x) {
    double[] p = new double[2 * n];
    int[] im = start.images();
    for (int k = 0; k < 2 * n; k++) {
      im[k] += box.wrap(x[k], k & 1, wrapTmp);
      p[k] = wrapTmp[0];
    }
    return new Configuration(
        box, p, im, d, null, start.ids(), start.types(), start.step(), start.time());
  }

  /** Largest absolute component of {@code f} [2N]; NaN if any component is NaN. */
  static double maxAbs(double[] f) {
    double m = 0;
    for (double v : f) {
      double a = Math.abs(v);
      if (!(a <= m)) {
        if (a != a) {
          return Double.NaN;
        }
        m = a;
      }
    }
    return m;
  }

  /** Dot product of two [2N] vectors. */
  static double dot(double[] a, double[] b) {
    double s = 0;
    for (int k = 0; k < a.length; k++) {
      s += a[k] * b[k];
    }
    return s;
  }

  /** Largest per-particle displacement length of a [2N] step vector [length]. */
  static double maxParticleNorm(double[] v) {
    double m = 0;
    for (int k = 0; k < v.length; k += 2) {
      double s = v[k] * v[k] + v[k + 1] * v[k + 1];
      if (s > m) {
        m = s;
      }
    }
    return Math.sqrt(m);
  }
}
