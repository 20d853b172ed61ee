package org.glasslab.pipeline.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.glasslab.analysis.stats.CorrelationMatrices;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code glasslab correlate TABLE.csv}: Pearson and Spearman matrices of per-particle metrics. */
@Command(
    name = "correlate",
    mixinStandardHelpOptions = true,
    description = {
      "Pearson and Spearman correlation matrices (Commons Math) over columns of a CSV table, e.g. the --out table of 'glasslab strain --with-softness'. Rows with NaN in a selected column are dropped. Default columns: the paper's metrics present in the table (dev_norm, detH, abs_eps_vol, d2min, m, total_norm, softness), else all numeric ones."
    })
public final class CorrelateCommand implements Callable<Integer> {
  static final List<String> PAPER_METRICS =
      List.of("dev_norm", "detH", "abs_eps_vol", "d2min", "m", "total_norm", "softness", "S");

  @Parameters(index = "0", paramLabel = "TABLE", description = "CSV file with a header line.")
  Path table;

  @Option(
      names = "--columns",
      paramLabel = "A,B,...",
      split = ",",
      description = "Columns to correlate (default: see above).")
  List<String> columns;

  @Option(names = "--json", description = "Matrices and parameters as JSON.")
  boolean json;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    Map<String, double[]> t = FieldTable.readCsv(table);
    List<String> names = new ArrayList<>();
    if (columns != null) {
      for (String c : columns) {
        if (!t.containsKey(c.strip())) {
          throw new CommandLine.ParameterException(
              spec.commandLine(),
              "--columns: no column '" + c + "' in " + table + "; it has " + t.keySet());
        }
        names.add(c.strip());
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
          if (!List.of("id", "x", "y", "flag", "neighbours").contains(e.getKey())
              && hasFinite(e.getValue())) {
            names.add(e.getKey());
          }
        }
      }
    }
    if (names.size() < 2) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "need at least two numeric columns to correlate in " + table);
    }
    double[][] cols = new double[names.size()][];
    for (int c = 0; c < cols.length; c++) {
      cols[c] = t.get(names.get(c));
    }
    CorrelationMatrices cm = CorrelationMatrices.of(names, cols);
    var o = spec.commandLine().getOut();
    if (json) {
      Map<String, Object> report = new LinkedHashMap<>();
      report.put("command", "correlate");
      report.put("parameters", Map.of("table", table.toString(), "columns", names));
      report.put("rows", cm.rows());
      report.put("dropped_rows_with_nan", cm.dropped());
      report.put("names", cm.names());
      report.put("pearson", cm.pearson());
      report.put("spearman", cm.spearman());
      Json.print(o, report);
    } else {
      o.printf("# %s: %d rows used, %d dropped (NaN)%n", table, cm.rows(), cm.dropped());
      print(o, "pearson", names, cm.pearson());
      print(o, "spearman", names, cm.spearman());
    }
    return 0;
  }

  private static boolean hasFinite(double[] v) {
    for (double x : v) {
      if (Double.isFinite(x)) {
        return true;
      }
    }
    return false;
  }

  private static void print(java.io.PrintWriter o, String title, List<String> n, double[][] m) {
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
