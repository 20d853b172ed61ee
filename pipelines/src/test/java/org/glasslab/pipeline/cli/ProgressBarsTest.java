package org.glasslab.pipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.glasslab.data.io.TrajectoryIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Progress bars are drawn only when stderr is a terminal: under a test runner (no console), the
 * commands that can draw one (a task reporting progress, a frame loop, simulate) write none to the
 * process's stderr.
 */
class ProgressBarsTest {
  @TempDir Path dir;

  @Test
  void noBarReachesANonTerminalStderr() throws Exception {
    Path md = dir.resolve("md.h5");
    TrajectoryIO.write(md, InfoConvertCommandTest.sample(60, 2));
    PrintStream saved = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    try {
      System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
      String[][] runs = {
        {
          "epm",
          "lattice",
          "--size",
          "8",
          "--temperature",
          "0.3",
          "--events",
          "200",
          "--out",
          dir.resolve("lattice").toString()
        },
        {"minimize", md.toString(), dir.resolve("is.h5").toString()},
        {
          "simulate",
          "--particles",
          "64",
          "-T",
          "0.3",
          "--equilibration-time",
          "0.3",
          "--waiting-time",
          "0.3",
          "-B",
          "64",
          "--n-cfg",
          "4",
          "--blocks",
          "1",
          "-o",
          dir.resolve("run").toString()
        }
      };
      for (String[] args : runs) {
        CliRunner r = CliRunner.run(args);
        assertEquals(0, r.exit(), String.join(" ", args) + ": " + r.err());
      }
    } finally {
      System.setErr(saved);
    }
    String err = captured.toString(StandardCharsets.UTF_8);
    assertFalse(err.contains("%") && err.contains("["), "a progress bar on stderr: " + err);
  }
}
