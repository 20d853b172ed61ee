package org.glasslab.bench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.glasslab.pipeline.cli.Json;
import org.junit.jupiter.api.Test;

class BenchMdCommandTest {

  @Test
  void ensembleModeAggregatesIndependentCopies() throws Exception {
    BenchCli r =
        BenchCli.run(
            "bench",
            "md",
            "--ensemble",
            "--copies",
            "2",
            "-N",
            "200",
            "--atom-steps",
            "1e5",
            "--repeats",
            "1",
            "--no-lammps",
            "--json");
    assertEquals(0, r.exit(), r.err());
    JsonNode j = Json.mapper().readTree(r.out());
    assertEquals("md-ensemble", j.get("benchmark").asText());
    assertEquals(2, j.get("threads").asInt());
    assertFalse(j.get("kernel").asText().isEmpty());
    JsonNode row = j.get("results").get(0);
    assertEquals(200, row.get("n").asInt());
    assertEquals(500, row.get("steps").asLong());
    assertTrue(row.get("glasslab_aggregate_atom_steps_per_s").asDouble() > 0);
    assertFalse(row.has("lammps_copies_aggregate_atom_steps_per_s"));
  }

  @Test
  void copiesMustBePositive() {
    BenchCli r = BenchCli.run("bench", "md", "--ensemble", "--copies", "0", "--no-lammps");
    assertEquals(2, r.exit());
    assertTrue(r.err().contains("--copies"), r.err());
  }
}
