package org.glasslab.minimize;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.glasslab.data.Box;
import org.glasslab.data.Configuration;
import org.glasslab.data.io.LammpsData;
import org.glasslab.md.Wca;

/** Test configurations, perturbations, comparisons and a brute-force reference evaluator. */
final class TestConfigs {
  private TestConfigs() {}

  /**
   * Uniformly random positions (overlaps allowed) at density rho with Gaussian diameters (11 %,
   * truncated at 3 std) binned into 20 values, as LAMMPS decks need.
   */
  static Configuration random(int n, double rho, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    Box box = Box.square(n, rho);
    double[] x = new double[2 * n];
    double[] d = new double[n];
    for (int i = 0; i < n; i++) {
      x[2 * i] = r.nextDouble() * box.lx();
      x[2 * i + 1] = r.nextDouble() * box.ly();
      double z;
      do {
        z = r.nextGaussian();
      } while (Math.abs(z) > 3);
      d[i] = 1 + 0.11 * z;
    }
    return Configuration.of(box, x, LammpsData.binDiameters(d, 20));
  }

  /** {@code c} displaced by zero-mean Gaussian displacements of std {@code amp}, re-wrapped. */
  static Configuration perturbed(Configuration c, double amp, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    int n = c.size();
    double[] u = c.unwrappedPositions();
    double[] dx = new double[2 * n];
    double mx = 0;
    double my = 0;
    for (int i = 0; i < n; i++) {
      dx[2 * i] = amp * r.nextGaussian();
      dx[2 * i + 1] = amp * r.nextGaussian();
      mx += dx[2 * i] / n;
      my += dx[2 * i + 1] / n;
    }
    for (int i = 0; i < n; i++) {
      u[2 * i] += dx[2 * i] - mx;
      u[2 * i + 1] += dx[2 * i + 1] - my;
    }
    int[] im = new int[2 * n];
    c.box().wrapAll(u, im);
    return c.withPositions(u, im);
  }

  /** Largest |unwrapped a - unwrapped b - shift| over all coordinates [length]. */
  static double maxDeviation(Configuration a, Configuration b, double sx, double sy) {
    double[] ua = a.unwrappedPositions();
    double[] ub = b.unwrappedPositions();
    double m = 0;
    for (int k = 0; k < ua.length; k++) {
      m = Math.max(m, Math.abs(ua[k] - ub[k] - ((k & 1) == 0 ? sx : sy)));
    }
    return m;
  }

  /** Brute-force minimum-image WCA energy and forces (f [2N] overwritten). */
  static double brute(Configuration c, double[] f) {
    int n = c.size();
    Box b = c.box();
    java.util.Arrays.fill(f, 0);
    double u = 0;
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        double dx = b.minImageX(c.x(i) - c.x(j));
        double dy = b.minImageY(c.y(i) - c.y(j));
        double r2 = dx * dx + dy * dy;
        double di = c.diameter(i);
        double dj = c.diameter(j);
        u += Wca.INSTANCE.energy(r2, di, dj);
        double fr = Wca.INSTANCE.forceOverR(r2, di, dj);
        f[2 * i] += fr * dx;
        f[2 * i + 1] += fr * dy;
        f[2 * j] -= fr * dx;
        f[2 * j + 1] -= fr * dy;
      }
    }
    return u;
  }

  /** Fewest interacting neighbours (pairs inside the WCA cutoff) of any particle. */
  static int minContacts(Configuration c) {
    int n = c.size();
    Box b = c.box();
    int[] z = new int[n];
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        double dx = b.minImageX(c.x(i) - c.x(j));
        double dy = b.minImageY(c.y(i) - c.y(j));
        if (dx * dx + dy * dy < Wca.INSTANCE.cutoffSquared(c.diameter(i), c.diameter(j))) {
          z[i]++;
          z[j]++;
        }
      }
    }
    int m = Integer.MAX_VALUE;
    for (int v : z) {
      m = Math.min(m, v);
    }
    return m;
  }

  /** Largest absolute component. */
  static double maxAbs(double[] f) {
    double m = 0;
    for (double v : f) {
      m = Math.max(m, Math.abs(v));
    }
    return m;
  }

  /** The LAMMPS fixture: start (perturbed IS), LAMMPS' IS from it, LAMMPS' IS energy. */
  record Fixture(Configuration start, Configuration lammpsIs, double lammpsEnergy) {}

  static Fixture fixture() throws IOException {
    return fixture("wca256-is.txt");
  }

  /**
   * A fixture in the format of make_lammps_fixtures.py ({@code wca256-is.txt}, {@code lj256-...}).
   */
  static Fixture fixture(String resource) throws IOException {
    String text;
    try (InputStream in = TestConfigs.class.getResourceAsStream("/reference/" + resource)) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    String[] lines = text.lines().filter(l -> !l.startsWith("#")).toArray(String[]::new);
    String[] h = lines[0].trim().split("\\s+");
    int n = Integer.parseInt(h[0]);
    Box box = new Box(Double.parseDouble(h[1]), Double.parseDouble(h[2]));
    double energy = Double.parseDouble(lines[1].trim().split("\\s+")[1]);
    double[] d = new double[n];
    double[] xs = new double[2 * n];
    int[] is = new int[2 * n];
    double[] xl = new double[2 * n];
    int[] il = new int[2 * n];
    for (int i = 0; i < n; i++) {
      String[] p = lines[2 + i].trim().split("\\s+");
      d[i] = Double.parseDouble(p[0]);
      xs[2 * i] = Double.parseDouble(p[1]);
      xs[2 * i + 1] = Double.parseDouble(p[2]);
      is[2 * i] = Integer.parseInt(p[3]);
      is[2 * i + 1] = Integer.parseInt(p[4]);
      xl[2 * i] = Double.parseDouble(p[5]);
      xl[2 * i + 1] = Double.parseDouble(p[6]);
      il[2 * i] = Integer.parseInt(p[7]);
      il[2 * i + 1] = Integer.parseInt(p[8]);
    }
    assertEquals(n, lines.length - 2, "fixture rows");
    return new Fixture(
        new Configuration(box, xs, is, d, null, null, null, 0, 0.0),
        new Configuration(box, xl, il, d, null, null, null, 0, 0.0),
        energy);
  }
}
