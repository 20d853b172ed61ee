package org.glasslab.pipeline.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.glasslab.pipeline.engine.Bars;
import org.glasslab.pipeline.engine.Engine;
import org.glasslab.pipeline.engine.PipelineSpec;
import org.glasslab.pipeline.engine.RunResult;
import org.glasslab.pipeline.engine.StageRegistry;
import org.glasslab.pipeline.report.RunReport;
import org.glasslab.pipeline.spec.SpecLoader;
import org.glasslab.pipeline.stages.Stages;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code glasslab demo}: runs the embedded default spec ({@code demo.yaml}, also in {@code
 * examples/}) end to end — a small glass simulated, its IS trajectory, every analysis stage,
 * avalanche detection, the EPM — and prints the path of the report's {@code index.html}. A second
 * run finishes from the cache.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description =
        "Run the built-in demo study (examples/demo.yaml): simulate a 500-particle glass,"
            + " minimize, stress, modes, beta_1, MSD, the IS event catalogue and per-event signatures,"
            + " local fields, softness,"
            + " correlations, EPM; then build the HTML report and print the path of its"
            + " index.html. Reruns are served from the cache.")
public final class DemoCommand implements Callable<Integer> {
  /** Class-path location of the embedded spec. */
  public static final String RESOURCE = "/org/glasslab/pipeline/demo.yaml";

  @Option(
      names = {"-o", "--out"},
      paramLabel = "DIR",
      defaultValue = "runs/demo",
      description = "Run directory (default ${DEFAULT-VALUE}).")
  Path out;

  @Option(
      names = {"-j", "--jobs"},
      paramLabel = "N",
      description = "Parallel workers (default: the number of cores).")
  Integer jobs;

  @Option(
      names = {"-q", "--quiet"},
      description = "No progress bars, no log lines but failures.")
  boolean quiet;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** The embedded spec text. */
  public static String embeddedSpec() throws IOException {
    try (InputStream in = DemoCommand.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IOException("embedded demo spec " + RESOURCE + " is missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** {@code yaml} with {@code run_dir} set to {@code dir} (absolute). */
  public static String withRunDir(String yaml, Path dir) throws IOException {
    ObjectMapper m = new ObjectMapper(new YAMLFactory());
    ObjectNode root = (ObjectNode) m.readTree(yaml);
    root.put("run_dir", dir.toAbsolutePath().normalize().toString());
    return m.writeValueAsString(root);
  }

  @Override
  public Integer call() throws Exception {
    if (jobs != null && jobs < 1) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--jobs must be at least 1, got " + jobs);
    }
    PrintWriter o = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    StageRegistry registry = Stages.builtin();
    Path dir = out.toAbsolutePath().normalize();
    String yaml = withRunDir(embeddedSpec(), dir);
    PipelineSpec ps = SpecLoader.load(yaml, dir.resolveSibling("demo.yaml"), registry);
    int n = jobs != null ? jobs : Runtime.getRuntime().availableProcessors();
    boolean bars = !quiet && Bars.shown();
    long t0 = System.nanoTime();
    RunResult r =
        new Engine(registry).run(ps, new Engine.Options(n, false, bars, err, null, quiet));
    if (!quiet) {
      PlanPrinter.print(err, r, false);
    }
    Path index = RunReport.build(ps.runDir());
    err.printf(
        "glasslab demo: %d stage instance(s), %d ran, %d cached, %.1f s%n",
        r.nodes().size(),
        r.labels(RunResult.Status.RAN).size(),
        r.labels(RunResult.Status.CACHED).size(),
        (System.nanoTime() - t0) * 1e-9);
    err.flush();
    o.println(index);
    o.flush();
    if (!r.ok()) {
      err.printf(
          "glasslab demo: %d stage instance(s) failed, %d skipped%n",
          r.labels(RunResult.Status.FAILED).size(), r.labels(RunResult.Status.SKIPPED).size());
      err.flush();
      return Cli.EXIT_FAILURE;
    }
    return 0;
  }
}
