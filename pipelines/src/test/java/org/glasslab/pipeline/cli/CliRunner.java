package org.glasslab.pipeline.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the CLI in-process and captures exit code, stdout and stderr. */
public record CliRunner(int exit, String out, String err) {

  /** Runs {@code glasslab args...}. */
  public static CliRunner run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        Cli.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
    return new CliRunner(code, out.toString(), err.toString());
  }
}
