package org.glasslab.pipeline.store;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.glasslab.data.io.AtomicFile;

/**
 * CSV tables for per-frame series and small result tables: a header line, comma-separated values,
 * doubles written in Java's shortest round-trip form (so reading gives back the same bits), integer
 * columns as integers. Written atomically, with a sidecar {@code NAME.csv-metadata.json} (the W3C
 * "CSV on the Web" convention) giving each column's datatype and unit (docs/results.md); stdout
 * ({@link #print}) carries the table alone.
 */
public final class Csv {
  private Csv() {}

  /**
   * Writes columns of equal length, e.g. {@code write(f, List.of("frame", "msd"), frames, msd)}.
   *
   * @param header column names (no commas or quotes)
   * @param columns one array per column, each long[], int[], double[] or String[]; not modified
   */
  public static void write(Path file, List<String> header, Object... columns) throws IOException {
    write(file, new org.glasslab.pipeline.store.Table(header, columns));
  }

  /**
   * Writes {@code table} to {@code file}, atomically, and its metadata sidecar {@link
   * #metadataFile}; columns without a unit get the registered one ({@link Units#PARTICLE}).
   */
  public static void write(Path file, org.glasslab.pipeline.store.Table table) throws IOException {
    table = Units.PARTICLE.annotate(table);
    JsonFiles.write(metadataFile(file), metadata(file.getFileName().toString(), table));
    org.glasslab.pipeline.store.Table t = table;
    AtomicFile.write(
        file,
        tmp -> {
          try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            print(w, t);
          }
        });
  }

  /**
   * Writes a CSV table already formatted as {@code text} (a header line, then rows; e.g. the epm
   * module's tables) atomically, with its sidecar: each column's dtype is inferred from its cells
   * (all integers: int64; all numbers, NaN or infinite: float64; else string) and its unit taken
   * from {@code units}. A text that is not one rectangular table is written without a sidecar.
   */
  public static void writeText(Path file, String text, Units units) throws IOException {
    String[] lines = text.split("\n");
    String[] header = split(lines[0]);
    int n = header.length;
    boolean[] integer = new boolean[n];
    boolean[] number = new boolean[n];
    java.util.Arrays.fill(integer, true);
    java.util.Arrays.fill(number, true);
    for (int r = 1; r < lines.length; r++) {
      if (lines[r].isEmpty()) {
        continue;
      }
      String[] cells = split(lines[r]);
      if (cells.length != n) {
        TextFiles.write(file, text); // not a rectangular table: no column types to describe
        return;
      }
      for (int c = 0; c < n; c++) {
        integer[c] &= cells[c].matches("-?\\d+");
        number[c] &= integer[c] || isNumber(cells[c]);
      }
    }
    Object[] columns = new Object[n];
    for (int c = 0; c < n; c++) {
      columns[c] = integer[c] ? new long[0] : number[c] ? new double[0] : new String[0];
    }
    org.glasslab.pipeline.store.Table shape =
        units.annotate(new org.glasslab.pipeline.store.Table(List.of(header), columns));
    JsonFiles.write(metadataFile(file), metadata(file.getFileName().toString(), shape));
    TextFiles.write(file, text);
  }

  private static boolean isNumber(String s) {
    try {
      Double.parseDouble(s);
      return true;
    } catch (NumberFormatException e) {
      return s.equalsIgnoreCase("nan") || s.equalsIgnoreCase("inf") || s.equalsIgnoreCase("-inf");
    }
  }

  /** The sidecar of {@code csv}: {@code NAME.csv-metadata.json} next to it. */
  public static Path metadataFile(Path csv) {
    return csv.resolveSibling(csv.getFileName() + "-metadata.json");
  }

  /**
   * The CSVW metadata document of {@code table} written as {@code name}: per column its name, the
   * CSVW {@code datatype} (double, long, int, string), the numpy {@code dtype} and the {@code unit}
   * when it has one.
   */
  static Map<String, Object> metadata(String name, org.glasslab.pipeline.store.Table table) {
    List<Map<String, Object>> cols = new ArrayList<>();
    for (int c = 0; c < table.header().size(); c++) {
      String h = table.header().get(c);
      String dtype = table.dtype(c);
      Map<String, Object> col = new LinkedHashMap<>();
      col.put("name", h);
      col.put("titles", h);
      col.put(
          "datatype",
          switch (dtype) {
            case "float64" -> "double";
            case "int64" -> "long";
            case "int32" -> "int";
            default -> "string";
          });
      col.put("dtype", dtype);
      String unit = table.units().get(h);
      if (unit != null) {
        col.put("unit", unit);
      }
      cols.add(col);
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("@context", "http://www.w3.org/ns/csvw");
    m.put("url", name);
    m.put("dc:description", UNITS_NOTE);
    m.put("tableSchema", Map.of("columns", cols));
    return m;
  }

  /** What the unit strings mean (in every sidecar and HDF5 results file). */
  public static final String UNITS_NOTE =
      "units: reduced (sigma = mean diameter, epsilon, m = 1, k_B = 1, tau = sigma sqrt(m/epsilon));"
          + " '1' dimensionless, 'steps' MD steps, 'epm' EPM units (stress / mean yield threshold,"
          + " time / attempt rate); potential_energy is the total over N particles,"
          + " *_per_particle per particle; see docs/results.md";

  /**
   * Writes {@code table} to {@code out} (e.g. the CLI's stdout) in exactly the form {@link
   * #write(Path, Table)} puts in a file; {@code out} is flushed, not closed.
   */
  public static void print(Writer out, org.glasslab.pipeline.store.Table table) throws IOException {
    out.write(String.join(",", table.header()));
    out.write('\n');
    StringBuilder sb = new StringBuilder();
    Object[] columns = table.columns();
    for (int r = 0; r < table.rows(); r++) {
      sb.setLength(0);
      for (int c = 0; c < columns.length; c++) {
        if (c > 0) {
          sb.append(',');
        }
        sb.append(cell(columns[c], r));
      }
      sb.append('\n');
      out.write(sb.toString());
    }
    out.flush();
  }

  /** {@link #print(Writer, Table)} onto a {@link PrintWriter} (which swallows I/O errors). */
  public static void print(PrintWriter out, org.glasslab.pipeline.store.Table table) {
    try {
      print((Writer) out, table);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String cell(Object col, int r) {
    return switch (col) {
      case double[] d -> Double.toString(d[r]);
      case long[] l -> Long.toString(l[r]);
      case int[] i -> Integer.toString(i[r]);
      case String[] s -> quote(s[r]);
      default ->
          throw new IllegalArgumentException(
              "unsupported column type " + col.getClass().getSimpleName());
    };
  }

  private static String quote(String s) {
    if (s == null) {
      return "";
    }
    if (s.contains(",") || s.contains("\"") || s.contains("\n")) {
      return "\"" + s.replace("\"", "\"\"") + "\"";
    }
    return s;
  }

  /** A CSV table read back: the header and the rows as strings. */
  public record Table(List<String> header, List<String[]> rows) {
    /**
     * The column named {@code name} as doubles; "nan", "inf" and "-inf" (as numpy and the epm
     * tables write them) are read as well as Java's spellings.
     */
    public double[] doubles(String name) {
      int c = header.indexOf(name);
      if (c < 0) {
        throw new IllegalArgumentException("no column '" + name + "' in " + header);
      }
      double[] out = new double[rows.size()];
      for (int r = 0; r < out.length; r++) {
        String v = rows.get(r)[c];
        out[r] =
            switch (v) {
              case "nan" -> Double.NaN;
              case "inf" -> Double.POSITIVE_INFINITY;
              case "-inf" -> Double.NEGATIVE_INFINITY;
              default -> Double.parseDouble(v);
            };
      }
      return out;
    }
  }

  /** Splits one CSV line, honouring double-quoted cells (with "" for a quote). */
  static String[] split(String line) {
    List<String> cells = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          cur.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          cur.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        cells.add(cur.toString());
        cur.setLength(0);
      } else {
        cur.append(c);
      }
    }
    cells.add(cur.toString());
    return cells.toArray(new String[0]);
  }

  /** Reads a file written by {@link #write} (one record per line; quoted cells allowed). */
  public static Table read(Path file) throws IOException {
    List<String> lines = TextFiles.readLines(file);
    if (lines.isEmpty()) {
      throw new IOException(file + ": empty CSV file (expected a header line)");
    }
    List<String> header = List.of(split(lines.get(0)));
    List<String[]> rows = new ArrayList<>();
    for (int i = 1; i < lines.size(); i++) {
      if (lines.get(i).isEmpty()) {
        continue;
      }
      String[] cells = split(lines.get(i));
      if (cells.length != header.size()) {
        throw new IOException(
            file
                + ": line "
                + (i + 1)
                + ": expected "
                + header.size()
                + " cells, got "
                + cells.length);
      }
      rows.add(cells);
    }
    return new Table(header, rows);
  }
}
