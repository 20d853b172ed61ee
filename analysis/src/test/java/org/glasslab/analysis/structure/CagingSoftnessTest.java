package org.glasslab.analysis.structure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.glasslab.analysis.Fixtures;
import org.glasslab.data.Configuration;
import org.junit.jupiter.api.Test;

class CagingSoftnessTest {

  @Test
  void agreesWithScipyQuadrature() {
    Configuration ref = Fixtures.config("local_ref.csv");
    CagingSoftness.Result r =
        new CagingSoftness(CagingSoftness.Options.defaults().withLimits(0.5, 1.45)).compute(ref);
    Map<String, double[]> want = Fixtures.table("softness_expected.csv");
    double[] s = r.softness();
    double[] bp = r.betaPhi();
    double worst = 0;
    for (int i = 0; i < s.length; i++) {
      double rel = Math.abs(s[i] - want.get("softness")[i]) / want.get("softness")[i];
      worst = Math.max(worst, rel);
      assertEquals(want.get("beta_phi")[i], bp[i], 1e-6 * Math.abs(want.get("beta_phi")[i]));
    }
    assertTrue(worst < 1e-6, "worst relative deviation " + worst);
    assertEquals(0.02, r.delta());
    assertEquals("explicit", r.rMaxSource());
    assertTrue(r.gridSpacing() <= 0.001 + 1e-15);
  }

  @Test
  void defaultUpperLimitIsTheFirstMinimumOfGofr() {
    Configuration ref = Fixtures.config("local_ref.csv");
    CagingSoftness.Result r = new CagingSoftness().compute(ref);
    assertEquals(new RadialDistribution().compute(ref).landmarks().firstMinimum(), r.rMax(), 0);
    assertEquals("first minimum of g(r)", r.rMaxSource());
    for (double s : r.softness()) {
      assertTrue(s > 0 && Double.isFinite(s));
    }
  }

  @Test
  void resultDependsOnParametersAsDocumented() {
    Configuration ref = Fixtures.config("local_ref.csv");
    CagingSoftness.Options o = CagingSoftness.Options.defaults().withLimits(0.5, 1.45);
    double[] a = new CagingSoftness(o).compute(ref).softness();
    // Moving rMin inside the core (where g_i = 0) changes nothing.
    double[] b = new CagingSoftness(o.withLimits(0.2, 1.45)).compute(ref).softness();
    for (int i = 0; i < a.length; i++) {
      assertEquals(a[i], b[i], 1e-9 * a[i]);
    }
    // A finer grid converges (Simpson, O(h^4)).
    double[] c = new CagingSoftness(o.withGridSpacing(0.0005)).compute(ref).softness();
    for (int i = 0; i < a.length; i++) {
      assertEquals(a[i], c[i], 1e-7 * a[i]);
    }
  }

  @Test
  void rejectsRangeBeyondHalfTheBox() {
    Configuration ref = Fixtures.config("local_ref.csv");
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new CagingSoftness(CagingSoftness.Options.defaults().withLimits(0.5, 9.0))
                .compute(ref));
    assertThrows(
        IllegalArgumentException.class, () -> CagingSoftness.Options.defaults().withDelta(0));
  }
}
