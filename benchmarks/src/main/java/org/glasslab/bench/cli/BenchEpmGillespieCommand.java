package org.glasslab.bench.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.commons.math3.stat.descriptive.rank.Median;
import org.glasslab.bench.peer.PeerProcess;
import org.glasslab.epm.meanfield.BaronBiroliModel;
import org.glasslab.epm.meanfield.GillespieState;
import org.glasslab.epm.meanfield.MeanFieldSimulation;
import org.glasslab.pipeline.cli.Json;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code glasslab bench epm-gillespie}: microseconds per event of GlassLab's two mean-field
 * Gillespie engines (Baron &amp; Biroli App. E), each next to a vectorised numpy implementation of
 * the same algorithm, on the same parameters in the same invocation, interleaved over repeats;
 * medians and ratios.
 */
@Command(
    name = "epm-gillespie",
    mixinStandardHelpOptions = true,
    description = {
      "Mean-field Gillespie: us/event of GlassLab's engines (direct = App. E with all N rates"
          + " per event; lazy = the same process by uniformisation with lazily summed kicks),"
          + " each against a vectorised numpy implementation of the same algorithm, same"
          + " parameters, same run. Prints medians over repeats and the ratios numpy/GlassLab."
    })
public final class BenchEpmGillespieCommand implements Callable<Integer> {
  private static final String SCRIPT = "epm_gillespie_numpy.py";

  @Option(names = "--n", defaultValue = "1000", description = "Sites N (default 1000).")
  int n;

  @Option(
      names = {"--temperature", "-T"},
      defaultValue = "0.5",
      description = "Temperature (default 0.5).")
  double temperature;

  @Option(names = "--alpha", defaultValue = "0.11", description = "Coupling (default 0.11).")
  double alpha;

  @Option(
      names = "--events",
      defaultValue = "20000",
      description = "Timed events, GlassLab direct (default 20000).")
  long events;

  @Option(
      names = "--lazy-events",
      defaultValue = "2000000",
      description = "Timed events, GlassLab lazy (default 2e6).")
  long lazyEvents;

  @Option(
      names = "--numpy-events",
      defaultValue = "5000",
      description = "Timed events, each numpy peer (default 5000).")
  long numpyEvents;

  @Option(names = "--repeats", defaultValue = "3", description = "Repeats (default 3).")
  int repeats;

  @Option(names = "--seed", defaultValue = "1", description = "Seed (default 1).")
  long seed;

  @Option(
      names = "--python",
      defaultValue = "/usr/bin/python3",
      description = "Python with numpy (default /usr/bin/python3).")
  String python;

  @Option(names = "--json", description = "Print JSON instead of text.")
  boolean json;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    CommandLine cl = spec.commandLine();
    if (n < 2 || events < 1 || lazyEvents < 1 || numpyEvents < 1 || repeats < 1) {
      throw new CommandLine.ParameterException(
          cl, "need --n >= 2 and positive --events, --lazy-events, --numpy-events, --repeats");
    }
    BaronBiroliModel model = new BaronBiroliModel(alpha, 1.5);
    double[] direct = new double[repeats];
    double[] lazy = new double[repeats];
    double[] numpy = new double[repeats];
    double[] numpyLazy = new double[repeats];
    double[][] numpyGamma = new double[2][repeats];
    String numpyVersion = "?";
    try (PeerProcess.Scratch scratch = PeerProcess.Scratch.create("glasslab-epm-gillespie-")) {
      Path script = PeerProcess.script(SCRIPT, scratch.dir());
      // JIT warm-up of both engines before the first timed repeat.
      time(model, GillespieState.Engine.DIRECT, Math.max(2000, events / 5), seed + 999);
      time(model, GillespieState.Engine.LAZY, Math.max(100_000, lazyEvents / 5), seed + 999);
      for (int r = 0; r < repeats; r++) {
        JsonNode py = runNumpy(script, seed + r, "direct");
        numpy[r] = py.get("us_per_event").asDouble();
        numpyVersion = py.get("numpy").asText();
        numpyGamma[0][r] = py.get("gamma").asDouble();
        JsonNode pyLazy = runNumpy(script, seed + r, "lazy");
        numpyLazy[r] = pyLazy.get("us_per_event").asDouble();
        numpyGamma[1][r] = pyLazy.get("gamma").asDouble();
        direct[r] = time(model, GillespieState.Engine.DIRECT, events, seed + r);
        lazy[r] = time(model, GillespieState.Engine.LAZY, lazyEvents, seed + r);
        System.err.printf(
            Locale.ROOT,
            "repeat %d: numpy direct %.2f us/event, lazy %.2f; GlassLab direct %.3f, lazy %.4f%n",
            r + 1,
            numpy[r],
            numpyLazy[r],
            direct[r],
            lazy[r]);
      }
    }
    double mNumpy = new Median().evaluate(numpy);
    double mNumpyLazy = new Median().evaluate(numpyLazy);
    double mDirect = new Median().evaluate(direct);
    double mLazy = new Median().evaluate(lazy);
    Map<String, Object> res = new LinkedHashMap<>();
    res.put("n", n);
    res.put("temperature", temperature);
    res.put("alpha", alpha);
    res.put("repeats", repeats);
    res.put("numpy_version", numpyVersion);
    res.put("numpy_direct_us_per_event", mNumpy);
    res.put("numpy_lazy_us_per_event", mNumpyLazy);
    res.put("glasslab_direct_us_per_event", mDirect);
    res.put("glasslab_lazy_us_per_event", mLazy);
    res.put("speedup_direct_vs_numpy", mNumpy / mDirect);
    res.put("speedup_lazy_vs_numpy_lazy", mNumpyLazy / mLazy);
    res.put("speedup_lazy_vs_numpy_direct", mNumpy / mLazy);
    // activity of the peers' timed windows: a check that they simulate the right process
    res.put("numpy_direct_gamma", new Median().evaluate(numpyGamma[0]));
    res.put("numpy_lazy_gamma", new Median().evaluate(numpyGamma[1]));
    res.put("numpy_direct_all", numpy);
    res.put("numpy_lazy_all", numpyLazy);
    res.put("direct_all", direct);
    res.put("lazy_all", lazy);
    var w = cl.getOut();
    if (json) {
      Json.print(w, res);
      return 0;
    }
    w.printf(
        Locale.ROOT,
        "mean-field Gillespie, N = %d, T = %g, alpha = %g, median of %d%n",
        n,
        temperature,
        alpha,
        repeats);
    w.printf(Locale.ROOT, "numpy %-8s direct   %10.3f us/event%n", numpyVersion, mNumpy);
    w.printf(Locale.ROOT, "numpy %-8s lazy     %10.3f us/event%n", numpyVersion, mNumpyLazy);
    w.printf(
        Locale.ROOT,
        "GlassLab direct         %10.3f us/event   same algorithm: numpy/GlassLab = %.1fx%n",
        mDirect,
        mNumpy / mDirect);
    w.printf(
        Locale.ROOT,
        "GlassLab lazy           %10.4f us/event   same algorithm: numpy/GlassLab = %.0fx"
            + "   (numpy direct/GlassLab lazy = %.0fx)%n",
        mLazy,
        mNumpyLazy / mLazy,
        mNumpy / mLazy);
    w.flush();
    return 0;
  }

  private double time(BaronBiroliModel model, GillespieState.Engine e, long count, long s) {
    MeanFieldSimulation sim = MeanFieldSimulation.create(e, model, temperature, n, s);
    sim.advance(Math.max(1, count / 10));
    long t0 = System.nanoTime();
    sim.advance(count);
    return (System.nanoTime() - t0) / 1e3 / count;
  }

  private JsonNode runNumpy(Path script, long s, String engine)
      throws IOException, InterruptedException {
    List<String> cmd =
        List.of(
            python,
            script.toString(),
            Integer.toString(n),
            Double.toString(temperature),
            Double.toString(alpha),
            Long.toString(Math.max(1, numpyEvents / 10)),
            Long.toString(numpyEvents),
            Long.toString(s),
            engine);
    String out =
        PeerProcess.of("numpy peer", cmd)
            .echoStderr(System.err)
            .installHint("give --python a python3 with numpy")
            .run()
            .stdout();
    return Json.mapper().readTree(out);
  }
}
