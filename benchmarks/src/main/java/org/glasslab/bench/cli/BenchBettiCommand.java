package org.glasslab.bench.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.commons.math3.stat.descriptive.rank.Median;
import org.glasslab.bench.peer.PeerProcess;
import org.glasslab.data.Box;
import org.glasslab.data.Configuration;
import org.glasslab.data.MemoryTrajectory;
import org.glasslab.data.Trajectory;
import org.glasslab.data.io.AtomicFile;
import org.glasslab.data.io.TrajectoryIO;
import org.glasslab.pipeline.cli.BettiCommand;
import org.glasslab.pipeline.cli.Cli;
import org.glasslab.pipeline.cli.InputOptions;
import org.glasslab.testsupport.SyntheticClouds;
import org.glasslab.topology.PersistenceResult;
import org.glasslab.topology.RipsOptions;
import org.glasslab.topology.RipsPersistence;
import org.glasslab.topology.RipserFormat;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code glasslab bench betti}: GlassLab's Rips persistence next to Debian's {@code ripser} on the
 * same point cloud in the same invocation, both in ripser's float arithmetic so the barcodes must
 * be identical (checked).
 */
@Command(
    name = "betti",
    mixinStandardHelpOptions = true,
    description = {
      "Time H0+H1 Vietoris-Rips persistence of GlassLab and ripser (--format point-cloud --dim 1"
          + " --threshold alpha) on the same cloud: a glass-like random-sequential-addition cloud"
          + " (default) or a frame of FILE. Reports median wall times, their ratio, peak memory,"
          + " and whether the barcodes are identical."
    })
public final class BenchBettiCommand implements Callable<Integer> {
  @Option(
      names = {"-N", "--particles"},
      paramLabel = "N",
      defaultValue = "2000",
      description = "Points (default ${DEFAULT-VALUE}).")
  int n;

  @Option(
      names = "--density",
      defaultValue = "0.9",
      description = "Number density (default ${DEFAULT-VALUE}).")
  double density;

  @Option(
      names = "--min-separation",
      defaultValue = "0.8",
      description = "RSA minimum separation (default ${DEFAULT-VALUE}).")
  double minSeparation;

  @Option(
      names = "--alpha",
      paramLabel = "A|paper",
      defaultValue = "8.19",
      description = "Threshold (default ${DEFAULT-VALUE}; 'paper' needs --file).")
  String alpha;

  @Option(names = "--seed", defaultValue = "1", description = "Seed (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--file",
      paramLabel = "FILE",
      description = "Benchmark a frame of this file instead of a synthetic cloud.")
  Path file;

  @Option(
      names = "--frame",
      paramLabel = "K",
      defaultValue = "0",
      description = "Frame of --file (default ${DEFAULT-VALUE}).")
  int frame;

  @Option(
      names = "--repeats",
      paramLabel = "R",
      defaultValue = "5",
      description = "Timed runs of each tool (default ${DEFAULT-VALUE}).")
  int repeat;

  @Option(
      names = "--warmup",
      defaultValue = "2",
      description = "Untimed GlassLab runs after the first (cold) one (default ${DEFAULT-VALUE}).")
  int warmup;

  @Option(
      names = "--ripser",
      paramLabel = "EXE",
      defaultValue = "ripser",
      description = "ripser executable (default ${DEFAULT-VALUE}, looked up on PATH).")
  String ripser;

  @Option(
      names = "--write-cloud",
      paramLabel = "PREFIX",
      description =
          "Also write the cloud as PREFIX.xyz (unit diameters, for 'glasslab betti') and PREFIX.csv"
              + " (ripser's point-cloud input), for whole-process comparisons.")
  String writeCloud;

  @Option(names = "--json", description = "Print JSON instead of text.")
  boolean json;

  @Mixin InputOptions input;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (repeat < 1 || warmup < 0) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--repeats must be >= 1 and --warmup >= 0");
    }
    double[] positions;
    String source;
    double a;
    if (file != null) {
      Configuration c;
      try (Trajectory t = input.open(file)) {
        c = t.frame(TrajectoryIO.frameIndex(t, frame, file));
      }
      positions = c.positions();
      a = BettiCommand.resolveAlpha(spec, alpha, c.diameters());
      source = file + " frame " + frame;
    } else {
      if (n < 2 || !(density > 0)) {
        throw new CommandLine.ParameterException(
            spec.commandLine(), "--n must be >= 2 and --density > 0");
      }
      if (alpha.equals("paper")) {
        throw new CommandLine.ParameterException(
            spec.commandLine(), "--alpha paper needs --file (diameters); give a number");
      }
      a = BettiCommand.resolveAlpha(spec, alpha, null);
      positions = SyntheticClouds.randomSequentialAddition(n, density, minSeparation, seed);
      source =
          "random sequential addition, N="
              + n
              + ", density "
              + density
              + ", min separation "
              + minSeparation
              + ", seed "
              + seed;
    }
    RipsOptions o = RipsOptions.ripserCompatible(a);
    var err = spec.commandLine().getErr();
    if (writeCloud != null) {
      writeCloud(positions);
    }

    // GlassLab: first run is cold (JIT), then warm-up, then timed runs.
    List<MemoryPoolMXBean> heap = new ArrayList<>();
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == MemoryType.HEAP) {
        heap.add(p);
      }
    }
    System.gc();
    long baseline = 0;
    for (MemoryPoolMXBean p : heap) {
      p.resetPeakUsage();
      baseline += p.getUsage().getUsed();
    }
    long c0 = processCpuNanos();
    long t0 = System.nanoTime();
    PersistenceResult r = RipsPersistence.compute(positions, null, o);
    double cold = (System.nanoTime() - t0) * 1e-9;
    double coldCpu = (processCpuNanos() - c0) * 1e-9;
    long peak = 0;
    for (MemoryPoolMXBean p : heap) {
      peak += p.getPeakUsage().getUsed();
    }
    err.printf("glasslab bench betti: glasslab cold run %.3f s%n", cold);
    for (int k = 0; k < warmup; k++) {
      RipsPersistence.compute(positions, null, o);
    }
    double[] gl = new double[repeat];
    double[] glCpu = new double[repeat];
    for (int k = 0; k < repeat; k++) {
      long c = processCpuNanos();
      long s = System.nanoTime();
      r = RipsPersistence.compute(positions, null, o);
      gl[k] = (System.nanoTime() - s) * 1e-9;
      glCpu[k] = (processCpuNanos() - c) * 1e-9;
    }

    // ripser on the same floats, as a whole process per run.
    Path tmp = Files.createTempFile("glasslab-bench-betti-", ".csv");
    double[] rt = new double[repeat];
    double[] rtCpu = new double[repeat];
    long ripserPeakKb = -1;
    RipserFormat.Output ref = null;
    try {
      RipserFormat.writePointCloud(tmp, positions);
      boolean haveTime = haveTimeTool();
      for (int k = 0; k < repeat; k++) {
        List<String> cmd = new ArrayList<>();
        if (haveTime) {
          cmd.addAll(List.of("/usr/bin/time", "-f", "GLASSLAB_MAXRSS_KB %M CPU %U %S"));
        }
        cmd.addAll(
            List.of(
                ripser,
                "--format",
                "point-cloud",
                "--dim",
                "1",
                "--threshold",
                Float.toString((float) a),
                tmp.toString()));
        PeerProcess.Result pr =
            PeerProcess.of("ripser", cmd).installHint("install the Debian package ripser").run();
        rt[k] = pr.wallSeconds();
        for (String line : pr.stderr().split("\n")) {
          if (line.startsWith("GLASSLAB_MAXRSS_KB ")) {
            String[] f = line.split(" ");
            ripserPeakKb = Math.max(ripserPeakKb, Long.parseLong(f[1]));
            rtCpu[k] = Double.parseDouble(f[3]) + Double.parseDouble(f[4]);
          }
        }
        if (k == 0) {
          ref = RipserFormat.parse(pr.stdout());
        }
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
    String d0 = RipserFormat.compareExact(r.h0(), ref, 0);
    String d1 = RipserFormat.compareExact(r.h1(), ref, 1);
    double glMed = new Median().evaluate(gl);
    double rMed = new Median().evaluate(rt);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("input", source);
    m.put("alpha", a);
    m.put("points", r.vertexCount());
    m.put("edges", r.edgeCount());
    m.put("triangles", r.triangleCount());
    m.put("h0_bars", r.h0().size());
    m.put("h1_bars", r.h1().size());
    m.put("beta1", r.betti1());
    m.put("barcodes_identical", d0 == null && d1 == null);
    if (d0 != null || d1 != null) {
      m.put("difference", d0 != null ? d0 : d1);
    }
    m.put("glasslab_median_s", round(glMed));
    m.put("glasslab_cold_s", round(cold));
    m.put("glasslab_runs_s", roundAll(gl));
    m.put("ripser_median_s", round(rMed));
    m.put("ripser_runs_s", roundAll(rt));
    m.put("ratio_glasslab_over_ripser", round(glMed / rMed));
    m.put("speedup_vs_ripser", round(rMed / glMed));
    m.put("glasslab_cpu_median_s", round(new Median().evaluate(glCpu)));
    m.put("glasslab_cold_cpu_s", round(coldCpu));
    m.put("ripser_cpu_median_s", haveTimeTool() ? round(new Median().evaluate(rtCpu)) : null);
    m.put(
        "cpu_ratio_glasslab_over_ripser",
        haveTimeTool() ? round(new Median().evaluate(glCpu) / new Median().evaluate(rtCpu)) : null);
    m.put("glasslab_peak_heap_mb", round((peak - Math.min(peak, baseline)) / 1048576.0));
    m.put("glasslab_process_peak_rss_mb", round(processPeakRssKb() / 1024.0));
    m.put("ripser_peak_rss_mb", ripserPeakKb < 0 ? null : round(ripserPeakKb / 1024.0));
    m.put("glasslab_threads", Runtime.getRuntime().availableProcessors());
    m.put(
        "note",
        "glasslab timed in-process after JIT warm-up (CPU: whole JVM, all threads); ripser as a"
            + " whole process (CPU: user+sys)");
    BettiCommand.print(spec.commandLine().getOut(), m, json);
    return d0 == null && d1 == null ? 0 : Cli.EXIT_FAILURE;
  }

  private void writeCloud(double[] positions) throws IOException {
    int np = positions.length / 2;
    double[] diameters = new double[np];
    Arrays.fill(diameters, 1.0);
    Box box = file != null ? null : Box.square(n, density);
    if (box == null) {
      try (Trajectory t = input.open(file)) {
        box = t.box();
        diameters = t.diameters();
      }
    }
    Configuration c = Configuration.of(box, positions, diameters);
    TrajectoryIO.write(Path.of(writeCloud + ".xyz"), MemoryTrajectory.of(List.of(c)));
    Path csv = Path.of(writeCloud + ".csv");
    AtomicFile.write(csv, tmp -> RipserFormat.writePointCloud(tmp, positions));
  }

  private static boolean haveTimeTool() {
    return Files.isExecutable(Path.of("/usr/bin/time"));
  }

  /** CPU time of this process (all threads, JIT and GC included) [ns], or 0 if unavailable. */
  private static long processCpuNanos() {
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      return Math.max(0, os.getProcessCpuTime());
    }
    return 0;
  }

  private static double round(double x) {
    return Math.round(x * 1e4) / 1e4;
  }

  private static double[] roundAll(double[] x) {
    double[] y = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      y[i] = round(x[i]);
    }
    return y;
  }

  /** VmHWM of this process from /proc/self/status [kB], or -1 where unavailable. */
  private static long processPeakRssKb() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException | RuntimeException e) {
      return -1;
    }
    return -1;
  }
}
