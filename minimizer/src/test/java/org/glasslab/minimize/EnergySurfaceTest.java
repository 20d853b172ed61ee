package org.glasslab.minimize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.glasslab.data.Configuration;
import org.glasslab.md.PairPotential;
import org.glasslab.md.Wca;
import org.junit.jupiter.api.Test;

/**
 * The energy surface against a brute-force evaluation, through list rebuilds with particles leaving
 * the box, for the fused WCA kernel and the generic (md-engine PairForces) path.
 */
class EnergySurfaceTest {

  /** WCA seen through the interface only, so the surface takes its generic path. */
  static final PairPotential OPAQUE_WCA =
      new PairPotential() {
        @Override
        public String name() {
          return "wca-opaque";
        }

        @Override
        public double cutoffSquared(double di, double dj) {
          return Wca.INSTANCE.cutoffSquared(di, dj);
        }

        @Override
        public double maxCutoff(double maxDiameter) {
          return Wca.INSTANCE.maxCutoff(maxDiameter);
        }

        @Override
        public double forceOverR(double r2, double di, double dj) {
          return Wca.INSTANCE.forceOverR(r2, di, dj);
        }

        @Override
        public double energy(double r2, double di, double dj) {
          return Wca.INSTANCE.energy(r2, di, dj);
        }

        @Override
        public double secondDerivative(double r2, double di, double dj) {
          return Wca.INSTANCE.secondDerivative(r2, di, dj);
        }
      };

  @Test
  void matchesBruteForceAlongADriftAcrossTheBoundaryForBothKernels() {
    Configuration c = TestConfigs.random(300, 0.9, 8);
    c =
        new ConjugateGradient(Wca.INSTANCE)
            .minimize(c, MinimizerOptions.defaults().withFtol(1e-3))
            .configuration();
    int m = 2 * c.size();
    for (PairPotential p : new PairPotential[] {Wca.INSTANCE, OPAQUE_WCA}) {
      EnergySurface s = new EnergySurface(c, p, 0.3, 128);
      double[] x = s.startPositions();
      double[] f = new double[m];
      double[] fb = new double[m];
      java.util.SplittableRandom r = new java.util.SplittableRandom(1);
      for (int step = 0; step < 60; step++) {
        // a uniform drift of 0.37 per step (particles cross the boundary many times) plus noise
        for (int k = 0; k < m; k++) {
          x[k] += ((k & 1) == 0 ? 0.37 : -0.21) + 0.02 * (r.nextDouble() - 0.5);
        }
        double e = s.evaluate(x, f);
        Configuration here = s.configuration(x);
        double eb = TestConfigs.brute(here, fb);
        assertEquals(eb, e, 1e-10 * Math.max(1, Math.abs(eb)), p.name() + " step " + step);
        for (int k = 0; k < m; k++) {
          assertEquals(fb[k], f[k], 1e-9 * Math.max(1, Math.abs(fb[k])), p.name() + " k " + k);
        }
      }
      assertTrue(s.rebuilds() > 10, "the drift must force list rebuilds");
      assertEquals(60, s.evaluations());
    }
  }
}
