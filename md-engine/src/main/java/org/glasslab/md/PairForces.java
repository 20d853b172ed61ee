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

  /** Evaluates {@code potential} over {@code list}. */
  public PairForces(PairPotential potential, NeighbourList list) {
    this.potential = potential;
    this.list = list;
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
   * (the hot loop of every MD step); other potentials go through {@link #compute}.
   *
   * @param x [2N] positions [length], not modified
   * @param d [N] diameters [length], not modified
   * @param f [2N] forces [energy/length], overwritten
   */
  public void forces(double[] x, double[] d, double[] f) {
    if (potential instanceof Wca) {
      wcaForces(x, d, f);
    } else {
      compute(x, d, f, scratchVirial);
    }
  }

  private void wcaForces(double[] x, double[] d, double[] f) {
    final int n = list.size();
    final int[] start = list.start();
    final int[] entries = list.entries();
    final double[] sx = list.shiftX();
    final double[] sy = list.shiftY();
    final double c2 = Wca.CUTOFF_SQUARED_FACTOR;
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
        final double r2 = dx * dx + dy * dy;
        final double s = ri + 0.5 * d[j];
        final double s2 = s * s;
        final double ir2 = 1.0 / r2;
        final double sr2 = s2 * ir2;
        final double sr6 = sr2 * sr2 * sr2;
        final double fr0 = 24.0 * sr6 * (2.0 * sr6 - 1.0) * ir2;
        // branch-free cutoff: the sign bit of r2 - rc^2 is 1 exactly when r2 < rc^2 (strict); a
        // select compiles to a jump on x86, mispredicted for about a third of the listed pairs
        final double inside = (double) (Double.doubleToRawLongBits(r2 - c2 * s2) >>> 63);
        final double fr = fr0 * inside;
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
