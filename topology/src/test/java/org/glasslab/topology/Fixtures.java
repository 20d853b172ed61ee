package org.glasslab.topology;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Loads the ripser reference fixtures from {@code src/test/resources/reference/}. */
final class Fixtures {
  private Fixtures() {}

  /** One reference case: points, threshold, metric, box side, ripser's output. */
  record Case(String name, double[] positions, String alpha, String metric, double box) {
    RipserFormat.Output ripser() {
      return RipserFormat.parse(text(name + ".ripser.txt"));
    }

    @Override
    public String toString() {
      return name;
    }
  }

  static String text(String file) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/reference/" + file)) {
      if (in == null) {
        throw new IllegalStateException("missing fixture " + file);
      }
      return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static double[] points(String csv) {
    String[] lines = csv.strip().split("\n");
    double[] p = new double[2 * lines.length];
    for (int i = 0; i < lines.length; i++) {
      String[] f = lines[i].split(",");
      p[2 * i] = Double.parseDouble(f[0]);
      p[2 * i + 1] = Double.parseDouble(f[1]);
    }
    return p;
  }

  static List<Case> all() {
    List<Case> out = new ArrayList<>();
    String[] rows = text("fixtures.csv").strip().split("\n");
    for (int r = 1; r < rows.length; r++) {
      String[] f = rows[r].split(",");
      out.add(
          new Case(f[0], points(text(f[0] + ".points.csv")), f[2], f[3], Double.parseDouble(f[4])));
    }
    return out;
  }
}
