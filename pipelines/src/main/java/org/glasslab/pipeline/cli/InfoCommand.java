package org.glasslab.pipeline.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.glasslab.data.Trajectory;
import org.glasslab.data.io.Format;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code glasslab info FILE}: what a trajectory file holds, without reading every frame. */
@Command(
    name = "info",
    mixinStandardHelpOptions = true,
    description = {
      "Summarise a trajectory file: format, N, frames, box, density, diameters, steps and times."
    })
public final class InfoCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "FILE", description = "Trajectory or configuration file.")
  Path file;

  @Option(names = "--json", description = "Print JSON instead of text.")
  boolean json;

  @Mixin InputOptions input;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    Map<String, Object> info = new LinkedHashMap<>();
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
      info.put("format", (input.from == null ? Format.of(file) : Format.parse(input.from)).id());
      info.put("particles", t.particleCount());
      info.put("frames", nf);
      info.put("box", Map.of("lx", t.box().lx(), "ly", t.box().ly()));
      info.put("area", t.box().area());
      info.put("density", t.particleCount() / t.box().area());
      info.put(
          "diameter",
          new LinkedHashMap<>(Map.of("mean", mean, "std", std, "min", min, "max", max)));
      ((Map<String, Object>) info.get("diameter")).put("polydispersity", std / mean);
      info.put("first_step", t.step(0));
      info.put("last_step", t.step(nf - 1));
      info.put("first_time", t.time(0));
      info.put("last_time", t.time(nf - 1));
      info.put("velocities", t.frame(0).hasVelocities());
      info.put("observables", t.observables().keySet());
    }
    var out = spec.commandLine().getOut();
    if (json) {
      Json.print(out, info);
    } else {
      for (Map.Entry<String, Object> e : info.entrySet()) {
        out.printf("%-12s %s%n", e.getKey(), e.getValue());
      }
      out.flush();
    }
    return 0;
  }
}
