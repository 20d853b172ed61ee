package org.glasslab.pipeline.store;

import java.lang.reflect.Array;
import java.util.List;
import java.util.Map;

/**
 * A result table: named columns of equal length, each a {@code double[]}, {@code long[]}, {@code
 * int[]} or {@code String[]} (not copied, not modified). What a task hands to the store, which
 * writes it as CSV to a file or stdout ({@link Csv}) or as HDF5 datasets ({@link Fields}).
 *
 * @param header column names (no commas, quotes or newlines)
 * @param columns one array per column, in header order
 * @param units unit of each column that has one (column name to unit, see {@link Units}); the
 *     writers record them
 */
public record Table(List<String> header, Object[] columns, Map<String, String> units) {
  /** A table without units (the writers add the registered ones, {@link Units#PARTICLE}). */
  public Table(List<String> header, Object[] columns) {
    this(header, columns, Map.of());
  }

  /** Checks names and lengths. */
  public Table {
    header = List.copyOf(header);
    units = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(units));
    for (String u : units.keySet()) {
      if (!header.contains(u)) {
        throw new IllegalArgumentException("unit for '" + u + "', which is not a column");
      }
    }
    if (header.size() != columns.length) {
      throw new IllegalArgumentException(
          header.size() + " column names for " + columns.length + " columns");
    }
    int rows = -1;
    for (int c = 0; c < columns.length; c++) {
      Object col = columns[c];
      if (!(col instanceof double[] || col instanceof long[] || col instanceof int[])
          && !(col instanceof String[])) {
        throw new IllegalArgumentException(
            "column '"
                + header.get(c)
                + "': unsupported type "
                + (col == null ? "null" : col.getClass().getSimpleName()));
      }
      int len = Array.getLength(col);
      if (rows >= 0 && len != rows) {
        throw new IllegalArgumentException(
            "column '" + header.get(c) + "' has " + len + " rows, expected " + rows);
      }
      rows = len;
    }
    for (String h : header) {
      if (h.contains(",") || h.contains("\"") || h.contains("\n")) {
        throw new IllegalArgumentException("column name '" + h + "' contains a comma or quote");
      }
    }
  }

  /** The constructor with the columns as varargs: {@code Table.of(List.of("r", "g"), r, g)}. */
  public static Table of(List<String> header, Object... columns) {
    return new Table(header, columns);
  }

  /** The same table with units {@code newUnits} (column name to unit). */
  public Table withUnits(Map<String, String> newUnits) {
    return new Table(header, columns, newUnits);
  }

  /** The DTYPE of column {@code c}: float64, int64, int32 or string. */
  public String dtype(int c) {
    return switch (columns[c]) {
      case double[] d -> "float64";
      case long[] l -> "int64";
      case int[] i -> "int32";
      default -> "string";
    };
  }

  /** Number of rows (0 for a table without columns). */
  public int rows() {
    return columns.length == 0 ? 0 : Array.getLength(columns[0]);
  }

  /** The column named {@code name}. */
  public Object column(String name) {
    int c = header.indexOf(name);
    if (c < 0) {
      throw new IllegalArgumentException("no column '" + name + "' in " + header);
    }
    return columns[c];
  }
}
