package org.glasslab.pipeline.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.glasslab.pipeline.engine.Engine;
import org.glasslab.pipeline.engine.PipelineSpec;
import org.glasslab.pipeline.engine.RunResult;
import org.glasslab.pipeline.engine.Stage;
import org.glasslab.pipeline.engine.StageRegistry;
import org.glasslab.pipeline.engine.Terminal;
import org.glasslab.pipeline.report.RunReport;
import org.glasslab.pipeline.spec.SpecLoader;
import org.glasslab.pipeline.stages.Stages;
import org.glasslab.pipeline.store.JsonFiles;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code glasslab run SPEC.yaml}: runs a pipeline spec, skipping every stage instance whose outputs
 * are cached; {@code --dry-run} prints the plan and what is cached without running anything.
 */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Run a pipeline spec (YAML). Finished stage instances are reused from the run's cache;",
      "a killed run resumes where it stopped. See docs/pipelines.md."
    })
public final class RunCommand implements Callable<Integer> {
  @Parameters(index = "0", arity = "0..1", paramLabel = "SPEC", description = "Pipeline spec.")
  Path specFile;

  @Option(
      names = {"-j", "--jobs"},
      paramLabel = "N",
      description = "Parallel workers (default: the spec's jobs, else the number of cores).")
  Integer jobs;

  @Option(
      names = "--profile",
      paramLabel = "NAME",
      description = "Apply the spec's profile NAME (e.g. ci: the same campaign, CI-sized).")
  String profile;

  @Option(names = "--dry-run", description = "Print the plan and what is cached; run nothing.")
  boolean dryRun;

  @Option(
      names = {"-q", "--quiet"},
      description = "No progress bars.")
  boolean quiet;

  @Option(names = "--no-report", description = "Do not build the HTML report at the end.")
  boolean noReport;

  @Option(names = "--json", description = "Print the outcome of every stage instance as JSON.")
  boolean json;

  @Option(names = "--list-stages", description = "List the available stages and exit.")
  boolean listStages;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    StageRegistry registry = Stages.builtin();
    if (listStages) {
      for (Stage s : registry.all()) {
        out.printf(
            "%-16s v%-3d %-8s %s -> %s  %s%n",
            s.name(),
            s.version(),
            s.scope().name().toLowerCase(),
            s.inputs(),
            s.outputs(),
            s.description());
        s.parameters().forEach((k, v) -> out.printf("    %-20s %s%n", k, v));
      }
      out.flush();
      return 0;
    }
    if (specFile == null) {
      throw new CommandLine.ParameterException(spec.commandLine(), "missing SPEC file");
    }
    if (jobs != null && jobs < 1) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--jobs must be at least 1, got " + jobs);
    }
    PipelineSpec ps = SpecLoader.load(specFile, registry, profile);
    int n =
        jobs != null
            ? jobs
            : ps.jobs() > 0 ? ps.jobs() : Runtime.getRuntime().availableProcessors();
    boolean bars = !quiet && !dryRun && !json && Terminal.stderrIsTerminal();
    RunResult r = new Engine(registry).run(ps, new Engine.Options(n, dryRun, bars, err));
    if (json) {
      JsonFiles.print(out, PlanPrinter.json(r));
    } else {
      PlanPrinter.print(out, r, dryRun);
    }
    if (!dryRun && ps.report() && !noReport && r.nodes().stream().anyMatch(x -> x.dir() != null)) {
      Path index = RunReport.build(ps.runDir());
      err.println("glasslab run: report at " + index);
    }
    if (!r.ok()) {
      long failed = r.labels(RunResult.Status.FAILED).size();
      long skipped = r.labels(RunResult.Status.SKIPPED).size();
      err.printf(
          "glasslab run: %d stage instance(s) failed, %d skipped; the others finished%n",
          failed, skipped);
      err.flush();
      return Cli.EXIT_FAILURE;
    }
    err.flush();
    return 0;
  }
}
