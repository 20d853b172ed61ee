package org.glasslab.pipeline.cli;

/** The CLI as {@code ./glasslab} runs it (without the bench tree), for tests in a child JVM. */
public final class CliChild {
  private CliChild() {}

  /** Runs the CLI on {@code args} and exits with its code. */
  public static void main(String[] args) {
    System.exit(Cli.execute(args));
  }
}
