package org.glasslab.pipeline.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.glasslab.pipeline.engine.Engine;
import org.glasslab.pipeline.engine.PipelineSpec;
import org.glasslab.pipeline.engine.RunResult;
import org.glasslab.pipeline.engine.StageRegistry;
import org.glasslab.pipeline.slurm.SlurmExecutor;
import org.glasslab.pipeline.spec.SpecLoader;
import org.glasslab.pipeline.stages.Stages;
import org.glasslab.pipeline.store.JsonFiles;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code glasslab status SPEC}: which stage instances of a spec are up to date in its run directory
 * (same cache key) and which would run; reads only.
 */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description = "Show which stage instances of a pipeline spec are cached and which would run.")
public final class StatusCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "SPEC", description = "Pipeline spec.")
  Path specFile;

  @Option(
      names = "--profile",
      paramLabel = "NAME",
      description = "Apply the spec's profile NAME (e.g. ci: the same campaign, CI-sized).")
  String profile;

  @Option(names = "--json", description = "Print JSON.")
  boolean json;

  @Option(
      names = "--squeue-interval",
      paramLabel = "SECONDS",
      description = "Reuse the last squeue answer if younger than this (default 10).")
  double squeueInterval = 10;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    StageRegistry registry = Stages.builtin();
    PipelineSpec ps = SpecLoader.load(specFile, registry, profile);
    if (Files.isDirectory(ps.runDir().resolve(SlurmExecutor.DIR))) {
      // submitted to Slurm: the cache (done records, failure records) merged with the jobs' view
      Map<String, String> st =
          SlurmExecutor.status(ps, registry, squeueInterval, spec.commandLine().getErr());
      if (json) {
        JsonFiles.print(out, st);
      } else {
        out.println("run directory: " + ps.runDir());
        st.forEach((label, s) -> out.printf("%-40s %s%n", label, s));
        out.flush();
      }
      return 0;
    }
    RunResult r =
        new Engine(registry)
            .run(ps, new Engine.Options(1, true, false, spec.commandLine().getErr()));
    if (json) {
      JsonFiles.print(out, PlanPrinter.json(r));
    } else {
      out.println("run directory: " + ps.runDir());
      PlanPrinter.print(out, r, true);
    }
    return 0;
  }
}
