package org.glasslab.minimize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Supplier;
import org.glasslab.data.Configuration;
import org.glasslab.md.ForceKernel;
import org.glasslab.md.PairPotential;
import org.glasslab.md.Wca;
import org.junit.jupiter.api.Test;

/**
 * The energy surface against a brute-force evaluation, through list rebuilds with particles leaving
 * the box, for the fused scalar WCA loop, md-engine's vector WCA kernel and the generic (md-engine
 * PairForces) path.
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
    final Configuration start = c;
    PairPotential[] potentials = {Wca.INSTANCE, Wca.INSTANCE, OPAQUE_WCA};
    ForceKernel[] kernels = {ForceKernel.SCALAR, ForceKernel.VECTOR, ForceKernel.VECTOR};
    for (int v = 0; v < potentials.length; v++) {
      PairPotential p = potentials[v];
      EnergySurface s = withKernel(kernels[v], () -> new EnergySurface(start, p, 0.3, 128));
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
        String what = p.name() + " " + kernels[v].label();
        assertEquals(eb, e, 1e-10 * Math.max(1, Math.abs(eb)), what + " step " + step);
        for (int k = 0; k < m; k++) {
          assertEquals(fb[k], f[k], 1e-9 * Math.max(1, Math.abs(fb[k])), what + " k " + k);
        }
      }
      assertTrue(s.rebuilds() > 10, "the drift must force list rebuilds");
      assertEquals(60, s.evaluations());
    }
  }

  /** Runs {@code make} with the force kernel {@code k} selected (the property restored after). */
  static <T> T withKernel(ForceKernel k, Supplier<T> make) {
    String before = System.getProperty(ForceKernel.PROPERTY);
    System.setProperty(ForceKernel.PROPERTY, k.label());
    try {
      return make.get();
    } finally {
      if (before == null) {
        System.clearProperty(ForceKernel.PROPERTY);
      } else {
        System.setProperty(ForceKernel.PROPERTY, before);
      }
    }
  }
}
