package org.glasslab.analysis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.glasslab.data.Box;
import org.glasslab.data.Configuration;

/** Reads the committed reference fixtures under {@code src/test/resources/reference/}. */
public final class Fixtures {
  private Fixtures() {}

  /** Lines of a fixture file. */
  public static List<String> lines(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/reference/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing fixture " + name);
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      List<String> out = new ArrayList<>();
      for (String l = r.readLine(); l != null; l = r.readLine()) {
        out.add(l);
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A configuration fixture: "# box lx ly", header, then x,y,ix,iy,diameter rows. */
  public static Configuration config(String name) {
    List<String> l = lines(name);
    String[] b = l.get(0).substring(1).trim().split("\\s+");
    Box box = new Box(Double.parseDouble(b[1]), Double.parseDouble(b[2]));
    int n = l.size() - 2;
    double[] x = new double[2 * n];
    int[] im = new int[2 * n];
    double[] d = new double[n];
    for (int i = 0; i < n; i++) {
      String[] f = l.get(i + 2).split(",");
      x[2 * i] = Double.parseDouble(f[0]);
      x[2 * i + 1] = Double.parseDouble(f[1]);
      im[2 * i] = Integer.parseInt(f[2]);
      im[2 * i + 1] = Integer.parseInt(f[3]);
      d[i] = Double.parseDouble(f[4]);
    }
    return new Configuration(box, x, im, d, null, null, null, 0, 0.0);
  }

  /** A CSV table by column name. */
  public static Map<String, double[]> table(String name) {
    List<String> l = lines(name);
    String[] h = l.get(0).split(",");
    int n = l.size() - 1;
    double[][] cols = new double[h.length][n];
    for (int i = 0; i < n; i++) {
      String[] f = l.get(i + 1).split(",");
      for (int c = 0; c < h.length; c++) {
        cols[c][i] = Double.parseDouble(f[c]);
      }
    }
    Map<String, double[]> m = new LinkedHashMap<>();
    for (int c = 0; c < h.length; c++) {
      m.put(h[c], cols[c]);
    }
    return m;
  }
}
