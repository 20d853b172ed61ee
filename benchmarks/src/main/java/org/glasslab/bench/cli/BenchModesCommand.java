package org.glasslab.bench.cli;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.commons.math3.stat.descriptive.rank.Median;
import org.glasslab.analysis.mechanics.Hessian;
import org.glasslab.analysis.mechanics.HessianSpectrum;
import org.glasslab.analysis.mechanics.LowestModes;
import org.glasslab.analysis.mechanics.ModeOptions;
import org.glasslab.bench.mechanics.ScipyEigsh;
import org.glasslab.data.Configuration;
import org.glasslab.data.Trajectory;
import org.glasslab.data.io.TrajectoryIO;
import org.glasslab.md.Wca;
import org.glasslab.pipeline.cli.InputOptions;
import org.glasslab.pipeline.cli.Json;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code glasslab bench modes FILE}: lambda_smallest by GlassLab's shift-invert Lanczos next to
 * scipy's {@code eigsh} (shift-invert, same shift, same number of wanted eigenvalues) on the same
 * Hessian in the same invocation; medians of wall and CPU time and their ratio, plus the largest
 * relative difference of the eigenvalues.
 */
@Command(
    name = "modes",
    mixinStandardHelpOptions = true,
    description = {
      "Lowest Hessian modes: GlassLab shift-invert Lanczos vs scipy eigsh (shift-invert) on the"
          + " same matrix, same run."
    })
public final class BenchModesCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "FILE", description = "Inherent-structure file.")
  Path file;

  @Option(names = "--frame", paramLabel = "K", defaultValue = "0", description = "Frame index.")
  int frame;

  @Option(
      names = "--count",
      paramLabel = "M",
      defaultValue = "30",
      description = "m (default ${DEFAULT-VALUE}).")
  int count;

  @Option(
      names = "--repeats",
      paramLabel = "R",
      defaultValue = "7",
      description = "Timed repeats of each side after the warm-up (default ${DEFAULT-VALUE}).")
  int repeat;

  @Option(
      names = "--warmup",
      paramLabel = "W",
      defaultValue = "100",
      description =
          "At most this many untimed GlassLab calls first, stopping early once they took 5 s"
              + " (default ${DEFAULT-VALUE}): the JVM reaches its compiled steady state, the one a"
              + " modes stage sees over a trajectory's frames. scipy (no JIT) gets one untimed"
              + " call.")
  int warmup;

  private static final double WARMUP_SECONDS = 5.0;

  @Option(names = "--json", description = "Print JSON instead of text.")
  boolean json;

  @Mixin InputOptions input;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (repeat < 1 || repeat > 100) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--repeats must be in 1..100, got " + repeat);
    }
    if (warmup < 1 || warmup > 1000) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--warmup must be in 1..1000, got " + warmup);
    }
    Configuration c;
    try (Trajectory t = input.open(file)) {
      c = t.frame(TrajectoryIO.frameIndex(t, frame, file));
    }
    var err = spec.commandLine().getErr();
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long a0 = System.nanoTime();
    Hessian h = Hessian.compute(c, Wca.INSTANCE);
    double assembly = (System.nanoTime() - a0) * 1e-9;
    ModeOptions options = ModeOptions.DEFAULT.withCount(count);
    LowestModes solver = new LowestModes(options);
    double[] wall = new double[repeat];
    double[] cpu = new double[repeat];
    HessianSpectrum s = null;
    double coldWall = 0;
    long warmStart = System.nanoTime();
    int warmCalls = 0;
    while (warmCalls < warmup && (System.nanoTime() - warmStart) * 1e-9 < WARMUP_SECONDS) {
      long w0 = System.nanoTime();
      s = solver.compute(h);
      if (warmCalls++ == 0) {
        coldWall = (System.nanoTime() - w0) * 1e-9;
      }
    }
    for (int r = 0; r < repeat; r++) {
      long w0 = System.nanoTime();
      long c0 = threads.getCurrentThreadCpuTime();
      s = solver.compute(h);
      long c1 = threads.getCurrentThreadCpuTime();
      long w1 = System.nanoTime();
      wall[r] = (w1 - w0) * 1e-9;
      cpu[r] = (c1 - c0) * 1e-9;
    }
    Map<String, Object> res = new LinkedHashMap<>();
    res.put("file", file.toString());
    res.put("particles", c.size());
    res.put("count", count);
    res.put("lambda_smallest", s.lambdaSmallest());
    res.put("zero_modes", s.zeroModes());
    res.put("hessian_assembly_seconds", assembly);
    res.put("glasslab_first_call_wall_seconds", coldWall);
    res.put("glasslab_warmup_calls", warmCalls);
    res.put("glasslab_wall_median", new Median().evaluate(wall));
    res.put("glasslab_cpu_median", new Median().evaluate(cpu));
    int k = s.zeroModes() + s.negativeEigenvalues().length + count;
    double sigma = -s.shift();
    res.put("scipy_k", k);
    res.put("scipy_sigma", sigma);
    boolean peer = ScipyEigsh.available();
    res.put("scipy_available", peer);
    if (peer) {
      err.printf("running scipy eigsh (k=%d, sigma=%.3g) 1+%d times...%n", k, sigma, repeat);
      err.flush();
      ScipyEigsh.Result p = ScipyEigsh.run(h.matrix(), k, sigma, repeat + 1);
      double[] pw = Arrays.copyOfRange(p.wallSeconds(), 1, repeat + 1);
      double[] pc = Arrays.copyOfRange(p.cpuSeconds(), 1, repeat + 1);
      double[] ev = p.eigenvalues();
      double tol = options.zeroTolerance();
      double maxRel = 0;
      int compared = 0;
      for (double e : ev) {
        if (e > tol && compared < count) {
          maxRel = Math.max(maxRel, Math.abs(e - s.eigenvalues()[compared]) / e);
          compared++;
        }
      }
      res.put("eigenvalues_compared", compared);
      res.put("scipy_versions", p.versions());
      res.put("scipy_first_call_wall_seconds", p.wallSeconds()[0]);
      res.put("scipy_wall_median", new Median().evaluate(pw));
      res.put("scipy_cpu_median", new Median().evaluate(pc));
      res.put(
          "ratio_wall_glasslab_over_scipy",
          new Median().evaluate(wall) / new Median().evaluate(pw));
      res.put(
          "ratio_cpu_glasslab_over_scipy", new Median().evaluate(cpu) / new Median().evaluate(pc));
      res.put("max_relative_eigenvalue_difference", maxRel);
    }
    var out = spec.commandLine().getOut();
    if (json) {
      Json.print(out, res);
      return 0;
    }
    for (Map.Entry<String, Object> e : res.entrySet()) {
      Object v = e.getValue();
      out.printf("%-36s %s%n", e.getKey(), v instanceof Double d ? String.format("%.6g", d) : v);
    }
    out.flush();
    return 0;
  }
}
