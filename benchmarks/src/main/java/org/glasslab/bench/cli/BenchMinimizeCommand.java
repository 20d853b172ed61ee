package org.glasslab.bench.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.commons.math3.stat.descriptive.rank.Median;
import org.glasslab.bench.minimize.LammpsMinimize;
import org.glasslab.data.Box;
import org.glasslab.data.Configuration;
import org.glasslab.data.io.LammpsData;
import org.glasslab.data.random.Rng;
import org.glasslab.md.BrownClarke;
import org.glasslab.md.MdOptions;
import org.glasslab.md.SamplePreparation;
import org.glasslab.md.Simulation;
import org.glasslab.md.Wca;
import org.glasslab.minimize.Method;
import org.glasslab.minimize.MinimizationResult;
import org.glasslab.minimize.Minimizer;
import org.glasslab.minimize.MinimizerOptions;
import org.glasslab.pipeline.cli.Json;
import org.glasslab.testsupport.BenchmarkSystem;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code glasslab bench minimize}: wall time and force evaluations to reach ftol (largest force
 * component) for GlassLab and, when {@code lmp} is installed, LAMMPS {@code min_style cg} ({@code
 * min_modify norm inf}, {@code minimize 0 ftol ...}) on the same starts in the same invocation.
 * Starts: uniformly random positions ("raw", huge overlaps) and frames of an MD run at T.
 */
@Command(
    name = "minimize",
    mixinStandardHelpOptions = true,
    description = {
      "Minimization to --ftol: GlassLab vs LAMMPS CG on the same starts, same run.",
      "Starts: --random uniformly random configurations and --frames MD frames",
      "(T, every --frame-every steps); N polydisperse WCA disks (11 %%, 20 types).",
      "GlassLab: JIT warmed up on a separate start, median of --repeats runs.",
      "LAMMPS: its own loop time (serial). CPU times (GlassLab thread CPU time,",
      "LAMMPS loop time x its %% CPU use) are robust on a loaded machine."
    })
public final class BenchMinimizeCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = {"-N", "--particles"},
      description = "particles (default 2000)")
  int n = 2000;

  @Option(names = "--density", description = "number density (default 0.9)")
  double density = 0.9;

  @Option(names = "--random", description = "random starts (default 3)")
  int randomStarts = 3;

  @Option(names = "--frames", description = "MD-frame starts (default 3)")
  int frames = 3;

  @Option(names = "--temperature", description = "MD temperature for the frames (default 0.5)")
  double temperature = 0.5;

  @Option(names = "--frame-every", description = "MD steps between frames (default 2000)")
  long frameEvery = 2000;

  @Option(names = "--ftol", description = "force tolerance (default 1e-10)")
  double ftol = 1e-10;

  @Option(names = "--method", description = "cg or fire (default cg)")
  String method = "cg";

  @Option(names = "--repeats", description = "timed GlassLab runs per start (median, default 3)")
  int repeats = 3;

  @Option(names = "--seed", description = "seed of the starts (default 42)")
  long seed = 42;

  @Option(names = "--no-lammps", description = "skip LAMMPS")
  boolean noLammps;

  @Option(names = "--json", description = "machine-readable output")
  boolean json;

  private static final java.lang.management.ThreadMXBean THREADS =
      java.lang.management.ManagementFactory.getThreadMXBean();

  /** Uniformly random positions, binned Gaussian diameters: the "raw" start. */
  static Configuration rawStart(int n, double density, long seed) {
    Rng rng = new Rng(seed);
    double[] d =
        LammpsData.binDiameters(SamplePreparation.diameters(n, 0.11, rng), BenchmarkSystem.TYPES);
    Box box = Box.square(n, density);
    double[] x = new double[2 * n];
    for (int i = 0; i < n; i++) {
      x[2 * i] = rng.nextDouble() * box.lx();
      x[2 * i + 1] = rng.nextDouble() * box.ly();
    }
    return Configuration.of(box, x, d);
  }

  @Override
  public Integer call() throws Exception {
    Minimizer minimizer;
    MinimizerOptions options;
    try {
      minimizer = Method.parse(method).create(Wca.INSTANCE);
      options = MinimizerOptions.defaults().withFtol(ftol);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    if (n < 100 || repeats < 1 || randomStarts < 0 || frames < 0 || randomStarts + frames < 1) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "need N >= 100, --repeats >= 1 and at least one start");
    }
    PrintWriter err = spec.commandLine().getErr();
    boolean lmp = !noLammps && LammpsMinimize.available();
    if (!noLammps && !lmp) {
      err.println("glasslab bench minimize: lmp not found; measuring GlassLab only");
    }
    List<String> labels = new ArrayList<>();
    List<Configuration> starts = new ArrayList<>();
    for (int k = 0; k < randomStarts; k++) {
      labels.add("random-" + k);
      starts.add(rawStart(n, density, seed + k));
    }
    if (frames > 0) {
      err.printf(Locale.ROOT, "preparing MD frames (N=%d, T=%.3g)%n", n, temperature);
      err.flush();
      Configuration c = BenchmarkSystem.prepare(n, density, temperature, 0.003, 2000, seed);
      Simulation sim =
          new Simulation(c, Wca.INSTANCE, new BrownClarke(temperature), MdOptions.defaults(0.003));
      for (int k = 0; k < frames; k++) {
        sim.run(frameEvery);
        labels.add("md-frame-" + k);
        starts.add(sim.snapshot());
      }
    }
    err.println("warming up the JIT on a separate start");
    err.flush();
    minimizer.minimize(rawStart(n, density, seed - 1), options);
    List<Map<String, Object>> rows = new ArrayList<>();
    List<Double> ratios = new ArrayList<>();
    List<Double> cpuRatios = new ArrayList<>();
    for (int s = 0; s < starts.size(); s++) {
      Configuration c = starts.get(s);
      double[] wall = new double[repeats];
      double[] cpu = new double[repeats];
      MinimizationResult r = null;
      for (int k = 0; k < repeats; k++) {
        long c0 = THREADS.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        r = minimizer.minimize(c, options);
        wall[k] = (System.nanoTime() - t0) * 1e-9;
        cpu[k] = (THREADS.getCurrentThreadCpuTime() - c0) * 1e-9;
      }
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("start", labels.get(s));
      row.put("glasslab_seconds", new Median().evaluate(wall));
      row.put("glasslab_cpu_seconds", new Median().evaluate(cpu));
      row.put("glasslab_force_evaluations", r.forceEvaluations());
      row.put("glasslab_iterations", r.iterations());
      row.put("glasslab_energy_per_particle", r.energyPerParticle());
      row.put("glasslab_converged", r.converged());
      String line =
          String.format(
              Locale.ROOT,
              "%-12s glasslab %s %.3f s (cpu %.3f s) %6d evals e/N %.10f %s",
              labels.get(s),
              minimizer.name(),
              new Median().evaluate(wall),
              new Median().evaluate(cpu),
              r.forceEvaluations(),
              r.energyPerParticle(),
              r.converged() ? "converged" : r.stopReason());
      if (lmp) {
        LammpsMinimize.Result l = LammpsMinimize.run(c, ftol, 1_000_000, false);
        row.put("lammps_seconds", l.loopSeconds());
        row.put("lammps_cpu_seconds", l.loopCpuSeconds());
        row.put("lammps_force_evaluations", l.forceEvaluations());
        row.put("lammps_iterations", l.iterations());
        row.put("lammps_energy_per_particle", l.energy() / n);
        row.put("lammps_stopping_criterion", l.stoppingCriterion());
        double ratio = new Median().evaluate(wall) / l.loopSeconds();
        row.put("time_ratio_glasslab_over_lammps", ratio);
        double cpuRatio = new Median().evaluate(cpu) / l.loopCpuSeconds();
        row.put("cpu_ratio_glasslab_over_lammps", cpuRatio);
        ratios.add(ratio);
        cpuRatios.add(cpuRatio);
        line +=
            String.format(
                Locale.ROOT,
                " | lammps cg %.3f s (cpu %.3f s) %6d evals e/N %.10f (%s) | ratio wall %.2f"
                    + " cpu %.2f",
                l.loopSeconds(),
                l.loopCpuSeconds(),
                l.forceEvaluations(),
                l.energy() / n,
                l.stoppingCriterion(),
                ratio,
                cpuRatio);
      }
      err.println(line);
      err.flush();
      rows.add(row);
    }
    double[] rs = ratios.stream().mapToDouble(Double::doubleValue).toArray();
    double[] cs = cpuRatios.stream().mapToDouble(Double::doubleValue).toArray();
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      Map<String, Object> o = new LinkedHashMap<>();
      o.put("benchmark", "minimize");
      o.put("particles", n);
      o.put("density", density);
      o.put("ftol", ftol);
      o.put("method", minimizer.name());
      o.put("repeats", repeats);
      o.put("seed", seed);
      o.put("lammps", lmp ? org.glasslab.bench.md.Lammps.version() : "not run");
      o.put("threads", 1);
      o.put("results", rows);
      if (rs.length > 0) {
        o.put("median_time_ratio", new Median().evaluate(rs));
        o.put("median_cpu_ratio", new Median().evaluate(cs));
      }
      Json.print(out, o);
    } else if (rs.length > 0) {
      out.printf(
          Locale.ROOT,
          "median ratio glasslab/lammps over %d starts: wall %.2f, cpu %.2f%n",
          rs.length,
          new Median().evaluate(rs),
          new Median().evaluate(cs));
      out.flush();
    }
    return 0;
  }
}
