package org.glasslab.md;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.glasslab.data.Box;
import org.glasslab.data.Configuration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Contract tests run against every pair potential. */
class ForcesTest {

  static List<PairPotential> potentials() {
    return List.of(Wca.INSTANCE, new HarmonicSoftDisk(1.0), new HarmonicSoftDisk(25.0));
  }

  static PairForces evaluator(Configuration c, PairPotential p, double skin) {
    double dMax = 0;
    for (double d : c.diameters()) {
      dMax = Math.max(dMax, d);
    }
    NeighbourList nl = new NeighbourList(c.box(), c.size(), p.maxCutoff(dMax), skin, 1000);
    nl.build(c.positions(), c.diameters(), p);
    return new PairForces(p, nl);
  }

  @ParameterizedTest
  @MethodSource("potentials")
  void forceIsMinusGradientAndSumsToZero(PairPotential p) {
    for (Configuration c :
        List.of(
            TestSystems.lattice(12, 0.9, 0.6, 7),
            TestSystems.lattice(3, 0.9, 0.5, 8),
            TestSystems.lattice(4, 0.9, 0.5, 9))) {
      PairForces pf = evaluator(c, p, 0.3);
      double[] x = c.positions();
      double[] d = c.diameters();
      double[] f = new double[x.length];
      double[] w = new double[3];
      pf.compute(x, d, f, w);
      double[] f2 = new double[x.length];
      pf.forces(x, d, f2);
      double h = 1e-6;
      double fmax = 0;
      for (double fk : f) {
        fmax = Math.max(fmax, Math.abs(fk));
      }
      // the scalar per-step loop is compute()'s arithmetic; the vector kernel sums in another order
      double same = pf.kernel() == ForceKernel.SCALAR ? 0.0 : 1e-13 * fmax;
      double sx = 0;
      double sy = 0;
      for (int k = 0; k < x.length; k++) {
        assertEquals(f[k], f2[k], same, "compute() and forces() differ");
        if ((k & 1) == 0) {
          sx += f[k];
        } else {
          sy += f[k];
        }
      }
      assertEquals(0, sx, 1e-12 * fmax * c.size());
      assertEquals(0, sy, 1e-12 * fmax * c.size());
      for (int k = 0; k < x.length; k++) {
        double[] xp = x.clone();
        xp[k] += h;
        double up = pf.compute(xp, d, null, w);
        xp[k] -= 2 * h;
        double um = pf.compute(xp, d, null, w);
        double num = -(up - um) / (2 * h);
        assertEquals(num, f[k], 1e-6 * Math.max(1, fmax), "component " + k + " " + p.name());
      }
    }
  }

  @ParameterizedTest
  @MethodSource("potentials")
  void energyMatchesBruteForceAndVirialIsMinusDuDStrain(PairPotential p) {
    Configuration c = TestSystems.lattice(10, 0.9, 0.6, 11);
    PairForces pf = evaluator(c, p, 0.4);
    double[] w = new double[3];
    double u = pf.compute(c.positions(), c.diameters(), null, w);
    assertEquals(TestSystems.bruteEnergy(c, p), u, 1e-12 * Math.max(1, Math.abs(u)));
    // W_xx = -dU/d(eps_xx): stretch x by (1+e), derivative at e = 0
    double e = 1e-6;
    double up = scaledEnergy(c, p, 1 + e, 1);
    double um = scaledEnergy(c, p, 1 - e, 1);
    assertEquals(-(up - um) / (2 * e), w[0], 1e-6 * Math.max(1, Math.abs(w[0])));
    up = scaledEnergy(c, p, 1, 1 + e);
    um = scaledEnergy(c, p, 1, 1 - e);
    assertEquals(-(up - um) / (2 * e), w[1], 1e-6 * Math.max(1, Math.abs(w[1])));
    // consistent stress: (sxx + syy)/2 = -dU/dA (athermal part) for an isotropic dilation
    double a = c.box().area();
    double s = 1e-6;
    double dUdA =
        (scaledEnergy(c, p, Math.sqrt(1 + s), Math.sqrt(1 + s))
                - scaledEnergy(c, p, Math.sqrt(1 - s), Math.sqrt(1 - s)))
            / (2 * s * a);
    Thermo t = Thermo.of(c.size(), a, u, 0, 0, w, StressConvention.CONSISTENT);
    assertEquals(-dUdA, t.volumetric(), 1e-6 * Math.max(1, Math.abs(dUdA)));
    Thermo half = Thermo.of(c.size(), a, u, 0, 0, w, StressConvention.PAPER_HALF);
    assertEquals(0.5 * t.sxx(), half.sxx(), 1e-15);
  }

  private static double scaledEnergy(Configuration c, PairPotential p, double ax, double ay) {
    Box b = new Box(c.box().lx() * ax, c.box().ly() * ay);
    double[] x = c.positions();
    for (int i = 0; i < c.size(); i++) {
      x[2 * i] *= ax;
      x[2 * i + 1] *= ay;
    }
    Configuration s = Configuration.of(b, x, c.diameters());
    return TestSystems.bruteEnergy(s, p);
  }
}
