package org.glasslab.pipeline.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import org.glasslab.epm.avalanche.AvalancheDetector;
import org.glasslab.epm.avalanche.AvalancheStatistics;
import org.glasslab.epm.avalanche.AvalancheTables;
import org.glasslab.epm.avalanche.PersistenceTracker;
import org.glasslab.epm.lattice.LatticeEpm;
import org.glasslab.epm.lattice.LatticeListener;
import org.glasslab.epm.lattice.LatticeParams;
import org.glasslab.epm.lattice.LatticeState;
import org.glasslab.epm.lattice.LatticeStateIO;
import org.glasslab.epm.lattice.Protocol;
import org.glasslab.epm.lattice.UnstableRule;
import org.glasslab.epm.propagator.Convention;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code glasslab epm lattice}: one run of the 2D lattice thermal EPM with avalanche detection,
 * persistence/χ4 and x_min statistics; writes CSV tables, the final fields, a restorable checkpoint
 * and a manifest into {@code --out}, and a summary on stdout.
 */
@Command(
    name = "lattice",
    mixinStandardHelpOptions = true,
    description =
        "Run the undriven 2D lattice thermal EPM (Arrhenius activation, Eshelby kernel) for a"
            + " number of plastic events. Outputs (atomic) in --out: avalanches.csv,"
            + " distributions.csv (P(S), P(D), <S>(D)), persistence.csv (p, chi4), xmin.csv,"
            + " series.csv, fields.csv, state.bin (checkpoint for --restore), manifest.json.")
public final class EpmLatticeCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--size", description = "lattice size L (N = L^2)")
  Integer size;

  @Option(names = "--temperature", description = "temperature T (barrier units)")
  Double temperature;

  @Option(names = "--orientation", defaultValue = "random", description = "random|fixed")
  String orientation;

  @Option(names = "--events", required = true, description = "plastic events to run")
  long events;

  @Option(names = "--seed", defaultValue = "1", description = "seed")
  long seed;

  @Option(names = "--out", required = true, description = "output directory")
  Path out;

  @Option(names = "--protocol", defaultValue = "kmc", description = "kmc|discrete|extremal")
  String protocol;

  @Option(
      names = "--x0",
      defaultValue = "" + LatticeParams.DEFAULT_EXTREMAL_CUTOFF,
      description =
          "extremal protocol: every site with x < x0 yields each step, the weakest alone when none"
              + " does (default ${DEFAULT-VALUE})")
  double x0;

  @Option(names = "--dt", defaultValue = "1", description = "time step of the discrete protocol")
  double dt;

  @Option(
      names = "--unstable-rule",
      defaultValue = "immediate",
      description = "discrete protocol: immediate|rate failure of unstable sites")
  String unstableRule;

  @Option(
      names = "--convention",
      defaultValue = "stress",
      description = "propagator zero mode: stress (sum 0) | strain (sum -1)")
  String convention;

  @Option(
      names = "--initial-stress-std",
      defaultValue = "1",
      description = "std of the initial compatible stress field before relaxation")
  double initialStd;

  @Option(
      names = "--runaway-factor",
      defaultValue = "1",
      description = "c: an avalanche with more than c*N events is a runaway")
  double runawayFactor;

  @Option(names = "--lag-min", defaultValue = "0.01", description = "smallest persistence lag")
  double lagMin;

  @Option(names = "--lag-max", defaultValue = "1000", description = "largest persistence lag")
  double lagMax;

  @Option(names = "--restore", description = "continue from a state.bin checkpoint")
  Path restore;

  @Option(names = "--json", description = "print the summary as JSON")
  boolean json;

  private CommandLine.ParameterException usage(String msg) {
    return new CommandLine.ParameterException(spec.commandLine(), msg);
  }

  @Override
  public Integer call() throws Exception {
    if (events <= 0) {
      throw usage("--events must be positive, got " + events);
    }
    if (!(lagMin > 0) || !(lagMax > lagMin)) {
      throw usage("need 0 < --lag-min < --lag-max");
    }
    LatticeEpm m;
    if (restore != null) {
      if (!Files.isRegularFile(restore)) {
        throw usage("--restore file " + restore + " does not exist");
      }
      m = LatticeEpm.restore(LatticeStateIO.read(restore));
    } else {
      if (size == null || temperature == null) {
        throw usage("--size and --temperature are required unless --restore is given");
      }
      LatticeParams p;
      try {
        Protocol proto = EpmTcScanCommand.parseProtocol(spec, protocol);
        UnstableRule rule =
            switch (unstableRule.toLowerCase(Locale.ROOT)) {
              case "immediate" -> UnstableRule.IMMEDIATE;
              case "rate" -> UnstableRule.RATE;
              default -> throw usage("--unstable-rule must be immediate or rate");
            };
        Convention conv =
            switch (convention.toLowerCase(Locale.ROOT)) {
              case "stress" -> Convention.IMPOSED_STRESS;
              case "strain" -> Convention.IMPOSED_STRAIN;
              default -> throw usage("--convention must be stress or strain");
            };
        p =
            LatticeParams.defaults(size, temperature)
                .withOrientation(EpmTcScanCommand.parseOrientation(spec, orientation))
                .withProtocol(proto, dt, rule)
                .withInitialStress(0.0, initialStd)
                .toBuilder()
                .convention(conv)
                .extremalCutoff(x0)
                .build();
      } catch (IllegalArgumentException e) {
        throw usage(e.getMessage());
      }
      m = LatticeEpm.create(p, seed);
    }
    int n = m.sites();
    AvalancheDetector det = new AvalancheDetector(n, runawayFactor, Long.MAX_VALUE / 4);
    det.prime(m.unstableCount() == 0, m.xMin());
    PersistenceTracker pers =
        new PersistenceTracker(n, PersistenceTracker.logLags(lagMin, lagMax, 41));
    pers.newSample(m.time());
    m.setListener(LatticeListener.of(det, pers));
    StringBuilder series =
        new StringBuilder("time,events,mean_sigma,std_sigma,xmin,mean_x,unstable\n");
    long chunk = Math.max(1, events / 200);
    long start = m.events();
    long t0 = System.nanoTime();
    double[] xbuf = new double[n];
    try (ProgressBar pb = EpmFiles.progress("lattice L=" + m.params().size(), events)) {
      appendSeries(series, m, xbuf);
      while (m.events() - start < events) {
        long target = Math.min(start + events, m.events() + chunk);
        while (m.events() < target) {
          m.step();
        }
        appendSeries(series, m, xbuf);
        pb.stepTo(m.events() - start);
      }
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    m.setListener(null);
    AvalancheStatistics st = AvalancheStatistics.of(det.avalanches(), 5);
    Files.createDirectories(out);
    EpmFiles.writeAtomically(
        out.resolve("avalanches.csv"), AvalancheTables.avalanches(det.avalanches()));
    EpmFiles.writeAtomically(out.resolve("distributions.csv"), AvalancheTables.distributions(st));
    EpmFiles.writeAtomically(out.resolve("persistence.csv"), AvalancheTables.persistence(pers));
    EpmFiles.writeAtomically(out.resolve("xmin.csv"), AvalancheTables.xMin(det));
    EpmFiles.writeAtomically(out.resolve("series.csv"), series.toString());
    EpmFiles.writeAtomically(out.resolve("fields.csv"), fields(m));
    LatticeState state = m.snapshot();
    LatticeStateIO.write(out.resolve("state.bin"), state);
    double[] chi = pers.chi4();
    double chiMax = Double.NaN;
    double chiLag = Double.NaN;
    double[] lags = pers.lags();
    for (int k = 0; k < chi.length; k++) {
      if (!Double.isNaN(chi[k]) && (Double.isNaN(chiMax) || chi[k] > chiMax)) {
        chiMax = chi[k];
        chiLag = lags[k];
      }
    }
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("size", m.params().size());
    summary.put("temperature", m.params().temperature());
    summary.put("orientation", m.params().orientation());
    summary.put("protocol", m.params().protocol());
    if (m.params().protocol() == Protocol.EXTREMAL) {
      summary.put("x0", m.params().extremalCutoff());
    }
    summary.put("seed", m.seed());
    summary.put("events", m.events() - start);
    summary.put("time", m.time());
    summary.put("avalanches", det.count());
    summary.put("runaways", det.runaways());
    summary.put("runaway_fraction", st.runawayFraction());
    summary.put("size_duration_exponent", st.sizeDurationExponent(5));
    summary.put("persistence_windows", pers.windows());
    summary.put("tau_alpha", pers.tauAlpha());
    summary.put("chi4_max", chiMax);
    summary.put("chi4_max_lag", chiLag);
    summary.put("mean_stress", m.meanStress());
    summary.put("xmin", m.xMin());
    summary.put("events_per_second", (m.events() - start) / seconds);
    Map<String, Object> manifest = new LinkedHashMap<>(EpmFiles.provenance());
    manifest.put("command", "glasslab epm lattice");
    manifest.put("parameters", m.params());
    manifest.put("restored_from", restore == null ? null : restore.toString());
    manifest.put("summary", summary);
    manifest.put(
        "files",
        List.of(
            "avalanches.csv",
            "distributions.csv",
            "persistence.csv",
            "xmin.csv",
            "series.csv",
            "fields.csv",
            "state.bin"));
    EpmFiles.writeJson(out.resolve("manifest.json"), manifest);
    var w = spec.commandLine().getOut();
    if (json) {
      w.println(EpmFiles.JSON.writeValueAsString(summary));
    } else {
      for (Map.Entry<String, Object> e : summary.entrySet()) {
        w.println(e.getKey() + " = " + e.getValue());
      }
    }
    w.flush();
    return 0;
  }

  private static void appendSeries(StringBuilder sb, LatticeEpm m, double[] xbuf) {
    double[] s = m.sigma();
    double mean = 0;
    for (double v : s) {
      mean += v;
    }
    mean /= s.length;
    double var = 0;
    for (double v : s) {
      var += (v - mean) * (v - mean);
    }
    m.distances(xbuf);
    double mx = 0;
    for (double v : xbuf) {
      mx += v;
    }
    sb.append(
        String.format(
            Locale.ROOT,
            "%.10g,%d,%.10g,%.10g,%.10g,%.10g,%d%n",
            m.time(),
            m.events(),
            mean,
            Math.sqrt(var / s.length),
            m.xMin(),
            mx / s.length,
            m.unstableCount()));
  }

  private static String fields(LatticeEpm m) {
    int l = m.params().size();
    double[] s = m.sigma();
    double[] th = m.thresholds();
    double[] ep = m.plasticStrain();
    StringBuilder sb = new StringBuilder("x,y,sigma,threshold,distance,plastic_strain\n");
    for (int i = 0; i < s.length; i++) {
      sb.append(i % l).append(',').append(i / l).append(',');
      sb.append(
          String.format(
              Locale.ROOT,
              "%.10g,%.10g,%.10g,%.10g%n",
              s[i],
              th[i],
              th[i] - Math.abs(s[i]),
              ep[i]));
    }
    return sb.toString();
  }
}
