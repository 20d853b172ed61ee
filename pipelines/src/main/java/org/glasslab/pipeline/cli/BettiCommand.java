package org.glasslab.pipeline.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import org.glasslab.data.Configuration;
import org.glasslab.data.Trajectory;
import org.glasslab.data.io.AtomicFile;
import org.glasslab.data.io.TrajectoryIO;
import org.glasslab.topology.Barcode;
import org.glasslab.topology.BettiSeries;
import org.glasslab.topology.DistancePrecision;
import org.glasslab.topology.PersistenceResult;
import org.glasslab.topology.RipsMetric;
import org.glasslab.topology.RipsOptions;
import org.glasslab.topology.RipsPersistence;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code glasslab betti FILE}: Vietoris–Rips persistence (H0, H1) of one frame and the paper's
 * beta_1 (Jha &amp; Sengupta, Appendix B).
 */
@Command(
    name = "betti",
    mixinStandardHelpOptions = true,
    description = {
      "Persistent homology (H0, H1) of the Vietoris-Rips filtration of one frame's particle"
          + " positions up to a threshold alpha, and the paper's beta_1: the number of H1 classes"
          + " born at a scale <= alpha (each counted once, even if it dies before alpha)."
    })
public final class BettiCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "FILE", description = "Trajectory or configuration file.")
  Path file;

  @Option(
      names = "--frame",
      paramLabel = "K",
      description = "Frame to analyse (negative counts from the end; default 0).")
  Integer frame;

  @Option(
      names = "--all-frames",
      description =
          "beta_1 of every frame instead: prints frame,step,time,beta1 (CSV, or JSON with --json);"
              + " progress on stderr.")
  boolean allFrames;

  @Option(
      names = "--alpha",
      paramLabel = "A|paper",
      defaultValue = "paper",
      description =
          "Filtration threshold [length], or 'paper' for 3 (sigma_max1 + sigma_max2) from the two"
              + " largest diameters (default ${DEFAULT-VALUE}).")
  String alpha;

  @Option(
      names = "--periodic",
      description =
          "Minimum-image distances (torus); adds the torus's two wrap-around loops. Default:"
              + " Euclidean distances of the wrapped coordinates, as in the paper.")
  boolean periodic;

  @Option(
      names = "--precision",
      paramLabel = "P",
      defaultValue = "double",
      description =
          "Distance arithmetic: double, or float32 for ripser's exact arithmetic (default"
              + " ${DEFAULT-VALUE}).")
  String precision;

  @Option(
      names = "--persistence",
      paramLabel = "P1,P2,..",
      split = ",",
      defaultValue = "0.1,0.5,1",
      description = "Report the number of H1 bars with persistence >= each value [length].")
  double[] persistence;

  @Option(
      names = "--barcode",
      paramLabel = "OUT.csv",
      description = "Write all bars as CSV (dim,birth,death; death 'inf' if alive at alpha).")
  Path barcode;

  @Option(names = "--json", description = "Print JSON instead of text.")
  boolean json;

  @Mixin InputOptions input;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (allFrames) {
      if (frame != null || barcode != null) {
        throw new CommandLine.ParameterException(
            spec.commandLine(), "--all-frames cannot be combined with --frame or --barcode");
      }
      return series();
    }
    int k = frame == null ? 0 : frame;
    Configuration c;
    try (Trajectory t = input.open(file)) {
      c = t.frame(TrajectoryIO.frameIndex(t, k, file));
    }
    double a = resolveAlpha(spec, alpha, c.diameters());
    RipsOptions o = options(spec, a, periodic, precision);
    if (periodic && 2 * a >= Math.min(c.box().lx(), c.box().ly())) {
      spec.commandLine()
          .getErr()
          .printf(
              "glasslab betti: note: alpha %.4g is at least half the box; periodic images of a"
                  + " pair are not separate edges (minimum image only)%n",
              a);
    }
    PersistenceResult r = RipsPersistence.compute(c, o);
    if (barcode != null) {
      writeBarcode(barcode, r);
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("file", file.toString());
    m.put("frame", k);
    m.put("step", c.step());
    m.putAll(summary(r));
    m.put("alpha_source", alpha.equals("paper") ? "paper: 3 (sigma_max1 + sigma_max2)" : "given");
    print(spec.commandLine().getOut(), m, json);
    return 0;
  }

  /** Prints a summary as JSON or as aligned {@code key value} lines (arrays in brackets). */
  public static void print(java.io.PrintWriter out, Map<String, Object> m, boolean json) {
    if (json) {
      Json.print(out, m);
      return;
    }
    for (Map.Entry<String, Object> e : m.entrySet()) {
      Object v = e.getValue() instanceof double[] x ? java.util.Arrays.toString(x) : e.getValue();
      out.printf("%-30s %s%n", e.getKey(), v);
    }
    out.flush();
  }

  /** beta_1 along the whole trajectory (one frame in memory at a time). */
  private int series() throws Exception {
    var err = spec.commandLine().getErr();
    var out = spec.commandLine().getOut();
    try (Trajectory t = input.open(file)) {
      double a = resolveAlpha(spec, alpha, t.diameters());
      RipsOptions o = options(spec, a, periodic, precision);
      int nf = t.frameCount();
      int[] b;
      try (ProgressBar pb =
          new ProgressBarBuilder()
              .setTaskName("beta1")
              .setInitialMax(nf)
              .setConsumer(
                  new DelegatingProgressBarConsumer(
                      line -> {
                        err.print("\r" + line);
                        err.flush();
                      }))
              .build()) {
        b = BettiSeries.betti1(t, o, f -> pb.step());
      }
      err.println();
      if (json) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int f = 0; f < nf; f++) {
          Map<String, Object> row = new LinkedHashMap<>();
          row.put("frame", f);
          row.put("step", t.step(f));
          row.put("time", t.time(f));
          row.put("beta1", b[f]);
          rows.add(row);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", file.toString());
        m.put("alpha", a);
        m.put("metric", periodic ? "periodic" : "euclidean");
        m.put("precision", precision);
        m.put("frames", rows);
        Json.print(out, m);
      } else {
        out.println("frame,step,time,beta1");
        for (int f = 0; f < nf; f++) {
          out.println(f + "," + t.step(f) + "," + t.time(f) + "," + b[f]);
        }
        out.flush();
      }
    }
    return 0;
  }

  /** Parses {@code --alpha}: a non-negative number or "paper". */
  public static double resolveAlpha(
      CommandLine.Model.CommandSpec spec, String s, double[] diameters) {
    if (s.equals("paper")) {
      return RipsOptions.paperAlpha(diameters);
    }
    double a;
    try {
      a = Double.parseDouble(s);
    } catch (NumberFormatException e) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--alpha must be a number or 'paper', got '" + s + "'");
    }
    if (!(a >= 0) || !Double.isFinite(a)) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--alpha must be finite and >= 0, got " + s);
    }
    return a;
  }

  /** Options from the CLI flags. */
  static RipsOptions options(
      CommandLine.Model.CommandSpec spec, double a, boolean periodic, String precision) {
    RipsOptions o = periodic ? RipsOptions.periodic(a) : RipsOptions.euclidean(a);
    return switch (precision) {
      case "double" -> o;
      case "float32" -> o.withPrecision(DistancePrecision.FLOAT32);
      default ->
          throw new CommandLine.ParameterException(
              spec.commandLine(), "--precision must be double or float32, got '" + precision + "'");
    };
  }

  private Map<String, Object> summary(PersistenceResult r) {
    Map<String, Object> m = new LinkedHashMap<>();
    RipsOptions o = r.options();
    m.put("beta1", r.betti1());
    m.put("alpha", o.threshold());
    m.put("metric", o.metric() == RipsMetric.PERIODIC ? "periodic" : "euclidean");
    m.put("precision", o.precision() == DistancePrecision.FLOAT32 ? "float32" : "double");
    m.put("h0_bars", r.h0().size());
    m.put("h0_essential", r.h0().essentialCount());
    m.put("h1_bars", r.h1().size());
    m.put("h1_essential", r.h1().essentialCount());
    Map<String, Integer> byP = new LinkedHashMap<>();
    for (double p : persistence) {
      byP.put(Double.toString(p), r.h1().countPersistenceAtLeast(p));
    }
    m.put("h1_persistence_at_least", byP);
    m.put("vertices", r.vertexCount());
    m.put("edges", r.edgeCount());
    m.put("triangles", r.triangleCount());
    m.put("time_s", Math.round(r.stats().seconds() * 1e4) / 1e4);
    return m;
  }

  /** Writes {@code dim,birth,death} rows for H0 then H1, atomically. */
  static void writeBarcode(Path out, PersistenceResult r) throws IOException {
    AtomicFile.write(
        out,
        tmp -> {
          try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            w.write("dim,birth,death\n");
            List<Barcode> bars = new ArrayList<>(List.of(r.h0(), r.h1()));
            for (Barcode b : bars) {
              for (int i = 0; i < b.size(); i++) {
                double d = b.death(i);
                w.write(
                    b.dimension()
                        + ","
                        + b.birth(i)
                        + ","
                        + (Double.isInfinite(d) ? "inf" : Double.toString(d))
                        + "\n");
              }
            }
          }
        });
  }
}
