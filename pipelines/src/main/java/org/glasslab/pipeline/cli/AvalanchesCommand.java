package org.glasslab.pipeline.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.glasslab.analysis.dynamics.AvalancheDetector;
import org.glasslab.analysis.dynamics.MeanSquareDisplacement;
import org.glasslab.data.Trajectory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code glasslab avalanches TRAJ}: frames where the MSD jumps between plateaus. */
@Command(
    name = "avalanches",
    mixinStandardHelpOptions = true,
    description = {
      "Detect avalanches as jumps of the first-frame MSD between plateaus: a local change-point t-test (level + linear trend + step, jump in units of its standard error) over a window of frames on each side, with Bonferroni-corrected confidence. For an inherent-structure trajectory (noise-free) set --min-jump."
    })
public final class AvalanchesCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "TRAJ", description = "Trajectory file (MD or IS).")
  Path file;

  @Option(
      names = "--window",
      paramLabel = "W",
      defaultValue = "20",
      description = "Frames on each side of a candidate (default ${DEFAULT-VALUE}).")
  int window;

  @Option(
      names = "--threshold",
      paramLabel = "T",
      defaultValue = "5",
      description = "Smallest |jump / standard error| (default ${DEFAULT-VALUE}).")
  double threshold;

  @Option(
      names = "--min-jump",
      paramLabel = "J",
      defaultValue = "0",
      description = "Smallest MSD jump [diameters^2] (default ${DEFAULT-VALUE}: off).")
  double minJump;

  @Option(
      names = "--direction",
      paramLabel = "DIR",
      defaultValue = "up",
      description = "up, down or both (default ${DEFAULT-VALUE}).")
  String direction;

  @Option(
      names = "--max-transition",
      paramLabel = "G",
      defaultValue = "8",
      description = "Longest transition between plateaus in frames (default ${DEFAULT-VALUE}).")
  int maxTransition;

  @Option(names = "--no-detrend", description = "Fit plateaus without a linear trend.")
  boolean noDetrend;

  @Option(names = "--json", description = "Events, the MSD series and parameters as JSON.")
  boolean json;

  @Mixin InputOptions input;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    AvalancheDetector.Options opts;
    try {
      AvalancheDetector.Direction dir =
          AvalancheDetector.Direction.valueOf(direction.toUpperCase(Locale.ROOT));
      opts =
          AvalancheDetector.Options.builder()
              .window(window)
              .threshold(threshold)
              .minJump(minJump)
              .direction(dir)
              .detrend(!noDetrend)
              .maxTransition(maxTransition)
              .build();
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    MeanSquareDisplacement.Result msd;
    try (Trajectory t = input.open(file)) {
      msd = new MeanSquareDisplacement().compute(t);
    }
    AvalancheDetector.Result r = new AvalancheDetector(opts).detect(msd.msd());
    var o = spec.commandLine().getOut();
    List<Map<String, Object>> events = new ArrayList<>();
    for (AvalancheDetector.Event e : r.events()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("frame", e.frame());
      m.put("transition_start", e.transitionStart());
      m.put("transition_end", e.transitionEnd());
      m.put("step", msd.steps()[e.frame()]);
      m.put("time", msd.times()[e.frame()]);
      m.put("jump", e.jump());
      m.put("robust_jump", e.robustJump());
      m.put("level_before", e.levelBefore());
      m.put("noise", e.noise());
      m.put("statistic", e.statistic());
      m.put("confidence", e.confidence());
      events.add(m);
    }
    if (json) {
      Map<String, Object> report = new LinkedHashMap<>();
      report.put("command", "avalanches");
      report.put("parameters", parameters(opts));
      report.put("signal", "msd from first frame");
      report.put("candidates", r.candidates());
      report.put("events", events);
      report.put("msd", msd.msd());
      Json.print(o, report);
    } else {
      o.printf("# %s: %d frame(s), %d event(s)%n", file, msd.msd().length, events.size());
      o.println("frame,step,time,jump,statistic,confidence");
      for (AvalancheDetector.Event e : r.events()) {
        o.printf(
            Locale.ROOT,
            "%d,%d,%s,%.6g,%.4g,%.6f%n",
            e.frame(),
            msd.steps()[e.frame()],
            msd.times()[e.frame()],
            e.jump(),
            e.statistic(),
            e.confidence());
      }
      o.flush();
    }
    return 0;
  }

  static Map<String, Object> parameters(AvalancheDetector.Options o) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("window", o.window());
    p.put("min_window", o.minWindow());
    p.put("threshold", o.threshold());
    p.put("detrend", o.detrend());
    p.put("skip_frames", o.skipFrames());
    p.put("min_separation", o.minSeparation());
    p.put("direction", o.direction().name().toLowerCase(Locale.ROOT));
    p.put("min_relative_jump", o.minRelativeJump());
    p.put("min_jump", o.minJump());
    p.put("persistence", o.persistence());
    p.put("max_transition", o.maxTransition());
    return p;
  }
}
