package org.glasslab.minimize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.glasslab.md.ForceKernel;
import org.glasslab.md.PairPotential;
import org.glasslab.md.Potentials;
import org.glasslab.md.StressConvention;
import org.glasslab.md.Thermo;
import org.glasslab.md.Thermodynamics;
import org.glasslab.md.Wca;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Both methods return to the inherent structure that LAMMPS' CG found from the same perturbed start
 * (fixture wca256-is.txt, made by make_lammps_fixtures.py with LAMMPS 29 Sep 2021).
 */
class LammpsFixtureTest {

  @ParameterizedTest
  @CsvSource({"cg, SCALAR", "cg, VECTOR", "fire, SCALAR", "fire, VECTOR"})
  void returnsToTheLammpsInherentStructure(String method, ForceKernel kernel) throws IOException {
    TestConfigs.Fixture fx = TestConfigs.fixture();
    int n = fx.start().size();
    MinimizationResult r =
        EnergySurfaceTest.withKernel(
            kernel,
            () ->
                Method.parse(method)
                    .create(Wca.INSTANCE)
                    .minimize(fx.start(), MinimizerOptions.defaults().withFtol(1e-12)));
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

  /**
   * The same with the other potentials of the registry: the shifted Lennard-Jones {@code lj}
   * (cutoff 2.5 sigma_ij; fixture lj256-is.txt from {@code make_lammps_fixtures.py lj}) and the
   * Kob–Andersen mixture {@code ka} (166 A + 90 B at rho = 1.2; ka256-is.txt from {@code
   * make_lammps_fixtures.py ka}): both methods reach LAMMPS' IS and its {@code minimize} energy.
   */
  @ParameterizedTest
  @CsvSource({
    "lj256-is.txt, lj, cg",
    "lj256-is.txt, lj, fire",
    "ka256-is.txt, ka, cg",
    "ka256-is.txt, ka, fire"
  })
  void returnsToTheLammpsInherentStructureOfEachPotential(
      String fixture, String spec, String method) throws IOException {
    TestConfigs.Fixture fx = TestConfigs.fixture(fixture);
    PairPotential pot = Potentials.byName(spec);
    int n = fx.start().size();
    MinimizationResult r =
        Method.parse(method)
            .create(pot)
            .minimize(fx.start(), MinimizerOptions.defaults().withFtol(1e-12));
    assertTrue(r.converged(), r.toString());
    double dev = TestConfigs.maxDeviation(r.configuration(), fx.lammpsIs(), 0, 0);
    assertTrue(dev < 1e-8, spec + " " + method + ": max deviation from the LAMMPS IS " + dev);
    assertEquals(fx.lammpsEnergy() / n, r.energyPerParticle(), 1e-12);
    Thermo atLammpsIs = Thermodynamics.of(fx.lammpsIs(), pot, 0.0, StressConvention.CONSISTENT);
    assertEquals(atLammpsIs.potentialEnergy() / n, r.energyPerParticle(), 1e-12);
  }
}
