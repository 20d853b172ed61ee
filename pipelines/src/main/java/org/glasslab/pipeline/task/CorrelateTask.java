package org.glasslab.pipeline.task;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.glasslab.analysis.stats.CorrelationMatrices;
import org.glasslab.pipeline.plot.Heatmap;
import org.glasslab.pipeline.plot.ScatterPlot;
import org.glasslab.pipeline.store.Table;

/**
 * {@code correlate}: Pearson and Spearman correlation matrices (Commons Math) over per-particle
 * columns, e.g. the table of {@code glasslab strain --with-softness} or the {@code local} stage's
 * metrics with the softness. Rows with NaN in a selected column are dropped. Result table in long
 * form: method, a, b, r.
 */
public final class CorrelateTask
    extends AbstractTask<CorrelateTask.Params, Map<String, double[]>, CorrelateTask.Result> {

  /** The paper's per-particle metrics, in the order they are correlated by default. */
  public static final List<String> PAPER_METRICS =
      List.of("dev_norm", "detH", "abs_eps_vol", "d2min", "m", "total_norm", "softness", "S");

  /** Columns that are never metrics (identifiers, coordinates, fit flags). */
  static final List<String> NOT_METRICS = List.of("id", "x", "y", "flag", "neighbours");

  static final Param<List<String>> COLUMNS =
      Param.names(
          "columns",
          null,
          "A,B,...",
          "Columns to correlate (default: the paper's metrics present in the table: dev_norm,"
              + " detH, abs_eps_vol, d2min, m, total_norm, softness; else all numeric ones).");

  /**
   * @param columns the columns to correlate, or null for the default choice
   */
  public record Params(List<String> columns) {
    /** Copies the list. */
    public Params {
      columns = columns == null ? null : columns.stream().map(String::strip).toList();
    }
  }

  /** The matrices over the chosen columns. */
  public record Result(CorrelationMatrices matrices) {}

  /** The task. */
  public static final CorrelateTask INSTANCE = new CorrelateTask();

  private CorrelateTask() {
    super(
        "correlate",
        "Pearson and Spearman correlation matrices (Commons Math) over columns of a CSV table,"
            + " e.g. the --out table of 'glasslab strain --with-softness'. Rows with NaN in a selected"
            + " column are dropped.",
        Input.TABLE,
        List.of(COLUMNS));
  }

  @Override
  public Params parameters(Values v) {
    return new Params(v.get(COLUMNS));
  }

  @Override
  public Result run(Params p, Map<String, double[]> t) {
    List<String> names = new ArrayList<>();
    if (p.columns() != null) {
      for (String c : p.columns()) {
        COLUMNS.require(
            t.containsKey(c), "no column '" + c + "' in the table; it has " + t.keySet());
        names.add(c);
      }
    } else {
      for (String m : PAPER_METRICS) {
        if (t.containsKey(m)) {
          names.add(m);
        }
      }
      if (names.size() < 2) {
        names.clear();
        for (Map.Entry<String, double[]> e : t.entrySet()) {
          if (!NOT_METRICS.contains(e.getKey()) && hasFinite(e.getValue())) {
            names.add(e.getKey());
          }
        }
      }
    }
    COLUMNS.require(names.size() >= 2, "need at least two numeric columns to correlate");
    double[][] cols = new double[names.size()][];
    for (int c = 0; c < cols.length; c++) {
      cols[c] = t.get(names.get(c));
      if (cols[c].length != cols[0].length) {
        throw new IllegalArgumentException(
            "column '"
                + names.get(c)
                + "' has "
                + cols[c].length
                + " rows, expected "
                + cols[0].length);
      }
    }
    return new Result(CorrelationMatrices.of(names, cols));
  }

  @Override
  public Table table(Params p, Result res) {
    CorrelationMatrices cm = res.matrices();
    List<String> names = cm.names();
    int k = names.size();
    String[] method = new String[2 * k * k];
    String[] a = new String[2 * k * k];
    String[] b = new String[2 * k * k];
    double[] r = new double[2 * k * k];
    int row = 0;
    for (String m : List.of("pearson", "spearman")) {
      double[][] mat = m.equals("pearson") ? cm.pearson() : cm.spearman();
      for (int i = 0; i < k; i++) {
        for (int j = 0; j < k; j++) {
          method[row] = m;
          a[row] = names.get(i);
          b[row] = names.get(j);
          r[row++] = mat[i][j];
        }
      }
    }
    return Table.of(List.of("method", "a", "b", "r"), method, a, b, r);
  }

  @Override
  public Map<String, Object> report(Params p, Map<String, double[]> t, Result res) {
    CorrelationMatrices cm = res.matrices();
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("parameters", Map.of("columns", cm.names()));
    report.put("rows", cm.rows());
    report.put("dropped_rows_with_nan", cm.dropped());
    report.put("names", cm.names());
    report.put("pearson", cm.pearson());
    report.put("spearman", cm.spearman());
    return report;
  }

  @Override
  public void print(Params p, Result res, String source, PrintWriter o) {
    CorrelationMatrices cm = res.matrices();
    o.printf("# %s: %d rows used, %d dropped (NaN)%n", source, cm.rows(), cm.dropped());
    matrix(o, "pearson", cm.names(), cm.pearson());
    matrix(o, "spearman", cm.names(), cm.spearman());
  }

  @Override
  public List<Figure> figures(Params p, Result res) {
    CorrelationMatrices cm = res.matrices();
    String[] labels = cm.names().toArray(new String[0]);
    String used =
        String.format(Locale.ROOT, "%d particles used, %d dropped (NaN)", cm.rows(), cm.dropped());
    return List.of(
        new Figure(
            "pearson",
            Heatmap.correlation("Pearson", labels, cm.pearson()),
            "Pearson correlation matrix of the per-particle metrics (" + used + ")"),
        new Figure(
            "spearman",
            Heatmap.correlation("Spearman", labels, cm.spearman()),
            "Spearman rank correlation matrix of the per-particle metrics (" + used + ")"));
  }

  /** Scatter plot of column {@code y} against {@code x} over the rows where both are finite. */
  public static Figure scatter(String name, String xName, double[] x, String yName, double[] y) {
    int n = 0;
    for (int i = 0; i < x.length; i++) {
      if (Double.isFinite(x[i]) && Double.isFinite(y[i])) {
        n++;
      }
    }
    double[] px = new double[n];
    double[] py = new double[n];
    int k = 0;
    for (int i = 0; i < x.length; i++) {
      if (Double.isFinite(x[i]) && Double.isFinite(y[i])) {
        px[k] = x[i];
        py[k++] = y[i];
      }
    }
    return new Figure(
        "scatter_" + xName + "_" + yName,
        ScatterPlot.builder(yName + " vs " + xName, xName, yName).points(name, px, py).build(),
        "Per-particle " + yName + " against " + xName);
  }

  private static boolean hasFinite(double[] v) {
    for (double x : v) {
      if (Double.isFinite(x)) {
        return true;
      }
    }
    return false;
  }

  private static void matrix(PrintWriter o, String title, List<String> n, double[][] m) {
    o.println(title);
    StringBuilder sb = new StringBuilder(String.format("%-12s", ""));
    for (String s : n) {
      sb.append(String.format(" %11s", s.length() > 11 ? s.substring(0, 11) : s));
    }
    o.println(sb);
    for (int a = 0; a < n.size(); a++) {
      sb.setLength(0);
      sb.append(String.format("%-12s", n.get(a)));
      for (int b = 0; b < n.size(); b++) {
        sb.append(String.format(Locale.ROOT, " %11.4f", m[a][b]));
      }
      o.println(sb);
    }
    o.flush();
  }
}
