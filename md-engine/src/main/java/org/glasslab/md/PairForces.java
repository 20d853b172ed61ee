package org.glasslab.md;

import java.util.Arrays;

/**
 * The neighbour-list evaluator: sums a {@link PairPotential} over the pairs of a {@link
 * NeighbourList} (each pair once, Newton's third law) to get forces, and on request the potential
 * energy and the pair virial tensor.
 *
 * <p>Virial convention: {@code W_ab = sum over pairs i<j of (-U'(r)/r) r_a r_b} with {@code r = r_i
 * - r_j} [energy]. {@link Thermo} turns it into a stress. Positions passed in must be the ones the
 * list was built from plus continuous displacements (see {@link NeighbourList}).
 */
public final class PairForces {
  private final PairPotential potential;
  private final NeighbourList list;
  private final double[] scratchVirial = new double[3];
  private final ForceKernel kernel;
  private final ForceKernel.WcaKernel vectorKernel;

  /**
   * Evaluates {@code potential} over {@code list} with the kernel {@link ForceKernel#selected()}
   * (the system property {@value ForceKernel#PROPERTY}) for {@link Wca}, scalar otherwise.
   */
  public PairForces(PairPotential potential, NeighbourList list) {
    this(potential, list, potential instanceof Wca ? ForceKernel.selected() : ForceKernel.SCALAR);
  }

  /**
   * Evaluates {@code potential} over {@code list} with an explicit per-step kernel (ignored, i.e.
   * scalar, for potentials other than {@link Wca}).
   *
   * @throws IllegalStateException for {@link ForceKernel#VECTOR} without the incubator module
   */
  public PairForces(PairPotential potential, NeighbourList list, ForceKernel kernel) {
    this.potential = potential;
    this.list = list;
    boolean vector = kernel == ForceKernel.VECTOR && potential instanceof Wca;
    this.vectorKernel = vector ? ForceKernel.newVectorKernel() : null;
    this.kernel = vector ? ForceKernel.VECTOR : ForceKernel.SCALAR;
  }

  /** The kernel {@link #forces} runs (scalar for every potential but {@link Wca}). */
  public ForceKernel kernel() {
    return kernel;
  }

  /** The pair kernel. */
  public PairPotential potential() {
    return potential;
  }

  /** The neighbour list. */
  public NeighbourList list() {
    return list;
  }

  /**
   * Forces only (the per-step path). For {@link Wca} this runs a hand-inlined copy of the kernel
   * (the hot loop of every MD step), scalar or SIMD as {@link #kernel()} says (equal to rounding,
   * see {@link ForceKernel}); other potentials go through {@link #compute}.
   *
   * @param x [2N] positions [length], not modified
   * @param d [N] diameters [length], not modified
   * @param f [2N] forces [energy/length], overwritten
   */
  public void forces(double[] x, double[] d, double[] f) {
    if (vectorKernel != null) {
      vectorKernel.forces(list, x, d, f);
    } else if (potential instanceof Wca) {
      wcaForces(x, d, f);
    } else {
      compute(x, d, f, scratchVirial);
    }
  }

  /**
   * Forces and the potential energy (the minimizer's path): the vector kernel when {@link
   * #kernel()} is {@link ForceKernel#VECTOR}, else {@link #compute}.
   *
   * @param x [2N] positions [length], not modified
   * @param d [N] diameters [length], not modified
   * @param f [2N] forces [energy/length], overwritten
   * @return the total potential energy [energy]
   */
  public double forcesAndEnergy(double[] x, double[] d, double[] f) {
    return vectorKernel != null
        ? vectorKernel.forcesAndEnergy(list, x, d, f)
        : compute(x, d, f, scratchVirial);
  }

  private void wcaForces(double[] x, double[] d, double[] f) {
    final int n = list.size();
    final int[] start = list.start();
    final int[] entries = list.entries();
    final double[] sx = list.shiftX();
    final double[] sy = list.shiftY();
    Arrays.fill(f, 0, 2 * n, 0.0);
    for (int i = 0; i < n; i++) {
      final double xi = x[2 * i];
      final double yi = x[2 * i + 1];
      final double ri = 0.5 * d[i];
      double fxi = 0;
      double fyi = 0;
      for (int k = start[i], e = start[i + 1]; k < e; k++) {
        final int p = entries[k];
        final int j = p >>> NeighbourList.SHIFT_BITS;
        final int c = p & 15;
        final double dx = xi - x[2 * j] + sx[c];
        final double dy = yi - x[2 * j + 1] + sy[c];
        final double fr = wcaForceOverR(dx * dx + dy * dy, ri + 0.5 * d[j]);
        final double fx = fr * dx;
        final double fy = fr * dy;
        fxi += fx;
        fyi += fy;
        f[2 * j] -= fx;
        f[2 * j + 1] -= fy;
      }
      f[2 * i] += fxi;
      f[2 * i + 1] += fyi;
    }
  }

  /**
   * The WCA pair factor {@code -U'(r)/r} of the fast paths, exactly as the scalar kernel evaluates
   * it ({@link VectorWcaForces} repeats these operations lane by lane, in this order).
   *
   * @param r2 squared distance [length^2]
   * @param s the pair diameter {@code 0.5 d_i + 0.5 d_j} [length]
   */
  static double wcaForceOverR(double r2, double s) {
    final double s2 = s * s;
    final double ir2 = 1.0 / r2;
    final double sr2 = s2 * ir2;
    final double sr6 = sr2 * sr2 * sr2;
    final double fr0 = 24.0 * sr6 * (2.0 * sr6 - 1.0) * ir2;
    // branch-free cutoff: the sign bit of r2 - rc^2 is 1 exactly when r2 < rc^2 (strict); a
    // select compiles to a jump on x86, mispredicted for about a third of the listed pairs
    final double inside =
        (double) (Double.doubleToRawLongBits(r2 - Wca.CUTOFF_SQUARED_FACTOR * s2) >>> 63);
    return fr0 * inside;
  }

  /**
   * Forces, potential energy and pair virial (the per-frame path).
   *
   * @param x [2N] positions [length], not modified
   * @param d [N] diameters [length], not modified
   * @param f [2N] forces [energy/length], overwritten; may be {@code null} to skip forces
   * @param virial [3] (W_xx, W_yy, W_xy) [energy], overwritten
   * @return the total potential energy [energy]
   */
  public double compute(double[] x, double[] d, double[] f, double[] virial) {
    final PairPotential pot = potential;
    final int n = list.size();
    final int[] start = list.start();
    final int[] entries = list.entries();
    final double[] sx = list.shiftX();
    final double[] sy = list.shiftY();
    if (f != null) {
      Arrays.fill(f, 0, 2 * n, 0.0);
    }
    double u = 0;
    double wxx = 0;
    double wyy = 0;
    double wxy = 0;
    for (int i = 0; i < n; i++) {
      final double xi = x[2 * i];
      final double yi = x[2 * i + 1];
      final double di = d[i];
      double fxi = 0;
      double fyi = 0;
      for (int k = start[i], e = start[i + 1]; k < e; k++) {
        final int p = entries[k];
        final int j = p >>> NeighbourList.SHIFT_BITS;
        final int c = p & 15;
        final double dx = xi - x[2 * j] + sx[c];
        final double dy = yi - x[2 * j + 1] + sy[c];
        final double r2 = dx * dx + dy * dy;
        final double fr = pot.forceOverR(r2, di, d[j]);
        u += pot.energy(r2, di, d[j]);
        if (fr != 0.0) {
          wxx += fr * dx * dx;
          wyy += fr * dy * dy;
          wxy += fr * dx * dy;
          if (f != null) {
            final double fx = fr * dx;
            final double fy = fr * dy;
            fxi += fx;
            fyi += fy;
            f[2 * j] -= fx;
            f[2 * j + 1] -= fy;
          }
        }
      }
      if (f != null) {
        f[2 * i] += fxi;
        f[2 * i + 1] += fyi;
      }
    }
    virial[0] = wxx;
    virial[1] = wyy;
    virial[2] = wxy;
    return u;
  }
}
