package org.glasslab.pipeline.stages;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.glasslab.epm.avalanche.Avalanche;
import org.glasslab.epm.avalanche.AvalancheDetector;
import org.glasslab.epm.avalanche.AvalancheStatistics;
import org.glasslab.epm.avalanche.LogHistogram;
import org.glasslab.epm.lattice.LatticeEpm;
import org.glasslab.epm.lattice.LatticeParams;
import org.glasslab.epm.lattice.Protocol;
import org.glasslab.epm.lattice.UnstableRule;
import org.glasslab.pipeline.engine.AbstractStage;
import org.glasslab.pipeline.engine.ParamException;
import org.glasslab.pipeline.engine.Params;
import org.glasslab.pipeline.engine.StageContext;
import org.glasslab.pipeline.plot.LinePlot;
import org.glasslab.pipeline.store.Csv;

/**
 * {@code epm-lattice} (generator, no trajectory): the thermal lattice elastoplastic model (epm
 * module, exact kinetic Monte Carlo as in {@code glasslab epm lattice}, otherwise the default
 * parameters of the epm spec) on an L x L lattice at one temperature, started from a freshly
 * quenched state, for a fixed number of yield events (the undriven model drains its stress after a
 * few sweeps, so avalanches are a property of the transient: keep {@code events} of order a few N);
 * avalanches detected by the epm module → {@code epm_avalanches.csv} (one row per avalanche) and
 * {@code epm_ps.csv} (P(S) on logarithmic bins), plus the P(S) plot; {@code epm_sites.csv} holds
 * the site fields (σ, σ_th, x = σ_th − |σ|) at {@code snapshots} evenly spaced event counts (the
 * input of {@code particle-lattice}). Seeded from the stage seed (recorded in the manifest).
 */
public final class EpmLatticeStage extends AbstractStage {
  /** Site-field snapshots: snapshot, events, time, site, sigma, threshold, x. */
  static final String SITES = "epm_sites.csv";

  /** The stage (stateless). */
  public EpmLatticeStage() {
    super(
        "epm-lattice",
        2,
        Scope.BRANCH,
        List.of(),
        List.of("epm_avalanches.csv", "epm_ps.csv", SITES),
        "thermal lattice EPM (kinetic Monte Carlo): avalanches and P(S)",
        params());
  }

  private static Map<String, String> params() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("size", "lattice size L (default 16)");
    m.put("temperature", "temperature (required)");
    m.put("events", "yield events to simulate (default 5000)");
    m.put("per_decade", "logarithmic bins per decade of P(S) (default 5)");
    m.put(
        "snapshots",
        "site-field snapshots written to epm_sites.csv, evenly spaced in events (default 10)");
    return m;
  }

  @Override
  public boolean stochastic() {
    return true;
  }

  static LatticeParams lattice(Params p) {
    if (!p.has("temperature")) {
      throw new ParamException("temperature", "required: the lattice temperature");
    }
    return StageSupport.checked(
        "",
        () ->
            LatticeParams.defaults(p.getInt("size", 16, 2, 4096), p.getPositive("temperature", 1))
                .withProtocol(Protocol.KMC, 1.0, UnstableRule.IMMEDIATE));
  }

  @Override
  public void validate(Params p) {
    lattice(p);
    p.getLong("events", 5000);
    if (p.getLong("events", 5000) < 1) {
      throw new ParamException("events", "must be positive");
    }
    p.getInt("per_decade", 5, 1, 100);
    p.getInt("snapshots", 10, 1, 1000);
  }

  @Override
  public void run(StageContext ctx) throws Exception {
    LatticeParams lp = lattice(ctx.params());
    long events = ctx.params().getLong("events", 5000);
    int perDecade = ctx.params().getInt("per_decade", 5);
    int snapshots = ctx.params().getInt("snapshots", 10);
    LatticeEpm m = LatticeEpm.create(lp, ctx.seed());
    AvalancheDetector det = new AvalancheDetector(m.sites(), 1.0, Long.MAX_VALUE / 4);
    det.prime(m.unstableCount() == 0, m.xMin());
    m.setListener(det);
    ctx.progress().total(100);
    long chunk = Math.max(1, events / 100);
    long next = chunk;
    int sites = m.sites();
    int taken = 0;
    int[] snap = new int[snapshots * sites];
    long[] snapEvents = new long[snapshots * sites];
    double[] snapTime = new double[snapshots * sites];
    int[] site = new int[snapshots * sites];
    double[] sig = new double[snapshots * sites];
    double[] th = new double[snapshots * sites];
    double[] dist = new double[snapshots * sites];
    while (m.events() < events || taken < snapshots) {
      if (m.events() < events) {
        m.step();
      }
      if (m.events() >= next) {
        ctx.progress().step(1);
        next += chunk;
      }
      while (taken < snapshots && m.events() >= (taken + 1) * events / snapshots) {
        double[] s = m.sigma();
        double[] t = m.thresholds();
        double[] xs = m.distances(null);
        for (int i = 0; i < sites; i++) {
          int r = taken * sites + i;
          snap[r] = taken;
          snapEvents[r] = m.events();
          snapTime[r] = m.time();
          site[r] = i;
          sig[r] = s[i];
          th[r] = t[i];
          dist[r] = xs[i];
        }
        taken++;
      }
    }
    Csv.write(
        ctx.output(SITES),
        List.of("snapshot", "events", "time", "site", "sigma", "threshold", "x"),
        snap,
        snapEvents,
        snapTime,
        site,
        sig,
        th,
        dist);
    m.setListener(null);
    List<Avalanche> av = det.avalanches();
    int na = av.size();
    long[] size = new long[na];
    long[] dur = new long[na];
    int[] area = new int[na];
    int[] runaway = new int[na];
    double[] start = new double[na];
    for (int i = 0; i < na; i++) {
      Avalanche a = av.get(i);
      size[i] = a.size();
      dur[i] = a.duration();
      area[i] = a.area();
      runaway[i] = a.runaway() ? 1 : 0;
      start[i] = a.startTime();
    }
    Csv.write(
        ctx.output("epm_avalanches.csv"),
        List.of("start_time", "size", "duration", "area", "runaway"),
        start,
        size,
        dur,
        area,
        runaway);
    AvalancheStatistics st = AvalancheStatistics.of(av, perDecade);
    LogHistogram h = st.sizeHistogram();
    List<Double> xs = new ArrayList<>();
    List<Double> ps = new ArrayList<>();
    List<Long> cs = new ArrayList<>();
    for (int b = 0; b < h.bins(); b++) {
      if (h.count(b) > 0) {
        xs.add(Math.sqrt(h.lower(b) * h.upper(b)));
        ps.add(h.density(b));
        cs.add(h.count(b));
      }
    }
    double[] x = new double[xs.size()];
    double[] p = new double[xs.size()];
    long[] c = new long[xs.size()];
    for (int i = 0; i < x.length; i++) {
      x[i] = xs.get(i);
      p[i] = ps.get(i);
      c[i] = cs.get(i);
    }
    Csv.write(ctx.output("epm_ps.csv"), List.of("size", "p", "count"), x, p, c);
    if (x.length == 0) {
      ctx.log("no completed avalanche in %d events; P(S) is empty (raise events)", events);
      return;
    }
    ctx.figure(
        "p_of_s",
        LinePlot.builder("P(S), lattice EPM", "S", "P(S)")
            .series(String.format(Locale.ROOT, "L=%d, T=%s", lp.size(), lp.temperature()), x, p)
            .markersOnly()
            .log(true, true)
            .build(),
        String.format(
            Locale.ROOT,
            "Avalanche size distribution of the thermal lattice EPM (L = %d, T = %s, %d events, %d"
                + " avalanches, %d runaways excluded), logarithmic bins",
            lp.size(),
            lp.temperature(),
            m.events(),
            na,
            st.runaways()));
  }
}
