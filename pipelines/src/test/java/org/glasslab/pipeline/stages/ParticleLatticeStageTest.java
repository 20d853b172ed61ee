package org.glasslab.pipeline.stages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.glasslab.data.Box;
import org.glasslab.data.Configuration;
import org.glasslab.epm.coarsegrain.CalibratedComparison;
import org.glasslab.pipeline.engine.ParamException;
import org.glasslab.pipeline.engine.Params;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The particle-lattice adapter: lattice files, the event-rate lag, geometry and bad input. */
class ParticleLatticeStageTest {
  private static Params params(String json) throws Exception {
    return Params.of(new ObjectMapper().readTree(json));
  }

  @Test
  void readsTheLatticeBranchPersistenceAvalanchesAndTemperature(@TempDir Path dir)
      throws Exception {
    Path p = dir.resolve("epm_persistence.csv");
    Files.writeString(
        p, "lag,p,chi4,windows\n0.1,nan,nan,0\n1,0.9,2,40\n10,0.2,5,40\n100,0.01,1,40\n");
    Files.writeString(
        dir.resolve("epm_avalanches.csv"),
        "start_time,S,S_unstable,released,area,D,D_time,runaway\n"
            + "1,1,0,0.1,1,1,0,0\n2,5,4,0.5,3,2,0.1,0\n3,900,899,9,256,9,1,1\n");
    Files.writeString(
        dir.resolve("done.json"), "{\"params\": {\"temperature\": 0.1, \"size\": 16}}");
    CalibratedComparison.LatticeSide l =
        ParticleLatticeStage.lattice("lat", p, dir.resolve("epm_avalanches.csv"));
    assertEquals(0.1, l.temperature());
    assertEquals(256, l.sites());
    assertEquals(40, l.windows());
    assertTrue(Double.isNaN(l.persistence()[0]));
    assertEquals(List.of(1.0, 3.0), List.of(l.cascadeAreas()[0], l.cascadeAreas()[1]));
    assertEquals(2, l.cascadeAreas().length); // the runaway is left out
    Files.writeString(dir.resolve("done.json"), "{\"params\": {}}");
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> ParticleLatticeStage.lattice("lat", p, null));
    assertTrue(e.getMessage().startsWith("lat: done.json"), e.getMessage());
  }

  @Test
  void nearestLatticeBranchAndPeriodicCentroid() {
    CalibratedComparison.LatticeSide a =
        new CalibratedComparison.LatticeSide(
            0.1, new double[] {1}, new double[] {1}, new double[] {0}, 1, 4, new double[0], null);
    CalibratedComparison.LatticeSide b =
        new CalibratedComparison.LatticeSide(
            0.3, new double[] {1}, new double[] {1}, new double[] {0}, 1, 4, new double[0], null);
    assertEquals("b", ParticleLatticeStage.nearest(Map.of("a", a, "b", b), 0.25));
    Box box = new Box(10, 10);
    Configuration c =
        Configuration.of(box, new double[] {9.5, 5, 0.5, 5, 9.9, 5.2}, new double[] {1, 1, 1});
    double[] m = ParticleLatticeStage.centroid(c, new int[] {0, 1});
    assertEquals(0.0, Math.min(m[0], 10 - m[0]), 1e-9); // across the boundary, not at 5
    assertEquals(5.0, m[1], 1e-9);
    assertEquals(
        0.5,
        ParticleLatticeStage.interpolateLog(new double[] {1, 100}, new double[] {1, 0}, 10),
        1e-12);
  }

  @Test
  void badParametersAreNamed() throws Exception {
    ParticleLatticeStage s = new ParticleLatticeStage();
    for (String[] bad :
        new String[][] {
          {"{\"cell_size\": -1}", "cell_size"},
          {"{\"k\": 0}", "k"},
          {"{\"min_events\": 0}", "min_events"},
          {"{\"rate_max_lag\": -2}", "rate_max_lag"},
          {"{\"min_origins\": 0}", "min_origins"}
        }) {
      ParamException e = assertThrows(ParamException.class, () -> s.validate(params(bad[0])));
      assertEquals(bad[1], e.key(), e.getMessage());
    }
    s.validate(params("{}"));
  }
}
