package org.glasslab.pipeline.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.glasslab.pipeline.engine.PipelineSpec;
import org.glasslab.pipeline.slurm.SlurmExecutor;
import org.glasslab.pipeline.spec.SpecLoader;
import org.glasslab.pipeline.stages.Stages;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code glasslab cancel SPEC}: cancels the queued and running Slurm jobs of a spec's run ({@code
 * scancel} by the run's job name); finished instances stay in the cache.
 */
@Command(
    name = "cancel",
    mixinStandardHelpOptions = true,
    description = "Cancel the Slurm jobs of a pipeline spec submitted with --executor slurm.")
public final class CancelCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "SPEC", description = "Pipeline spec.")
  Path specFile;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PipelineSpec ps = SpecLoader.load(specFile, Stages.builtin());
    int n = SlurmExecutor.cancel(ps);
    spec.commandLine()
        .getOut()
        .printf("cancelled %d queued or running task(s) of %s%n", n, SlurmExecutor.jobName(ps));
    spec.commandLine().getOut().flush();
    return 0;
  }
}
