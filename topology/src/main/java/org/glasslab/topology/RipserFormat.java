package org.glasslab.topology;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Interoperation with the {@code ripser} command-line program (Debian package, version 1.2): writes
 * a point cloud in its {@code point-cloud} format, parses its barcode output, and compares a
 * GlassLab {@link Barcode} with it either exactly at ripser's printed precision (6 significant
 * digits, for {@link DistancePrecision#FLOAT32} results) or within a tolerance.
 */
public final class RipserFormat {
  private RipserFormat() {}

  /**
   * Bars parsed from ripser's output, per dimension; deaths {@code +infinity} for {@code [b, )}.
   * Printed values carry 6 significant digits.
   *
   * @param births per dimension [dim][B] [length]
   * @param deaths per dimension [dim][B] [length]
   */
  public record Output(double[][] births, double[][] deaths) {
    /** Number of bars in dimension {@code dim} (0 if ripser printed none). */
    public int size(int dim) {
      return dim < births.length ? births[dim].length : 0;
    }
  }

  /**
   * Writes points as {@code x,y} lines, each coordinate the shortest decimal of its {@code float}
   * value, so that ripser reads exactly the floats used by {@link DistancePrecision#FLOAT32}.
   *
   * @param positions [2N] (x0,y0,...) [length], not modified
   */
  public static void writePointCloud(Path file, double[] positions) throws IOException {
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
      StringBuilder sb = new StringBuilder(64);
      for (int k = 0; k < positions.length; k += 2) {
        sb.setLength(0);
        sb.append((float) positions[k]).append(',').append((float) positions[k + 1]).append('\n');
        w.write(sb.toString());
      }
    }
  }

  /** Parses ripser's standard output (header lines are skipped). */
  public static Output parse(String text) {
    List<List<double[]>> dims = new ArrayList<>();
    List<double[]> current = null;
    for (String raw : text.split("\n")) {
      String line = raw.strip();
      if (line.startsWith("persistence intervals in dim ")) {
        int dim = Integer.parseInt(line.substring(29, line.length() - 1).strip());
        while (dims.size() <= dim) {
          dims.add(new ArrayList<>());
        }
        current = dims.get(dim);
      } else if (line.startsWith("[") && current != null) {
        int comma = line.indexOf(',');
        int close = line.indexOf(')');
        if (comma < 0 || close < 0) {
          throw new IllegalArgumentException("unreadable ripser interval: " + line);
        }
        double b = Double.parseDouble(line.substring(1, comma).strip());
        String ds = line.substring(comma + 1, close).strip();
        double d = ds.isEmpty() ? Double.POSITIVE_INFINITY : Double.parseDouble(ds);
        current.add(new double[] {b, d});
      }
    }
    double[][] births = new double[dims.size()][];
    double[][] deaths = new double[dims.size()][];
    for (int k = 0; k < dims.size(); k++) {
      List<double[]> l = dims.get(k);
      births[k] = new double[l.size()];
      deaths[k] = new double[l.size()];
      for (int i = 0; i < l.size(); i++) {
        births[k][i] = l.get(i)[0];
        deaths[k][i] = l.get(i)[1];
      }
    }
    return new Output(births, deaths);
  }

  /** {@code x} rounded to 6 significant digits as C++ iostreams print it (infinity kept). */
  public static double printed(double x) {
    if (x == 0 || !Double.isFinite(x)) {
      return x;
    }
    return new BigDecimal(x).round(new MathContext(6, RoundingMode.HALF_EVEN)).doubleValue();
  }

  /**
   * Exact comparison at ripser's printed precision: {@code null} when the multiset of {@code
   * (printed(birth), printed(death))} of {@code mine} equals ripser's bars of dimension {@code
   * dim}, else a description of the first difference.
   */
  public static String compareExact(Barcode mine, Output ripser, int dim) {
    int n = mine.size();
    double[][] a = new double[n][];
    for (int i = 0; i < n; i++) {
      a[i] = new double[] {printed(mine.birth(i)), printed(mine.death(i))};
    }
    int m = ripser.size(dim);
    double[][] b = new double[m][];
    for (int i = 0; i < m; i++) {
      b[i] = new double[] {ripser.births()[dim][i], ripser.deaths()[dim][i]};
    }
    java.util.Comparator<double[]> cmp =
        (p, q) -> p[0] != q[0] ? Double.compare(p[0], q[0]) : Double.compare(p[1], q[1]);
    Arrays.sort(a, cmp);
    Arrays.sort(b, cmp);
    for (int i = 0; i < Math.min(n, m); i++) {
      if (cmp.compare(a[i], b[i]) != 0) {
        return "H"
            + dim
            + " bar "
            + i
            + " differs: glasslab ["
            + a[i][0]
            + ", "
            + a[i][1]
            + ") vs ripser ["
            + b[i][0]
            + ", "
            + b[i][1]
            + ")";
      }
    }
    return n == m ? null : "H" + dim + ": glasslab has " + n + " bars, ripser " + m;
  }

  /**
   * Comparison within an absolute tolerance: every bar longer than {@code tol} on either side must
   * be matched by a distinct bar on the other side with birth and death within {@code tol}
   * (infinite deaths match infinite deaths). Returns {@code null} when they match, else a
   * description of an unmatched bar.
   */
  public static String compareWithin(Barcode mine, Output ripser, int dim, double tol) {
    double[][] a = new double[mine.size()][];
    for (int i = 0; i < a.length; i++) {
      a[i] = new double[] {mine.birth(i), mine.death(i)};
    }
    double[][] b = new double[ripser.size(dim)][];
    for (int i = 0; i < b.length; i++) {
      b[i] = new double[] {ripser.births()[dim][i], ripser.deaths()[dim][i]};
    }
    String s = unmatched(a, b, tol);
    if (s != null) {
      return "H" + dim + ": glasslab bar " + s + " has no ripser partner";
    }
    s = unmatched(b, a, tol);
    return s == null ? null : "H" + dim + ": ripser bar " + s + " has no glasslab partner";
  }

  private static String unmatched(double[][] a, double[][] b, double tol) {
    Arrays.sort(b, (p, q) -> Double.compare(p[0], q[0]));
    boolean[] used = new boolean[b.length];
    double[] bb = new double[b.length];
    for (int i = 0; i < b.length; i++) {
      bb[i] = b[i][0];
    }
    for (double[] p : a) {
      if (p[1] - p[0] <= tol) {
        continue;
      }
      int lo = Arrays.binarySearch(bb, p[0] - tol);
      lo = lo < 0 ? -lo - 1 : lo;
      while (lo > 0 && bb[lo - 1] >= p[0] - tol) {
        lo--;
      }
      boolean found = false;
      for (int k = lo; k < b.length && bb[k] <= p[0] + tol; k++) {
        if (!used[k] && sameDeath(p[1], b[k][1], tol)) {
          used[k] = true;
          found = true;
          break;
        }
      }
      if (!found) {
        return "[" + p[0] + ", " + p[1] + ")";
      }
    }
    return null;
  }

  private static boolean sameDeath(double x, double y, double tol) {
    if (Double.isInfinite(x) || Double.isInfinite(y)) {
      return x == y;
    }
    return Math.abs(x - y) <= tol;
  }
}
