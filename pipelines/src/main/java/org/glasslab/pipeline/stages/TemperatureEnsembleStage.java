package org.glasslab.pipeline.stages;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.lang.reflect.Array;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.glasslab.analysis.stats.ReplicaBootstrap;
import org.glasslab.data.random.Rng;
import org.glasslab.data.stats.Histogram;
import org.glasslab.pipeline.engine.AbstractStage;
import org.glasslab.pipeline.engine.Params;
import org.glasslab.pipeline.engine.StageContext;
import org.glasslab.pipeline.plot.LinePlot;
import org.glasslab.pipeline.store.Csv;
import org.glasslab.pipeline.store.Hdf5Arrays;
import org.glasslab.pipeline.store.JsonFiles;

/**
 * {@code temperature-ensemble} and {@code event-ensemble} (ensemble): Jha &amp; Sengupta's
 * per-temperature distributions (Figs 2h, 3a, 4a–d, 7a). For {@code temperature-ensemble} every
 * branch's {@code lag_fields.h5} (all IS pairs of one lag) is one replica at its temperature; for
 * {@code event-ensemble} every branch's {@code event_fields.h5} (the before/after IS pair of every
 * catalogued event; a branch without events is listed but pools nothing, and a temperature none of
 * whose replicas had an event has no curve) is. Per field, the values of all replicas at a
 * temperature are pooled on bins common to all temperatures ({@link ReplicaBootstrap}: density per
 * unit of the field, 68 % bands from resampling whole replicas), one curve per temperature.
 * Positive fields (all but det H) use logarithmic bins ({@code per_decade}) from the smallest to
 * the largest positive value over all branches but over at most {@code decades} decades, det H
 * {@code bins} linear bins over its range. Outputs {@code ensemble_curves.csv} (field, temperature,
 * bin, lower, upper, center, density, density_lo, density_hi), {@code ensemble_means.csv} (field,
 * temperature, replicas, values, mean, stderr, mean_lo, mean_hi; also shown in the report) and
 * {@code ensemble.json} (lag, level, binning, the branches of each temperature in replica order,
 * the seed and every bootstrap draw as replica indices); {@code event-ensemble} writes the same as
 * {@code event_ensemble_*.csv} and {@code event_ensemble.json}.
 */
public final class TemperatureEnsembleStage extends AbstractStage {
  /** The curves table. */
  public static final String CURVES = "ensemble_curves.csv";

  /** The per-temperature means table. */
  public static final String MEANS = "ensemble_means.csv";

  /** Groups, binning and bootstrap record. */
  public static final String RECORD = "ensemble.json";

  /** The event ensemble's curves table. */
  public static final String EVENT_CURVES = "event_ensemble_curves.csv";

  /** The event ensemble's per-temperature means table. */
  public static final String EVENT_MEANS = "event_ensemble_means.csv";

  /** The event ensemble's record. */
  public static final String EVENT_RECORD = "event_ensemble.json";

  /**
   * Which frame pairs an ensemble pools.
   *
   * @param input the per-branch artifact
   * @param equalLag whether every branch must have the same lag (equal-lag pairs)
   * @param figurePrefix figure names are {@code figurePrefix + field}
   * @param pairs how the caption names the pairs
   */
  private record Source(
      String name,
      String input,
      String curves,
      String means,
      String record,
      boolean equalLag,
      String figurePrefix,
      String pairs) {}

  private static final Source LAG =
      new Source(
          "temperature-ensemble",
          LagFieldsStage.FILE,
          CURVES,
          MEANS,
          RECORD,
          true,
          "ensemble_",
          "every IS frame pair %d MD steps apart");

  private static final Source EVENTS =
      new Source(
          "event-ensemble",
          EventFieldsStage.FILE,
          EVENT_CURVES,
          EVENT_MEANS,
          EVENT_RECORD,
          false,
          "event_ensemble_",
          "the before/after IS pair of every catalogued event (AVALANCHE or MULTIPLE)");

  private final Source source;

  /** Central share of the bootstrap distribution spanned by bands and intervals (±1 sigma). */
  static final double LEVEL = 0.68;

  /** Figure labels of the fields of {@link LagFieldsStage#FIELDS}. */
  private static final Map<String, String> LABELS =
      Map.of(
          "d2min", "D2min [sigma^2]",
          "m", "mobility m [sigma]",
          "dev_norm", "||e||",
          "abs_eps_vol", "|eps_vol|",
          "detH", "det H",
          "total_norm", "||eps||",
          "softness", "softness S");

  /** The {@code temperature-ensemble} stage (equal-lag pairs; stateless). */
  public TemperatureEnsembleStage() {
    this(LAG);
  }

  /** The {@code event-ensemble} stage (the before/after pairs of catalogued events). */
  public static TemperatureEnsembleStage events() {
    return new TemperatureEnsembleStage(EVENTS);
  }

  private TemperatureEnsembleStage(Source source) {
    super(
        source.name(),
        source == LAG ? 2 : 1,
        Scope.ENSEMBLE,
        List.of(source.input()),
        List.of(source.curves(), source.means(), source.record()),
        "per-particle fields over "
            + (source == LAG ? "equal-lag IS pairs" : "catalogued events' before/after IS pairs")
            + " pooled over the replicas of each temperature, bootstrap bands",
        Map.of(
            "per_decade",
            "logarithmic bins per decade for positive fields (default 10)",
            "decades",
            "decades binned below the largest value of a positive field (default 8; smaller"
                + " values, e.g. round-off D2min of particles that moved affinely, are counted"
                + " but not binned)",
            "bins",
            "linear bins for det H (default 40)",
            "bootstrap",
            "bootstrap resamples of the replicas (default 1000)"));
    this.source = source;
  }

  @Override
  public boolean stochastic() {
    return true;
  }

  @Override
  public void validate(Params p) {
    p.getInt("per_decade", 10, 1, 1000);
    p.getInt("decades", 8, 1, 300);
    p.getInt("bins", 40, 2, 10_000);
    p.getInt("bootstrap", 1000, 1, 1_000_000);
  }

  /** One replica: its branch and file. */
  private record Member(String branch, Path file) {}

  @Override
  public void run(StageContext ctx) throws Exception {
    int perDecade = ctx.params().getInt("per_decade", 10);
    int decades = ctx.params().getInt("decades", 8);
    int linBins = ctx.params().getInt("bins", 40);
    int resamples = ctx.params().getInt("bootstrap", 1000);
    TreeMap<Double, List<Member>> groups = new TreeMap<>();
    TreeMap<Double, List<String>> empty = new TreeMap<>();
    long lag = -1;
    String lagBranch = null;
    for (Map.Entry<String, Path> e : ctx.inputsByBranch(source.input()).entrySet()) {
      Path f = e.getValue();
      double t = number(Hdf5Arrays.attribute(f, "temperature"));
      groups.computeIfAbsent(t, k -> new ArrayList<>());
      if (number(Hdf5Arrays.attribute(f, "pairs")) == 0) {
        empty.computeIfAbsent(t, k -> new ArrayList<>()).add(e.getKey());
        continue;
      }
      groups.get(t).add(new Member(e.getKey(), f));
      if (!source.equalLag()) {
        continue;
      }
      long l = (long) number(Hdf5Arrays.attribute(f, "lag_steps"));
      if (lagBranch == null) {
        lag = l;
        lagBranch = e.getKey();
      } else if (l != lag) {
        throw new IllegalArgumentException(
            "branches "
                + lagBranch
                + " and "
                + e.getKey()
                + " have lag-fields of different lags ("
                + lag
                + " and "
                + l
                + " steps); give lag-fields the same 'lag' or the same schedule");
      }
    }
    if (groups.isEmpty()) {
      throw new IllegalArgumentException("no branch produced " + source.input());
    }
    for (var g : List.copyOf(groups.entrySet())) {
      if (g.getValue().isEmpty()) {
        ctx.log("T = %s: no replica has a pair (%s), no curve", fmt(g.getKey()), source.input());
        groups.remove(g.getKey());
      }
    }
    Rng rng = ctx.rng();
    Map<Double, int[][]> draws = new LinkedHashMap<>();
    for (var g : groups.entrySet()) {
      draws.put(g.getKey(), ReplicaBootstrap.draws(g.getValue().size(), resamples, rng));
    }

    List<Object[]> curveRows = new ArrayList<>();
    List<Object[]> meanRows = new ArrayList<>();
    ObjectNode binning = JsonNodeFactory.instance.objectNode();
    for (String field : groups.isEmpty() ? List.<String>of() : LagFieldsStage.FIELDS) {
      boolean log = !field.equals("detH");
      double lo = Double.POSITIVE_INFINITY;
      double hi = Double.NEGATIVE_INFINITY;
      for (List<Member> ms : groups.values()) {
        for (Member m : ms) {
          for (double x : flat(m, field)) {
            if (Double.isFinite(x) && (!log || x > 0)) {
              lo = Math.min(lo, x);
              hi = Math.max(hi, x);
            }
          }
        }
      }
      if (!(lo < hi)) {
        ctx.log("%s: fewer than two distinct values, no distribution", field);
        continue;
      }
      if (log) {
        lo = Math.max(lo, hi * Math.pow(10, -decades));
      }
      Histogram bins =
          log ? Histogram.log(lo, hi * (1 + 1e-9), perDecade) : Histogram.linear(lo, hi, linBins);
      ObjectNode b = binning.putObject(field);
      b.put("scale", log ? "log" : "linear");
      b.put("lo", lo);
      b.put("hi", bins.hi());
      b.put(log ? "per_decade" : "bins", log ? perDecade : linBins);
      if (log) {
        b.put("decades", decades);
      }
      double[] widths = new double[bins.bins()];
      for (int k = 0; k < widths.length; k++) {
        widths[k] = bins.width(k);
      }
      LinePlot.Builder plot =
          LinePlot.builder(
              "P(" + field + ") per temperature" + (source == LAG ? "" : ", catalogued events"),
              LABELS.get(field),
              "P(" + field + ") [1/unit]");
      if (log) {
        plot.log(true, true).markersOnly();
      }
      for (var g : groups.entrySet()) {
        List<ReplicaBootstrap.Replica> reps = new ArrayList<>();
        for (Member m : g.getValue()) {
          reps.add(ReplicaBootstrap.Replica.of(flat(m, field), bins));
        }
        ReplicaBootstrap.Result r = ReplicaBootstrap.of(reps, widths, draws.get(g.getKey()), LEVEL);
        double t = g.getKey();
        for (int k = 0; k < widths.length; k++) {
          curveRows.add(
              new Object[] {
                field,
                t,
                k,
                bins.lower(k),
                bins.upper(k),
                bins.center(k),
                r.density()[k],
                r.densityLo()[k],
                r.densityHi()[k]
              });
        }
        meanRows.add(
            new Object[] {
              field, t, reps.size(), r.values(), r.mean(), r.meanStderr(), r.meanLo(), r.meanHi()
            });
        addCurve(plot, "T = " + fmt(t) + " (" + reps.size() + ")", bins, r, log);
      }
      ctx.figure(
          source.figurePrefix() + field,
          plot.build(),
          String.format(
              Locale.ROOT,
              "Distribution of %s over particles, pooled over %s of every replica at each"
                  + " temperature (replicas in brackets); dashed: %.0f %% bootstrap band over"
                  + " replicas (%d resamples).%s",
              field,
              String.format(Locale.ROOT, source.pairs(), lag),
              100 * LEVEL,
              resamples,
              log ? " Logarithmic bins; empty bins not drawn." : ""));
    }
    writeTables(ctx, curveRows, meanRows);
    ctx.table(
        source.means(),
        "Per-temperature means of the per-particle fields pooled over "
            + String.format(Locale.ROOT, source.pairs(), lag)
            + " of every replica; stderr: standard deviation of the bootstrap means over"
            + " replicas; mean_lo/mean_hi: "
            + Math.round(100 * LEVEL)
            + " % bootstrap interval.");

    ObjectNode rec = JsonNodeFactory.instance.objectNode();
    rec.put("pairs", source == LAG ? "equal-lag" : "events");
    if (source.equalLag()) {
      rec.put("lag_steps", lag);
    }
    rec.put("level", LEVEL);
    rec.put("bootstrap", resamples);
    rec.put("seed", ctx.seed());
    rec.set("binning", binning);
    ArrayNode gs = rec.putArray("temperatures");
    for (var g : groups.entrySet()) {
      ObjectNode o = gs.addObject();
      o.put("temperature", g.getKey());
      ArrayNode br = o.putArray("branches");
      g.getValue().forEach(m -> br.add(m.branch()));
      ArrayNode none = o.putArray("without_pairs");
      empty.getOrDefault(g.getKey(), List.of()).forEach(none::add);
      ArrayNode d = o.putArray("draws");
      for (int[] row : draws.get(g.getKey())) {
        ArrayNode a = d.addArray();
        for (int i : row) {
          a.add(i);
        }
      }
    }
    ArrayNode skipped = rec.putArray("temperatures_without_pairs");
    for (var e : empty.entrySet()) {
      if (!groups.containsKey(e.getKey())) {
        ObjectNode o = skipped.addObject();
        o.put("temperature", e.getKey());
        ArrayNode br = o.putArray("branches");
        e.getValue().forEach(br::add);
      }
    }
    JsonFiles.write(ctx.output(source.record()), rec);
  }

  private static void addCurve(
      LinePlot.Builder plot, String name, Histogram bins, ReplicaBootstrap.Result r, boolean log) {
    // on a logarithmic axis, bins (and band ends) at density 0 are not drawn
    double[][] mid = points(bins, r.density(), log);
    if (mid[0].length == 0) {
      return;
    }
    double[][] lo = points(bins, r.densityLo(), log);
    double[][] hi = points(bins, r.densityHi(), log);
    plot.series(name, mid[0], mid[1]).band(lo[0], lo[1], hi[0], hi[1]);
  }

  /** {bin centres, values} of the bins whose value is drawable (positive on a log axis). */
  private static double[][] points(Histogram bins, double[] v, boolean log) {
    int n = 0;
    for (double y : v) {
      if (log ? y > 0 : Double.isFinite(y)) {
        n++;
      }
    }
    double[][] p = new double[2][n];
    int i = 0;
    for (int k = 0; k < v.length; k++) {
      if (log ? v[k] > 0 : Double.isFinite(v[k])) {
        p[0][i] = bins.center(k);
        p[1][i++] = v[k];
      }
    }
    return p;
  }

  private void writeTables(StageContext ctx, List<Object[]> curves, List<Object[]> means)
      throws IOException {
    int n = curves.size();
    String[] f = new String[n];
    double[] t = new double[n];
    int[] k = new int[n];
    double[][] c = new double[6][n];
    for (int i = 0; i < n; i++) {
      Object[] r = curves.get(i);
      f[i] = (String) r[0];
      t[i] = (double) r[1];
      k[i] = (int) r[2];
      for (int j = 0; j < 6; j++) {
        c[j][i] = (double) r[3 + j];
      }
    }
    Csv.write(
        ctx.output(source.curves()),
        List.of(
            "field",
            "temperature",
            "bin",
            "lower",
            "upper",
            "center",
            "density",
            "density_lo",
            "density_hi"),
        f,
        t,
        k,
        c[0],
        c[1],
        c[2],
        c[3],
        c[4],
        c[5]);
    int m = means.size();
    String[] mf = new String[m];
    double[] mt = new double[m];
    int[] reps = new int[m];
    long[] vals = new long[m];
    double[][] s = new double[4][m];
    for (int i = 0; i < m; i++) {
      Object[] r = means.get(i);
      mf[i] = (String) r[0];
      mt[i] = (double) r[1];
      reps[i] = (int) r[2];
      vals[i] = (long) r[3];
      for (int j = 0; j < 4; j++) {
        s[j][i] = (double) r[4 + j];
      }
    }
    Csv.write(
        ctx.output(source.means()),
        List.of(
            "field", "temperature", "replicas", "values", "mean", "stderr", "mean_lo", "mean_hi"),
        mf,
        mt,
        reps,
        vals,
        s[0],
        s[1],
        s[2],
        s[3]);
  }

  /** The field's [pairs][N] dataset of one replica, flattened. */
  private static double[] flat(Member m, String field) throws IOException {
    Object o = Hdf5Arrays.read(m.file(), field);
    if (o instanceof double[] d) {
      return d;
    }
    double[][] a = (double[][]) o;
    int n = 0;
    for (double[] r : a) {
      n += r.length;
    }
    double[] out = new double[n];
    int i = 0;
    for (double[] r : a) {
      System.arraycopy(r, 0, out, i, r.length);
      i += r.length;
    }
    return out;
  }

  /** A numeric HDF5 attribute as a double (scalar or first element). */
  static double number(Object o) {
    if (o instanceof Number x) {
      return x.doubleValue();
    }
    if (o != null && o.getClass().isArray() && Array.getLength(o) > 0) {
      return ((Number) Array.get(o, 0)).doubleValue();
    }
    throw new IllegalArgumentException("expected a number, got " + o);
  }

  private static String fmt(double t) {
    return java.math.BigDecimal.valueOf(t).stripTrailingZeros().toPlainString();
  }
}
