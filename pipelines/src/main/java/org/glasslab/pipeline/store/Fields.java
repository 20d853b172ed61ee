package org.glasslab.pipeline.store;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.glasslab.analysis.stats.Summary;

/**
 * Per-particle result columns (a {@link Table} with one row per particle): written as CSV ({@link
 * Csv}) or HDF5 ({@link Hdf5Arrays}: one dataset per column under {@code /fields}, the parameters
 * as a JSON string attribute {@code parameters} of the root) by the file's extension, summarised
 * (count, mean, std, quantiles) for reports, and read back leniently from any CSV.
 */
public final class Fields {
  private Fields() {}

  /** True when {@code out} names a format {@link #write} handles (.csv, .h5, .hdf5). */
  public static boolean supported(Path out) {
    String n = out.getFileName().toString().toLowerCase(Locale.ROOT);
    return n.endsWith(".csv") || n.endsWith(".h5") || n.endsWith(".hdf5");
  }

  /**
   * Writes {@code table} to {@code out} by its extension, atomically.
   *
   * @param parameters recorded with HDF5 output (CSV holds data only)
   * @throws IllegalArgumentException for an extension other than .csv, .h5 or .hdf5
   */
  public static void write(Path out, Table table, Map<String, Object> parameters)
      throws IOException {
    if (!supported(out)) {
      throw new IllegalArgumentException(out + ": unknown extension; use .csv, .h5 or .hdf5");
    }
    if (out.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv")) {
      Csv.write(out, table);
      return;
    }
    Table t = Units.PARTICLE.annotate(table);
    Map<String, Object> datasets = new LinkedHashMap<>();
    Map<String, String> units = new LinkedHashMap<>();
    for (int c = 0; c < t.columns().length; c++) {
      String h = t.header().get(c);
      datasets.put("fields/" + h, t.columns()[c]);
      if (t.units().containsKey(h)) {
        units.put("fields/" + h, t.units().get(h));
      }
    }
    Hdf5Arrays.write(
        out,
        datasets,
        Map.of("parameters", JsonFiles.mapper().writeValueAsString(parameters)),
        units);
  }

  /** Summary statistics of every numeric column not in {@code skip} (NaN skipped and counted). */
  public static Map<String, Summary> summaries(Table table, List<String> skip) {
    Map<String, Summary> m = new LinkedHashMap<>();
    for (int c = 0; c < table.columns().length; c++) {
      String name = table.header().get(c);
      if (skip.contains(name)) {
        continue;
      }
      if (table.columns()[c] instanceof double[] v) {
        m.put(name, Summary.of(v));
      } else if (table.columns()[c] instanceof int[] v) {
        m.put(name, Summary.of(java.util.Arrays.stream(v).asDoubleStream().toArray()));
      }
    }
    return m;
  }

  /** Prints a summary table: field, count, mean, std, min, median, max. */
  public static void printSummaries(PrintWriter out, Map<String, Summary> s) {
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

  /**
   * Reads any CSV table with a header line (leading blank and {@code #} lines skipped) into named
   * double columns; empty or non-numeric cells read NaN, {@code inf}/{@code -inf} read infinite.
   */
  public static Map<String, double[]> readCsv(Path file) throws IOException {
    List<String> lines = new java.util.ArrayList<>(TextFiles.readLines(file));
    int skipped = 0;
    while (!lines.isEmpty() && (lines.get(0).isBlank() || lines.get(0).startsWith("#"))) {
      lines.remove(0);
      skipped++;
    }
    if (lines.size() < 2) {
      throw new IllegalArgumentException(file + ": expected a header line and at least one row");
    }
    String[] header = lines.get(0).split(",", -1);
    for (int c = 0; c < header.length; c++) {
      for (int d = 0; d < c; d++) {
        if (header[c].strip().equals(header[d].strip())) {
          throw new IllegalArgumentException(
              file + ": line " + (skipped + 1) + ": column '" + header[c].strip() + "' twice");
        }
      }
    }
    // a word in a column of numbers is a typo, not a missing value; an all-word column is text
    int[] wordLine = new int[header.length];
    String[] word = new String[header.length];
    boolean[] numeric = new boolean[header.length];
    int rows = 0;
    double[][] cols = new double[header.length][lines.size() - 1];
    for (int r = 1; r < lines.size(); r++) {
      String line = lines.get(r);
      if (line.isBlank()) {
        continue;
      }
      String[] f = Csv.split(line);
      if (f.length != header.length) {
        throw new IllegalArgumentException(
            file
                + ": line "
                + (skipped + r + 1)
                + " has "
                + f.length
                + " fields, the header has "
                + header.length);
      }
      for (int c = 0; c < header.length; c++) {
        double x = parse(f[c]);
        cols[c][rows] = x;
        String t = f[c].strip();
        if (!Double.isNaN(x) || t.equalsIgnoreCase("nan")) {
          numeric[c] = true;
        } else if (!t.isEmpty() && word[c] == null) {
          word[c] = t;
          wordLine[c] = skipped + r + 1;
        }
      }
      rows++;
    }
    for (int c = 0; c < header.length; c++) {
      if (numeric[c] && word[c] != null) {
        throw new IllegalArgumentException(
            file
                + ": line "
                + wordLine[c]
                + ", column '"
                + header[c].strip()
                + "': expected a number, got '"
                + word[c]
                + "'");
      }
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
