package org.glasslab.bench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.glasslab.pipeline.cli.Json;
import org.junit.jupiter.api.Test;

class BenchMinimizeCommandTest {

  @Test
  void benchMinimizeRunsWithoutLammps() throws Exception {
    BenchCli r =
        BenchCli.run(
            "bench",
            "minimize",
            "-N",
            "200",
            "--random",
            "1",
            "--frames",
            "1",
            "--frame-every",
            "100",
            "--repeats",
            "1",
            "--no-lammps",
            "--json");
    assertEquals(0, r.exit(), r.err());
    JsonNode j = Json.mapper().readTree(r.out());
    assertEquals("minimize", j.get("benchmark").asText());
    assertEquals(2, j.get("results").size());
    for (JsonNode row : j.get("results")) {
      assertTrue(row.get("glasslab_converged").asBoolean());
      assertTrue(row.get("glasslab_force_evaluations").asLong() > 0);
      assertFalse(row.has("lammps_seconds"));
    }
  }
}
