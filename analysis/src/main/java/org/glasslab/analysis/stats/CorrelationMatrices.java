package org.glasslab.analysis.stats;

import java.util.List;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;
import org.apache.commons.math3.stat.correlation.SpearmansCorrelation;

/**
 * Pearson and Spearman correlation matrices over per-particle metrics (the paper's Fig. 9),
 * computed with Apache Commons Math. Rows (particles) with a NaN in any column are removed first
 * (listwise deletion; their number is reported). Spearman uses average ranks for ties.
 *
 * @param names [C] column names
 * @param pearson [C][C] Pearson coefficients
 * @param spearman [C][C] Spearman coefficients
 * @param rows rows used
 * @param dropped rows removed for containing NaN
 */
public record CorrelationMatrices(
    List<String> names, double[][] pearson, double[][] spearman, int rows, int dropped) {

  /** Copies. */
  public CorrelationMatrices {
    names = List.copyOf(names);
    pearson = deepCopy(pearson);
    spearman = deepCopy(spearman);
  }

  @Override
  public double[][] pearson() {
    return deepCopy(pearson);
  }

  @Override
  public double[][] spearman() {
    return deepCopy(spearman);
  }

  /**
   * Correlation matrices of the given columns.
   *
   * @param names [C] names, C &ge; 2
   * @param columns [C][n] values, equal lengths, not modified
   * @throws IllegalArgumentException if shapes disagree or fewer than 3 complete rows remain
   */
  public static CorrelationMatrices of(List<String> names, double[][] columns) {
    int nc = columns.length;
    if (nc < 2 || names.size() != nc) {
      throw new IllegalArgumentException(
          "need at least 2 named columns, got " + nc + " columns and " + names.size() + " names");
    }
    int n = columns[0].length;
    for (int c = 1; c < nc; c++) {
      if (columns[c].length != n) {
        throw new IllegalArgumentException(
            "column " + names.get(c) + " has " + columns[c].length + " rows, expected " + n);
      }
    }
    int keep = 0;
    boolean[] ok = new boolean[n];
    for (int i = 0; i < n; i++) {
      ok[i] = true;
      for (double[] col : columns) {
        if (Double.isNaN(col[i])) {
          ok[i] = false;
          break;
        }
      }
      if (ok[i]) {
        keep++;
      }
    }
    if (keep < 3) {
      throw new IllegalArgumentException(
          "only " + keep + " complete rows (without NaN); correlations need at least 3");
    }
    double[][] data = new double[keep][nc];
    int r = 0;
    for (int i = 0; i < n; i++) {
      if (ok[i]) {
        for (int c = 0; c < nc; c++) {
          data[r][c] = columns[c][i];
        }
        r++;
      }
    }
    RealMatrix p = new PearsonsCorrelation().computeCorrelationMatrix(data);
    RealMatrix s = new SpearmansCorrelation().computeCorrelationMatrix(data);
    return new CorrelationMatrices(names, p.getData(), s.getData(), keep, n - keep);
  }

  private static double[][] deepCopy(double[][] a) {
    double[][] out = new double[a.length][];
    for (int i = 0; i < a.length; i++) {
      out[i] = a[i].clone();
    }
    return out;
  }
}
