package org.glasslab.bench.mechanics;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.ejml.data.DMatrixSparseCSC;
import org.glasslab.data.io.AtomicFile;

/**
 * Writes a sparse matrix in Matrix Market coordinate format ({@code real general}, 1-based, {@code
 * %.17g} so that every double round-trips), e.g. to hand the Hessian to scipy. The file is written
 * to a temporary sibling and renamed, so a failed write leaves nothing behind.
 */
public final class MatrixMarket {
  private MatrixMarket() {}

  /** Writes {@code a} (not modified) to {@code file} atomically. */
  public static void write(DMatrixSparseCSC a, Path file) throws IOException {
    AtomicFile.write(
        file,
        tmp -> {
          try (Writer w =
              new BufferedWriter(Files.newBufferedWriter(tmp, StandardCharsets.US_ASCII))) {
            write(a, w);
          }
        });
  }

  /** Writes {@code a} (not modified) to {@code w}. */
  public static void write(DMatrixSparseCSC a, Writer w) throws IOException {
    w.write("%%MatrixMarket matrix coordinate real general\n");
    w.write("% written by GlassLab\n");
    w.write(a.numRows + " " + a.numCols + " " + a.nz_length + "\n");
    StringBuilder s = new StringBuilder(64);
    for (int c = 0; c < a.numCols; c++) {
      for (int k = a.col_idx[c]; k < a.col_idx[c + 1]; k++) {
        s.setLength(0);
        s.append(a.nz_rows[k] + 1)
            .append(' ')
            .append(c + 1)
            .append(' ')
            .append(String.format(Locale.ROOT, "%.17g", a.nz_values[k]))
            .append('\n');
        w.write(s.toString());
      }
    }
  }
}
