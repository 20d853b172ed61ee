package org.glasslab.pipeline.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import org.glasslab.epm.avalanche.TcScan;
import org.glasslab.epm.avalanche.TcScanOptions;
import org.glasslab.epm.avalanche.TcScanReport;
import org.glasslab.epm.lattice.LatticeParams;
import org.glasslab.epm.lattice.Protocol;
import org.glasslab.epm.lattice.UnstableRule;
import org.glasslab.epm.propagator.Orientation;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code glasslab epm tc-scan}: runaway fraction of undriven thermal avalanches over a grid of (L,
 * T), T_c(L) where it crosses ½, bootstrap error bars and the fit T_c ~ L^-κ. Writes CSV tables and
 * a manifest into {@code --out}; prints the T_c table and fits on stdout.
 */
@Command(
    name = "tc-scan",
    mixinStandardHelpOptions = true,
    description =
        "Measure T_c(L) of the undriven lattice thermal EPM: runaway fraction f(L,T) (default:"
            + " fraction of freshly quenched samples with an avalanche of more than c*N events),"
            + " T_c where f crosses 1/2 (log-T interpolation), bootstrap errors over samples and"
            + " the fit T_c = A*L^-kappa. Outputs (CSV, atomic) in --out: avalanches, cells, tc,"
            + " fit, distributions (P(S), P(D), <S>(D)), xmin, manifest.json.")
public final class EpmTcScanCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--sizes",
      split = ",",
      description = "lattice sizes L (default ${DEFAULT-VALUE})",
      defaultValue = "32,64,128")
  int[] sizes;

  @Option(
      names = "--temperatures",
      split = ",",
      description = "increasing temperatures T (comma-separated); required unless --from")
  double[] temperatures;

  @Option(names = "--samples", defaultValue = "20", description = "samples per (L,T)")
  int samples;

  @Option(names = "--avalanches", defaultValue = "50", description = "avalanches per sample")
  int avalanches;

  @Option(
      names = "--warmup-sweeps",
      defaultValue = "0",
      description = "discarded events per sample, in units of N")
  double warmup;

  @Option(
      names = "--budget-sweeps",
      defaultValue = "200",
      description = "maximum recorded events per sample, in units of N")
  double budget;

  @Option(
      names = "--runaway-factor",
      defaultValue = "1",
      description = "c: runaway when S > c*N (primary criterion)")
  double factor;

  @Option(
      names = "--extra-factors",
      split = ",",
      defaultValue = "0.25,0.5",
      description = "further c values evaluated on the same avalanches")
  double[] extraFactors;

  @Option(
      names = "--orientation",
      defaultValue = "random",
      description = "random|fixed event orientation")
  String orientation;

  @Option(
      names = "--protocol",
      defaultValue = "kmc",
      description = "kmc|discrete (extremal has no temperature to scan)")
  String protocol;

  @Option(names = "--dt", defaultValue = "1", description = "time step of the discrete protocol")
  double dt;

  @Option(
      names = "--criterion",
      defaultValue = "sample",
      description =
          "sample (fraction of samples with a runaway) | avalanche (fraction of avalanches)")
  String criterion;

  @Option(
      names = "--stop-at-first-runaway",
      negatable = true,
      defaultValue = "true",
      fallbackValue = "true",
      description = "end a sample at its first runaway (default true)")
  boolean stopAtFirstRunaway;

  @Option(
      names = "--initial-stress-std",
      defaultValue = "1",
      description = "std of the initial compatible stress field before relaxation")
  double initialStd;

  @Option(names = "--bootstrap", defaultValue = "1000", description = "bootstrap replicates")
  int bootstrap;

  @Option(names = "--seed", defaultValue = "1", description = "base seed")
  long seed;

  @Option(names = "--threads", defaultValue = "1", description = "worker threads")
  int threads;

  @Option(names = "--out", required = true, description = "output directory")
  Path out;

  @Option(
      names = "--from",
      split = ",",
      description =
          "analyse the avalanches.csv of earlier tc-scan output directories together (e.g. a"
              + " coarse grid and a refinement) instead of simulating")
  List<Path> from;

  @Option(names = "--json", description = "print the result as JSON")
  boolean json;

  /** Parses {@code --orientation} (case-insensitive); a usage error names the accepted values. */
  public static Orientation parseOrientation(CommandLine.Model.CommandSpec spec, String s) {
    return switch (s.toLowerCase(java.util.Locale.ROOT)) {
      case "random" -> Orientation.RANDOM;
      case "fixed" -> Orientation.FIXED;
      default ->
          throw new CommandLine.ParameterException(
              spec.commandLine(), "--orientation must be random or fixed, got '" + s + "'");
    };
  }

  static Protocol parseProtocol(CommandLine.Model.CommandSpec spec, String s) {
    return switch (s.toLowerCase(java.util.Locale.ROOT)) {
      case "discrete" -> Protocol.DISCRETE;
      case "kmc" -> Protocol.KMC;
      case "extremal" -> Protocol.EXTREMAL;
      default ->
          throw new CommandLine.ParameterException(
              spec.commandLine(), "--protocol must be kmc, discrete or extremal, got '" + s + "'");
    };
  }

  @Override
  public Integer call() throws Exception {
    Orientation o = parseOrientation(spec, orientation);
    if (from != null && !from.isEmpty()) {
      // sizes and temperatures come from the data
      java.util.TreeSet<Integer> ls = new java.util.TreeSet<>();
      java.util.TreeSet<Double> ts = new java.util.TreeSet<>();
      for (Path dir : from) {
        Path f = dir.resolve("avalanches.csv");
        if (!java.nio.file.Files.isRegularFile(f)) {
          throw new CommandLine.ParameterException(
              spec.commandLine(), "--from: " + f + " does not exist");
        }
        for (TcScan.SampleResult sr :
            TcScanReport.readSamples(java.nio.file.Files.readString(f), 0)) {
          ls.add(sr.size());
          ts.add(sr.temperature());
        }
      }
      sizes = ls.stream().mapToInt(Integer::intValue).toArray();
      temperatures = ts.stream().mapToDouble(Double::doubleValue).toArray();
      samples = Math.max(samples, 2);
    } else if (temperatures == null) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--temperatures is required unless --from is given");
    }
    Protocol p = parseProtocol(spec, protocol);
    if (p == Protocol.EXTREMAL) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          "--protocol extremal does not depend on the temperature: a T_c scan needs kmc or"
              + " discrete");
    }
    TcScanOptions opts;
    try {
      LatticeParams base =
          LatticeParams.defaults(sizes.length > 0 ? sizes[0] : 32, temperatures[0])
              .withOrientation(o)
              .withProtocol(p, dt, UnstableRule.IMMEDIATE)
              .withInitialStress(0.0, initialStd);
      TcScanOptions.Criterion crit =
          switch (criterion.toLowerCase(java.util.Locale.ROOT)) {
            case "sample" -> TcScanOptions.Criterion.SAMPLE;
            case "avalanche" -> TcScanOptions.Criterion.AVALANCHE;
            default ->
                throw new IllegalArgumentException(
                    "--criterion must be sample or avalanche, got '" + criterion + "'");
          };
      opts =
          new TcScanOptions(
              base,
              sizes,
              temperatures,
              samples,
              avalanches,
              warmup,
              budget,
              factor,
              extraFactors,
              bootstrap,
              seed,
              threads,
              crit,
              stopAtFirstRunaway);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    long t0 = System.nanoTime();
    TcScan.Result r;
    if (from != null && !from.isEmpty()) {
      List<TcScan.SampleResult> all = new java.util.ArrayList<>();
      for (int k = 0; k < from.size(); k++) {
        Path f = from.get(k).resolve("avalanches.csv");
        if (!java.nio.file.Files.isRegularFile(f)) {
          throw new CommandLine.ParameterException(
              spec.commandLine(), "--from: " + f + " does not exist");
        }
        all.addAll(TcScanReport.readSamples(java.nio.file.Files.readString(f), k));
      }
      r = TcScan.analyse(opts, all);
    } else {
      long total = (long) sizes.length * temperatures.length * samples;
      try (ProgressBar pb = EpmFiles.progress("tc-scan", total)) {
        r = TcScan.run(opts, pb::stepBy);
      }
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    EpmFiles.writeAtomically(out.resolve("avalanches.csv"), TcScanReport.avalanches(r));
    EpmFiles.writeAtomically(out.resolve("cells.csv"), TcScanReport.cells(r));
    EpmFiles.writeAtomically(out.resolve("distributions.csv"), TcScanReport.distributions(r));
    EpmFiles.writeAtomically(out.resolve("xmin.csv"), TcScanReport.xMin(r));
    EpmFiles.writeAtomically(out.resolve("tc.csv"), TcScanReport.tc(r));
    EpmFiles.writeAtomically(out.resolve("fit.csv"), TcScanReport.fits(r));
    Map<String, Object> manifest = new LinkedHashMap<>(EpmFiles.provenance());
    manifest.put("command", "glasslab epm tc-scan");
    manifest.put("from", from == null ? null : from.stream().map(Path::toString).toList());
    manifest.put("parameters", opts.base());
    manifest.put("sizes", sizes);
    manifest.put("temperatures", temperatures);
    manifest.put("samples", samples);
    manifest.put("avalanches_per_sample", avalanches);
    manifest.put("warmup_sweeps", warmup);
    manifest.put("budget_sweeps", budget);
    manifest.put("runaway_factors", opts.allFactors());
    manifest.put("bootstrap", bootstrap);
    manifest.put("criterion", opts.criterion());
    manifest.put("stop_at_first_runaway", stopAtFirstRunaway);
    manifest.put("seed", seed);
    manifest.put("threads", threads);
    manifest.put("seconds", seconds);
    manifest.put("tc", r.tc());
    manifest.put("fits", r.fits());
    manifest.put(
        "files",
        List.of(
            "avalanches.csv", "cells.csv", "distributions.csv", "xmin.csv", "tc.csv", "fit.csv"));
    EpmFiles.writeJson(out.resolve("manifest.json"), manifest);
    var w = spec.commandLine().getOut();
    if (json) {
      w.println(EpmFiles.JSON.writeValueAsString(Map.of("tc", r.tc(), "fits", r.fits())));
    } else {
      w.print(TcScanReport.tc(r));
      w.print(TcScanReport.fits(r));
    }
    w.flush();
    return 0;
  }
}
