package org.glasslab.analysis.mechanics;

import org.ejml.data.DMatrixSparseCSC;
import org.glasslab.data.Box;
import org.glasslab.data.Configuration;
import org.glasslab.md.PairPotential;

/**
 * The analytic Hessian {@code H = d^2 U / dx dx} of a pair potential in a periodic box: a symmetric
 * 2N x 2N sparse matrix with one 2x2 block per interacting pair (and its transpose) plus the 2x2
 * diagonal blocks. Degrees of freedom are ordered (x0, y0, x1, y1, ...).
 *
 * <p>For a pair at minimum-image separation {@code r = r_j - r_i} (the sign does not matter: K is
 * even in r), unit vector {@code n = r/|r|}: {@code K = U''(r) n n^T + (U'(r)/r) (I - n n^T)},
 * {@code H_ij = H_ji = -K}, and {@code K} is added to both diagonal blocks {@code H_ii}, {@code
 * H_jj}. Hence every block row sums to zero: uniform translations are exact zero modes. Stored as a
 * full (both triangles) EJML {@link DMatrixSparseCSC} with sorted row indices; particles without
 * any interacting pair (rattlers) keep explicit zero diagonal blocks so the diagonal is always in
 * the structure.
 */
public final class Hessian {
  private final DMatrixSparseCSC matrix;
  private final int[] contacts;
  private final int pairs;

  private Hessian(DMatrixSparseCSC matrix, int[] contacts, int pairs) {
    this.matrix = matrix;
    this.contacts = contacts;
    this.pairs = pairs;
  }

  /**
   * Builds the Hessian of {@code potential} at {@code config}.
   *
   * @throws IllegalArgumentException if the interaction range is not below half the box width
   */
  public static Hessian compute(Configuration config, PairPotential potential) {
    return compute(config.box(), config.positions(), config.diameters(), potential);
  }

  /**
   * Builds the Hessian of {@code potential} for explicit arrays.
   *
   * @param box the periodic box
   * @param x0 [2N] positions (x0, y0, ...) [length], wrapped or not, not modified
   * @param d [N] diameters [length], not modified
   * @param potential the pair kernel (forces and {@link PairPotential#secondDerivative})
   */
  public static Hessian compute(Box box, double[] x0, double[] d, PairPotential potential) {
    final int n = d.length;
    if (x0.length != 2 * n) {
      throw new IllegalArgumentException(
          "positions have length " + x0.length + " but there are " + n + " diameters");
    }
    // Pass 1: interacting pairs and their 2x2 stiffness blocks.
    final PairBlocks blocks = new PairBlocks(n);
    Pairs.forEach(
        box,
        x0,
        d,
        potential,
        (i, j, dx, dy, r2) -> {
          if (r2 < potential.cutoffSquared(d[i], d[j])) {
            double fr = potential.forceOverR(r2, d[i], d[j]); // -U'/r
            double upp = potential.secondDerivative(r2, d[i], d[j]);
            double a = (upp + fr) / r2; // coefficient of r r^T
            blocks.add(i, j, a * dx * dx - fr, a * dx * dy, a * dy * dy - fr);
          }
        });
    final int m = blocks.m;
    final int[] pi = blocks.pi;
    final int[] pj = blocks.pj;
    final double[] kxx = blocks.kxx;
    final double[] kxy = blocks.kxy;
    final double[] kyy = blocks.kyy;
    final int[] deg = blocks.deg;
    // Adjacency (both directions) in CSR form.
    int[] adjStart = new int[n + 1];
    for (int i = 0; i < n; i++) {
      adjStart[i + 1] = adjStart[i] + deg[i];
    }
    int[] adjJ = new int[adjStart[n]];
    int[] adjP = new int[adjStart[n]];
    int[] fill = new int[n];
    for (int q = 0; q < m; q++) {
      int i = pi[q];
      int j = pj[q];
      adjJ[adjStart[i] + fill[i]] = j;
      adjP[adjStart[i] + fill[i]++] = q;
      adjJ[adjStart[j] + fill[j]] = i;
      adjP[adjStart[j] + fill[j]++] = q;
    }
    // Sort each particle's neighbours by index (insertion sort: lists are short).
    for (int i = 0; i < n; i++) {
      for (int a = adjStart[i] + 1; a < adjStart[i + 1]; a++) {
        int vj = adjJ[a];
        int vp = adjP[a];
        int b = a - 1;
        while (b >= adjStart[i] && adjJ[b] > vj) {
          adjJ[b + 1] = adjJ[b];
          adjP[b + 1] = adjP[b];
          b--;
        }
        adjJ[b + 1] = vj;
        adjP[b + 1] = vp;
      }
    }
    // Count distinct neighbours per particle (several images of one pair merge into one block).
    int nnz = 0;
    int[] distinct = new int[n];
    for (int i = 0; i < n; i++) {
      int cnt = 0;
      for (int a = adjStart[i]; a < adjStart[i + 1]; a++) {
        if (a == adjStart[i] || adjJ[a] != adjJ[a - 1]) {
          cnt++;
        }
      }
      distinct[i] = cnt;
      nnz += 4 * (cnt + 1);
    }
    final int dim = 2 * n;
    DMatrixSparseCSC h = new DMatrixSparseCSC(dim, dim, nnz);
    final int[] colIdx = h.col_idx;
    final int[] rows = h.nz_rows;
    final double[] val = h.nz_values;
    int w = 0;
    for (int i = 0; i < n; i++) {
      int rowsPerCol = 2 * (distinct[i] + 1);
      int c0 = w;
      int c1 = w + rowsPerCol;
      colIdx[2 * i] = c0;
      colIdx[2 * i + 1] = c1;
      // diagonal block
      double dxx = 0;
      double dxy = 0;
      double dyy = 0;
      for (int a = adjStart[i]; a < adjStart[i + 1]; a++) {
        int q = adjP[a];
        dxx += kxx[q];
        dxy += kxy[q];
        dyy += kyy[q];
      }
      boolean diagDone = false;
      int a = adjStart[i];
      int e = adjStart[i + 1];
      while (a < e || !diagDone) {
        if (!diagDone && (a == e || adjJ[a] > i)) {
          rows[c0] = 2 * i;
          val[c0++] = dxx;
          rows[c0] = 2 * i + 1;
          val[c0++] = dxy;
          rows[c1] = 2 * i;
          val[c1++] = dxy;
          rows[c1] = 2 * i + 1;
          val[c1++] = dyy;
          diagDone = true;
          continue;
        }
        int j = adjJ[a];
        double bxx = 0;
        double bxy = 0;
        double byy = 0;
        while (a < e && adjJ[a] == j) {
          int q = adjP[a];
          bxx += kxx[q];
          bxy += kxy[q];
          byy += kyy[q];
          a++;
        }
        rows[c0] = 2 * j;
        val[c0++] = -bxx;
        rows[c0] = 2 * j + 1;
        val[c0++] = -bxy;
        rows[c1] = 2 * j;
        val[c1++] = -bxy;
        rows[c1] = 2 * j + 1;
        val[c1++] = -byy;
      }
      assert c0 == w + rowsPerCol && c1 == w + 2 * rowsPerCol;
      w += 2 * rowsPerCol;
    }
    colIdx[dim] = w;
    h.nz_length = w;
    h.indicesSorted = true;
    int[] contacts = new int[n];
    for (int i = 0; i < n; i++) {
      contacts[i] = distinct[i];
    }
    return new Hessian(h, contacts, m);
  }

  /** Growable list of interacting pairs and their 2x2 stiffness blocks. */
  private static final class PairBlocks {
    int m;
    int[] pi;
    int[] pj;
    double[] kxx;
    double[] kxy;
    double[] kyy;
    final int[] deg;

    PairBlocks(int n) {
      int cap = Math.max(16, 4 * n);
      pi = new int[cap];
      pj = new int[cap];
      kxx = new double[cap];
      kxy = new double[cap];
      kyy = new double[cap];
      deg = new int[n];
    }

    void add(int i, int j, double bxx, double bxy, double byy) {
      if (m == pi.length) {
        int cap = 2 * m;
        pi = java.util.Arrays.copyOf(pi, cap);
        pj = java.util.Arrays.copyOf(pj, cap);
        kxx = java.util.Arrays.copyOf(kxx, cap);
        kxy = java.util.Arrays.copyOf(kxy, cap);
        kyy = java.util.Arrays.copyOf(kyy, cap);
      }
      pi[m] = i;
      pj[m] = j;
      kxx[m] = bxx;
      kxy[m] = bxy;
      kyy[m] = byy;
      deg[i]++;
      deg[j]++;
      m++;
    }
  }

  /** The matrix, 2N x 2N, both triangles stored [energy/length^2]. Do not modify. */
  public DMatrixSparseCSC matrix() {
    return matrix;
  }

  /** Number of particles N. */
  public int particles() {
    return contacts.length;
  }

  /** Number of degrees of freedom 2N. */
  public int dimension() {
    return 2 * contacts.length;
  }

  /** Number of interacting pair images (each pair once). */
  public int pairCount() {
    return pairs;
  }

  /** Copy of the number of distinct interacting neighbours of each particle [N]. */
  public int[] contactCounts() {
    return contacts.clone();
  }

  /**
   * Particles with no interacting neighbour: their two rows and columns are exactly zero, so each
   * contributes two exact zero modes.
   */
  public int[] rattlers() {
    int c = 0;
    for (int v : contacts) {
      if (v == 0) {
        c++;
      }
    }
    int[] out = new int[c];
    c = 0;
    for (int i = 0; i < contacts.length; i++) {
      if (contacts[i] == 0) {
        out[c++] = i;
      }
    }
    return out;
  }

  /**
   * Number of particles with exactly one interacting neighbour: at a force-balanced minimum the
   * single bond carries no force, so each such particle adds one zero mode (motion transverse to
   * its bond) on top of the translations and the rattlers' two.
   */
  public int singleContactParticles() {
    int c = 0;
    for (int v : contacts) {
      if (v == 1) {
        c++;
      }
    }
    return c;
  }

  /**
   * {@code y = H x}.
   *
   * @param x [2N], not modified
   * @param y [2N], overwritten
   */
  public void multiply(double[] x, double[] y) {
    multiply(matrix, x, y);
  }

  /** {@code y = A x} for a CSC matrix; {@code x} not modified, {@code y} overwritten. */
  static void multiply(DMatrixSparseCSC a, double[] x, double[] y) {
    java.util.Arrays.fill(y, 0, a.numRows, 0.0);
    final int[] ci = a.col_idx;
    final int[] r = a.nz_rows;
    final double[] v = a.nz_values;
    for (int c = 0; c < a.numCols; c++) {
      final double xc = x[c];
      if (xc == 0.0) {
        continue;
      }
      for (int k = ci[c], e = ci[c + 1]; k < e; k++) {
        y[r[k]] += v[k] * xc;
      }
    }
  }
}
