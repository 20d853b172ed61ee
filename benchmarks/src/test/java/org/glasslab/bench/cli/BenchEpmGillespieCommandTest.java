package org.glasslab.bench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.glasslab.bench.peer.PeerProcess;
import org.glasslab.epm.meanfield.BaronBiroliModel;
import org.glasslab.epm.meanfield.FokkerPlanckSolver;
import org.glasslab.epm.meanfield.RateLaw;
import org.glasslab.pipeline.cli.Cli;
import org.glasslab.pipeline.cli.Json;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code glasslab bench epm-gillespie}: both numpy peers (direct and lazy) run and simulate the
 * Baron–Biroli process (their activity matches the Fokker–Planck Γ), and every timing is reported.
 * Skipped when /usr/bin/python3 has no numpy.
 */
@Tag("validation")
class BenchEpmGillespieCommandTest {

  @Test
  void numpyPeersOfBothEnginesSimulateTheMeanFieldProcess() throws Exception {
    assumeTrue(PeerProcess.pythonHas("numpy"), "needs /usr/bin/python3 with numpy");
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        Cli.commandLine(new PrintWriter(out), new PrintWriter(err), new BenchCommand())
            .execute(
                "bench",
                "epm-gillespie",
                "--n",
                "400",
                "-T",
                "0.5",
                "--events",
                "2000",
                "--lazy-events",
                "20000",
                "--numpy-events",
                "60000",
                "--repeats",
                "1",
                "--json");
    assertEquals(0, code, err.toString());
    JsonNode j = Json.mapper().readTree(out.toString());
    double gamma =
        FokkerPlanckSolver.solve(new BaronBiroliModel(0.11, 1.5), RateLaw.EXACT, 0.5, 1e-7).gamma();
    // 60 000 events at N = 400 (150 sweeps after 15 of burn-in): Γ to about 1 %
    assertEquals(gamma, j.get("numpy_direct_gamma").asDouble(), 0.04 * gamma);
    assertEquals(gamma, j.get("numpy_lazy_gamma").asDouble(), 0.04 * gamma);
    for (String k :
        new String[] {
          "numpy_direct_us_per_event",
          "numpy_lazy_us_per_event",
          "glasslab_direct_us_per_event",
          "glasslab_lazy_us_per_event",
          "speedup_direct_vs_numpy",
          "speedup_lazy_vs_numpy_lazy"
        }) {
      assertTrue(j.get(k).asDouble() > 0, k);
    }
  }
}
