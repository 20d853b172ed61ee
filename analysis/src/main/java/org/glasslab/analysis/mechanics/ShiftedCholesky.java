package org.glasslab.analysis.mechanics;

import org.ejml.data.DMatrixSparseCSC;
import org.ejml.sparse.csc.decomposition.chol.CholeskyUpLooking_DSCC;

/**
 * Sparse Cholesky factorization {@code P (H + s I) P^T = L L^T} of a shifted symmetric matrix, with
 * a nested-dissection permutation {@code P} over particles (both degrees of freedom of a particle
 * stay together), used as the shift-invert operator of {@link LowestModes}. The numeric
 * factorization is EJML's {@link CholeskyUpLooking_DSCC} (a port of CSparse's {@code cs_chol}); the
 * triangular solves are done here on EJML's factor arrays for a block of right-hand sides at once.
 * All vectors handed to {@link #solve} are in the permuted numbering.
 */
final class ShiftedCholesky {
  private final int n;
  private final int[] perm; // perm[k] = original dof at permuted position k
  private final int[] inv; // inv[p] = permuted position of original dof p
  private final DMatrixSparseCSC factor;
  private final int[] lCol;
  private final int[] lRow;
  private final double[] lVal;
  private final double[] diag;

  private ShiftedCholesky(int[] perm, int[] inv, DMatrixSparseCSC factor) {
    this.n = perm.length;
    this.perm = perm;
    this.inv = inv;
    this.factor = factor;
    this.lCol = factor.col_idx;
    this.lRow = factor.nz_rows;
    this.lVal = factor.nz_values;
    this.diag = new double[n];
    for (int j = 0; j < n; j++) {
      int k = lCol[j];
      if (lRow[k] != j) {
        throw new IllegalStateException(
            "Cholesky factor column " + j + " does not start on the diagonal");
      }
      diag[j] = 1.0 / lVal[k];
    }
  }

  /** The dof permutation of nested dissection over the particles of {@code h}. */
  static int[] particleOrdering(DMatrixSparseCSC h) {
    int np = h.numCols / 2;
    int[] adjStart = new int[np + 1];
    int cnt = 0;
    for (int i = 0; i < np; i++) {
      for (int k = h.col_idx[2 * i]; k < h.col_idx[2 * i + 1]; k++) {
        int r = h.nz_rows[k];
        if ((r & 1) == 0 && (r >> 1) != i) {
          cnt++;
        }
      }
      adjStart[i + 1] = cnt;
    }
    int[] adj = new int[cnt];
    cnt = 0;
    for (int i = 0; i < np; i++) {
      for (int k = h.col_idx[2 * i]; k < h.col_idx[2 * i + 1]; k++) {
        int r = h.nz_rows[k];
        if ((r & 1) == 0 && (r >> 1) != i) {
          adj[cnt++] = r >> 1;
        }
      }
    }
    int[] order = NestedDissection.order(adjStart, adj);
    int[] perm = new int[2 * np];
    for (int k = 0; k < np; k++) {
      perm[2 * k] = 2 * order[k];
      perm[2 * k + 1] = 2 * order[k] + 1;
    }
    return perm;
  }

  /**
   * Factorizes {@code P (h + shift I) P^T}.
   *
   * @param h symmetric matrix with both triangles and the full diagonal stored, not modified
   * @param perm dof permutation ({@code perm[k]} = original dof at position k), not modified
   * @return the factorization, or {@code null} when {@code h + shift I} is not positive definite
   */
  static ShiftedCholesky factorize(DMatrixSparseCSC h, int[] perm, double shift) {
    int n = h.numCols;
    int[] inv = new int[n];
    for (int k = 0; k < n; k++) {
      inv[perm[k]] = k;
    }
    // upper triangle of the permuted, shifted matrix
    int[] count = new int[n + 1];
    for (int c = 0; c < n; c++) {
      int nc = inv[c];
      for (int k = h.col_idx[c]; k < h.col_idx[c + 1]; k++) {
        int nr = inv[h.nz_rows[k]];
        if (nr <= nc) {
          count[nc + 1]++;
        }
      }
    }
    for (int c = 0; c < n; c++) {
      count[c + 1] += count[c];
    }
    DMatrixSparseCSC u = new DMatrixSparseCSC(n, n, count[n]);
    System.arraycopy(count, 0, u.col_idx, 0, n + 1);
    int[] fill = new int[n];
    for (int c = 0; c < n; c++) {
      int nc = inv[c];
      for (int k = h.col_idx[c]; k < h.col_idx[c + 1]; k++) {
        int nr = inv[h.nz_rows[k]];
        if (nr <= nc) {
          int p = count[nc] + fill[nc]++;
          u.nz_rows[p] = nr;
          u.nz_values[p] = h.nz_values[k] + (nr == nc ? shift : 0.0);
        }
      }
    }
    u.nz_length = count[n];
    u.indicesSorted = false;
    u.sortIndices(null);
    CholeskyUpLooking_DSCC chol = new CholeskyUpLooking_DSCC();
    if (!chol.decompose(u)) {
      return null;
    }
    DMatrixSparseCSC l = chol.getL();
    if (!l.indicesSorted) {
      l.sortIndices(null);
    }
    for (int k = 0; k < l.nz_length; k++) {
      if (!Double.isFinite(l.nz_values[k])) {
        return null;
      }
    }
    return new ShiftedCholesky(perm.clone(), inv, l);
  }

  /** Permutation: {@code perm[k]} is the original dof at permuted position k (copy). */
  int[] permutation() {
    return perm.clone();
  }

  /** Inverse permutation: original dof to permuted position (copy). */
  int[] inversePermutation() {
    return inv.clone();
  }

  /** Nonzeros of the factor L. */
  int factorNonZeros() {
    return factor.nz_length;
  }

  /** {@code L L^T y = x} in place for one right-hand side [n]. */
  void solve1(double[] x) {
    final int[] col = lCol;
    final int[] row = lRow;
    final double[] val = lVal;
    final double[] dinv = diag;
    for (int j = 0; j < n; j++) {
      final double xj = x[j] * dinv[j];
      x[j] = xj;
      if (xj != 0.0) {
        for (int k = col[j] + 1, e = col[j + 1]; k < e; k++) {
          x[row[k]] -= val[k] * xj;
        }
      }
    }
    for (int j = n - 1; j >= 0; j--) {
      double s = x[j];
      for (int k = col[j] + 1, e = col[j + 1]; k < e; k++) {
        s -= val[k] * x[row[k]];
      }
      x[j] = s * dinv[j];
    }
  }

  /**
   * Solves {@code L L^T y = x} in place for {@code b} interleaved right-hand sides.
   *
   * @param x [n*b] with entry (row r, vector v) at {@code r*b + v}, overwritten by the solution
   */
  void solve(double[] x, int b) {
    if (b == 1) {
      solve1(x);
      return;
    }
    final int[] col = lCol;
    final int[] row = lRow;
    final double[] val = lVal;
    final double[] dinv = diag;
    // forward: L z = x
    for (int j = 0; j < n; j++) {
      final double dj = dinv[j];
      final int jb = j * b;
      for (int v = 0; v < b; v++) {
        x[jb + v] *= dj;
      }
      for (int k = col[j] + 1, e = col[j + 1]; k < e; k++) {
        final double l = val[k];
        final int ib = row[k] * b;
        for (int v = 0; v < b; v++) {
          x[ib + v] -= l * x[jb + v];
        }
      }
    }
    // backward: L^T y = z
    for (int j = n - 1; j >= 0; j--) {
      final int jb = j * b;
      for (int k = col[j] + 1, e = col[j + 1]; k < e; k++) {
        final double l = val[k];
        final int ib = row[k] * b;
        for (int v = 0; v < b; v++) {
          x[jb + v] -= l * x[ib + v];
        }
      }
      final double dj = dinv[j];
      for (int v = 0; v < b; v++) {
        x[jb + v] *= dj;
      }
    }
  }
}
