package org.glasslab.analysis.mlsoftness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.glasslab.data.Box;
import org.glasslab.data.random.Rng;
import org.glasslab.testsupport.SyntheticClouds;
import org.junit.jupiter.api.Test;

/**
 * The structure functions equal their formulas: a three-particle case by hand, and a polydisperse
 * cloud against a plain double/triple loop over minimum images; the sigma_ij units make the
 * functions invariant under scaling all lengths.
 */
class StructureFunctionsTest {
  static final StructureFunctions SMALL =
      new StructureFunctions(
          new double[] {0.9, 1.0, 1.2},
          0.1,
          new double[] {1.0, 2.0},
          new int[] {-1, 1},
          new int[] {1, 2},
          2.0);

  @Test
  void threeParticlesByHand() {
    Box box = new Box(20, 20);
    double[] pos = {5, 5, 6, 5, 5, 6.2};
    double[] d = {1, 1, 1};
    double[] x = SMALL.compute(box, pos, d, null);
    int f = SMALL.count();
    assertEquals(1 + 3 + 8, f);
    double r01 = 1.0;
    double r02 = 1.2;
    double r12 = Math.hypot(1, 1.2);
    // particle 0: radial over neighbours at 1.0 and 1.2
    for (int k = 0; k < 3; k++) {
      double mu = SMALL.mus()[k];
      double g = Math.exp(-sq(r01 - mu) / 0.01) + Math.exp(-sq(r02 - mu) / 0.01);
      assertEquals(g, x[1 + k], 1e-14);
    }
    // angular at 0: the angle between (1,0) and (0,1.2) is 90 degrees, cos = 0
    double s2 = r01 * r01 + r02 * r02 + r12 * r12;
    int col = 4;
    for (double xi : new double[] {1.0, 2.0}) {
      for (int l = 0; l < 2; l++) {
        for (int z = 0; z < 2; z++) {
          assertEquals(Math.exp(-s2 / (xi * xi)), x[col++], 1e-14);
        }
      }
    }
    // particle 1: angle at 1 between (-1,0) and (-1,1.2): cos = 1/sqrt(2.44)
    double cos = 1 / r12;
    col = f + 4;
    for (double xi : new double[] {1.0, 2.0}) {
      for (int l : new int[] {-1, 1}) {
        for (int z : new int[] {1, 2}) {
          double r12in = r12 < 2.0 ? 1 : 0;
          double e = r12in * Math.exp(-s2 / (xi * xi)) * Math.pow(1 + l * cos, z);
          assertEquals(e, x[col++], 1e-14);
        }
      }
    }
    assertEquals(1.0, x[0]);
  }

  @Test
  void polydisperseCloudEqualsPlainLoops() {
    int n = 300;
    double[] pos = SyntheticClouds.randomSequentialAddition(n, 0.9, 0.8, 3);
    Box box = Box.square(n, 0.9);
    Rng rng = new Rng(5);
    double[] d = new double[n];
    for (int i = 0; i < n; i++) {
      d[i] = 0.8 + 0.4 * rng.nextDouble();
    }
    StructureFunctions sf = StructureFunctions.defaults();
    double[] x = sf.compute(box, pos, d, null);
    double[] ref = plain(sf, box, pos, d);
    for (int k = 0; k < x.length; k++) {
      assertEquals(ref[k], x[k], 1e-11 * (1 + Math.abs(ref[k])), "element " + k);
    }
    assertEquals(38, sf.count());
    assertEquals(sf.count(), sf.names().size());
  }

  @Test
  void scalingAllLengthsLeavesTheFunctionsUnchanged() {
    int n = 200;
    double[] pos = SyntheticClouds.randomSequentialAddition(n, 0.9, 0.8, 7);
    Box box = Box.square(n, 0.9);
    double[] d = new double[n];
    Rng rng = new Rng(8);
    for (int i = 0; i < n; i++) {
      d[i] = 0.8 + 0.4 * rng.nextDouble();
    }
    double[] pos2 = pos.clone();
    double[] d2 = d.clone();
    for (int k = 0; k < pos2.length; k++) {
      pos2[k] *= 1.5;
    }
    for (int i = 0; i < n; i++) {
      d2[i] *= 1.5;
    }
    StructureFunctions sf = StructureFunctions.defaults();
    double[] a = sf.compute(box, pos, d, null);
    double[] b = sf.compute(new Box(box.lx() * 1.5, box.ly() * 1.5), pos2, d2, null);
    int f = sf.count();
    for (int k = 0; k < a.length; k++) {
      if (k % f != 0) {
        assertEquals(a[k], b[k], 1e-10 * (1 + Math.abs(a[k])), "element " + k);
      }
    }
  }

  @Test
  void aBoxSmallerThanTheReachIsRefused() {
    double[] pos = SyntheticClouds.uniform(20, 1.0, 1);
    double[] d = new double[20];
    java.util.Arrays.fill(d, 1.0);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> StructureFunctions.defaults().compute(Box.square(20, 1.0), pos, d, null));
    assertTrue(e.getMessage().contains("half the smallest box edge"), e.getMessage());
  }

  /** The formulas as written, over all pairs and triples with minimum images. */
  static double[] plain(StructureFunctions sf, Box box, double[] p, double[] d) {
    int n = d.length;
    int f = sf.count();
    double[] x = new double[n * f];
    double[] mu = sf.mus();
    double radialMax = mu[mu.length - 1] + 3 * sf.width();
    for (int i = 0; i < n; i++) {
      x[i * f] = d[i];
      for (int j = 0; j < n; j++) {
        if (j == i) {
          continue;
        }
        double dx = box.minImageX(p[2 * j] - p[2 * i]);
        double dy = box.minImageY(p[2 * j + 1] - p[2 * i + 1]);
        double rt = Math.hypot(dx, dy) / (0.5 * (d[i] + d[j]));
        if (rt >= radialMax) {
          continue;
        }
        for (int k = 0; k < mu.length; k++) {
          x[i * f + 1 + k] += Math.exp(-sq(rt - mu[k]) / sq(sf.width()));
        }
      }
      for (int j = 0; j < n; j++) {
        for (int k = j + 1; k < n; k++) {
          if (j == i || k == i) {
            continue;
          }
          double ax = box.minImageX(p[2 * j] - p[2 * i]);
          double ay = box.minImageY(p[2 * j + 1] - p[2 * i + 1]);
          double bx = box.minImageX(p[2 * k] - p[2 * i]);
          double by = box.minImageY(p[2 * k + 1] - p[2 * i + 1]);
          double rij = Math.hypot(ax, ay);
          double rik = Math.hypot(bx, by);
          double tij = rij / (0.5 * (d[i] + d[j]));
          double tik = rik / (0.5 * (d[i] + d[k]));
          if (tij >= sf.angularCutoff() || tik >= sf.angularCutoff()) {
            continue;
          }
          double tjk = Math.hypot(bx - ax, by - ay) / (0.5 * (d[j] + d[k]));
          double cos = (ax * bx + ay * by) / (rij * rik);
          int col = i * f + 1 + mu.length;
          for (double xi : sf.xis()) {
            for (int l : sf.lambdas()) {
              for (int z : sf.zetas()) {
                x[col++] +=
                    Math.exp(-(tij * tij + tik * tik + tjk * tjk) / (xi * xi))
                        * Math.pow(1 + l * cos, z);
              }
            }
          }
        }
      }
    }
    return x;
  }

  static double sq(double v) {
    return v * v;
  }
}
