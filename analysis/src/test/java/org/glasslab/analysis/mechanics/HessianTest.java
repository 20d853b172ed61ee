package org.glasslab.analysis.mechanics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.ops.DConvertMatrixStruct;
import org.glasslab.data.Box;
import org.glasslab.data.Configuration;
import org.glasslab.md.HarmonicSoftDisk;
import org.glasslab.md.NeighbourList;
import org.glasslab.md.PairForces;
import org.glasslab.md.PairPotential;
import org.glasslab.md.Potentials;
import org.glasslab.md.Wca;
import org.junit.jupiter.api.Test;

class HessianTest {

  /** The engine's Verlet list without skin on wrapped positions {@code x} (not modified). */
  static NeighbourList engineList(Box box, double[] x, double[] d, PairPotential p) {
    double dMax = 0;
    for (double di : d) {
      dMax = Math.max(dMax, di);
    }
    NeighbourList list = new NeighbourList(box, d.length, p.maxCutoff(dMax), 0.0, 256);
    list.build(x, d, p);
    return list;
  }

  /** Forces from the engine's own evaluator, an independent check of the Hessian's pair loop. */
  static double[] forces(Box box, double[] x0, double[] d, PairPotential p) {
    double[] x = x0.clone();
    box.wrapAll(x, new int[x.length]);
    NeighbourList list = engineList(box, x, d, p);
    double[] f = new double[x.length];
    new PairForces(p, list).forces(x, d, f);
    return f;
  }

  private static void checkFiniteDifferences(Configuration c, PairPotential pot, double jitter) {
    SplittableRandom r = new SplittableRandom(5);
    double[] x = c.positions();
    for (int i = 0; i < x.length; i++) {
      x[i] += jitter * (r.nextDouble() - 0.5);
    }
    double[] d = c.diameters();
    Box box = c.box();
    Hessian h = Hessian.compute(box, x, d, pot);
    DMatrixRMaj dense = DConvertMatrixStruct.convert(h.matrix(), (DMatrixRMaj) null);
    int n = x.length;
    double eps = 1e-6;
    double maxAbs = 0;
    double maxErr = 0;
    for (int k = 0; k < n; k++) {
      double[] xp = x.clone();
      double[] xm = x.clone();
      xp[k] += eps;
      xm[k] -= eps;
      double[] fp = forces(box, xp, d, pot);
      double[] fm = forces(box, xm, d, pot);
      for (int row = 0; row < n; row++) {
        double fd = -(fp[row] - fm[row]) / (2 * eps);
        double an = dense.get(row, k);
        maxAbs = Math.max(maxAbs, Math.abs(an));
        maxErr = Math.max(maxErr, Math.abs(fd - an));
      }
    }
    assertTrue(maxErr <= 1e-6 * maxAbs, "max |FD - analytic| " + maxErr + " vs scale " + maxAbs);
    // symmetric, rows sum to zero (translations are null vectors)
    for (int a = 0; a < n; a++) {
      for (int b2 = 0; b2 < n; b2++) {
        assertEquals(dense.get(a, b2), dense.get(b2, a), 0.0);
      }
    }
    double[] tx = new double[n];
    for (int i = 0; i < n; i += 2) {
      tx[i] = 1;
    }
    double[] y = new double[n];
    h.multiply(tx, y);
    for (double v : y) {
      assertEquals(0.0, v, 1e-10 * maxAbs);
    }
  }

  @Test
  void wcaHessianEqualsFiniteDifferencesOfForcesOnPerturbedInherentStructure() {
    checkFiniteDifferences(Fixtures.load("wca256-is.txt").config(), Wca.INSTANCE, 0.02);
  }

  @Test
  void ljHessianEqualsFiniteDifferences() {
    checkFiniteDifferences(Fixtures.load("wca256-is.txt").config(), Potentials.byName("lj"), 0.02);
  }

  @Test
  void kaHessianEqualsFiniteDifferences() {
    Configuration c = Fixtures.load("wca256-is.txt").config();
    PairPotential ka = Potentials.byName("ka");
    Configuration binary =
        new Configuration(
            c.box(),
            c.positions(),
            c.images(),
            ka.sampleDiameters(c.size()),
            null,
            null,
            null,
            0,
            0);
    checkFiniteDifferences(binary, ka, 0.02);
  }

  @Test
  void harmonicHessianEqualsFiniteDifferences() {
    checkFiniteDifferences(
        Fixtures.load("wca256-is.txt").config(), new HarmonicSoftDisk(10.0), 0.02);
  }

  @Test
  void secondDerivativeMatchesFiniteDifferenceOfForce() {
    double di = 0.9;
    double dj = 1.1;
    for (double r = 0.85; r < 1.12; r += 0.01) {
      double h = 1e-6;
      // U'(r) = -r * forceOverR
      double up = -(r + h) * Wca.INSTANCE.forceOverR((r + h) * (r + h), di, dj);
      double um = -(r - h) * Wca.INSTANCE.forceOverR((r - h) * (r - h), di, dj);
      double fd = (up - um) / (2 * h);
      double an = Wca.INSTANCE.secondDerivative(r * r, di, dj);
      assertEquals(fd, an, 1e-6 * Math.max(1, Math.abs(an)), "r = " + r);
    }
    assertEquals(0.0, Wca.INSTANCE.secondDerivative(1.2 * 1.2, 1.0, 1.0));
  }
}
