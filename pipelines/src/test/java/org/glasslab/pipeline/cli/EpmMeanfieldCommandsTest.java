package org.glasslab.pipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code glasslab epm meanfield} and {@code glasslab epm gillespie}: outputs and exit codes. */
class EpmMeanfieldCommandsTest {
  private record Result(int code, String out, String err) {}

  private static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Cli.commandLine(new PrintWriter(out), new PrintWriter(err)).execute(args);
    return new Result(code, out.toString(), err.toString());
  }

  @Tag("validation")
  @Test
  void meanfieldJsonAndDensityFile(@TempDir Path dir) throws Exception {
    Path csv = dir.resolve("P.csv");
    Result r =
        run("epm", "meanfield", "--alpha", "0.11", "-T", "0.5", "--json", "--out", csv.toString());
    assertEquals(0, r.code(), r.err());
    JsonNode j = Json.mapper().readTree(r.out());
    assertEquals(0.749416, j.get("sigma_bar").asDouble(), 1e-6);
    JsonNode s = j.get("solutions").get(0);
    assertEquals(0.5164000, s.get("gamma").asDouble(), 1e-6);
    assertEquals(0.11 * s.get("gamma").asDouble(), s.get("diffusion").asDouble(), 1e-12);
    List<String> lines = Files.readAllLines(csv);
    assertEquals("sigma,P_T0.5", lines.get(0));
    assertEquals(602, lines.size());
    // Trapezoid integral of the CSV over [-1.5, 1.5] plus the exact exponential tails is 1.
    double mass = 0;
    double prevX = Double.NaN;
    double prevP = 0;
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",");
      double x = Double.parseDouble(f[0]);
      double p = Double.parseDouble(f[1]);
      if (!Double.isNaN(prevX)) {
        mass += 0.5 * (x - prevX) * (p + prevP);
      }
      prevX = x;
      prevP = p;
    }
    double tails = 2 * prevP * Math.sqrt(s.get("diffusion").asDouble());
    assertEquals(1.0, mass + tails, 2e-4);
  }

  @Test
  void meanfieldXiTable(@TempDir Path dir) throws Exception {
    Path xi = dir.resolve("xi.csv");
    Result r = run("epm", "meanfield", "-T", "0.3,0.07", "--json", "--xi-table", xi.toString());
    assertEquals(0, r.code(), r.err());
    JsonNode j = Json.mapper().readTree(r.out());
    assertEquals(0.10459, j.get("kernel").get("m_over_alpha").asDouble(), 1e-5);
    assertEquals(0.0996, j.get("kernel").get("alpha_self_consistent").asDouble(), 1e-4);
    JsonNode s = j.get("solutions").get(0);
    assertEquals(0.1510, s.get("xi").asDouble(), 1e-4);
    assertEquals(0.2421, s.get("xi_eq10_scheme").asDouble(), 1e-3);
    List<String> lines = Files.readAllLines(xi);
    assertEquals(
        "temperature,gamma,tau,mass_slope,xi,xi_eq10_scheme,xi_eq16,xi_eq23", lines.get(0));
    assertEquals(3, lines.size());
    assertEquals(2, run("epm", "meanfield", "-T", "0.3", "--orientation", "diagonal").code());
  }

  @Test
  void gillespieSeveralSizesExtrapolate() throws Exception {
    Result r =
        run(
            "epm",
            "gillespie",
            "--n",
            "400,100,200",
            "-T",
            "3",
            "--events",
            "20000",
            "--seeds",
            "4",
            "--json");
    assertEquals(0, r.code(), r.err());
    JsonNode j = Json.mapper().readTree(r.out());
    assertEquals(400, j.get("n").asInt());
    assertEquals(3, j.get("sizes").size());
    assertEquals(100, j.get("sizes").get(0).get("n").asInt());
    JsonNode e = j.get("extrapolation");
    assertEquals(1, e.get("dof").asInt());
    assertEquals(0.8982, e.get("gamma_infinity").asDouble(), 0.02);
    assertTrue(e.get("gamma_infinity_error").asDouble() > 0);
    assertEquals(2, run("epm", "gillespie", "--n", "100.5", "-T", "3", "--events", "10").code());
    assertEquals(2, run("epm", "gillespie", "--n", "100,100", "-T", "3", "--events", "10").code());
  }

  @Test
  void meanfieldRejectsImpossibleParameters() {
    assertEquals(2, run("epm", "meanfield", "-T", "0").code());
    assertEquals(2, run("epm", "meanfield", "-T", "0.5", "--alpha", "0.5").code());
    assertEquals(2, run("epm", "meanfield", "-T", "0.5", "--rate", "eq99").code());
    assertEquals(2, run("epm", "meanfield", "-T", "0.1", "--rate", "eq7").code());
  }

  @Test
  void gillespieJsonAndState(@TempDir Path dir) throws Exception {
    Path state = dir.resolve("s.bin");
    Result r =
        run(
            "epm",
            "gillespie",
            "--n",
            "500",
            "-T",
            "3",
            "--events",
            "20000",
            "--seed",
            "3",
            "--seeds",
            "2",
            "--engine",
            "lazy",
            "--save-state",
            state.toString(),
            "--json");
    assertEquals(0, r.code(), r.err());
    JsonNode j = Json.mapper().readTree(r.out());
    assertEquals(0.898, j.get("gamma").asDouble(), 0.03);
    assertEquals(2, j.get("gamma_per_seed").size());
    assertTrue(Files.size(state) > 500 * 16);
    assertEquals(2, run("epm", "gillespie", "-T", "3", "--events", "10", "--seeds", "1").code());
    assertEquals(2, run("epm", "gillespie", "-T", "3", "--events", "10", "--engine", "x").code());
  }

  @Test
  void epmListsItsFourCommands() {
    Result r = run("epm", "--help");
    assertEquals(0, r.code(), r.err());
    for (String c : new String[] {"meanfield", "gillespie", "lattice", "tc-scan"}) {
      assertTrue(r.out().contains("  " + c + " "), c + " in: " + r.out());
    }
  }
}
