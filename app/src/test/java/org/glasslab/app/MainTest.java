package org.glasslab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** The assembled {@code glasslab} command line: pipelines' commands plus {@code bench}. */
class MainTest {

  private static String[] run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        Main.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
    return new String[] {Integer.toString(code), out.toString(), err.toString()};
  }

  @Test
  void helpListsPipelinesCommandsAndBench() {
    String[] r = run("--help");
    assertEquals("0", r[0], r[2]);
    for (String c : new String[] {"simulate", "demo", "run", "epm", "bench"}) {
      assertTrue(r[1].contains("\n  " + c + " "), c + " missing from:\n" + r[1]);
    }
  }

  @Test
  void benchSubcommandsGetTheCliErrorHandling() {
    String[] r = run("bench", "md", "--help");
    assertEquals("0", r[0], r[2]);
    assertTrue(r[1].startsWith("Usage: glasslab bench md"), r[1]);
    // a usage error in a bench command: exit 2 (Cli.EXIT_USAGE) and a one-line message
    r = run("bench", "md", "--repeats", "0", "--no-lammps");
    assertEquals("2", r[0]);
    assertTrue(r[2].contains("need --repeats >= 1"), r[2]);
    r = run("bench");
    assertEquals("2", r[0]);
    assertTrue(r[2].contains("missing benchmark name"), r[2]);
  }
}
