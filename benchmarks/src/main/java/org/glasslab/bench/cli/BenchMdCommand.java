package org.glasslab.bench.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.math3.stat.descriptive.rank.Median;
import org.glasslab.bench.md.Lammps;
import org.glasslab.bench.md.LammpsDeck;
import org.glasslab.data.Configuration;
import org.glasslab.md.BrownClarke;
import org.glasslab.md.ForceKernel;
import org.glasslab.md.MdOptions;
import org.glasslab.md.Simulation;
import org.glasslab.md.Wca;
import org.glasslab.testsupport.BenchmarkSystem;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code glasslab bench md}: single-thread MD throughput (atom-steps/s) of GlassLab and, when
 * {@code lmp} is installed, of serial LAMMPS on the identical system in the same invocation.
 */
@Command(
    name = "md",
    mixinStandardHelpOptions = true,
    description = {
      "MD throughput (atom-steps/s): GlassLab vs serial LAMMPS on the same system, same run.",
      "System: polydisperse WCA (11 %%, diameters binned into 20 types), rho, T, dt;",
      "velocity Verlet + isokinetic rescaling every step (LAMMPS: fix nve + temp/rescale)."
    })
public final class BenchMdCommand implements java.util.concurrent.Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = {"-N", "--particles"},
      split = ",",
      description = "system sizes (default 2000)")
  int[] sizes = {2000};

  @Option(names = "--scaling", description = "sizes 500,1000,2000,4000,8000,16000,32000,64000")
  boolean scaling;

  @Option(names = "--density", description = "number density (default 0.9)")
  double density = 0.9;

  @Option(names = "--temperature", description = "temperature (default 0.5)")
  double temperature = 0.5;

  @Option(names = "--dt", description = "time step (default 0.003)")
  double dt = 0.003;

  @Option(
      names = "--atom-steps",
      description = "atom-steps per timed repetition (default 6e7; steps = this / N)")
  double atomSteps = 6e7;

  @Option(names = "--repeats", description = "timed repetitions per code (median, default 5)")
  int repeats = 5;

  @Option(
      names = "--skin",
      description = "Verlet skin of GlassLab (default: the engine's, MdOptions.DEFAULT_SKIN = 0.5)")
  double skin = MdOptions.DEFAULT_SKIN;

  /** LAMMPS' skin as tuned here (throughput flat within noise for 0.25-0.5, best at 0.4). */
  static final double LAMMPS_TUNED_SKIN = 0.4;

  @Option(
      names = "--lammps-skin",
      description = "Verlet skin of LAMMPS (default 0.4, tuned: docs/PERFORMANCE.md)")
  double lammpsSkin = LAMMPS_TUNED_SKIN;

  @Option(names = "--no-lammps", description = "skip LAMMPS")
  boolean noLammps;

  @Option(names = "--json", description = "machine-readable output")
  boolean json;

  @Option(
      names = "--ensemble",
      description = {
        "campaign throughput: --copies independent trajectories at once (one thread each),",
        "against as many serial LAMMPS processes at once and mpirun -np <copies> on one",
        "trajectory; aggregate atom-steps/s"
      })
  boolean ensemble;

  @Option(
      names = "--copies",
      description = "trajectories run at once in --ensemble (default: available processors)")
  int copies = Runtime.getRuntime().availableProcessors();

  @Override
  public Integer call() throws Exception {
    if (repeats < 1
        || !(atomSteps >= 1e4)
        || !(dt > 0)
        || !(temperature > 0)
        || !(skin >= 0)
        || !(lammpsSkin >= 0)) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          "need --repeats >= 1, --atom-steps >= 1e4, positive --dt and --temperature, --skin and"
              + " --lammps-skin >= 0");
    }
    int[] ns = scaling ? new int[] {500, 1000, 2000, 4000, 8000, 16000, 32000, 64000} : sizes;
    for (int n : ns) {
      if (n < 100) {
        throw new CommandLine.ParameterException(spec.commandLine(), "N must be >= 100, got " + n);
      }
    }
    boolean lmp = !noLammps && Lammps.available();
    String lmpVersion = lmp ? Lammps.version() : "not run";
    var err = spec.commandLine().getErr();
    if (!noLammps && !lmp) {
      err.println("glasslab bench md: lmp not found; measuring GlassLab only");
    }
    if (ensemble) {
      if (copies < 1) {
        throw new CommandLine.ParameterException(
            spec.commandLine(), "--copies must be >= 1, got " + copies);
      }
      return ensemble(ns, lmp, lmpVersion);
    }
    List<double[]> rows = new ArrayList<>();
    ForceKernel kernel = null;
    for (int n : ns) {
      long steps = Math.max(200, Math.round(atomSteps / n));
      err.printf(Locale.ROOT, "N=%d: preparing (%d steps per repetition)%n", n, steps);
      err.flush();
      Configuration c = BenchmarkSystem.prepare(n, density, temperature, dt, 2000, 42);
      MdOptions opt = MdOptions.defaults(dt).withSkin(skin);
      // GlassLab and LAMMPS alternate (A B A B ...) so that a drifting machine load hits both
      double[] gl = new double[repeats];
      double[] glCpu = new double[repeats];
      double[] lr = new double[repeats];
      double[] lrCpu = new double[repeats];
      LammpsDeck deck = lmp ? new LammpsDeck(c) : null;
      String script =
          lmp ? deck.isokineticRun("data.lmp", dt, lammpsSkin, temperature, steps, steps) : null;
      var threads = ManagementFactory.getThreadMXBean();
      for (int r = 0; r < repeats; r++) {
        Simulation sim = new Simulation(c, Wca.INSTANCE, new BrownClarke(temperature), opt);
        kernel = sim.forceKernel();
        sim.run(Math.max(100, steps / 5)); // warm-up (JIT) outside the timing
        long c0 = threads.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        sim.run(steps);
        gl[r] = (double) n * steps / ((System.nanoTime() - t0) * 1e-9);
        glCpu[r] = (double) n * steps / ((threads.getCurrentThreadCpuTime() - c0) * 1e-9);
        if (lmp) {
          Lammps.Result res = Lammps.run(deck.dataFile(), script);
          lr[r] = (double) n * steps / res.loopSeconds();
          double cpuFrac = Double.isNaN(res.cpuFraction()) ? 1.0 : res.cpuFraction();
          lrCpu[r] = (double) n * steps / (res.loopSeconds() * cpuFrac);
        }
      }
      double glRate = new Median().evaluate(gl);
      double glCpuRate = new Median().evaluate(glCpu);
      double lmpRate = lmp ? new Median().evaluate(lr) : Double.NaN;
      double lmpCpuRate = lmp ? new Median().evaluate(lrCpu) : Double.NaN;
      err.printf(
          Locale.ROOT,
          "N=%d: wall: glasslab %.3e, lammps %.3e atom-steps/s, ratio %.2f;"
              + " cpu-time: glasslab %.3e, lammps %.3e, ratio %.2f%n",
          n,
          glRate,
          lmpRate,
          glRate / lmpRate,
          glCpuRate,
          lmpCpuRate,
          glCpuRate / lmpCpuRate);
      rows.add(new double[] {n, steps, glRate, lmpRate, glCpuRate, lmpCpuRate});
    }
    var out = spec.commandLine().getOut();
    if (json) {
      ObjectNode o = jsonHeader("md", 1, lmpVersion, kernel);
      ArrayNode a = o.putArray("results");
      for (double[] r : rows) {
        ObjectNode e = a.addObject();
        e.put("n", (int) r[0]);
        e.put("steps", (long) r[1]);
        e.put("glasslab_atom_steps_per_s", r[2]);
        e.put("glasslab_cpu_atom_steps_per_s", r[4]);
        if (!Double.isNaN(r[3])) {
          e.put("lammps_atom_steps_per_s", r[3]);
          e.put("ratio", r[2] / r[3]);
          e.put("lammps_cpu_atom_steps_per_s", r[5]);
          e.put("cpu_ratio", r[4] / r[5]);
        }
      }
      out.println(o.toPrettyString());
    } else {
      out.printf(
          Locale.ROOT,
          "# md benchmark: rho=%g T=%g dt=%g skin=%g (LAMMPS %g), single thread, median of %d;"
              + " LAMMPS: %s%n",
          density,
          temperature,
          dt,
          skin,
          lammpsSkin,
          repeats,
          lmpVersion);
      out.printf(Locale.ROOT, "# GlassLab force kernel: %s%n", kernelDescription(kernel));
      out.println(
          "# wall = elapsed time; cpu = CPU time of the computing thread/process (robust when"
              + " the machine is loaded)");
      out.printf(
          Locale.ROOT,
          "%7s %7s %12s %12s %6s %12s %12s %6s%n",
          "N",
          "steps",
          "glasslab",
          "lammps",
          "ratio",
          "glasslab-cpu",
          "lammps-cpu",
          "ratio");
      for (double[] r : rows) {
        out.printf(
            Locale.ROOT,
            "%7d %7d %12.4e %12.4e %6.2f %12.4e %12.4e %6.2f%n",
            (int) r[0],
            (long) r[1],
            r[2],
            r[3],
            r[2] / r[3],
            r[4],
            r[5],
            r[4] / r[5]);
      }
    }
    return 0;
  }

  /**
   * The ensemble mode: {@link #copies} independent trajectories (seeds 42, 43, ...) run at once,
   * one thread each, then as many serial LAMMPS processes at once on the same systems, then LAMMPS
   * on {@code mpirun -np copies} with the first system; medians over {@link #repeats}. Aggregate
   * throughput = the sum over copies of each copy's atom-steps / its own wall time of the timed
   * loop (GlassLab: from a common start after the warm-up; LAMMPS: its "Loop time").
   */
  private int ensemble(int[] ns, boolean lmp, String lmpVersion) throws Exception {
    var err = spec.commandLine().getErr();
    boolean mpi = lmp && copies > 1 && Lammps.mpiAvailable();
    List<double[]> rows = new ArrayList<>();
    ForceKernel[] kernel = new ForceKernel[1];
    for (int n : ns) {
      long steps = Math.max(200, Math.round(atomSteps / n));
      err.printf(
          Locale.ROOT, "N=%d: preparing %d systems (%d steps per repetition)%n", n, copies, steps);
      err.flush();
      Configuration[] cs = new Configuration[copies];
      LammpsDeck[] decks = new LammpsDeck[copies];
      for (int q = 0; q < copies; q++) {
        cs[q] = BenchmarkSystem.prepare(n, density, temperature, dt, 2000, 42 + q);
        decks[q] = lmp ? new LammpsDeck(cs[q]) : null;
      }
      MdOptions opt = MdOptions.defaults(dt).withSkin(skin);
      double[] gl = new double[repeats];
      double[] lr = new double[repeats];
      double[] mp = new double[repeats];
      for (int r = 0; r < repeats; r++) {
        double[] rate = new double[copies];
        java.util.concurrent.CyclicBarrier ready = new java.util.concurrent.CyclicBarrier(copies);
        runAtOnce(
            copies,
            q -> {
              Simulation sim =
                  new Simulation(cs[q], Wca.INSTANCE, new BrownClarke(temperature), opt);
              kernel[0] = sim.forceKernel();
              sim.run(Math.max(100, steps / 5));
              ready.await();
              long t0 = System.nanoTime();
              sim.run(steps);
              rate[q] = (double) n * steps / ((System.nanoTime() - t0) * 1e-9);
            });
        gl[r] = java.util.Arrays.stream(rate).sum();
        if (lmp) {
          String script =
              decks[0].isokineticRun("data.lmp", dt, lammpsSkin, temperature, steps, steps);
          double[] lrate = new double[copies];
          runAtOnce(
              copies,
              q -> {
                String sq =
                    decks[q].isokineticRun("data.lmp", dt, lammpsSkin, temperature, steps, steps);
                lrate[q] = (double) n * steps / Lammps.run(decks[q].dataFile(), sq).loopSeconds();
              });
          lr[r] = java.util.Arrays.stream(lrate).sum();
          mp[r] =
              mpi
                  ? (double) n
                      * steps
                      / Lammps.runMpi(copies, decks[0].dataFile(), script).loopSeconds()
                  : Double.NaN;
        } else {
          lr[r] = Double.NaN;
          mp[r] = Double.NaN;
        }
      }
      double glRate = new Median().evaluate(gl);
      double lmpRate = lmp ? new Median().evaluate(lr) : Double.NaN;
      double mpiRate = mpi ? new Median().evaluate(mp) : Double.NaN;
      err.printf(
          Locale.ROOT,
          "N=%d: %d copies: glasslab %.3e, lammps copies %.3e (ratio %.2f), lammps mpirun -np %d"
              + " %.3e (ratio %.2f) aggregate atom-steps/s%n",
          n,
          copies,
          glRate,
          lmpRate,
          glRate / lmpRate,
          copies,
          mpiRate,
          glRate / mpiRate);
      rows.add(new double[] {n, steps, glRate, lmpRate, mpiRate});
    }
    var out = spec.commandLine().getOut();
    if (json) {
      ObjectNode o = jsonHeader("md-ensemble", copies, lmpVersion, kernel[0]);
      ArrayNode a = o.putArray("results");
      for (double[] r : rows) {
        ObjectNode e = a.addObject();
        e.put("n", (int) r[0]);
        e.put("steps", (long) r[1]);
        e.put("glasslab_aggregate_atom_steps_per_s", r[2]);
        if (!Double.isNaN(r[3])) {
          e.put("lammps_copies_aggregate_atom_steps_per_s", r[3]);
          e.put("ratio", r[2] / r[3]);
        }
        if (!Double.isNaN(r[4])) {
          e.put("lammps_mpi_atom_steps_per_s", r[4]);
          e.put("mpi_ratio", r[2] / r[4]);
        }
      }
      out.println(o.toPrettyString());
    } else {
      out.printf(
          Locale.ROOT,
          "# md ensemble benchmark: %d independent trajectories at once; rho=%g T=%g dt=%g"
              + " skin=%g (LAMMPS %g), median of %d; LAMMPS: %s%n",
          copies,
          density,
          temperature,
          dt,
          skin,
          lammpsSkin,
          repeats,
          lmpVersion);
      out.printf(Locale.ROOT, "# GlassLab force kernel: %s%n", kernelDescription(kernel[0]));
      out.printf(
          Locale.ROOT,
          "# aggregate atom-steps/s; lammps = %d serial processes at once, mpi = mpirun -np %d"
              + " on one trajectory%s%n",
          copies,
          copies,
          mpi ? "" : " (not run: mpirun unavailable or one copy)");
      out.printf(
          Locale.ROOT,
          "%7s %7s %12s %12s %6s %12s %6s%n",
          "N",
          "steps",
          "glasslab",
          "lammps",
          "ratio",
          "lammps-mpi",
          "ratio");
      for (double[] r : rows) {
        out.printf(
            Locale.ROOT,
            "%7d %7d %12.4e %12.4e %6.2f %12.4e %6.2f%n",
            (int) r[0],
            (long) r[1],
            r[2],
            r[3],
            r[2] / r[3],
            r[4],
            r[2] / r[4]);
      }
    }
    return 0;
  }

  /** The common JSON fields: the system, the repeats, threads (copies), peer and kernel. */
  private ObjectNode jsonHeader(String name, int threads, String lmpVersion, ForceKernel kernel) {
    ObjectNode o = new ObjectMapper().createObjectNode();
    o.put("benchmark", name);
    o.put("density", density);
    o.put("temperature", temperature);
    o.put("dt", dt);
    o.put("skin", skin);
    o.put("lammps_skin", lammpsSkin);
    o.put("repeats", repeats);
    o.put("lammps", lmpVersion);
    o.put("threads", threads);
    o.put("kernel", kernel.label());
    o.put("vector_lanes", ForceKernel.vectorLanes());
    return o;
  }

  /** A task of copy {@code q}. */
  private interface CopyTask {
    void run(int q) throws Exception;
  }

  /** Runs {@code task(0 .. copies-1)} on one thread each, at once; rethrows the first failure. */
  private static void runAtOnce(int copies, CopyTask task) throws Exception {
    var pool = java.util.concurrent.Executors.newFixedThreadPool(copies);
    try {
      List<java.util.concurrent.Future<?>> fs = new ArrayList<>();
      for (int q = 0; q < copies; q++) {
        final int c = q;
        fs.add(
            pool.submit(
                () -> {
                  task.run(c);
                  return null;
                }));
      }
      for (var f : fs) {
        try {
          f.get();
        } catch (java.util.concurrent.ExecutionException e) {
          if (e.getCause() instanceof Exception x) {
            throw x;
          }
          throw e;
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** "vector (8 double lanes, jdk.incubator.vector)" or "scalar (...)": the kernel that ran. */
  static String kernelDescription(ForceKernel kernel) {
    if (kernel == ForceKernel.VECTOR) {
      return "vector (" + ForceKernel.vectorLanes() + " double lanes, jdk.incubator.vector)";
    }
    return ForceKernel.vectorAvailable()
        ? "scalar (selected by -D" + ForceKernel.PROPERTY + "; the default here is vector)"
        : "scalar (jdk.incubator.vector not loaded)";
  }
}
