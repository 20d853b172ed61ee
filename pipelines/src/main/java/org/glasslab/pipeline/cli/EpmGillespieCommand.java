package org.glasslab.pipeline.cli;

import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import org.glasslab.data.io.AtomicFile;
import org.glasslab.epm.meanfield.BaronBiroliModel;
import org.glasslab.epm.meanfield.FokkerPlanckSolver;
import org.glasslab.epm.meanfield.GillespieMeasurement;
import org.glasslab.epm.meanfield.GillespieOptions;
import org.glasslab.epm.meanfield.GillespieState;
import org.glasslab.epm.meanfield.MeanFieldSimulation;
import org.glasslab.epm.meanfield.RateLaw;
import org.glasslab.epm.meanfield.StationarySolution;
import org.glasslab.pipeline.store.JsonFiles;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code glasslab epm gillespie}: exact continuous-time simulation of the mean-field dynamics
 * (Baron &amp; Biroli App. E) over several seeds; stationary Γ and P(σ) with error bars, compared
 * with the Fokker–Planck solution.
 */
@Command(
    name = "gillespie",
    mixinStandardHelpOptions = true,
    description = {
      "Gillespie simulation of the Baron-Biroli mean-field dynamics: N sites, rate nu(sigma) of"
          + " eq 3, redraw from y(sigma), Gaussian kicks N(0, 2 alpha/N) to all other sites.",
      "Reports the stationary activity Gamma and the time-weighted P(sigma) with standard errors"
          + " over seeds, and their distance to the Fokker-Planck solution (eq 8)."
    })
public final class EpmGillespieCommand implements Callable<Integer> {
  @Option(names = "--n", defaultValue = "4000", description = "Number of sites N (default 4000).")
  int n;

  @Option(
      names = {"--temperature", "-T"},
      required = true,
      description = "Temperature T > 0.")
  double temperature;

  @Option(names = "--events", required = true, description = "Measured events per seed.")
  long events;

  @Option(names = "--burn-in", description = "Events discarded first (default: events/4).")
  Long burnIn;

  @Option(names = "--seed", defaultValue = "1", description = "First seed (default 1).")
  long seed;

  @Option(
      names = "--seeds",
      defaultValue = "4",
      description = "Independent runs seed, seed+1, ... for error bars (default 4, >= 2).")
  int seeds;

  @Option(
      names = "--engine",
      defaultValue = "lazy",
      description =
          "lazy: uniformisation with lazily summed kicks, O(1/Gamma) per event; direct: App. E"
              + " with all N rates per event, Theta(N), faster only below T ~ 0.03 (default"
              + " lazy). Both are exact and simulate the same process.")
  String engine;

  @Option(names = "--alpha", defaultValue = "0.11", description = "Coupling alpha (default 0.11).")
  double alpha;

  @Option(names = "--bins", defaultValue = "60", description = "Histogram bins (default 60).")
  int bins;

  @Option(
      names = "--sigma-max",
      defaultValue = "1.5",
      description = "Histogram range [-max, max] (default 1.5).")
  double sigmaMax;

  @Option(names = "--sample-every", description = "Events between histogram samples (default N).")
  Long sampleEvery;

  @Option(names = "--out", description = "Write the histogram with errors and theory as CSV.")
  Path out;

  @Option(
      names = "--save-state",
      description = "After the run, simulate seed S again and save its full state (RNG included).")
  Path saveState;

  @Option(names = "--json", description = "Print JSON instead of text.")
  boolean json;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    CommandLine cl = spec.commandLine();
    GillespieState.Engine eng =
        switch (engine.toLowerCase(Locale.ROOT)) {
          case "direct" -> GillespieState.Engine.DIRECT;
          case "lazy" -> GillespieState.Engine.LAZY;
          default ->
              throw new CommandLine.ParameterException(
                  cl, "--engine must be direct or lazy, got '" + engine + "'");
        };
    if (seeds < 2) {
      throw new CommandLine.ParameterException(cl, "--seeds must be >= 2 for error bars");
    }
    long burn = burnIn == null ? events / 4 : burnIn;
    GillespieOptions o;
    BaronBiroliModel model;
    try {
      model = new BaronBiroliModel(alpha, 1.5);
      o =
          new GillespieOptions(
              eng,
              n,
              temperature,
              burn,
              events,
              sampleEvery == null ? n : sampleEvery,
              bins,
              sigmaMax);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(cl, e.getMessage());
    }
    long total = seeds * (burn + events);
    long t0 = System.nanoTime();
    GillespieMeasurement.Ensemble ens;
    try (ProgressBar pb =
        new ProgressBarBuilder()
            .setTaskName("gillespie")
            .setInitialMax(total)
            .setConsumer(new ConsoleProgressBarConsumer(System.err, 100))
            .setUpdateIntervalMillis(500)
            .build()) {
      ens = GillespieMeasurement.ensemble(model, o, seed, seeds, pb::stepTo);
    }
    double wall = (System.nanoTime() - t0) / 1e9;
    StationarySolution theory = FokkerPlanckSolver.solve(model, RateLaw.EXACT, temperature, 1e-8);
    GillespieMeasurement.Comparison c = GillespieMeasurement.compare(ens, theory);
    if (saveState != null) {
      MeanFieldSimulation sim = MeanFieldSimulation.create(eng, model, temperature, n, seed);
      sim.advance(burn + events);
      sim.state().write(saveState);
    }
    if (out != null) {
      writeCsv(out, o, ens, theory);
    }
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("engine", eng.name().toLowerCase(Locale.ROOT));
    r.put("n", n);
    r.put("temperature", temperature);
    r.put("alpha", alpha);
    r.put("burn_in_events", burn);
    r.put("events", events);
    r.put("seed", seed);
    r.put("seeds", seeds);
    r.put("gamma", ens.gamma());
    r.put("gamma_error", ens.gammaError());
    List<Double> perSeed = new ArrayList<>();
    for (GillespieMeasurement.Run run : ens.runs()) {
      perSeed.add(run.gamma());
    }
    r.put("gamma_per_seed", perSeed);
    r.put("diffusion", alpha * ens.gamma());
    r.put("gamma_theory", theory.gamma());
    r.put("gamma_relative_difference", c.gammaRelative());
    r.put("gamma_z", c.gammaZ());
    r.put("histogram_l1", c.l1());
    r.put("histogram_l1_noise_floor", c.l1NoiseFloor());
    r.put("histogram_chi2", c.chi2());
    r.put("histogram_bins", c.dof());
    r.put("wall_seconds", wall);
    r.put("us_per_event", wall * 1e6 / total);
    if (out != null) {
      r.put("histogram_file", out.toString());
    }
    if (saveState != null) {
      r.put("state_file", saveState.toString());
    }
    var w = cl.getOut();
    if (json) {
      JsonFiles.print(w, r);
      return 0;
    }
    w.printf(
        Locale.ROOT,
        "engine           %s, N = %d, T = %g, alpha = %g%n",
        r.get("engine"),
        n,
        temperature,
        alpha);
    w.printf(
        Locale.ROOT,
        "events           %d burn-in + %d measured, x %d seeds from %d%n",
        burn,
        events,
        seeds,
        seed);
    w.printf(
        Locale.ROOT,
        "Gamma            %.6f +- %.6f (s.e. over seeds)%n",
        ens.gamma(),
        ens.gammaError());
    w.printf(
        Locale.ROOT,
        "Gamma (FP eq 8)  %.6f   rel. diff %+.4f, %.2f s.e.%n",
        theory.gamma(),
        c.gammaRelative(),
        c.gammaZ());
    w.printf(
        Locale.ROOT,
        "P(sigma) L1      %.5f   (noise floor %.5f; chi2 %.1f / %d bins)%n",
        c.l1(),
        c.l1NoiseFloor(),
        c.chi2(),
        c.dof());
    w.printf(Locale.ROOT, "time             %.1f s, %.3f us/event%n", wall, wall * 1e6 / total);
    w.flush();
    return 0;
  }

  private static void writeCsv(
      Path file, GillespieOptions o, GillespieMeasurement.Ensemble e, StationarySolution theory)
      throws java.io.IOException {
    double[] edges = o.edges();
    AtomicFile.write(
        file,
        tmp -> {
          try (BufferedWriter bw = Files.newBufferedWriter(tmp)) {
            bw.write("sigma_lo,sigma_hi,p_sim,p_sim_error,p_theory,density_sim,density_theory\n");
            for (int b = 0; b < o.bins(); b++) {
              double width = edges[b + 1] - edges[b];
              double pt = theory.probability(edges[b], edges[b + 1]);
              bw.write(
                  String.format(
                      Locale.ROOT,
                      "%.6f,%.6f,%.8e,%.3e,%.8e,%.8e,%.8e%n",
                      edges[b],
                      edges[b + 1],
                      e.histogram()[b],
                      e.histogramError()[b],
                      pt,
                      e.histogram()[b] / width,
                      pt / width));
            }
          }
        });
  }
}
