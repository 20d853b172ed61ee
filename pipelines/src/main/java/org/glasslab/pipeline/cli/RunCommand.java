package org.glasslab.pipeline.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.glasslab.pipeline.engine.Bars;
import org.glasslab.pipeline.engine.Engine;
import org.glasslab.pipeline.engine.PipelineSpec;
import org.glasslab.pipeline.engine.RunResult;
import org.glasslab.pipeline.engine.Stage;
import org.glasslab.pipeline.engine.StageRegistry;
import org.glasslab.pipeline.report.RunReport;
import org.glasslab.pipeline.slurm.Resources;
import org.glasslab.pipeline.slurm.SlurmExecutor;
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
      "Run a pipeline spec (YAML): finished stage instances are reused from the run's cache,"
          + " so a killed run resumes where it stopped.",
      "See docs/pipelines.md."
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
      description = "No progress bars, no log lines but failures.")
  boolean quiet;

  @Option(names = "--no-report", description = "Do not build the HTML report at the end.")
  boolean noReport;

  @Option(names = "--json", description = "Print the outcome of every stage instance as JSON.")
  boolean json;

  @Option(names = "--list-stages", description = "List the available stages and exit.")
  boolean listStages;

  @Option(
      names = "--executor",
      paramLabel = "local|slurm",
      description = {
        "local (default): run here on --jobs threads.",
        "slurm: submit Slurm jobs for what is neither cached nor queued, then exit",
        "(see docs/cluster.md; 'glasslab status' and 'glasslab cancel' follow them)."
      })
  String executor = "local";

  @Option(names = "--partition", description = "Slurm partition (slurm executor).")
  String partition;

  @Option(names = "--account", description = "Slurm account to charge (slurm executor).")
  String account;

  @Option(
      names = "--time",
      paramLabel = "TIME",
      description = "Slurm wall-time limit per job, e.g. 2:00:00 (slurm executor).")
  String time;

  @Option(
      names = "--mem",
      paramLabel = "SIZE",
      defaultValue = "3G",
      description =
          "Slurm memory per job, e.g. 4G (default ${DEFAULT-VALUE}; a stage's resources: mem"
              + " overrides it); the JVM heap gets 3/4 (slurm executor).")
  String mem;

  @Option(
      names = "--cpus-per-task",
      paramLabel = "N",
      description = "CPUs per Slurm job = its worker threads (slurm executor; default 1).")
  Integer cpus;

  @Option(
      names = "--retries",
      paramLabel = "N",
      description =
          "Resubmissions of a branch the scheduler killed (TIMEOUT, NODE_FAIL, PREEMPTED,"
              + " OUT_OF_MEMORY); default 2.")
  int retries = 2;

  @Option(
      names = "--latency-wait",
      paramLabel = "SECONDS",
      description =
          "How long a job waits for another job's result on the shared filesystem (default 10).")
  double latencyWait = 10;

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
    if (executor.equals("slurm") && profile != null) {
      // the jobs re-read the spec text; a profile would not reach them
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          "--profile: not supported with --executor slurm; merge the profile into a spec file");
    }
    if (executor.equals("slurm") && !dryRun) {
      return submit(ps, registry, out, err);
    }
    if (!executor.equals("local") && !executor.equals("slurm")) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--executor: expected local or slurm, got '" + executor + "'");
    }
    int n =
        jobs != null
            ? jobs
            : ps.jobs() > 0 ? ps.jobs() : Runtime.getRuntime().availableProcessors();
    boolean bars = !quiet && !dryRun && !json && Bars.shown();
    RunResult r =
        new Engine(registry).run(ps, new Engine.Options(n, dryRun, bars, err, null, quiet));
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

  private int submit(PipelineSpec ps, StageRegistry registry, PrintWriter out, PrintWriter err)
      throws Exception {
    SlurmExecutor.Settings settings;
    try {
      settings =
          new SlurmExecutor.Settings(
              new Resources(partition, account, time, mem, cpus), retries, latencyWait);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    long t0 = System.nanoTime();
    SlurmExecutor.Submitted s =
        SlurmExecutor.submit(ps, java.nio.file.Files.readString(specFile), registry, settings, err);
    double secs = (System.nanoTime() - t0) * 1e-9;
    if (json) {
      JsonFiles.print(
          out,
          java.util.Map.of(
              "submission", s.dir() == null ? "" : s.dir().toString(),
              "jobs", s.jobs(),
              "tasks", s.tasks(),
              "cached", s.cached(),
              "queued", s.queued(),
              "seconds", secs));
    } else {
      s.jobs()
          .forEach(
              (unit, id) ->
                  out.printf("%-7s job %s (%d task(s))%n", unit, id, s.tasks().get(unit)));
      out.printf(
          "%d instance(s) cached, %d left to queued jobs; %s in %.2f s%n",
          s.cached(),
          s.queued(),
          s.jobs().isEmpty() ? "nothing submitted" : "submitted " + s.jobs().size() + " job(s)",
          secs);
      out.flush();
    }
    if (!s.jobs().isEmpty()) {
      err.println("glasslab run: follow with 'glasslab status " + specFile + "'");
    }
    err.flush();
    return 0;
  }
}
