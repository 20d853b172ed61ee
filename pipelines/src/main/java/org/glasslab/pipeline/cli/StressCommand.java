package org.glasslab.pipeline.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.glasslab.analysis.mechanics.StressAnalysis;
import org.glasslab.analysis.mechanics.StressSeries;
import org.glasslab.data.Configuration;
import org.glasslab.data.Trajectory;
import org.glasslab.data.io.AtomicFile;
import org.glasslab.data.io.TrajectoryIO;
import org.glasslab.md.StressConvention;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code glasslab stress FILE}: the stress-tensor series of a trajectory (Jha &amp; Sengupta eqs
 * 3–5): per frame sigma_xx, sigma_yy, sigma_xy, sigma_yx, sigma_vol and the norm, with the kinetic
 * term rho T from the run temperature; optionally the per-particle stress of one frame.
 */
@Command(
    name = "stress",
    mixinStandardHelpOptions = true,
    description = {
      "Stress-tensor series of a trajectory (eqs 3-5): step,time,potential_energy,sxx,syy,sxy,"
          + "syx,s_vol,s_norm as CSV (stdout or --out)."
    })
public final class StressCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "FILE", description = "Trajectory file.")
  Path file;

  @Option(
      names = "--temperature",
      paramLabel = "T",
      required = true,
      description = "Run temperature T for the kinetic term rho*T (use 0 for inherent structures).")
  double temperature;

  @Option(
      names = "--convention",
      paramLabel = "C",
      defaultValue = "consistent",
      description =
          "Pair prefactor: consistent (1/A, thermodynamic; default) or paper-half (1/(2A) as"
              + " printed in eq. 3).")
  String convention;

  @Option(names = "--out", paramLabel = "CSV", description = "Write the series to this CSV file.")
  Path out;

  @Option(
      names = "--per-particle",
      paramLabel = "CSV",
      description =
          "Also write per-particle stress (sxx,syy,sxy; half virial per pair, area A/N) of"
              + " --frame to this CSV file.")
  Path perParticle;

  @Option(
      names = "--frame",
      paramLabel = "K",
      defaultValue = "-1",
      description = "Frame for --per-particle (negative counts from the end; default last).")
  int frame;

  @Option(names = "--json", description = "Print JSON (summary and series) instead of CSV.")
  boolean json;

  @Mixin InputOptions input;

  @Mixin PotentialOption potential;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    StressConvention conv =
        switch (convention.toLowerCase(Locale.ROOT)) {
          case "consistent" -> StressConvention.CONSISTENT;
          case "paper-half", "paper_half" -> StressConvention.PAPER_HALF;
          default ->
              throw new CommandLine.ParameterException(
                  spec.commandLine(),
                  "--convention must be consistent or paper-half, got '" + convention + "'");
        };
    if (!(temperature >= 0) || !Double.isFinite(temperature)) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--temperature must be finite and >= 0, got " + temperature);
    }
    long t0 = System.nanoTime();
    StressSeries series;
    try (Trajectory t = input.open(file)) {
      StressAnalysis sa = new StressAnalysis(potential.resolve(t, file), conv);
      series = StressSeries.of(t, sa, temperature);
      if (perParticle != null) {
        Configuration c = t.frame(TrajectoryIO.frameIndex(t, frame, file));
        double[] s = sa.perParticle(c, temperature, null);
        AtomicFile.write(
            perParticle,
            tmp -> {
              StringBuilder b = new StringBuilder("particle,sxx,syy,sxy\n");
              for (int i = 0; i < c.size(); i++) {
                b.append(i)
                    .append(',')
                    .append(s[3 * i])
                    .append(',')
                    .append(s[3 * i + 1])
                    .append(',')
                    .append(s[3 * i + 2])
                    .append('\n');
              }
              Files.writeString(tmp, b, StandardCharsets.UTF_8);
            });
      }
    }
    double seconds = (System.nanoTime() - t0) * 1e-9;
    if (out != null) {
      String csv = series.toCsv();
      AtomicFile.write(out, tmp -> Files.writeString(tmp, csv, StandardCharsets.UTF_8));
    }
    var err = spec.commandLine().getErr();
    err.printf(
        "glasslab stress: %d frame(s), convention %s, T = %s, %.2f s%n",
        series.size(), conv.name(), temperature, seconds);
    err.flush();
    var o = spec.commandLine().getOut();
    if (json) {
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("file", file.toString());
      r.put("frames", series.size());
      r.put("convention", conv.name());
      r.put("temperature", temperature);
      r.put("series", series);
      if (out != null) {
        r.put("out", out.toString());
      }
      Json.print(o, r);
    } else if (out == null) {
      o.print(series.toCsv());
      o.flush();
    }
    return 0;
  }
}
