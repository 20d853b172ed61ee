package org.glasslab.pipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.glasslab.data.io.TrajectoryIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Requests that cannot fit (a g(r) bin width of 1e-12, a softness grid of 1e-10, 2e9 mean-field
 * sites, 2e9 particles) fail before any work with one line saying what is needed and what is
 * available, never with an OutOfMemoryError's stack trace or a silently overflowed size.
 */
class ResourceLimitsTest {
  @TempDir Path dir;

  private static void refused(CliRunner r, String fragment) {
    assertEquals(1, r.exit(), r.err());
    assertTrue(r.err().contains(fragment), r.err());
    assertEquals(1, r.err().strip().lines().count(), "one line: " + r.err());
    assertFalse(r.err().contains("Exception"), r.err());
  }

  @Test
  void impossibleSizesAreRefusedUpFront() throws Exception {
    Path f = dir.resolve("t.h5");
    TrajectoryIO.write(f, InfoConvertCommandTest.sample(100, 1));
    refused(CliRunner.run("gofr", f.toString(), "--dr", "1e-12"), "g(r) bins of width 1.0E-12");
    refused(
        CliRunner.run("softness", f.toString(), "--grid", "1e-10"),
        "softness integration points for grid spacing 1.0E-10");
    refused(
        CliRunner.run("epm", "gillespie", "--n", "2000000000", "-T", "0.5", "--events", "10"),
        "mean-field Gillespie with 2000000000 sites: needs");
    Path run = dir.resolve("run");
    refused(
        CliRunner.run(
            "simulate", "--particles", "2000000000", "-T", "0.3", "-q", "-o", run.toString()),
        "MD state for N = 2000000000 particles: needs");
    try (var s = Files.list(run)) {
      assertTrue(s.allMatch(p -> p.getFileName().toString().equals(".lock")), "nothing written");
    }
  }

  @Test
  void anOutputDirectoryThatIsAFileIsRefusedBeforeTheWork() throws Exception {
    Path file = dir.resolve("o");
    Files.writeString(file, "keep me");
    CliRunner r =
        CliRunner.run(
            "epm",
            "lattice",
            "--size",
            "8",
            "--temperature",
            "0.3",
            "--events",
            "100",
            "--out",
            file.toString());
    assertEquals(2, r.exit(), r.err());
    assertTrue(r.err().contains(file + ": exists and is not a directory"), r.err());
    assertFalse(r.err().contains("epm-lattice 100%"), "refused before the run: " + r.err());
    assertEquals("keep me", Files.readString(file));
  }
}
