package org.glasslab.pipeline.store;

import java.lang.reflect.Array;
import java.util.List;

/**
 * A result table: named columns of equal length, each a {@code double[]}, {@code long[]}, {@code
 * int[]} or {@code String[]} (not copied, not modified). What a task hands to the store, which
 * writes it as CSV to a file or stdout ({@link Csv}) or as HDF5 datasets ({@link Fields}).
 *
 * @param header column names (no commas, quotes or newlines)
 * @param columns one array per column, in header order
 */
public record Table(List<String> header, Object[] columns) {
  /** Checks names and lengths. */
  public Table {
    header = List.copyOf(header);
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
