package org.glasslab.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.glasslab.data.Box;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Barcodes against committed ripser 1.2.1 output (see {@code reference/make_fixtures.py}).
 * Euclidean cases: in {@link DistancePrecision#FLOAT32} the multisets equal ripser's exactly at its
 * printed precision; in double precision within 1e-5. Periodic cases (ripser fed the minimum-image
 * distance matrix): double precision within 1e-5.
 */
class RipserReferenceTest {

  static List<Fixtures.Case> euclidean() {
    return Fixtures.all().stream().filter(c -> c.metric().equals("euclidean")).toList();
  }

  static List<Fixtures.Case> periodic() {
    return Fixtures.all().stream().filter(c -> c.metric().equals("periodic")).toList();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("euclidean")
  void float32BarcodesEqualRipserExactly(Fixtures.Case c) {
    RipsOptions o = RipsOptions.ripserCompatible(Double.parseDouble(c.alpha()));
    PersistenceResult r = RipsPersistence.compute(c.positions(), null, o);
    RipserFormat.Output ref = c.ripser();
    assertTrue(ref.size(1) > 0 || c.name().contains("100"), "fixture has H1 bars");
    assertNull(RipserFormat.compareExact(r.h0(), ref, 0));
    assertNull(RipserFormat.compareExact(r.h1(), ref, 1));
    assertEquals(ref.size(1), r.betti1());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("euclidean")
  void doubleBarcodesEqualRipserWithinTolerance(Fixtures.Case c) {
    PersistenceResult r =
        RipsPersistence.compute(
            c.positions(), null, RipsOptions.euclidean(Double.parseDouble(c.alpha())));
    RipserFormat.Output ref = c.ripser();
    assertNull(RipserFormat.compareWithin(r.h0(), ref, 0, 1e-5));
    assertNull(RipserFormat.compareWithin(r.h1(), ref, 1, 1e-5));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("periodic")
  void periodicBarcodesEqualRipserOnMinimumImageMatrix(Fixtures.Case c) {
    Box box = new Box(c.box(), c.box());
    PersistenceResult r =
        RipsPersistence.compute(
            c.positions(), box, RipsOptions.periodic(Double.parseDouble(c.alpha())));
    RipserFormat.Output ref = c.ripser();
    assertNull(RipserFormat.compareWithin(r.h0(), ref, 0, 1e-5));
    assertNull(RipserFormat.compareWithin(r.h1(), ref, 1, 1e-5));
  }
}
