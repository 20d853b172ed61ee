package org.glasslab.app;

import java.io.PrintWriter;
import org.glasslab.bench.cli.BenchCommand;
import org.glasslab.pipeline.cli.Cli;
import org.glasslab.pipeline.cli.GlasslabCommand;
import picocli.CommandLine;

/**
 * The {@code glasslab} executable: pipelines' {@link GlasslabCommand} with the {@code bench} tree
 * of the benchmarks module added. It lives in its own module because benchmarks depends on
 * pipelines (for its CLI helpers), so pipelines cannot register {@code bench} itself.
 */
public final class Main {
  private Main() {}

  /** The full {@code glasslab} command line writing data to {@code out}, logs to {@code err}. */
  public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
    return Cli.commandLine(out, err, new BenchCommand());
  }

  /** Entry point of {@code ./glasslab}. */
  public static void main(String[] args) {
    System.exit(Cli.execute(args, new BenchCommand()));
  }
}
