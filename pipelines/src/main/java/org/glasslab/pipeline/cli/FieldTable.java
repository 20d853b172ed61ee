package org.glasslab.pipeline.cli;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableGroup;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.glasslab.analysis.stats.Summary;
import org.glasslab.data.io.AtomicFile;

/**
 * Per-particle columns of the analysis commands: written atomically as CSV (header, one row per
 * particle, shortest round-trip decimals, NaN for flagged particles) or HDF5 (one float64 dataset
 * per column under {@code /fields}, the parameters as a JSON string attribute {@code parameters} of
 * the root), and summarised (mean, std, quantiles) for {@code --json} and the text report.
 */
final class FieldTable {
  private FieldTable() {}

  /** True when {@code out} names a format this class writes (.csv, .h5, .hdf5). */
  static boolean supported(Path out) {
    String n = out.getFileName().toString().toLowerCase(Locale.ROOT);
    return n.endsWith(".csv") || n.endsWith(".h5") || n.endsWith(".hdf5");
  }

  /**
   * Writes the columns to {@code out}, atomically.
   *
   * @param columns name -> [N] values, equal lengths
   * @param parameters recorded with HDF5 output (CSV holds data only)
   */
  static void write(Path out, Map<String, double[]> columns, Map<String, Object> parameters)
      throws IOException {
    String n = out.getFileName().toString().toLowerCase(Locale.ROOT);
    if (n.endsWith(".csv")) {
      AtomicFile.write(out, tmp -> writeCsv(tmp, columns));
    } else if (n.endsWith(".h5") || n.endsWith(".hdf5")) {
      String json = Json.mapper().writeValueAsString(parameters);
      AtomicFile.write(
          out,
          tmp -> {
            try (WritableHdfFile h = HdfFile.write(tmp)) {
              h.putAttribute("parameters", json);
              WritableGroup g = h.putGroup("fields");
              for (Map.Entry<String, double[]> e : columns.entrySet()) {
                g.putDataset(e.getKey(), e.getValue());
              }
            }
          });
    } else {
      throw new IllegalArgumentException(
          "--out " + out + ": unknown extension; use .csv, .h5 or .hdf5");
    }
  }

  private static void writeCsv(Path tmp, Map<String, double[]> columns) throws IOException {
    List<String> names = new ArrayList<>(columns.keySet());
    List<double[]> cols = new ArrayList<>(columns.values());
    int rows = cols.isEmpty() ? 0 : cols.get(0).length;
    try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
      w.write(String.join(",", names));
      w.newLine();
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < rows; i++) {
        sb.setLength(0);
        for (int c = 0; c < cols.size(); c++) {
          if (c > 0) {
            sb.append(',');
          }
          double v = cols.get(c)[i];
          if (v == Math.rint(v) && Math.abs(v) < 1e15 && isIntegerColumn(names.get(c))) {
            sb.append((long) v);
          } else {
            sb.append(v);
          }
        }
        w.write(sb.toString());
        w.newLine();
      }
    }
  }

  private static boolean isIntegerColumn(String name) {
    return name.equals("id") || name.equals("neighbours") || name.equals("flag");
  }

  /** Summary statistics per column (mean, std, quantiles; NaN skipped and counted). */
  static Map<String, Summary> summaries(Map<String, double[]> columns, List<String> skip) {
    Map<String, Summary> m = new LinkedHashMap<>();
    for (Map.Entry<String, double[]> e : columns.entrySet()) {
      if (!skip.contains(e.getKey())) {
        m.put(e.getKey(), Summary.of(e.getValue()));
      }
    }
    return m;
  }

  /** Prints a summary table: field, count, mean, std, min, median, max. */
  static void printSummaries(PrintWriter out, Map<String, Summary> s) {
    out.printf(
        "%-12s %7s %13s %13s %13s %13s %13s%n",
        "field", "count", "mean", "std", "min", "median", "max");
    for (Map.Entry<String, Summary> e : s.entrySet()) {
      Summary v = e.getValue();
      out.printf(
          Locale.ROOT,
          "%-12s %7d %13.6g %13.6g %13.6g %13.6g %13.6g%n",
          e.getKey(),
          v.count(),
          v.mean(),
          v.std(),
          v.min(),
          v.median(),
          v.max());
    }
    out.flush();
  }

  /** Reads a CSV table with a header line into columns (empty or non-numeric cells read NaN). */
  static Map<String, double[]> readCsv(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    while (!lines.isEmpty() && (lines.get(0).isBlank() || lines.get(0).startsWith("#"))) {
      lines.remove(0);
    }
    if (lines.size() < 2) {
      throw new IllegalArgumentException(file + ": expected a header line and at least one row");
    }
    String[] header = lines.get(0).split(",", -1);
    int rows = 0;
    double[][] cols = new double[header.length][lines.size() - 1];
    for (int r = 1; r < lines.size(); r++) {
      String line = lines.get(r);
      if (line.isBlank()) {
        continue;
      }
      String[] f = line.split(",", -1);
      if (f.length != header.length) {
        throw new IllegalArgumentException(
            file
                + ": line "
                + (r + 1)
                + " has "
                + f.length
                + " fields, the header has "
                + header.length);
      }
      for (int c = 0; c < header.length; c++) {
        cols[c][rows] = parse(f[c]);
      }
      rows++;
    }
    Map<String, double[]> m = new LinkedHashMap<>();
    for (int c = 0; c < header.length; c++) {
      m.put(header[c].strip(), java.util.Arrays.copyOf(cols[c], rows));
    }
    return m;
  }

  private static double parse(String s) {
    String t = s.strip();
    if (t.isEmpty()) {
      return Double.NaN;
    }
    try {
      return Double.parseDouble(t);
    } catch (NumberFormatException e) {
      String l = t.toLowerCase(Locale.ROOT);
      if (l.equals("nan")) {
        return Double.NaN;
      }
      if (l.equals("inf") || l.equals("+inf")) {
        return Double.POSITIVE_INFINITY;
      }
      if (l.equals("-inf")) {
        return Double.NEGATIVE_INFINITY;
      }
      return Double.NaN;
    }
  }
}
