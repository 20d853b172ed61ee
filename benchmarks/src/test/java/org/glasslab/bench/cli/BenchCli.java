package org.glasslab.bench.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.glasslab.pipeline.cli.Cli;

/** Runs {@code glasslab} (with the {@code bench} tree, as the app does) in-process. */
record BenchCli(int exit, String out, String err) {

  /** Runs {@code glasslab args...} and captures exit code, stdout and stderr. */
  static BenchCli run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        Cli.commandLine(new PrintWriter(out, true), new PrintWriter(err, true), new BenchCommand())
            .execute(args);
    return new BenchCli(code, out.toString(), err.toString());
  }
}
