package org.glasslab.pipeline.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code glasslab help [COMMAND...]}: the help of a command at any depth ({@code glasslab help
 * bench md} = {@code glasslab bench md --help}); picocli's own help command only follows the first
 * word.
 */
@Command(
    name = "help",
    helpCommand = true,
    description = "Show the help of a command, e.g. 'glasslab help bench md'.")
public final class HelpCommand implements CommandLine.IHelpCommandInitializable2, Runnable {
  @Parameters(
      paramLabel = "COMMAND",
      arity = "0..*",
      description = "The command and its subcommands, e.g. bench md.")
  String[] words = {};

  private CommandLine self;
  private CommandLine.Help.ColorScheme colors;
  private PrintWriter out;

  @Override
  public void init(
      CommandLine helpCommandLine,
      CommandLine.Help.ColorScheme colorScheme,
      PrintWriter outWriter,
      PrintWriter errWriter) {
    self = helpCommandLine;
    colors = colorScheme;
    out = outWriter;
  }

  @Override
  public void run() {
    CommandLine target = self.getParent();
    for (String w : words) {
      CommandLine sub = target.getSubcommands().get(w);
      if (sub == null) {
        throw new CommandLine.ParameterException(
            self,
            "unknown command '"
                + w
                + "' under '"
                + target.getCommandSpec().qualifiedName()
                + "'; known: "
                + String.join(", ", target.getSubcommands().keySet()));
      }
      target = sub;
    }
    target.usage(out, colors);
    out.flush();
  }
}
