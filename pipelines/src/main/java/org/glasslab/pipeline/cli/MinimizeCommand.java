package org.glasslab.pipeline.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.glasslab.data.Configuration;
import org.glasslab.data.MemoryTrajectory;
import org.glasslab.data.Trajectory;
import org.glasslab.data.io.TrajectoryIO;
import org.glasslab.minimize.FrameResult;
import org.glasslab.minimize.InherentStructures;
import org.glasslab.minimize.Method;
import org.glasslab.minimize.MinimizationResult;
import org.glasslab.minimize.Minimizer;
import org.glasslab.minimize.MinimizerOptions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code glasslab minimize IN OUT}: the inherent structure of one configuration, or the IS
 * trajectory of a whole MD trajectory (same frame indices, steps and times; frames in parallel;
 * resumable; per-frame convergence table {@code OUT.minimize.csv}). Exit code 1 when any
 * minimization did not converge (the output is still written, flagged in the table).
 */
@Command(
    name = "minimize",
    mixinStandardHelpOptions = true,
    description = {
      "Minimize the potential energy (polydisperse WCA) of one configuration, or of",
      "every frame of a trajectory into its inherent-structure (IS) trajectory.",
      "A multi-frame IN without --frame gives an IS trajectory plus OUT.minimize.csv;",
      "it is resumable: frames finished in OUT.frames/ are reused by a rerun.",
      "Exit code 1 if any minimization did not reach --ftol."
    })
public final class MinimizeCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "IN", description = "Input configuration or trajectory.")
  Path in;

  @Parameters(index = "1", paramLabel = "OUT", description = "Output file (written atomically).")
  Path out;

  @Option(
      names = "--method",
      paramLabel = "M",
      defaultValue = "cg",
      description = "cg (Polak-Ribiere+ conjugate gradient) or fire (FIRE 2.0). Default: cg.")
  String method;

  @Option(
      names = "--ftol",
      paramLabel = "F",
      defaultValue = "1e-10",
      description =
          "Converged when the largest force component is <= F. Default: ${DEFAULT-VALUE}.")
  double ftol;

  @Option(
      names = "--etol",
      paramLabel = "E",
      defaultValue = "0",
      description =
          "Also stop (reported as not converged) when the relative energy change of an iteration"
              + " is <= E; 0 = off. Default: 0.")
  double etol;

  @Option(
      names = "--max-iter",
      paramLabel = "N",
      defaultValue = "1000000",
      description = "Iteration cap per configuration. Default: ${DEFAULT-VALUE}.")
  int maxIter;

  @Option(
      names = "--frame",
      paramLabel = "K",
      description = "Minimize only frame K of IN (negative counts from the end).")
  Integer frame;

  @Option(
      names = "--jobs",
      paramLabel = "N",
      description = "Frames minimized in parallel (default: number of cores).")
  Integer jobs;

  @Option(names = "--json", description = "Machine-readable results on stdout.")
  boolean json;

  @Option(names = "--no-progress", description = "No progress bar on stderr.")
  boolean noProgress;

  @Mixin InputOptions input;

  @Mixin PotentialOption potential;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    Method m;
    MinimizerOptions options;
    try {
      m = Method.parse(method);
      options =
          MinimizerOptions.defaults()
              .withFtol(ftol)
              .withEtol(etol)
              .withMaxIterations(maxIter)
              .withMaxForceEvaluations(Math.max(1_000_000L, 20L * maxIter));
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    int threads = jobs == null ? Runtime.getRuntime().availableProcessors() : jobs;
    if (threads < 1) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--jobs must be >= 1");
    }
    if (Files.exists(out) && Files.isSameFile(in, out)) {
      throw new CommandLine.ParameterException(spec.commandLine(), "IN and OUT are the same file");
    }
    try (Trajectory t = input.open(in)) {
      Minimizer minimizer = m.create(potential.resolve(t, in));
      if (frame != null || t.frameCount() == 1) {
        int k = frame == null ? 0 : TrajectoryIO.frameIndex(t, frame, in);
        return single(t.frame(k), minimizer, options);
      }
      return trajectory(t, minimizer, options, threads);
    }
  }

  private int single(Configuration start, Minimizer minimizer, MinimizerOptions options)
      throws Exception {
    ProgressBar bar = noProgress ? null : bar("minimize", 1000);
    long t0 = System.nanoTime();
    MinimizationResult r;
    try {
      double[] f0 = {Double.NaN};
      r =
          minimizer.minimize(
              start,
              options,
              (it, e, fmax, fnorm) -> {
                if (bar == null || (it & 63) != 0) {
                  return;
                }
                if (Double.isNaN(f0[0])) {
                  f0[0] = Math.max(fmax, options.ftol() * 10);
                }
                // progress in decades of the max force, from the start to ftol
                double p = Math.log(f0[0] / fmax) / Math.log(f0[0] / options.ftol());
                bar.stepTo(Math.max(0, Math.min(1000, Math.round(1000 * p))));
                bar.setExtraMessage(String.format(Locale.ROOT, "it %d fmax %.2e", it, fmax));
              });
      if (bar != null && r.converged()) {
        bar.stepTo(1000);
      }
    } finally {
      if (bar != null) {
        bar.close();
      }
    }
    double wall = (System.nanoTime() - t0) * 1e-9;
    TrajectoryIO.write(
        out,
        MemoryTrajectory.of(List.of(r.configuration()))
            .withPotential(minimizer.potential().spec()));
    PrintWriter o = spec.commandLine().getOut();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("method", r.method());
    m.put("particles", start.size());
    m.put("energy_per_particle", r.energyPerParticle());
    m.put("energy", r.energy());
    m.put("max_force", r.maxForce());
    m.put("force_norm", r.forceNorm());
    m.put("ftol", options.ftol());
    m.put("iterations", r.iterations());
    m.put("force_evaluations", r.forceEvaluations());
    m.put("wall_seconds", wall);
    m.put("converged", r.converged());
    m.put("stop_reason", r.stopReason().name());
    m.put("output", out.toString());
    if (json) {
      Json.print(o, m);
    } else {
      o.printf(
          Locale.ROOT,
          "%s: energy/N %.15f  max force %.3e  iterations %d  force evaluations %d  %.3f s  %s%n",
          r.method(),
          r.energyPerParticle(),
          r.maxForce(),
          r.iterations(),
          r.forceEvaluations(),
          wall,
          r.converged() ? "converged" : "NOT CONVERGED (" + r.stopReason() + ")");
      o.flush();
    }
    if (!r.converged()) {
      spec.commandLine()
          .getErr()
          .println(
              "glasslab minimize: did not converge ("
                  + r.stopReason()
                  + ", max force "
                  + r.maxForce()
                  + " > ftol "
                  + options.ftol()
                  + "); the last point was written to "
                  + out);
      return Cli.EXIT_FAILURE;
    }
    return 0;
  }

  private int trajectory(Trajectory t, Minimizer minimizer, MinimizerOptions options, int threads)
      throws Exception {
    ProgressBar bar = noProgress ? null : bar("minimize", t.frameCount());
    long t0 = System.nanoTime();
    InherentStructures.Result r;
    try {
      r =
          new InherentStructures(minimizer, options)
              .run(
                  t,
                  out,
                  threads,
                  f -> {
                    if (bar != null) {
                      synchronized (bar) {
                        bar.step();
                      }
                    }
                  });
    } finally {
      if (bar != null) {
        bar.close();
      }
    }
    double wall = (System.nanoTime() - t0) * 1e-9;
    PrintWriter o = spec.commandLine().getOut();
    if (json) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("method", minimizer.name());
      m.put("particles", t.particleCount());
      m.put("frames", r.frames().size());
      m.put("resumed_frames", r.resumed());
      m.put("not_converged", r.notConverged());
      m.put("ftol", options.ftol());
      m.put("jobs", threads);
      m.put("wall_seconds", wall);
      m.put("output", r.trajectory().toString());
      m.put("table", r.table().toString());
      List<Map<String, Object>> rows = new ArrayList<>();
      for (FrameResult f : r.frames()) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("frame", f.frame());
        e.put("step", f.step());
        e.put("time", f.time());
        e.put("energy_per_particle", f.energyPerParticle());
        e.put("max_force", f.maxForce());
        e.put("iterations", f.iterations());
        e.put("force_evaluations", f.forceEvaluations());
        e.put("wall_seconds", f.wallSeconds());
        e.put("converged", f.converged());
        e.put("stop_reason", f.stopReason().name());
        e.put("resumed", f.resumed());
        rows.add(e);
      }
      m.put("results", rows);
      Json.print(o, m);
    } else {
      o.printf(
          Locale.ROOT,
          "%s: %d frames (%d resumed), %d not converged, %.2f s; IS trajectory %s, table %s%n",
          minimizer.name(),
          r.frames().size(),
          r.resumed(),
          r.notConverged(),
          wall,
          r.trajectory(),
          r.table());
      o.flush();
    }
    if (r.notConverged() > 0) {
      spec.commandLine()
          .getErr()
          .println(
              "glasslab minimize: "
                  + r.notConverged()
                  + " frame(s) did not converge; see "
                  + r.table());
      return Cli.EXIT_FAILURE;
    }
    return 0;
  }

  private static ProgressBar bar(String name, long max) {
    return new ProgressBarBuilder()
        .setTaskName(name)
        .setInitialMax(max)
        .setStyle(ProgressBarStyle.ASCII)
        .setConsumer(new ConsoleProgressBarConsumer(System.err))
        .setUpdateIntervalMillis(500)
        .build();
  }
}
