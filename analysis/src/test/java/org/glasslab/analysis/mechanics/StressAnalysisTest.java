package org.glasslab.analysis.mechanics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.glasslab.data.Configuration;
import org.glasslab.data.MemoryTrajectory;
import org.glasslab.md.NeighbourList;
import org.glasslab.md.PairForces;
import org.glasslab.md.PairPotential;
import org.glasslab.md.StressConvention;
import org.glasslab.md.Thermo;
import org.glasslab.md.Wca;
import org.junit.jupiter.api.Test;

class StressAnalysisTest {
  static final double T = 0.5;

  @Test
  void globalStressEqualsLammpsVirialAndEngineObservables() {
    for (String name :
        List.of(
            "wca256-thermal.txt",
            "wca2000-thermal.txt",
            "wca256-is.txt",
            "lj256-thermal.txt",
            "lj256-is.txt",
            "ka256-thermal.txt",
            "ka256-is.txt")) {
      Fixtures.Fixture f = Fixtures.load(name);
      Configuration c = f.config();
      PairPotential pot = Fixtures.potential(name);
      Thermo t = new StressAnalysis(pot, StressConvention.CONSISTENT).compute(c, T);
      assertEquals(f.energy(), t.potentialEnergy(), 1e-11 * Math.abs(f.energy()), name);
      double scale = Math.abs(f.virial()[0]);
      assertEquals(f.virial()[0], t.virialXx(), 1e-11 * scale, name);
      assertEquals(f.virial()[1], t.virialYy(), 1e-11 * scale, name);
      assertEquals(f.virial()[2], t.virialXy(), 1e-11 * scale, name);
      double a = c.box().area();
      double rho = c.size() / a;
      assertEquals(rho * T + f.virial()[0] / a, t.sxx(), 1e-11 * t.sxx());
      assertEquals(rho * T + f.virial()[1] / a, t.syy(), 1e-11 * t.syy());
      assertEquals(f.virial()[2] / a, t.sxy(), 1e-11 * scale / a);
      assertEquals(t.sxy(), t.syx(), 0.0);
      assertEquals(0.5 * (t.sxx() + t.syy()), t.volumetric(), 1e-14 * t.sxx());
      assertEquals(
          Math.sqrt(t.sxx() * t.sxx() + t.syy() * t.syy() + 2 * t.sxy() * t.sxy()),
          t.norm(),
          1e-14 * t.norm());
      // the engine's own evaluator gives the same observables
      double[] x = c.positions();
      double[] d = c.diameters();
      NeighbourList list = HessianTest.engineList(c.box(), x, d, pot);
      double[] w = new double[3];
      double u = new PairForces(pot, list).compute(x, d, null, w);
      Thermo e = Thermo.of(c.size(), a, u, 0, T, w, StressConvention.CONSISTENT);
      assertEquals(e.sxx(), t.sxx(), 0.0);
      assertEquals(e.sxy(), t.sxy(), 0.0);
      assertEquals(e.norm(), t.norm(), 0.0);
      // paper convention halves the pair term only
      Thermo h = new StressAnalysis(pot, StressConvention.PAPER_HALF).compute(c, T);
      assertEquals(rho * T + 0.5 * f.virial()[0] / a, h.sxx(), 1e-11 * h.sxx());
      assertEquals(0.5 * t.sxy(), h.sxy(), 1e-15 * scale);
    }
  }

  @Test
  void perParticleVirialEqualsLammpsStressAtomAndAveragesToGlobal() {
    for (String name :
        List.of(
            "wca256-thermal.txt",
            "wca2000-is.txt",
            "lj256-is.txt",
            "ka256-thermal.txt",
            "ka256-is.txt")) {
      Fixtures.Fixture f = Fixtures.load(name);
      Configuration c = f.config();
      StressAnalysis sa = new StressAnalysis(Fixtures.potential(name), StressConvention.CONSISTENT);
      double[] w = sa.perParticleVirial(c.box(), c.positions(), c.diameters(), null);
      double scale = 0;
      for (double v : f.atomStress()) {
        scale = Math.max(scale, Math.abs(v));
      }
      for (int k = 0; k < w.length; k++) {
        // LAMMPS compute stress/atom (virial) is minus the per-atom virial
        assertEquals(-f.atomStress()[k], w[k], 1e-11 * scale, name + " entry " + k);
      }
      double[] s = sa.perParticle(c, T, null);
      Thermo t = sa.compute(c, T);
      double mxx = 0;
      double myy = 0;
      double mxy = 0;
      int n = c.size();
      for (int i = 0; i < n; i++) {
        mxx += s[3 * i] / n;
        myy += s[3 * i + 1] / n;
        mxy += s[3 * i + 2] / n;
      }
      assertEquals(t.sxx(), mxx, 1e-12 * t.sxx());
      assertEquals(t.syy(), myy, 1e-12 * t.syy());
      assertEquals(t.sxy(), mxy, 1e-12 * t.sxx());
    }
  }

  @Test
  void seriesOverTrajectoryAndBadTemperature() {
    Configuration a = Fixtures.load("wca256-thermal.txt").config();
    Configuration b = Fixtures.load("wca256-is.txt").config().withStepAndTime(100, 0.3);
    StressAnalysis sa = new StressAnalysis(Wca.INSTANCE, StressConvention.CONSISTENT);
    StressSeries s = StressSeries.of(MemoryTrajectory.of(List.of(a, b)), sa, T);
    assertEquals(2, s.size());
    assertEquals(sa.compute(b, T).sxy(), s.sxy()[1], 0.0);
    assertEquals(100, s.steps()[1]);
    assertEquals(3, s.toCsv().split("\n").length);
    assertThrows(IllegalArgumentException.class, () -> sa.compute(a, -1));
  }
}
