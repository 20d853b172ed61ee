package org.glasslab.pipeline.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code glasslab epm}: mean-field and lattice thermal elastoplastic models. Its subcommands
 * ({@code meanfield}, {@code gillespie}, {@code lattice}, {@code tc-scan}) are tasks, added by
 * {@link TaskCommand#addAll}.
 */
@Command(
    name = "epm",
    mixinStandardHelpOptions = true,
    description = "Elastoplastic models: mean-field theory, Gillespie and lattice simulations.")
public final class EpmCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "missing EPM command (see 'glasslab epm --help')");
  }
}
