package org.glasslab.pipeline.stages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.glasslab.analysis.mechanics.StressAnalysis;
import org.glasslab.data.Configuration;
import org.glasslab.epm.coarsegrain.CoarseGrainer;
import org.glasslab.md.StressConvention;
import org.glasslab.md.Wca;
import org.glasslab.pipeline.engine.ParamException;
import org.glasslab.pipeline.engine.Params;
import org.glasslab.testsupport.BenchmarkSystem;
import org.junit.jupiter.api.Test;

/** The particle-lattice stage's coarse graining on a real WCA configuration and its errors. */
class ParticleLatticeStageTest {
  private static Params params(String json) throws Exception {
    return Params.of(new ObjectMapper().readTree(json));
  }

  @Test
  void coarseGrainedStressOfARealGlassConservesTheTotal() throws Exception {
    // 200 polydisperse WCA disks at rho = 0.9, briefly equilibrated at T = 0.5 (interacting)
    Configuration c = BenchmarkSystem.prepare(200, 0.9, 0.5, 0.003, 200, 7);
    double[] s =
        new StressAnalysis(Wca.INSTANCE, StressConvention.CONSISTENT).perParticle(c, 0, null);
    int n = c.size();
    double[] sxy = new double[n];
    double particleArea = c.box().area() / n;
    double total = 0;
    double scale = 0;
    for (int i = 0; i < n; i++) {
      sxy[i] = s[3 * i + 2];
      total += sxy[i] * particleArea;
      scale += Math.abs(sxy[i]) * particleArea;
    }
    assertTrue(scale > 1, "the configuration carries stress: " + scale);
    for (String spec : new String[] {"{}", "{\"kernel\": \"gaussian\"}", "{\"grid\": 7}"}) {
      CoarseGrainer cg = ParticleLatticeStage.grainer(params(spec), c.box(), n);
      double[] g = cg.density(c.positions(), sxy, particleArea, null);
      double sum = 0;
      for (double v : g) {
        sum += v * cg.cellArea();
      }
      assertEquals(total, sum, 1e-12 * scale, spec);
    }
    // the default cell side: round(box / 2.5) cells, a few particles each
    CoarseGrainer cg = ParticleLatticeStage.grainer(params("{}"), c.box(), n);
    assertEquals(Math.round(c.box().lx() / 2.5), cg.gridSize());
    assertTrue(cg.cellSizeX() > 2 && cg.cellSizeX() < 3, "cell side " + cg.cellSizeX());
  }

  @Test
  void gridTooFineIsAOneLineErrorNamingTheParameter() throws Exception {
    Configuration c = BenchmarkSystem.prepare(100, 0.9, 0.5, 0.003, 10, 3);
    ParamException e =
        assertThrows(
            ParamException.class,
            () -> ParticleLatticeStage.grainer(params("{\"grid\": 20}"), c.box(), c.size()));
    assertEquals("grid", e.key());
    assertTrue(e.getMessage().startsWith("grid: a 20x20 grid"), e.getMessage());
    assertTrue(e.getMessage().contains("0.25 particles per cell"), e.getMessage());
    assertEquals(1, e.getMessage().split("\n").length);
    e =
        assertThrows(
            ParamException.class,
            () -> ParticleLatticeStage.grainer(params("{\"cell_size\": 0.5}"), c.box(), c.size()));
    assertEquals("cell_size", e.key());
    assertTrue(e.getMessage().startsWith("cell_size:"), e.getMessage());
    e =
        assertThrows(
            ParamException.class,
            () -> new ParticleLatticeStage().validate(params("{\"kernel\": \"box\"}")));
    assertEquals("kernel", e.key());
    e =
        assertThrows(
            ParamException.class,
            () -> new ParticleLatticeStage().validate(params("{\"epm_from\": 1.5}")));
    assertEquals("epm_from", e.key());
  }

  /**
   * The area density: 5 log bins per decade from one unit, normalised by all values (below one unit
   * included) so that sum p_b * width_b = fraction of values >= 1 unit; hand-checked bins.
   */
  @Test
  void logDensityOfAreas() {
    double unit = 0.5;
    // areas in units: 1, 1, 2, 12 and one below a unit (0.2)
    double[] v = {0.5, 0.5, 1.0, 6.0, 0.1};
    double[][] d = ParticleLatticeStage.logDensity(v, unit);
    double w0 = Math.pow(10, 0.2) - 1;
    double w1 = Math.pow(10, 0.4) - Math.pow(10, 0.2);
    double w5 = Math.pow(10, 1.2) - Math.pow(10, 1.0);
    // bins: [1, 1.58) holds 1, 1; [1.58, 2.51) holds 2; [10, 15.8) holds 12
    assertEquals(3, d[0].length);
    assertEquals(Math.sqrt(Math.pow(10, 0.2)) * unit, d[0][0], 1e-12);
    assertEquals(2 / (5 * w0 * unit), d[1][0], 1e-12);
    assertEquals(1 / (5 * w1 * unit), d[1][1], 1e-12);
    assertEquals(1 / (5 * w5 * unit), d[1][2], 1e-12);
    double mass = d[1][0] * w0 * unit + d[1][1] * w1 * unit + d[1][2] * w5 * unit;
    assertEquals(4.0 / 5, mass, 1e-12);
  }
}
