package org.glasslab.md;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.glasslab.data.Box;
import org.glasslab.data.Configuration;

/** Random test configurations and a brute-force reference evaluator. */
final class TestSystems {
  private TestSystems() {}

  /** Uniformly random positions (overlaps allowed) with Gaussian diameters. */
  static Configuration random(int n, double lx, double ly, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    Box box = new Box(lx, ly);
    double[] x = new double[2 * n];
    double[] d = new double[n];
    for (int i = 0; i < n; i++) {
      x[2 * i] = r.nextDouble() * lx;
      x[2 * i + 1] = r.nextDouble() * ly;
      d[i] = Math.max(0.7, Math.min(1.3, 1 + 0.11 * r.nextGaussian()));
    }
    return Configuration.of(box, x, d);
  }

  /** Jittered square lattice at density rho (no strong overlaps), Gaussian diameters. */
  static Configuration lattice(int side, double rho, double jitter, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    int n = side * side;
    Box box = Box.square(n, rho);
    double a = box.lx() / side;
    double[] x = new double[2 * n];
    double[] d = new double[n];
    for (int i = 0; i < n; i++) {
      double px = ((i % side) + 0.5 + jitter * (r.nextDouble() - 0.5)) * a;
      double py = ((i / side) + 0.5 + jitter * (r.nextDouble() - 0.5)) * a;
      x[2 * i] = ((px % box.lx()) + box.lx()) % box.lx();
      x[2 * i + 1] = ((py % box.ly()) + box.ly()) % box.ly();
      d[i] = Math.max(0.8, Math.min(1.2, 1 + 0.11 * r.nextGaussian()));
    }
    return Configuration.of(box, x, d);
  }

  /**
   * All (i, j, kx, ky) with i &lt; j... every pair image (j shifted by (kx Lx, ky Ly), kx,ky in
   * -1..1) closer than its cutoff + skin, each unordered pair image once, as "i,j,kx,ky" with i
   * &lt; j.
   */
  static List<String> bruteForcePairs(
      double[] x, double[] d, Box box, PairPotential p, double skin) {
    int n = x.length / 2;
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        for (int ky = -1; ky <= 1; ky++) {
          for (int kx = -1; kx <= 1; kx++) {
            double dx = x[2 * i] - x[2 * j] - kx * box.lx();
            double dy = x[2 * i + 1] - x[2 * j + 1] - ky * box.ly();
            double r = p.cutoff(d[i], d[j]) + skin;
            if (dx * dx + dy * dy < r * r) {
              out.add(i + "," + j + "," + kx + "," + ky);
            }
          }
        }
      }
    }
    return out;
  }

  /** Brute-force minimum-image energy. */
  static double bruteEnergy(Configuration c, PairPotential p) {
    int n = c.size();
    Box b = c.box();
    double u = 0;
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        double dx = b.minImageX(c.x(i) - c.x(j));
        double dy = b.minImageY(c.y(i) - c.y(j));
        u += p.energy(dx * dx + dy * dy, c.diameter(i), c.diameter(j));
      }
    }
    return u;
  }
}
