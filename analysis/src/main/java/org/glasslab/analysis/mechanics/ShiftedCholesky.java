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
  // The factor again in 2x2 particle blocks (permuted positions 2p, 2p+1 are one particle): for
  // block column p, the diagonal block (l00, l10, l11) and the off-diagonal blocks
  // [blockStart[p], blockStart[p+1]) with block row blockRow[b] and values blockVal[4b..4b+3] =
  // (L[2q,2p], L[2q+1,2p], L[2q,2p+1], L[2q+1,2p+1]). One index per four values halves the index
  // traffic of the triangular solves, which dominate the Lanczos iteration.
  private final double[] diagBlock;
  private final int[] blockStart;
  private final int[] blockRow;
  private final double[] blockVal;

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
    final int np = n / 2;
    this.diagBlock = new double[3 * np];
    this.blockStart = new int[np + 1];
    // pass 1: count distinct block rows per block column (union of both columns' particles)
    final int[] mark = new int[np];
    java.util.Arrays.fill(mark, -1);
    int count = 0;
    for (int p = 0; p < np; p++) {
      for (int c = 2 * p; c <= 2 * p + 1; c++) {
        for (int k = lCol[c]; k < lCol[c + 1]; k++) {
          int q = lRow[k] >> 1;
          if (q != p && mark[q] != p) {
            mark[q] = p;
            count++;
          }
        }
      }
      blockStart[p + 1] = count;
    }
    this.blockRow = new int[count];
    this.blockVal = new double[4 * count];
    java.util.Arrays.fill(mark, -1);
    final int[] slot = new int[np];
    int cursor = 0;
    for (int p = 0; p < np; p++) {
      for (int c = 2 * p; c <= 2 * p + 1; c++) {
        final int off = c - 2 * p; // 0: column 2p, 1: column 2p+1
        for (int k = lCol[c]; k < lCol[c + 1]; k++) {
          final int r = lRow[k];
          final int q = r >> 1;
          if (q == p) {
            if (r == c) {
              diagBlock[3 * p + 2 * off] = lVal[k]; // l00 or l11
            } else {
              diagBlock[3 * p + 1] = lVal[k]; // l10 = L[2p+1, 2p]
            }
            continue;
          }
          if (mark[q] != p) {
            mark[q] = p;
            slot[q] = cursor;
            blockRow[cursor++] = q;
          }
          blockVal[4 * slot[q] + 2 * off + (r & 1)] = lVal[k];
        }
      }
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
    // A non-finite entry of L in row j makes L[j,j] = sqrt(a_jj - sum_k L[j,k]^2) non-finite, so
    // checking the diagonal covers the whole factor.
    for (int j = 0; j < n; j++) {
      if (!Double.isFinite(l.nz_values[l.col_idx[j]])) {
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

  /** {@code L L^T y = x} in place for one right-hand side [n], on the 2x2 particle blocks. */
  void solve1(double[] x) {
    final int np = n / 2;
    final int[] bs = blockStart;
    final int[] br = blockRow;
    final double[] bv = blockVal;
    final double[] db = diagBlock;
    // forward: L z = x, block column by block column
    for (int p = 0; p < np; p++) {
      final double z0 = x[2 * p] / db[3 * p];
      final double z1 = (x[2 * p + 1] - db[3 * p + 1] * z0) / db[3 * p + 2];
      x[2 * p] = z0;
      x[2 * p + 1] = z1;
      for (int b = bs[p], e = bs[p + 1]; b < e; b++) {
        final int q = 2 * br[b];
        final int v = 4 * b;
        x[q] -= bv[v] * z0 + bv[v + 2] * z1;
        x[q + 1] -= bv[v + 1] * z0 + bv[v + 3] * z1;
      }
    }
    // backward: L^T y = z
    for (int p = np - 1; p >= 0; p--) {
      double s0 = x[2 * p];
      double s1 = x[2 * p + 1];
      for (int b = bs[p], e = bs[p + 1]; b < e; b++) {
        final int q = 2 * br[b];
        final int v = 4 * b;
        final double y0 = x[q];
        final double y1 = x[q + 1];
        s0 -= bv[v] * y0 + bv[v + 1] * y1;
        s1 -= bv[v + 2] * y0 + bv[v + 3] * y1;
      }
      final double y1 = s1 / db[3 * p + 2];
      x[2 * p + 1] = y1;
      x[2 * p] = (s0 - db[3 * p + 1] * y1) / db[3 * p];
    }
  }

  /** Reference scalar solve on EJML's column arrays (validation of the block solve). */
  void solve1Scalar(double[] x) {
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
