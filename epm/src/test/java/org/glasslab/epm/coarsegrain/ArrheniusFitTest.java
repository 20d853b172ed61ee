package org.glasslab.epm.coarsegrain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.PoissonDistribution;
import org.apache.commons.math3.random.MersenneTwister;
import org.junit.jupiter.api.Test;

class ArrheniusFitTest {
  static final double E = 2.0;
  static final double NU0 = 40.0;
  static final double[] T = {0.25, 0.3, 0.35, 0.4, 0.5};

  /** Poisson counts of the planted law, 3 replicas per temperature, about 30..2000 events each. */
  static List<ArrheniusFit.Sample> synthetic(long seed) {
    MersenneTwister mt = new MersenneTwister(seed);
    List<ArrheniusFit.Sample> s = new ArrayList<>();
    for (double t : T) {
      double exposure = 1e3;
      double mean = NU0 * Math.exp(-E / t) * exposure;
      for (int r = 0; r < 3; r++) {
        PoissonDistribution p =
            new PoissonDistribution(mt, mean, PoissonDistribution.DEFAULT_EPSILON, 10000);
        s.add(new ArrheniusFit.Sample(t, p.sample(), exposure));
      }
    }
    return s;
  }

  @Test
  void recoversPlantedEnergyAndPrefactorWithinErrors() {
    int trials = 200;
    int inE1 = 0;
    int inE2 = 0;
    int inNu2 = 0;
    for (int k = 0; k < trials; k++) {
      ArrheniusFit.Result r = ArrheniusFit.fit(synthetic(1000 + k), 5, 0, new SplittableRandom(k));
      assertTrue(r.measured());
      double z = Math.abs(r.energy().value() - E) / r.energy().error();
      inE1 += z <= 1 ? 1 : 0;
      inE2 += z <= 2 ? 1 : 0;
      double zn = Math.abs(r.lnPrefactor().value() - Math.log(NU0)) / r.lnPrefactor().error();
      inNu2 += zn <= 2 ? 1 : 0;
    }
    // the covariance errors are calibrated: ~68 % within 1 sigma, ~95 % within 2 sigma
    assertTrue(inE1 > 0.55 * trials && inE1 < 0.85 * trials, "1-sigma coverage " + inE1);
    assertTrue(inE2 > 0.88 * trials, "2-sigma coverage " + inE2);
    assertTrue(inNu2 > 0.88 * trials, "2-sigma coverage of ln nu0 " + inNu2);
  }

  @Test
  void bootstrapOverReplicasGivesAComparableError() {
    ArrheniusFit.Result r = ArrheniusFit.fit(synthetic(7), 5, 400, new SplittableRandom(3));
    assertTrue(Double.isFinite(r.bootstrapEnergyError()));
    assertTrue(r.energy().error() >= r.bootstrapEnergyError());
    assertTrue(Math.abs(r.energy().value() - E) < 3 * r.energy().error());
    assertEquals(5, r.temperatures().length);
    assertEquals(NU0 * Math.exp(-E / 0.4), r.rate(0.4), 0.3 * NU0 * Math.exp(-E / 0.4));
  }

  @Test
  void tooFewTemperaturesOrEventsIsNotEnoughDataNeverANumber() {
    List<ArrheniusFit.Sample> one = List.of(new ArrheniusFit.Sample(0.3, 100, 1));
    ArrheniusFit.Result r = ArrheniusFit.fit(one, 5, 10, new SplittableRandom(1));
    assertFalse(r.measured());
    assertTrue(Double.isNaN(r.energy().value()) && Double.isNaN(r.energy().error()));
    assertTrue(r.energy().note().startsWith("not enough data"), r.energy().note());
    List<ArrheniusFit.Sample> few =
        List.of(new ArrheniusFit.Sample(0.3, 100, 1), new ArrheniusFit.Sample(0.2, 2, 1));
    assertFalse(ArrheniusFit.fit(few, 5, 0, new SplittableRandom(1)).measured());
    assertThrows(IllegalArgumentException.class, () -> new ArrheniusFit.Sample(0, 1, 1));
    assertThrows(
        IllegalArgumentException.class, () -> new Measurement(1.0, Double.NaN, "no error"));
  }
}
