package org.glasslab.epm.meanfield;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Stationary Gillespie statistics vs the Fokker–Planck solution of eq 8 (paper Figs 1–3): Γ within
 * 1% for N = 4000 and within 4 standard errors, histogram L1 distance at the noise floor set by the
 * seed-to-seed scatter.
 */
@Tag("validation")
class GillespieValidationTest {
  private static final BaronBiroliModel M = BaronBiroliModel.PAPER;

  @ParameterizedTest
  @CsvSource({
    "LAZY, 4000, 3.0, 200000, 1000000, 8",
    "LAZY, 4000, 0.5, 200000, 1000000, 8",
    "LAZY, 4000, 0.1, 400000, 1000000, 8",
    "DIRECT, 1000, 0.5, 40000, 100000, 4"
  })
  void stationaryStatisticsMatchFokkerPlanck(
      GillespieState.Engine engine, int n, double t, long burnIn, long events, int seeds) {
    GillespieOptions o = GillespieOptions.of(engine, n, t, burnIn, events);
    GillespieMeasurement.Ensemble e = GillespieMeasurement.ensemble(M, o, 1000, seeds, null);
    StationarySolution theory = FokkerPlanckSolver.solve(M, RateLaw.EXACT, t, 1e-8);
    GillespieMeasurement.Comparison c = GillespieMeasurement.compare(e, theory);
    String msg =
        String.format(
            "%s N=%d T=%g: Γ %.5f ± %.5f vs %.5f (rel %.4f, z %.2f), L1 %.4f floor %.4f",
            engine,
            n,
            t,
            e.gamma(),
            e.gammaError(),
            theory.gamma(),
            c.gammaRelative(),
            c.gammaZ(),
            c.l1(),
            c.l1NoiseFloor());
    System.out.println(msg);
    assertTrue(Math.abs(c.gammaRelative()) < 0.01, msg);
    assertTrue(Math.abs(c.gammaZ()) < 4, msg);
    assertTrue(c.l1() < 2.0 * c.l1NoiseFloor(), msg);
  }
}
