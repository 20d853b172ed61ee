package org.glasslab.analysis.mechanics;

/**
 * Eigen-decomposition of a symmetric tridiagonal matrix by the implicit QL algorithm (EISPACK
 * {@code tql2}, as in JAMA), accumulating only the requested rows of the eigenvector matrix. With
 * just the last row this is {@code O(p^2)}: the Lanczos convergence test needs only the last
 * component of each Ritz vector.
 */
final class Tridiagonal {
  private Tridiagonal() {}

  /**
   * {@code sqrt(a^2 + b^2)}, falling back to {@link Math#hypot} (exact but several times slower)
   * only where the plain formula could overflow or underflow.
   */
  private static double hypot(double a, double b) {
    double h = Math.sqrt(a * a + b * b);
    return h < 1e150 && h > 1e-150 ? h : Math.hypot(a, b);
  }

  /**
   * Diagonalizes the tridiagonal matrix with diagonal {@code d} and sub-diagonal {@code e}.
   *
   * @param d [p] diagonal; overwritten by the eigenvalues in ascending order
   * @param e [p] sub-diagonal in {@code e[0..p-2]} ({@code e[i]} couples i and i+1); destroyed
   * @param rows the tracked rows of the eigenvector matrix, each [p]; on entry rows of the identity
   *     (e.g. only the last row), on exit the same rows of the eigenvector matrix with columns
   *     ordered like {@code d}; modified
   */
  static void ql(double[] d, double[] e, double[][] rows) {
    final int n = d.length;
    // shift e so that e[i] couples i-1 and i, as in tql2
    for (int i = n - 1; i > 0; i--) {
      e[i] = e[i - 1];
    }
    e[0] = 0.0;
    for (int i = 1; i < n; i++) {
      e[i - 1] = e[i];
    }
    e[n - 1] = 0.0;
    double f = 0.0;
    double tst1 = 0.0;
    final double eps = Math.ulp(1.0);
    for (int l = 0; l < n; l++) {
      tst1 = Math.max(tst1, Math.abs(d[l]) + Math.abs(e[l]));
      int m = l;
      while (m < n) {
        if (Math.abs(e[m]) <= eps * tst1) {
          break;
        }
        m++;
      }
      if (m > l) {
        int iter = 0;
        do {
          iter++;
          if (iter > 300) {
            throw new IllegalStateException("tridiagonal QL did not converge");
          }
          double g = d[l];
          double p = (d[l + 1] - g) / (2.0 * e[l]);
          double r = hypot(p, 1.0);
          if (p < 0) {
            r = -r;
          }
          d[l] = e[l] / (p + r);
          d[l + 1] = e[l] * (p + r);
          double dl1 = d[l + 1];
          double h = g - d[l];
          for (int i = l + 2; i < n; i++) {
            d[i] -= h;
          }
          f += h;
          p = d[m];
          double c = 1.0;
          double c2 = c;
          double c3 = c;
          double el1 = e[l + 1];
          double s = 0.0;
          double s2 = 0.0;
          for (int i = m - 1; i >= l; i--) {
            c3 = c2;
            c2 = c;
            s2 = s;
            g = c * e[i];
            h = c * p;
            r = hypot(p, e[i]);
            e[i + 1] = s * r;
            s = e[i] / r;
            c = p / r;
            p = c * d[i] - s * g;
            d[i + 1] = h + s * (c * g + s * d[i]);
            for (double[] z : rows) {
              h = z[i + 1];
              z[i + 1] = s * z[i] + c * h;
              z[i] = c * z[i] - s * h;
            }
          }
          p = -s * s2 * c3 * el1 * e[l] / dl1;
          e[l] = s * p;
          d[l] = c * p;
        } while (Math.abs(e[l]) > eps * tst1);
      }
      d[l] = d[l] + f;
      e[l] = 0.0;
    }
    // selection sort ascending, permuting the tracked columns
    for (int i = 0; i < n - 1; i++) {
      int k = i;
      double p = d[i];
      for (int j = i + 1; j < n; j++) {
        if (d[j] < p) {
          k = j;
          p = d[j];
        }
      }
      if (k != i) {
        d[k] = d[i];
        d[i] = p;
        for (double[] z : rows) {
          double t = z[i];
          z[i] = z[k];
          z[k] = t;
        }
      }
    }
  }
}
