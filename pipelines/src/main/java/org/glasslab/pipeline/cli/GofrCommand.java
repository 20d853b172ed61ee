package org.glasslab.pipeline.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.glasslab.analysis.structure.GofrLandmarks;
import org.glasslab.analysis.structure.RadialDistribution;
import org.glasslab.data.Configuration;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code glasslab gofr FILE}: radial distribution function of one frame and its landmarks. */
@Command(
    name = "gofr",
    mixinStandardHelpOptions = true,
    description = {
      "Radial distribution function g(r) of one frame (all particles, periodic, 2D normalisation with (N-1)/A), with its first peak and minima (smoothed, zig-zag rule)."
    })
public final class GofrCommand implements Callable<Integer> {
  @Mixin FrameInput in;

  @Option(
      names = "--rmax",
      paramLabel = "R",
      description = "Largest distance [diameters] (default: min(5, just below half the box)).")
  Double rmax;

  @Option(
      names = "--dr",
      paramLabel = "DR",
      defaultValue = "0.02",
      description = "Bin width [diameters] (default ${DEFAULT-VALUE}).")
  double dr;

  @Option(names = "--json", description = "g(r), landmarks and parameters as JSON.")
  boolean json;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    RadialDistribution.Options opts;
    try {
      opts = new RadialDistribution.Options(rmax == null ? Double.NaN : rmax, dr);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    Configuration c = in.read();
    Path file = in.file;
    int frame = in.frame;
    RadialDistribution.Result r = new RadialDistribution(opts).compute(c);
    GofrLandmarks lm = r.landmarks();
    var o = spec.commandLine().getOut();
    if (json) {
      Map<String, Object> report = new LinkedHashMap<>();
      report.put("command", "gofr");
      Map<String, Object> params = new LinkedHashMap<>();
      params.put("file", file.toString());
      params.put("frame", frame);
      params.put("rmax", r.rMax());
      params.put("bin_width", r.binWidth());
      params.put("particles", r.particles());
      params.put("density", r.density());
      params.put("landmark_smoothing", lm.options().smoothing());
      params.put("landmark_prominence", lm.options().prominence());
      report.put("parameters", params);
      Map<String, Object> marks = new LinkedHashMap<>();
      marks.put("first_peak", nullIfNaN(lm.firstPeak()));
      marks.put("first_minimum", nullIfNaN(lm.firstMinimum()));
      marks.put("second_minimum", nullIfNaN(lm.secondMinimum()));
      marks.put("peaks_r", lm.peakR());
      marks.put("peaks_g", lm.peakG());
      marks.put("minima_r", lm.minR());
      marks.put("minima_g", lm.minG());
      report.put("landmarks", marks);
      report.put("r", r.r());
      report.put("g", r.g());
      Json.print(o, report);
    } else {
      o.printf(
          Locale.ROOT,
          "# g(r) of %s[%d]: N = %d, density %.6g; first peak %.4f, minima %s%n",
          file,
          frame,
          r.particles(),
          r.density(),
          lm.firstPeak(),
          java.util.Arrays.toString(lm.minR()));
      o.println("r,g");
      double[] rr = r.r();
      double[] gg = r.g();
      for (int k = 0; k < rr.length; k++) {
        o.println(rr[k] + "," + gg[k]);
      }
      o.flush();
    }
    return 0;
  }

  private static Double nullIfNaN(double v) {
    return Double.isNaN(v) ? null : v;
  }
}
