package org.glasslab.bench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.glasslab.bench.peer.PeerProcess;
import org.glasslab.pipeline.cli.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchBettiCommandTest {
  @TempDir Path dir;

  @Test
  void benchBettiRunsRipserOnTheSameCloud() throws Exception {
    assumeTrue(PeerProcess.available("ripser", "--help"), "ripser is not installed");
    BenchCli r =
        BenchCli.run(
            "bench",
            "betti",
            "--particles",
            "300",
            "--alpha",
            "2.5",
            "--repeats",
            "1",
            "--warmup",
            "0",
            "--json",
            "--write-cloud",
            dir.resolve("cloud").toString());
    assertEquals(0, r.exit(), r.err());
    JsonNode j = Json.mapper().readTree(r.out());
    assertTrue(j.get("barcodes_identical").asBoolean());
    assertTrue(j.get("ripser_median_s").asDouble() > 0);
    assertEquals(300, j.get("points").asInt());
    // The written cloud gives the same beta_1 through 'glasslab betti'.
    BenchCli b =
        BenchCli.run(
            "betti",
            dir.resolve("cloud.xyz").toString(),
            "--alpha",
            "2.5",
            "--precision",
            "float32",
            "--json");
    assertEquals(0, b.exit(), b.err());
    assertEquals(j.get("beta1").asInt(), Json.mapper().readTree(b.out()).get("beta1").asInt());
    assertEquals(300, Files.readAllLines(dir.resolve("cloud.csv")).size());
  }
}
