package org.glasslab.epm.meanfield;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.glasslab.data.random.Rng;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Mean-field Gillespie engines: RNG, redraw law, reproducibility, equivalence of engines. */
class GillespieTest {
  private static final BaronBiroliModel M = BaronBiroliModel.PAPER;

  @Test
  void gaussiansAreStandardNormal() {
    Rng r = new Rng(42);
    int n = 400_000;
    double[] x = new double[n];
    double m1 = 0;
    double m2 = 0;
    double m4 = 0;
    for (int i = 0; i < n; i++) {
      x[i] = r.nextGaussian();
      m1 += x[i];
      m2 += x[i] * x[i];
      m4 += x[i] * x[i] * x[i] * x[i];
    }
    assertEquals(0, m1 / n, 5 / Math.sqrt(n));
    assertEquals(1, m2 / n, 5 * Math.sqrt(2.0 / n));
    assertEquals(3, m4 / n, 5 * Math.sqrt(96.0 / n));
    double p = new KolmogorovSmirnovTest().kolmogorovSmirnovTest(new NormalDistribution(0, 1), x);
    assertTrue(p > 1e-3, "KS p-value " + p);
  }

  @Test
  void redrawLawMatchesEq1() {
    // CDF of |σ| under y: (e^s − 1)/(e − 1).
    int n = 200_000;
    double[] s = new double[n];
    Rng r = new Rng(3);
    for (int i = 0; i < n; i++) {
      s[i] = MeanFieldSimulation.redrawMagnitude(r.nextDouble());
    }
    org.apache.commons.math3.distribution.AbstractRealDistribution d =
        new org.apache.commons.math3.distribution.AbstractRealDistribution(null) {
          @Override
          public double density(double x) {
            return x < 0 || x > 1 ? 0 : Math.exp(x) / (Math.E - 1);
          }

          @Override
          public double cumulativeProbability(double x) {
            return x <= 0 ? 0 : x >= 1 ? 1 : (Math.exp(x) - 1) / (Math.E - 1);
          }

          @Override
          public double getNumericalMean() {
            return 1 / (Math.E - 1);
          }

          @Override
          public double getNumericalVariance() {
            return 0;
          }

          @Override
          public double getSupportLowerBound() {
            return 0;
          }

          @Override
          public double getSupportUpperBound() {
            return 1;
          }

          @Override
          public boolean isSupportLowerBoundInclusive() {
            return true;
          }

          @Override
          public boolean isSupportUpperBoundInclusive() {
            return false;
          }

          @Override
          public boolean isSupportConnected() {
            return true;
          }
        };
    double p = new KolmogorovSmirnovTest().kolmogorovSmirnovTest(d, s);
    assertTrue(p > 1e-3, "KS p-value " + p);
  }

  @ParameterizedTest
  @EnumSource(GillespieState.Engine.class)
  void restoreFromStateReplaysIdentically(GillespieState.Engine engine, @TempDir Path dir)
      throws Exception {
    MeanFieldSimulation a = MeanFieldSimulation.create(engine, M, 0.3, 300, 99);
    a.advance(5_000);
    Path file = dir.resolve("state.bin");
    a.state().write(file);
    a.advance(7_000);
    GillespieState restored = GillespieState.read(file);
    MeanFieldSimulation b = MeanFieldSimulation.restore(restored);
    b.advance(7_000);
    GillespieState sa = a.state();
    GillespieState sb = b.state();
    assertEquals(sa, sb);
    assertEquals(a.time(), b.time(), 0.0);
    double[] xa = new double[300];
    double[] xb = new double[300];
    a.sigma(xa);
    b.sigma(xb);
    assertArrayEquals(xa, xb, 0.0);
  }

  @Test
  void statesOfTheFormerGeneratorAreRefused(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("state.bin");
    MeanFieldSimulation.create(GillespieState.Engine.DIRECT, M, 0.5, 50, 1).state().write(file);
    byte[] b = Files.readAllBytes(file);
    ByteBuffer.wrap(b).putLong(0, 0x474C4D4647494C31L); // "GLMFGIL1"
    Files.write(file, b);
    IOException e = assertThrows(IOException.class, () -> GillespieState.read(file));
    assertTrue(e.getMessage().contains("former random generator"), e.getMessage());
  }

  @ParameterizedTest
  @EnumSource(GillespieState.Engine.class)
  void sameSeedSameRun(GillespieState.Engine engine) {
    MeanFieldSimulation a = MeanFieldSimulation.create(engine, M, 0.5, 200, 5);
    MeanFieldSimulation b = MeanFieldSimulation.create(engine, M, 0.5, 200, 5);
    a.advance(3_000);
    b.advance(3_000);
    assertEquals(a.state(), b.state());
  }

  @Tag("validation")
  @Test
  void directAndLazyEnginesSimulateTheSameProcess() {
    // Γ of a small system (N = 400, finite-N value) from both engines agrees within errors.
    GillespieOptions od =
        GillespieOptions.of(GillespieState.Engine.DIRECT, 400, 0.5, 20_000, 60_000);
    GillespieOptions ol = GillespieOptions.of(GillespieState.Engine.LAZY, 400, 0.5, 20_000, 60_000);
    GillespieMeasurement.Ensemble d = GillespieMeasurement.ensemble(M, od, 1, 6, null);
    GillespieMeasurement.Ensemble l = GillespieMeasurement.ensemble(M, ol, 100, 6, null);
    double se = Math.hypot(d.gammaError(), l.gammaError());
    assertEquals(d.gamma(), l.gamma(), 4 * se, "direct " + d.gamma() + " lazy " + l.gamma());
    double l1 = 0;
    double floor = 0;
    for (int b = 0; b < d.histogram().length; b++) {
      l1 += Math.abs(d.histogram()[b] - l.histogram()[b]);
      floor += Math.sqrt(2 / Math.PI) * Math.hypot(d.histogramError()[b], l.histogramError()[b]);
    }
    assertTrue(l1 < 2 * floor, "L1 " + l1 + " vs noise floor " + floor);
  }

  @Test
  void lazyEngineCandidatesPerEventIsInverseMeanRate() {
    LazyGillespie s =
        (LazyGillespie) MeanFieldSimulation.create(GillespieState.Engine.LAZY, M, 3.0, 1000, 8);
    s.advance(200_000);
    long c0 = s.candidates();
    s.advance(200_000);
    double perEvent = (s.candidates() - c0) / 200_000.0;
    double gamma = FokkerPlanckSolver.solve(M, RateLaw.EXACT, 3.0, 1e-6).gamma();
    assertEquals(1 / gamma, perEvent, 0.02);
  }
}
