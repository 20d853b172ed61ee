package org.glasslab.bench.cli;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.commons.math3.stat.descriptive.rank.Median;
import org.glasslab.analysis.dynamics.Mobility;
import org.glasslab.analysis.local.LocalAffineFit;
import org.glasslab.analysis.local.LocalFitResult;
import org.glasslab.analysis.structure.CagingSoftness;
import org.glasslab.bench.peer.PeerProcess;
import org.glasslab.data.Configuration;
import org.glasslab.pipeline.cli.Json;
import org.glasslab.testsupport.SyntheticFrames;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code glasslab bench analysis}: per-particle local fields (neighbours, H, D2min, non-affine
 * vectors, strain, mobility) and caging softness of one synthetic frame pair, GlassLab next to a
 * vectorised numpy/scipy implementation (cKDTree neighbours) run on the same input in the same
 * invocation. Both report the median of warm repeats; the mean D2min and softness are compared.
 */
@Command(
    name = "analysis",
    mixinStandardHelpOptions = true,
    description = {
      "Local fields (r_c 2.4) and softness (delta 0.02, r in [0.5, 1.45], step 0.001) of one synthetic frame pair at density 0.9: GlassLab vs numpy/scipy, medians of warm repeats."
    })
public final class BenchAnalysisCommand implements Callable<Integer> {
  static final double RC = 2.4;
  static final double DELTA = 0.02;
  static final double RMIN = 0.5;
  static final double RMAX = 1.45;
  static final double GRID = 0.001;

  @Option(
      names = {"-N", "--particles"},
      paramLabel = "N",
      defaultValue = "2000",
      description = "Particles (default ${DEFAULT-VALUE}).")
  int n;

  @Option(
      names = "--repeats",
      paramLabel = "R",
      defaultValue = "20",
      description = "Timed repeats after warm-up (default ${DEFAULT-VALUE}).")
  int repeats;

  @Option(
      names = "--python",
      paramLabel = "EXE",
      defaultValue = "/usr/bin/python3",
      description = "Python with numpy and scipy for the peer (default ${DEFAULT-VALUE}).")
  String python;

  @Option(names = "--json", description = "Results as JSON.")
  boolean json;

  @Option(
      names = "--scaling",
      description =
          "Also time GlassLab alone (median per-thread CPU time, after warm-up) at N = 500,"
              + " 1000, 2000, 4000, 8000 to show linear scaling.")
  boolean scaling;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (n < 100 || repeats < 1) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "need --n >= 100 and --repeats >= 1");
    }
    Configuration[] pair = SyntheticFrames.framePair(n, 2026);
    Configuration ref = pair[0];
    Configuration cur = pair[1];
    LocalAffineFit fit = new LocalAffineFit(LocalAffineFit.Options.defaults().withCutoff(RC));
    Mobility mobility = new Mobility();
    CagingSoftness soft =
        new CagingSoftness(
            CagingSoftness.Options.defaults().withLimits(RMIN, RMAX).withGridSpacing(GRID));
    double[] local = new double[repeats];
    double[] softT = new double[repeats];
    double[] localCpu = new double[repeats];
    double[] softCpu = new double[repeats];
    java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
    LocalFitResult last = null;
    CagingSoftness.Result lastSoft = null;
    int warm = Math.max(20, repeats);
    for (int r = 0; r < warm + repeats; r++) {
      long c0 = mx.getCurrentThreadCpuTime();
      long t0 = System.nanoTime();
      last = fit.compute(ref, cur);
      mobility.compute(ref, cur, null);
      long t1 = System.nanoTime();
      long c1 = mx.getCurrentThreadCpuTime();
      lastSoft = soft.compute(ref);
      long t2 = System.nanoTime();
      long c2 = mx.getCurrentThreadCpuTime();
      if (r >= warm) {
        local[r - warm] = (t1 - t0) * 1e-9;
        softT[r - warm] = (t2 - t1) * 1e-9;
        localCpu[r - warm] = (c1 - c0) * 1e-9;
        softCpu[r - warm] = (c2 - c1) * 1e-9;
      }
    }
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("benchmark", "analysis");
    report.put("particles", ref.size());
    report.put("repeats", repeats);
    report.put(
        "parameters", Map.of("rc", RC, "delta", DELTA, "rmin", RMIN, "rmax", RMAX, "grid", GRID));
    Map<String, Object> gl = new LinkedHashMap<>();
    gl.put("local_seconds", new Median().evaluate(local));
    gl.put("softness_seconds", new Median().evaluate(softT));
    gl.put("local_cpu_seconds", new Median().evaluate(localCpu));
    gl.put("softness_cpu_seconds", new Median().evaluate(softCpu));
    gl.put("mean_d2min", mean(last.d2min()));
    gl.put("mean_softness", mean(lastSoft.softness()));
    report.put("glasslab", gl);
    Map<String, Object> peer = runPeer(ref, cur);
    report.put("peer", peer);
    if (peer.containsKey("local_seconds")) {
      report.put(
          "speedup_local",
          ((Number) peer.get("local_seconds")).doubleValue() / new Median().evaluate(local));
      report.put(
          "speedup_softness",
          ((Number) peer.get("softness_seconds")).doubleValue() / new Median().evaluate(softT));
      report.put(
          "agreement_mean_d2min",
          Math.abs(((Number) peer.get("mean_d2min")).doubleValue() - mean(last.d2min())));
      report.put(
          "agreement_mean_softness",
          Math.abs(((Number) peer.get("mean_softness")).doubleValue() - mean(lastSoft.softness())));
    }
    if (scaling) {
      report.put("scaling", scaling(mx));
    }
    var o = spec.commandLine().getOut();
    if (json) {
      Json.print(o, report);
    } else {
      o.printf(
          Locale.ROOT, "analysis bench: N = %d, medians of %d warm repeats%n", ref.size(), repeats);
      o.printf(
          Locale.ROOT,
          "  glasslab  local fields %8.3f ms   softness %8.3f ms   (CPU %.3f / %.3f ms)%n",
          1e3 * new Median().evaluate(local),
          1e3 * new Median().evaluate(softT),
          1e3 * new Median().evaluate(localCpu),
          1e3 * new Median().evaluate(softCpu));
      if (peer.containsKey("local_seconds")) {
        o.printf(
            Locale.ROOT,
            "  %-9s local fields %8.3f ms   softness %8.3f ms   (CPU %.3f / %.3f ms; %s)%n",
            "numpy",
            1e3 * ((Number) peer.get("local_seconds")).doubleValue(),
            1e3 * ((Number) peer.get("softness_seconds")).doubleValue(),
            1e3 * ((Number) peer.get("local_cpu_seconds")).doubleValue(),
            1e3 * ((Number) peer.get("softness_cpu_seconds")).doubleValue(),
            peer.get("tool"));
        o.printf(
            Locale.ROOT,
            "  ratio peer/glasslab: local %.1fx, softness %.1fx; |mean D2min diff| %.2e,"
                + " |mean S diff| %.2e%n",
            report.get("speedup_local"),
            report.get("speedup_softness"),
            report.get("agreement_mean_d2min"),
            report.get("agreement_mean_softness"));
      } else {
        o.println("  peer unavailable: " + peer.get("error"));
      }
      if (scaling) {
        o.println("  scaling (GlassLab, median CPU time):");
        @SuppressWarnings("unchecked")
        var rows = (java.util.List<Map<String, Object>>) report.get("scaling");
        for (Map<String, Object> row : rows) {
          o.printf(
              Locale.ROOT,
              "    N = %5d  local fields %7.3f ms (%.3f us/particle)  softness %7.3f ms (%.3f"
                  + " us/particle)%n",
              row.get("particles"),
              row.get("local_cpu_ms"),
              row.get("local_us_per_particle"),
              row.get("softness_cpu_ms"),
              row.get("softness_us_per_particle"));
        }
      }
      o.flush();
    }
    return 0;
  }

  private java.util.List<Map<String, Object>> scaling(java.lang.management.ThreadMXBean mx) {
    LocalAffineFit fit = new LocalAffineFit(LocalAffineFit.Options.defaults().withCutoff(RC));
    CagingSoftness soft =
        new CagingSoftness(
            CagingSoftness.Options.defaults().withLimits(RMIN, RMAX).withGridSpacing(GRID));
    Mobility mobility = new Mobility();
    java.util.List<Map<String, Object>> rows = new java.util.ArrayList<>();
    for (int size : new int[] {500, 1000, 2000, 4000, 8000}) {
      Configuration[] p = SyntheticFrames.framePair(size, 2026);
      double[] tl = new double[repeats];
      double[] ts = new double[repeats];
      for (int r = -30; r < repeats; r++) {
        long c0 = mx.getCurrentThreadCpuTime();
        fit.compute(p[0], p[1]);
        mobility.compute(p[0], p[1], null);
        long c1 = mx.getCurrentThreadCpuTime();
        soft.compute(p[0]);
        long c2 = mx.getCurrentThreadCpuTime();
        if (r >= 0) {
          tl[r] = (c1 - c0) * 1e-6;
          ts[r] = (c2 - c1) * 1e-6;
        }
      }
      Map<String, Object> row = new LinkedHashMap<>();
      int n = p[0].size();
      row.put("particles", n);
      row.put("local_cpu_ms", new Median().evaluate(tl));
      row.put("local_us_per_particle", 1e3 * new Median().evaluate(tl) / n);
      row.put("softness_cpu_ms", new Median().evaluate(ts));
      row.put("softness_us_per_particle", 1e3 * new Median().evaluate(ts) / n);
      rows.add(row);
    }
    return rows;
  }

  private Map<String, Object> runPeer(Configuration ref, Configuration cur) throws IOException {
    Map<String, Object> out = new LinkedHashMap<>();
    try (PeerProcess.Scratch dir = PeerProcess.Scratch.create("glasslab-bench-analysis")) {
      Path script = PeerProcess.script("analysis_peer.py", dir.dir());
      Path a = dir.resolve("ref.csv");
      Path b = dir.resolve("cur.csv");
      writeFrame(a, ref);
      writeFrame(b, cur);
      String text =
          PeerProcess.of(
                  "analysis peer",
                  List.of(
                      python,
                      script.toString(),
                      a.toString(),
                      b.toString(),
                      Double.toString(RC),
                      Double.toString(DELTA),
                      Double.toString(RMIN),
                      Double.toString(RMAX),
                      Double.toString(GRID),
                      Integer.toString(repeats)))
              .echoStderr(System.err)
              .run()
              .stdout();
      @SuppressWarnings("unchecked")
      Map<String, Object> m = Json.mapper().readValue(text.strip(), Map.class);
      return m;
    } catch (IOException e) {
      // the GlassLab half of the report stands; the peer's failure is reported in its place
      out.put("error", e.getMessage());
      return out;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      out.put("error", "interrupted");
      return out;
    }
  }

  private static void writeFrame(Path file, Configuration c) throws IOException {
    double[] x = c.positions();
    int[] im = c.images();
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write("# box " + c.box().lx() + " " + c.box().ly() + "\n");
      w.write("x,y,ix,iy\n");
      for (int i = 0; i < c.size(); i++) {
        w.write(x[2 * i] + "," + x[2 * i + 1] + "," + im[2 * i] + "," + im[2 * i + 1] + "\n");
      }
    }
  }

  private static double mean(double[] v) {
    double s = 0;
    for (double x : v) {
      s += x;
    }
    return s / v.length;
  }
}
