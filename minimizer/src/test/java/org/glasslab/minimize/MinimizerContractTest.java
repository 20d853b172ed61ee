package org.glasslab.minimize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.glasslab.data.Configuration;
import org.glasslab.md.Wca;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Contract tests run against every {@link Minimizer} implementation. */
class MinimizerContractTest {
  static final int N = 256;
  static Configuration knownIs;

  static List<Minimizer> minimizers() {
    return List.of(new ConjugateGradient(Wca.INSTANCE), new Fire(Wca.INSTANCE));
  }

  /**
   * An inherent structure without rattlers (every particle has at least 3 contacts), so that all
   * positions are determined by the minimum.
   */
  @BeforeAll
  static void makeKnownIs() {
    for (long seed = 11; seed < 40; seed++) {
      MinimizationResult r =
          new ConjugateGradient(Wca.INSTANCE)
              .minimize(
                  TestConfigs.random(N, 0.9, seed), MinimizerOptions.defaults().withFtol(1e-12));
      assertTrue(r.converged(), r.toString());
      if (TestConfigs.minContacts(r.configuration()) >= 3) {
        knownIs = r.configuration();
        return;
      }
    }
    throw new AssertionError("no rattler-free inherent structure among 29 seeds");
  }

  @ParameterizedTest
  @MethodSource("minimizers")
  void returnsToTheInherentStructureFromSmallPerturbations(Minimizer m) {
    double e0 = TestConfigs.brute(knownIs, new double[2 * N]) / N;
    for (double amp : new double[] {1e-4, 1e-3, 1e-2}) {
      Configuration start = TestConfigs.perturbed(knownIs, amp, 7);
      MinimizationResult r = m.minimize(start, MinimizerOptions.defaults().withFtol(1e-12));
      assertTrue(r.converged(), m.name() + " amp " + amp + ": " + r.stopReason());
      double dev = TestConfigs.maxDeviation(r.configuration(), knownIs, 0, 0);
      assertTrue(dev < 1e-8, m.name() + " amp " + amp + ": max deviation " + dev);
      assertEquals(e0, r.energyPerParticle(), 1e-12, m.name() + " amp " + amp);
    }
  }

  @ParameterizedTest
  @MethodSource("minimizers")
  void convergedMeansMaxForceBelowTolAndReportedNumbersAreTrue(Minimizer m) {
    Configuration start = TestConfigs.random(N, 0.9, 5);
    MinimizationResult r = m.minimize(start, MinimizerOptions.defaults());
    assertTrue(r.converged(), r.toString());
    assertTrue(r.maxForce() <= 1e-10, "maxForce " + r.maxForce());
    // independent brute-force evaluation at the returned (wrapped) configuration: checks the
    // neighbour-list rebuilds and the wrapping/images along the way
    double[] f = new double[2 * N];
    double e = TestConfigs.brute(r.configuration(), f);
    assertEquals(e, r.energy(), 1e-11 * N);
    assertTrue(TestConfigs.maxAbs(f) <= 1e-10 + 1e-12, "brute max force " + TestConfigs.maxAbs(f));
    assertEquals(TestConfigs.maxAbs(f), r.maxForce(), 1e-12);
    // step, time, diameters are the start's
    assertEquals(start.step(), r.configuration().step());
    assertTrue(java.util.Arrays.equals(start.diameters(), r.configuration().diameters()));
    assertTrue(r.forceEvaluations() >= r.iterations());
  }

  @ParameterizedTest
  @MethodSource("minimizers")
  void iterationCapIsReportedAsNotConverged(Minimizer m) {
    MinimizationResult r =
        m.minimize(
            TestConfigs.random(N, 0.9, 3), MinimizerOptions.defaults().withMaxIterations(20));
    assertFalse(r.converged());
    assertEquals(StopReason.MAX_ITERATIONS, r.stopReason());
    assertEquals(20, r.iterations());
    assertTrue(r.maxForce() > 1e-10);
  }

  @ParameterizedTest
  @MethodSource("minimizers")
  void evaluationCapIsReportedAsNotConverged(Minimizer m) {
    MinimizationResult r =
        m.minimize(
            TestConfigs.random(N, 0.9, 3), MinimizerOptions.defaults().withMaxForceEvaluations(50));
    assertFalse(r.converged());
    assertEquals(StopReason.MAX_FORCE_EVALUATIONS, r.stopReason());
    assertTrue(r.forceEvaluations() <= 50);
  }

  @ParameterizedTest
  @MethodSource("minimizers")
  void energyCriterionStopsButIsNotConvergence(Minimizer m) {
    MinimizationResult r =
        m.minimize(TestConfigs.random(N, 0.9, 3), MinimizerOptions.defaults().withEtol(1e-4));
    assertEquals(StopReason.ENERGY_TOLERANCE, r.stopReason());
    assertFalse(r.converged());
    assertTrue(r.maxForce() > 1e-10);
  }

  @ParameterizedTest
  @MethodSource("minimizers")
  void translatedStartAcrossTheBoundaryGivesTheTranslatedInherentStructure(Minimizer m) {
    // shift everything by almost half a box so many particles cross the boundary on the way
    double sx = 0.5 * knownIs.box().lx() - 1e-3;
    double sy = 0.37 * knownIs.box().ly();
    Configuration start = TestConfigs.perturbed(knownIs, 1e-3, 9);
    double[] u = start.unwrappedPositions();
    for (int i = 0; i < N; i++) {
      u[2 * i] += sx;
      u[2 * i + 1] += sy;
    }
    int[] im = new int[2 * N];
    knownIs.box().wrapAll(u, im);
    MinimizationResult r =
        m.minimize(start.withPositions(u, im), MinimizerOptions.defaults().withFtol(1e-12));
    assertTrue(r.converged());
    double dev = TestConfigs.maxDeviation(r.configuration(), knownIs, sx, sy);
    assertTrue(dev < 1e-8, "deviation " + dev);
  }

  @Test
  void optionsRejectImpossibleValuesWithActionableMessages() {
    var e =
        org.junit.jupiter.api.Assertions.assertThrows(
            IllegalArgumentException.class, () -> MinimizerOptions.defaults().withFtol(-1));
    assertTrue(e.getMessage().contains("ftol"));
    org.junit.jupiter.api.Assertions.assertThrows(
        IllegalArgumentException.class, () -> MinimizerOptions.defaults().withFtol(1e-16));
    org.junit.jupiter.api.Assertions.assertThrows(
        IllegalArgumentException.class, () -> MinimizerOptions.defaults().withMaxIterations(0));
    assertEquals(Method.CG, Method.parse("cg"));
    assertEquals(Method.FIRE, Method.parse("FIRE"));
    org.junit.jupiter.api.Assertions.assertThrows(
        IllegalArgumentException.class, () -> Method.parse("bfgs"));
  }

  @ParameterizedTest
  @MethodSource("minimizers")
  void frozenParticlesKeepTheirPositionsAndTheFreeOnesReachTheTolerance(Minimizer m) {
    Configuration start = TestConfigs.perturbed(knownIs, 1e-2, 9);
    boolean[] frozen = new boolean[N];
    for (int i = 0; i < N; i += 3) {
      frozen[i] = true;
    }
    MinimizationResult r =
        m.minimize(
            start, frozen, MinimizerOptions.defaults().withFtol(1e-10), MinimizationObserver.NONE);
    assertTrue(r.converged(), m.name() + ": " + r.stopReason());
    double[] a = start.unwrappedPositions();
    double[] b = r.configuration().unwrappedPositions();
    double[] f = new double[2 * N];
    TestConfigs.brute(r.configuration(), f);
    boolean moved = false;
    for (int i = 0; i < N; i++) {
      double d = Math.hypot(b[2 * i] - a[2 * i], b[2 * i + 1] - a[2 * i + 1]);
      if (frozen[i]) {
        assertEquals(0.0, d, 0.0, m.name() + " frozen particle " + i + " moved");
      } else {
        moved |= d > 1e-4;
        assertTrue(Math.abs(f[2 * i]) <= 1e-9 && Math.abs(f[2 * i + 1]) <= 1e-9, "free " + i);
      }
    }
    assertTrue(moved, "the free particles relaxed");
  }
}
