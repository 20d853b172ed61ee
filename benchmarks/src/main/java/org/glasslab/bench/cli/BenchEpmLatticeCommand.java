package org.glasslab.bench.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.commons.math3.stat.descriptive.rank.Median;
import org.glasslab.bench.peer.PeerProcess;
import org.glasslab.epm.lattice.LatticeEpm;
import org.glasslab.epm.lattice.LatticeParams;
import org.glasslab.epm.lattice.LatticeProtocol;
import org.glasslab.epm.lattice.UnstableRule;
import org.glasslab.epm.propagator.Orientation;
import org.glasslab.pipeline.cli.Json;
import org.glasslab.pipeline.task.EpmLatticeTask;
import org.glasslab.pipeline.task.InvalidParam;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code glasslab bench epm-lattice}: KMC events per second of the lattice thermal EPM at several
 * L, next to a vectorized numpy implementation of the same algorithm run in the same invocation
 * (Debian's /usr/bin/python3); prints both throughputs and their ratio.
 */
@Command(
    name = "epm-lattice",
    mixinStandardHelpOptions = true,
    description =
        "Lattice thermal EPM KMC throughput (events/s, ns per site and event) at each L, next to"
            + " a vectorized numpy implementation of the same KMC step; median of --repeats.")
public final class BenchEpmLatticeCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--sizes", split = ",", defaultValue = "64,128,256", description = "sizes L")
  int[] sizes;

  @Option(names = "--temperature", defaultValue = "0.3", description = "temperature T")
  double temperature;

  @Option(names = "--orientation", defaultValue = "random", description = "random|fixed")
  String orientation;

  @Option(names = "--events", defaultValue = "3000", description = "timed GlassLab events")
  long events;

  @Option(
      names = "--warmup",
      description =
          "untimed GlassLab events before timing (default max(200, events/4)); a steady state near"
              + " T_c needs a few sweeps (N events each)")
  Long warmup;

  @Option(names = "--peer-events", defaultValue = "200", description = "timed numpy events")
  int peerEvents;

  @Option(names = "--repeats", defaultValue = "3", description = "repeats (median reported)")
  int repeats;

  @Option(names = "--python", defaultValue = "/usr/bin/python3", description = "peer python")
  String python;

  @Option(names = "--no-peer", description = "skip the numpy peer")
  boolean noPeer;

  @Option(names = "--json", description = "JSON output")
  boolean json;

  private static final java.lang.management.ThreadMXBean THREADS =
      java.lang.management.ManagementFactory.getThreadMXBean();

  @Override
  public Integer call() throws Exception {
    if (events <= 0 || peerEvents <= 0 || repeats <= 0) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--events, --peer-events and --repeats must be positive");
    }
    if (warmup != null && warmup < 0) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--warmup: expected a number of events >= 0, got " + warmup);
    }
    Orientation o;
    try {
      o = EpmLatticeTask.orientation(orientation);
    } catch (InvalidParam e) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--orientation " + e.reason());
    }
    PeerProcess.Scratch scratch =
        noPeer ? null : PeerProcess.Scratch.create("glasslab-epm-lattice-peer");
    Path script = noPeer ? null : PeerProcess.script("epm_lattice_numpy.py", scratch.dir());
    List<Map<String, Object>> rows = new ArrayList<>();
    var err = spec.commandLine().getErr();
    try {
      for (int l : sizes) {
        LatticeParams p =
            LatticeParams.defaults(l, temperature)
                .withOrientation(o)
                .withProtocol(LatticeProtocol.KMC, 1, UnstableRule.IMMEDIATE);
        LatticeEpm m = LatticeEpm.create(p, 1);
        m.runEvents(warmup != null ? warmup : Math.max(200, events / 4));
        double[] rates = new double[repeats];
        double[] cpuRates = new double[repeats];
        for (int r = 0; r < repeats; r++) {
          long c0 = THREADS.getCurrentThreadCpuTime();
          long t0 = System.nanoTime();
          m.runEvents(events);
          rates[r] = events / ((System.nanoTime() - t0) / 1e9);
          cpuRates[r] = events / ((THREADS.getCurrentThreadCpuTime() - c0) / 1e9);
        }
        double java = new Median().evaluate(rates);
        double cpu = new Median().evaluate(cpuRates);
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("L", l);
        row.put("glasslab_events_per_s", java);
        row.put("glasslab_ns_per_site_event", 1e9 / java / ((double) l * l));
        // CPU time of this thread: comparable across loads of the shared machine
        row.put("glasslab_cpu_ns_per_site_event", 1e9 / cpu / ((double) l * l));
        if (script != null) {
          double[] pr = new double[repeats];
          for (int r = 0; r < repeats; r++) {
            pr[r] = runPeer(script, l, r);
          }
          double peer = new Median().evaluate(pr);
          row.put("numpy_events_per_s", peer);
          row.put("speedup", java / peer);
        }
        err.println("epm-lattice L=" + l + " done");
        rows.add(row);
      }
    } finally {
      if (scratch != null) {
        scratch.close();
      }
    }
    var w = spec.commandLine().getOut();
    if (json) {
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("temperature", temperature);
      out.put("orientation", o);
      out.put("rows", rows);
      w.println(Json.mapper().writeValueAsString(out));
    } else {
      w.println(
          "L,glasslab_events_per_s,glasslab_ns_per_site_event,numpy_events_per_s,speedup,"
              + "glasslab_cpu_ns_per_site_event");
      for (Map<String, Object> r : rows) {
        w.println(
            String.format(
                Locale.ROOT,
                "%d,%.1f,%.2f,%s,%s,%.2f",
                r.get("L"),
                r.get("glasslab_events_per_s"),
                r.get("glasslab_ns_per_site_event"),
                r.containsKey("numpy_events_per_s")
                    ? String.format(Locale.ROOT, "%.1f", r.get("numpy_events_per_s"))
                    : "nan",
                r.containsKey("speedup")
                    ? String.format(Locale.ROOT, "%.1f", r.get("speedup"))
                    : "nan",
                r.get("glasslab_cpu_ns_per_site_event")));
      }
    }
    w.flush();
    return 0;
  }

  private double runPeer(Path script, int l, int seed) throws IOException, InterruptedException {
    String out =
        PeerProcess.of(
                "numpy peer",
                List.of(
                    python,
                    script.toString(),
                    Integer.toString(l),
                    Double.toString(temperature),
                    Integer.toString(peerEvents),
                    Integer.toString(seed + 1)))
            .timeout(Duration.ofMinutes(30))
            .run()
            .stdout();
    for (String line : out.split("\n")) {
      if (line.startsWith("events_per_second ")) {
        return Double.parseDouble(line.substring("events_per_second ".length()).trim());
      }
    }
    throw new IllegalStateException("numpy peer printed no result: " + out.strip());
  }
}
