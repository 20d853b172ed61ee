package org.glasslab.minimize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.glasslab.md.Wca;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Both methods return to the inherent structure that LAMMPS' CG found from the same perturbed start
 * (fixture wca256-is.txt, made by make_lammps_fixtures.py with LAMMPS 29 Sep 2021).
 */
class LammpsFixtureTest {

  @ParameterizedTest
  @ValueSource(strings = {"cg", "fire"})
  void returnsToTheLammpsInherentStructure(String method) throws IOException {
    TestConfigs.Fixture fx = TestConfigs.fixture();
    int n = fx.start().size();
    MinimizationResult r =
        Method.parse(method)
            .create(Wca.INSTANCE)
            .minimize(fx.start(), MinimizerOptions.defaults().withFtol(1e-12));
    assertTrue(r.converged(), r.toString());
    double dev = TestConfigs.maxDeviation(r.configuration(), fx.lammpsIs(), 0, 0);
    assertTrue(dev < 1e-8, method + ": max deviation from the LAMMPS IS " + dev);
    // LAMMPS prints its final energy with 13 significant digits (~1e-11 absolute)
    assertEquals(fx.lammpsEnergy() / n, r.energyPerParticle(), 1e-12);
    double[] f = new double[2 * n];
    double eLammpsIs = TestConfigs.brute(fx.lammpsIs(), f);
    assertEquals(eLammpsIs / n, r.energyPerParticle(), 1e-12);
    assertTrue(TestConfigs.maxAbs(f) < 1e-11, "force at the LAMMPS IS " + TestConfigs.maxAbs(f));
  }
}
