package org.glasslab.pipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End-to-end runs of {@code glasslab epm lattice} and {@code glasslab epm tc-scan}. */
class EpmLatticeCommandsTest {
  @TempDir Path dir;

  @Test
  void latticeRunWritesOutputsAndRestoreContinuesIdentically() throws Exception {
    Path a = dir.resolve("a");
    CliRunner r =
        CliRunner.run(
            "epm",
            "lattice",
            "--size",
            "16",
            "--temperature",
            "0.3",
            "--events",
            "2000",
            "--seed",
            "4",
            "--lag-max",
            "50",
            "--out",
            a.toString(),
            "--json");
    assertEquals(0, r.exit(), r.err());
    // stderr is not a terminal: the warm-up reports its first window and its verdict in notes
    assertTrue(r.err().contains("glasslab epm lattice: warm-up window 1: 256 of at most"), r.err());
    assertTrue(r.err().contains("; stationary"), r.err());
    JsonNode j = Json.mapper().readTree(r.out());
    assertEquals(2000, j.get("events").asLong());
    for (String f :
        new String[] {
          "avalanches.csv",
          "distributions.csv",
          "persistence.csv",
          "xmin.csv",
          "series.csv",
          "fields.csv",
          "state.bin",
          "manifest.json"
        }) {
      assertTrue(Files.isRegularFile(a.resolve(f)), f);
    }
    // two continuations of the same checkpoint are identical
    Path b = dir.resolve("b");
    Path c = dir.resolve("c");
    for (Path o : new Path[] {b, c}) {
      CliRunner rr =
          CliRunner.run(
              "epm",
              "lattice",
              "--restore",
              a.resolve("state.bin").toString(),
              "--events",
              "500",
              "--out",
              o.toString(),
              "-q");
      assertEquals(0, rr.exit(), rr.err());
      assertFalse(rr.err().contains("warm-up"), rr.err());
    }
    assertEquals(
        Files.readString(b.resolve("fields.csv")), Files.readString(c.resolve("fields.csv")));
  }

  @Test
  void extremalProtocolRunsAndIsRefusedByTheTemperatureScan() throws Exception {
    CliRunner r =
        CliRunner.run(
            "epm",
            "lattice",
            "--protocol",
            "extremal",
            "--x0",
            "0.1",
            "--size",
            "16",
            "--temperature",
            "0.3",
            "--events",
            "500",
            "--out",
            dir.resolve("ext").toString(),
            "--json");
    assertEquals(0, r.exit(), r.err());
    JsonNode j = Json.mapper().readTree(r.out());
    assertEquals("extremal", j.get("protocol").asText());
    assertEquals(0.1, j.get("x0").asDouble(), 0.0);
    // unit time per step, at least one yield per step (the clock includes the warm-up)
    assertTrue(
        j.get("time").asDouble() <= j.get("events").asDouble() + j.get("warmup_events").asDouble());
    CliRunner scan =
        CliRunner.run(
            "epm",
            "tc-scan",
            "--protocol",
            "extremal",
            "--sizes",
            "8",
            "--temperatures",
            "0.2,0.5",
            "--out",
            dir.resolve("scan").toString());
    assertEquals(Cli.EXIT_USAGE, scan.exit());
    assertTrue(scan.err().contains("extremal does not depend on the temperature"), scan.err());
  }

  @Test
  void impossibleParametersAreUsageErrors() {
    assertEquals(
        Cli.EXIT_USAGE,
        CliRunner.run(
                "epm",
                "lattice",
                "--size",
                "2",
                "--temperature",
                "0.3",
                "--events",
                "10",
                "--out",
                dir.toString())
            .exit());
    assertEquals(
        Cli.EXIT_USAGE,
        CliRunner.run(
                "epm",
                "lattice",
                "--size",
                "16",
                "--temperature",
                "0.3",
                "--events",
                "10",
                "--orientation",
                "diagonal",
                "--out",
                dir.toString())
            .exit());
    assertEquals(
        Cli.EXIT_USAGE,
        CliRunner.run(
                "epm",
                "tc-scan",
                "--sizes",
                "8",
                "--temperatures",
                "0.5,0.2",
                "--out",
                dir.toString())
            .exit());
  }

  @Test
  void tcScanWritesTablesAndReanalyses() throws Exception {
    Path s = dir.resolve("scan");
    CliRunner r =
        CliRunner.run(
            "epm",
            "tc-scan",
            "--sizes",
            "8,12",
            "--temperatures",
            "0.2,2,20",
            "--samples",
            "3",
            "--avalanches",
            "10",
            "--bootstrap",
            "20",
            "--out",
            s.toString());
    assertEquals(0, r.exit(), r.err());
    for (String f :
        new String[] {"avalanches.csv", "cells.csv", "tc.csv", "fit.csv", "manifest.json"}) {
      assertTrue(Files.isRegularFile(s.resolve(f)), f);
    }
    Path t = dir.resolve("again");
    CliRunner r2 =
        CliRunner.run(
            "epm", "tc-scan", "--from", s.toString(), "--bootstrap", "20", "--out", t.toString());
    assertEquals(0, r2.exit(), r2.err());
    assertEquals(Files.readString(s.resolve("tc.csv")), Files.readString(t.resolve("tc.csv")));
    // the same output given twice (a resumed scan beside its partial predecessor): each sample
    // once, so cells and T_c are those of the single output
    Path twice = dir.resolve("twice");
    CliRunner r3 =
        CliRunner.run(
            "epm",
            "tc-scan",
            "--from",
            s + "," + s,
            "--bootstrap",
            "20",
            "--out",
            twice.toString());
    assertEquals(0, r3.exit(), r3.err());
    assertEquals(
        Files.readString(t.resolve("cells.csv")), Files.readString(twice.resolve("cells.csv")));
    assertEquals(Files.readString(s.resolve("tc.csv")), Files.readString(twice.resolve("tc.csv")));
  }
}
