package org.glasslab.pipeline.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.glasslab.pipeline.report.RunReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code glasslab report RUN_DIR}: (re)builds the static HTML report of a run directory. */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = {
      "Build the static HTML report of a run (RUN_DIR/report/index.html, a page per branch and"
          + " per temperature ensemble) and print the path of its index.html.",
      "Figures are linked where the run stored them (RUN_DIR/cache)."
    })
public final class ReportCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "RUN_DIR", description = "Run directory of a pipeline.")
  Path runDir;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    Path index = RunReport.build(runDir);
    spec.commandLine().getOut().println(index);
    spec.commandLine().getOut().flush();
    return 0;
  }
}
