package org.glasslab.analysis.mechanics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.glasslab.bench.mechanics.ScipyEigsh;
import org.glasslab.md.Wca;
import org.junit.jupiter.api.Test;

/** Live comparison with scipy eigsh on GlassLab's own exported Hessian (skips without scipy). */
class ScipyLiveTest {

  @Test
  void eigenvaluesEqualScipyEigshOnExportedN2000Hessian() throws Exception {
    assumeTrue(ScipyEigsh.available(), "/usr/bin/python3 with scipy not available");
    Hessian h = Hessian.compute(Fixtures.load("wca2000-is.txt").config(), Wca.INSTANCE);
    HessianSpectrum s = new LowestModes(ModeOptions.DEFAULT).compute(h);
    int k = s.zeroModes() + 34;
    ScipyEigsh.Result r = ScipyEigsh.run(h.matrix(), k, -1e-3, 1);
    double[] ref = r.eigenvalues();
    int first = 0;
    while (Math.abs(ref[first]) <= ModeOptions.DEFAULT.zeroTolerance()) {
      first++;
    }
    for (int i = 0; i < 30; i++) {
      double e = ref[first + i];
      assertEquals(e, s.eigenvalues()[i], 1e-9 * e, "eigenvalue " + i + " (" + r.versions() + ")");
    }
  }
}
