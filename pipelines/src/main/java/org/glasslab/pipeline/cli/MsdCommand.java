package org.glasslab.pipeline.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.glasslab.analysis.dynamics.MeanSquareDisplacement;
import org.glasslab.data.Trajectory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code glasslab msd TRAJ}: mean-square displacement from unwrapped positions. */
@Command(
    name = "msd",
    mixinStandardHelpOptions = true,
    description = {
      "Mean-square displacement from unwrapped positions: from the first frame (default) or, with --windowed, averaged over time origins and grouped by exact step lag. On an inherent-structure trajectory the first-frame MSD is the mean |u_IS(j)|^2 of eq 12."
    })
public final class MsdCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "TRAJ", description = "Trajectory file.")
  Path file;

  @Option(names = "--windowed", description = "Average over time origins (by step lag).")
  boolean windowed;

  @Option(
      names = "--origin-stride",
      paramLabel = "S",
      defaultValue = "1",
      description = "With --windowed: every S-th frame is an origin (default ${DEFAULT-VALUE}).")
  int originStride;

  @Option(names = "--json", description = "Series and parameters as JSON.")
  boolean json;

  @Mixin InputOptions input;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (originStride < 1) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--origin-stride must be >= 1, got " + originStride);
    }
    MeanSquareDisplacement msd = new MeanSquareDisplacement(originStride);
    var o = spec.commandLine().getOut();
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("command", "msd");
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("file", file.toString());
    params.put("mode", windowed ? "windowed" : "first-frame");
    try (Trajectory t = input.open(file)) {
      params.put("frames", t.frameCount());
      params.put("particles", t.particleCount());
      if (windowed) {
        params.put("origin_stride", originStride);
        MeanSquareDisplacement.WindowedResult r = msd.computeWindowed(t);
        report.put("parameters", params);
        report.put("lag_steps", r.lagSteps());
        report.put("lag_times", r.lagTimes());
        report.put("msd", r.msd());
        report.put("pairs", r.pairs());
        if (json) {
          Json.print(o, report);
        } else {
          o.println("lag_step,lag_time,msd,pairs");
          for (int k = 0; k < r.msd().length; k++) {
            o.println(
                r.lagSteps()[k] + "," + r.lagTimes()[k] + "," + r.msd()[k] + "," + r.pairs()[k]);
          }
        }
      } else {
        MeanSquareDisplacement.Result r = msd.compute(t);
        report.put("parameters", params);
        report.put("frames", r.frames());
        report.put("steps", r.steps());
        report.put("times", r.times());
        report.put("msd", r.msd());
        if (json) {
          Json.print(o, report);
        } else {
          o.println("frame,step,time,msd");
          for (int k = 0; k < r.msd().length; k++) {
            o.println(k + "," + r.steps()[k] + "," + r.times()[k] + "," + r.msd()[k]);
          }
        }
      }
    }
    o.flush();
    return 0;
  }
}
