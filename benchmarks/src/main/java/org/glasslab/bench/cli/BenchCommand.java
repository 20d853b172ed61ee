package org.glasslab.bench.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code glasslab bench}: throughput of GlassLab next to its peer tool (LAMMPS, ripser, scipy,
 * numpy) on the same input in the same invocation. Each area registers a subcommand here.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Benchmark GlassLab against its peer tool on the same input, in the same run.",
    subcommands = {
      BenchMdCommand.class,
      BenchMinimizeCommand.class,
      BenchAnalysisCommand.class,
      BenchBettiCommand.class,
      BenchEpmGillespieCommand.class,
      BenchEpmLatticeCommand.class,
      BenchModesCommand.class
    })
public final class BenchCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "missing benchmark name (see 'glasslab bench --help')");
  }
}
