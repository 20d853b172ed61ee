package org.glasslab.pipeline.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.glasslab.data.Trajectory;
import org.glasslab.data.io.Format;
import org.glasslab.data.io.RunDirectoryFormat;
import org.glasslab.pipeline.store.JsonFiles;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code glasslab info FILE}: what a trajectory file (or an MD run directory) holds, without
 * reading every frame. For a run directory it adds the completed blocks and the seed and parameters
 * recorded in {@code run.json}.
 */
@Command(
    name = "info",
    mixinStandardHelpOptions = true,
    description = {
      "Summarise a trajectory file: format, N, frames, box, density, diameters, steps and times.",
      "A run directory of glasslab simulate (DIR with run.json) is read as one trajectory; its"
          + " blocks, seed and parameters are shown too."
    })
public final class InfoCommand implements Callable<Integer> {
  @Parameters(
      index = "0",
      paramLabel = "FILE",
      description = "Trajectory or configuration file, or a run directory.")
  Path file;

  @Option(names = "--json", description = "Print JSON instead of text.")
  boolean json;

  @Mixin InputOptions input;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    Map<String, Object> info = new LinkedHashMap<>();
    Format format = input.format(file);
    try (Trajectory t = input.open(file)) {
      double[] d = t.diameters();
      double mean = 0;
      double min = Double.POSITIVE_INFINITY;
      double max = Double.NEGATIVE_INFINITY;
      for (double x : d) {
        mean += x;
        min = Math.min(min, x);
        max = Math.max(max, x);
      }
      mean /= d.length;
      double var = 0;
      for (double x : d) {
        var += (x - mean) * (x - mean);
      }
      double std = d.length > 1 ? Math.sqrt(var / (d.length - 1)) : 0;
      int nf = t.frameCount();
      info.put("file", file.toString());
      info.put("format", format.id());
      info.put("particles", t.particleCount());
      info.put("frames", nf);
      info.put("box", Map.of("lx", t.box().lx(), "ly", t.box().ly()));
      info.put("area", t.box().area());
      info.put("density", t.particleCount() / t.box().area());
      info.put(
          "diameter",
          Map.of("mean", mean, "std", std, "min", min, "max", max, "polydispersity", std / mean));
      info.put("first_step", t.step(0));
      info.put("last_step", t.step(nf - 1));
      info.put("first_time", t.time(0));
      info.put("last_time", t.time(nf - 1));
      info.put("velocities", t.frame(0).hasVelocities());
      info.put("observables", t.observables().keySet());
      info.put("potential", t.potential() == null ? "not recorded (read as wca)" : t.potential());
      if (format == Format.RUN_DIR) {
        RunDirectoryFormat.Index index = RunDirectoryFormat.readIndex(file);
        info.put("blocks", index.blocks().size());
        info.put("seed", index.provenance().get("seed"));
        info.put("parameters", index.provenance());
      }
    }
    var out = spec.commandLine().getOut();
    Map<String, Object> stable = new LinkedHashMap<>();
    info.forEach((k, v) -> stable.put(k, sorted(v)));
    if (json) {
      JsonFiles.print(out, stable);
    } else {
      print(out, stable, "");
      out.flush();
    }
    return 0;
  }

  /**
   * {@code v} with every nested map sorted by key and every set sorted, so that the output is the
   * same on every run (the summary's own keys keep their reading order).
   */
  static Object sorted(Object v) {
    if (v instanceof Map<?, ?> m) {
      Map<String, Object> t = new TreeMap<>();
      m.forEach((k, x) -> t.put(String.valueOf(k), sorted(x)));
      return t;
    }
    if (v instanceof Set<?> s) {
      List<String> l = new ArrayList<>();
      s.forEach(x -> l.add(String.valueOf(x)));
      Collections.sort(l);
      return l;
    }
    return v;
  }

  /** One {@code key value} line per entry; a nested map as indented lines, a list joined. */
  private static void print(PrintWriter out, Map<?, ?> m, String indent) {
    int w = indent.isEmpty() ? 12 : 26;
    for (Map.Entry<?, ?> e : m.entrySet()) {
      if (e.getValue() instanceof Map<?, ?> nested) {
        out.printf("%s%s%n", indent, e.getKey());
        print(out, nested, indent + "  ");
      } else if (e.getValue() instanceof List<?> l) {
        out.printf(
            "%s%-" + w + "s %s%n",
            indent,
            e.getKey(),
            String.join(", ", l.stream().map(String::valueOf).toList()));
      } else {
        out.printf("%s%-" + w + "s %s%n", indent, e.getKey(), e.getValue());
      }
    }
  }
}
