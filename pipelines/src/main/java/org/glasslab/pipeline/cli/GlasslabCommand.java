package org.glasslab.pipeline.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code glasslab} command: data on stdout, logs on stderr; exit 0 ok, 1 failure, 2 usage. Each
 * capability is a subcommand registered here; the application module ({@code
 * org.glasslab.app.Main}) adds {@code bench} from the benchmarks module and holds {@code main}.
 */
@Command(
    name = "glasslab",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Simulate and analyse thermally driven avalanches in 2D glasses.",
    subcommands = {
      HelpCommand.class,
      InfoCommand.class,
      ConvertCommand.class,
      RunCommand.class,
      DemoCommand.class,
      StatusCommand.class,
      CancelCommand.class,
      ReportCommand.class,
      EpmCommand.class
    })
public final class GlasslabCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "missing command");
  }
}
