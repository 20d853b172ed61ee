package org.glasslab.pipeline.task;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.glasslab.analysis.mlsoftness.LinearSvm;
import org.glasslab.analysis.mlsoftness.MlSoftness;
import org.glasslab.analysis.mlsoftness.SoftnessModel;
import org.glasslab.analysis.mlsoftness.StructureFunctions;
import org.glasslab.data.Trajectory;
import org.glasslab.data.io.TrajectoryIO;
import org.glasslab.pipeline.plot.LinePlot;
import org.glasslab.pipeline.store.Csv;
import org.glasslab.pipeline.store.Hdf5Arrays;
import org.glasslab.pipeline.store.JsonFiles;
import org.glasslab.pipeline.store.Table;

/**
 * {@code ml-softness}: the machine-learned softness (analysis {@link MlSoftness}; Cubuk et al.
 * 2015, Schoenholz et al. 2016) of inherent-structure trajectories: trains a linear SVM on
 * structure functions with labels from the event catalogue (or applies a saved model) and writes
 * the model ({@code ml_model.json}: parameters, feature definitions, provenance), the softness of
 * every particle of every frame ({@code ml_softness.h5}, one [frames][N] dataset per trajectory),
 * the cross-validation, P_R(S) per temperature, the Arrhenius fit, S around each catalogued event
 * and the per-trajectory summary with the Spearman correlation to the caging softness.
 */
public final class MlSoftnessTask
    extends AbstractTask<MlSoftnessTask.Params, Void, MlSoftness.Result> {
  private static final MlSoftness.Options D = MlSoftness.Options.defaults();
  private static final StructureFunctions F = StructureFunctions.defaults();

  static final Param<double[]> MUS =
      Param.reals("mus", F.mus(), "contact distances", "MU", "Radial centres mu of G(i; mu).");
  static final Param<Double> WIDTH =
      Param.real("width", F.width(), "contact distances", "L", "Radial width L of G(i; mu).");
  static final Param<double[]> XIS =
      Param.reals("xis", F.xis(), "contact distances", "XI", "Angular widths xi of Psi.");
  static final Param<double[]> ZETAS =
      Param.reals(
          "zetas",
          Arrays.stream(F.zetas()).asDoubleStream().toArray(),
          "",
          "Z",
          "Angular exponents zeta of Psi (integers; lambda is always -1 and +1).");
  static final Param<Double> ANGULAR_CUTOFF =
      Param.real(
          "angular_cutoff",
          F.angularCutoff(),
          "contact distances",
          "R",
          "Neighbours of the angular sums lie closer than this.");

  /** The catalogue's move criterion; rearranging = moved in a catalogued event interval. */
  static final Param<Double> MOVE = EventsTask.MOVE;

  static final Param<Double> QUIET =
      Param.real(
          "quiet_threshold",
          D.quietThreshold(),
          "mean diameters",
          "Q",
          "Non-rearranging: IS displacement stays below this over the quiet stretch.");
  static final Param<Long> QUIET_STEPS =
      Param.longInt(
          "quiet_steps",
          D.quietSteps(),
          "steps",
          "S",
          "Length of the quiet stretch after a frame.");
  static final Param<Integer> MAX_PER_CLASS =
      Param.integer(
          "max_per_class",
          D.maxPerClass(),
          "particles",
          "K",
          "Most training samples of each class per trajectory.");
  static final Param<Integer> MIN_LABELLED =
      Param.integer(
          "min_labelled",
          D.minLabelled(),
          "particles",
          "M",
          "Fewest labelled training particles (both classes) needed to train.");
  static final Param<double[]> C_VALUES =
      Param.reals(
          "c_values", D.cGrid(), "", "C", "SVM soft-margin values tried by cross-validation.");
  static final Param<Integer> TEST_RUNS =
      Param.integer(
          "test_runs",
          D.testRuns(),
          "trajectories",
          "H",
          "Trajectories held out for testing per temperature (the last ones given).");
  static final Param<Integer> BINS =
      Param.integer("bins", D.bins(), "", "B", "Softness bins of P_R(S).");
  static final Param<String> MODEL =
      Param.text(
          "model",
          null,
          "FILE",
          "Apply this saved ml_model.json instead of training (its feature definitions must"
              + " match).");
  static final Param<Long> SEED = Param.seed("Seed of the balanced sampling and the SVM.");

  /** Command only: the IS trajectories. */
  static final Param<List<String>> TRAJECTORIES =
      Param.names(
          "trajectories", List.of(), "IS.h5", "Inherent-structure trajectories (comma-separated).");

  /** Command only: their temperatures. */
  static final Param<double[]> TEMPERATURES =
      Param.reals(
          "temperatures",
          null,
          "energy/k_B",
          "T",
          "Temperature of each trajectory (default: the file's recorded run temperature).");

  /**
   * Parameters of one run.
   *
   * @param options the analysis options
   * @param model a saved model to apply, or null to train
   * @param ids trajectory names
   * @param files the IS trajectories
   * @param temperatures their temperatures, or null to read them from the files
   */
  public record Params(
      MlSoftness.Options options,
      Path model,
      List<String> ids,
      List<Path> files,
      double[] temperatures) {
    /** The same parameters on other trajectories. */
    public Params withRuns(List<String> newIds, List<Path> newFiles, double[] newTemperatures) {
      return new Params(options, model, newIds, newFiles, newTemperatures);
    }
  }

  /** The task. */
  public static final MlSoftnessTask INSTANCE = new MlSoftnessTask();

  private MlSoftnessTask() {
    super(
        "ml-softness",
        "Machine-learned softness (Cubuk et al. 2015): a linear SVM on radial and angular"
            + " structure functions (distances in pair contact distances) separates particles that"
            + " rearrange in a catalogued event from quiet ones; S = signed distance to the"
            + " hyperplane; P_R(S) per T, Arrhenius fit, S around events, Spearman vs caging"
            + " softness.",
        Input.NONE,
        List.of(
            MUS,
            WIDTH,
            XIS,
            ZETAS,
            ANGULAR_CUTOFF,
            MOVE,
            QUIET,
            QUIET_STEPS,
            MAX_PER_CLASS,
            MIN_LABELLED,
            C_VALUES,
            TEST_RUNS,
            BINS,
            MODEL,
            SEED));
  }

  @Override
  public List<Param<?>> commandParams() {
    return List.of(TRAJECTORIES, TEMPERATURES);
  }

  @Override
  public Params parameters(Values v) {
    double[] zd = v.get(ZETAS);
    int[] zetas = new int[zd.length];
    for (int k = 0; k < zd.length; k++) {
      ZETAS.require(
          zd[k] == Math.rint(zd[k]) && zd[k] >= 1 && zd[k] <= 64,
          "must be integers 1..64, got " + zd[k]);
      zetas[k] = (int) zd[k];
    }
    StructureFunctions sf;
    try {
      sf =
          new StructureFunctions(
              v.get(MUS),
              v.get(WIDTH),
              v.get(XIS),
              new int[] {-1, 1},
              zetas,
              v.get(ANGULAR_CUTOFF));
    } catch (IllegalArgumentException e) {
      throw MUS.invalid(e.getMessage());
    }
    double move = v.get(MOVE);
    double quiet = v.get(QUIET);
    MOVE.require(move > 0 && Double.isFinite(move), "must be finite and positive, got " + move);
    QUIET.require(
        quiet > 0 && quiet <= move, "must be positive and at most --move-threshold " + move);
    QUIET_STEPS.require(v.get(QUIET_STEPS) >= 1, "must be >= 1, got " + v.get(QUIET_STEPS));
    MAX_PER_CLASS.require(v.get(MAX_PER_CLASS) >= 1, "must be >= 1, got " + v.get(MAX_PER_CLASS));
    MIN_LABELLED.require(v.get(MIN_LABELLED) >= 2, "must be >= 2, got " + v.get(MIN_LABELLED));
    double[] c = v.get(C_VALUES);
    C_VALUES.require(c.length > 0, "needs at least one value");
    for (double x : c) {
      C_VALUES.require(x > 0 && Double.isFinite(x), "must be finite and positive, got " + x);
    }
    TEST_RUNS.require(v.get(TEST_RUNS) >= 0, "must be >= 0, got " + v.get(TEST_RUNS));
    BINS.require(v.get(BINS) >= 2, "must be >= 2, got " + v.get(BINS));
    MlSoftness.Options o =
        new MlSoftness.Options(
            sf,
            move,
            quiet,
            v.get(QUIET_STEPS),
            v.get(MAX_PER_CLASS),
            v.get(MIN_LABELLED),
            c,
            v.get(TEST_RUNS),
            v.get(BINS),
            v.get(SEED));
    List<String> files = v.get(TRAJECTORIES);
    double[] temps = v.get(TEMPERATURES);
    TEMPERATURES.require(
        temps == null || temps.length == files.size(),
        "needs one temperature per trajectory ("
            + files.size()
            + "), got "
            + (temps == null ? 0 : temps.length));
    List<Path> paths = files.stream().map(Path::of).toList();
    List<String> ids = paths.stream().map(Path::toString).toList();
    String model = v.get(MODEL);
    return new Params(o, model == null ? null : Path.of(model), ids, paths, temps);
  }

  @Override
  public MlSoftness.Result run(Params p, Void none) throws IOException {
    if (p.files().isEmpty()) {
      throw TRAJECTORIES.invalid("give at least one inherent-structure trajectory");
    }
    SoftnessModel model = p.model() == null ? null : readModel(p.model());
    List<Trajectory> open = new ArrayList<>();
    try {
      List<MlSoftness.Run> runs = new ArrayList<>();
      for (int k = 0; k < p.files().size(); k++) {
        Path f = p.files().get(k);
        Trajectory t = TrajectoryIO.read(f);
        open.add(t);
        double temp;
        if (p.temperatures() != null) {
          temp = p.temperatures()[k];
        } else {
          String rec = t.provenance().get("T");
          if (rec == null) {
            throw TEMPERATURES.invalid(f + " records no run temperature; give --temperatures");
          }
          temp = Double.parseDouble(rec);
        }
        runs.add(new MlSoftness.Run(p.ids().get(k), temp, t));
      }
      return new MlSoftness(p.options()).compute(runs, model);
    } finally {
      for (Trajectory t : open) {
        t.close();
      }
    }
  }

  @Override
  public List<String> files() {
    return List.of(
        "ml_model.json",
        "ml_softness.h5",
        "ml_runs.csv",
        "ml_cv.csv",
        "ml_pr.csv",
        "ml_arrhenius.csv",
        "ml_events.csv");
  }

  @Override
  public void write(Params p, MlSoftness.Result r, Function<String, Path> out) throws IOException {
    JsonFiles.write(out.apply("ml_model.json"), modelJson(r.model()));
    Map<String, Object> sets = new TreeMap<>();
    for (int k = 0; k < r.runs().size(); k++) {
      sets.put(String.format(Locale.ROOT, "softness/run%03d", k), r.softness().get(k));
    }
    Map<String, Object> attrs = new LinkedHashMap<>();
    for (int k = 0; k < r.runs().size(); k++) {
      attrs.put(String.format(Locale.ROOT, "run%03d", k), r.runs().get(k).id());
    }
    attrs.put("convention", "softness/runK [frames][N]: S = (w.z + b)/|w|, positive = soft");
    Hdf5Arrays.write(out.apply("ml_softness.h5"), sets, attrs);
    Csv.write(out.apply("ml_runs.csv"), table(p, r));
    Csv.write(out.apply("ml_cv.csv"), cvTable(r));
    Csv.write(out.apply("ml_pr.csv"), prTable(r));
    Csv.write(out.apply("ml_arrhenius.csv"), arrheniusTable(r));
    Csv.write(out.apply("ml_events.csv"), eventTable(r));
  }

  @Override
  public Table table(Params p, MlSoftness.Result r) {
    List<MlSoftness.RunSummary> s = r.runs();
    int n = s.size();
    String[] id = new String[n];
    double[] t = new double[n];
    String[] role = new String[n];
    int[] rearr = new int[n];
    int[] quiet = new int[n];
    int[] samples = new int[n];
    double[] acc = new double[n];
    double[] rho = new double[n];
    int[] frames = new int[n];
    for (int k = 0; k < n; k++) {
      MlSoftness.RunSummary x = s.get(k);
      id[k] = x.id();
      t[k] = x.temperature();
      role[k] = x.heldOut() ? "test" : "train";
      rearr[k] = x.rearranging();
      quiet[k] = x.quiet();
      samples[k] = x.samples();
      acc[k] = x.accuracy();
      rho[k] = x.spearman();
      frames[k] = x.spearmanFrames();
    }
    return Table.of(
        List.of(
            "run",
            "temperature",
            "role",
            "rearranging_labels",
            "quiet_labels",
            "balanced_samples",
            "accuracy",
            "spearman_caging",
            "spearman_frames"),
        id,
        t,
        role,
        rearr,
        quiet,
        samples,
        acc,
        rho,
        frames);
  }

  static Table cvTable(MlSoftness.Result r) {
    List<LinearSvm.CvPoint> cv = r.cv();
    double[] c = new double[cv.size()];
    double[] a = new double[cv.size()];
    double[] s = new double[cv.size()];
    int[] f = new int[cv.size()];
    for (int k = 0; k < cv.size(); k++) {
      c[k] = cv.get(k).c();
      a[k] = cv.get(k).accuracy();
      s[k] = cv.get(k).spread();
      f[k] = cv.get(k).folds().length;
    }
    return Table.of(List.of("c", "cv_accuracy", "cv_spread", "folds"), c, a, s, f);
  }

  static Table prTable(MlSoftness.Result r) {
    List<MlSoftness.PrBin> b = r.pr();
    int n = b.size();
    double[] t = new double[n];
    int[] bin = new int[n];
    double[] lo = new double[n];
    double[] hi = new double[n];
    long[] count = new long[n];
    long[] re = new long[n];
    double[] pr = new double[n];
    double[] err = new double[n];
    for (int k = 0; k < n; k++) {
      MlSoftness.PrBin x = b.get(k);
      err[k] = Double.isNaN(x.pr()) ? Double.NaN : Math.sqrt(variance(x));
      t[k] = x.temperature();
      bin[k] = x.bin();
      lo[k] = x.lower();
      hi[k] = x.upper();
      count[k] = x.count();
      re[k] = x.rearranged();
      pr[k] = x.pr();
    }
    return Table.of(
        List.of(
            "temperature", "bin", "s_lower", "s_upper", "count", "rearranged", "p_r", "p_r_err"),
        t,
        bin,
        lo,
        hi,
        count,
        re,
        pr,
        err);
  }

  static Table arrheniusTable(MlSoftness.Result r) {
    List<MlSoftness.ArrheniusBin> b = r.arrhenius();
    int n = b.size();
    int[] bin = new int[n];
    double[] c = new double[n];
    int[] nt = new int[n];
    double[] sig = new double[n];
    double[] de = new double[n];
    double[] r2 = new double[n];
    for (int k = 0; k < n; k++) {
      MlSoftness.ArrheniusBin x = b.get(k);
      bin[k] = x.bin();
      c[k] = x.center();
      nt[k] = x.temperatures();
      sig[k] = x.sigma();
      de[k] = x.deltaE();
      r2[k] = x.r2();
    }
    return Table.of(
        List.of("bin", "s_center", "temperatures", "sigma", "delta_e", "r2"),
        bin,
        c,
        nt,
        sig,
        de,
        r2);
  }

  static Table eventTable(MlSoftness.Result r) {
    List<MlSoftness.EventSoftness> e = r.events();
    int n = e.size();
    String[] run = new String[n];
    double[] t = new double[n];
    int[] frame = new int[n];
    int[] moved = new int[n];
    double[] before = new double[n];
    double[] at = new double[n];
    double[] after = new double[n];
    double[] all = new double[n];
    double[] cage = new double[n];
    double[] cageAll = new double[n];
    for (int k = 0; k < n; k++) {
      MlSoftness.EventSoftness x = e.get(k);
      run[k] = x.run();
      t[k] = x.temperature();
      frame[k] = x.frame();
      moved[k] = x.moved();
      before[k] = x.before();
      at[k] = x.at();
      after[k] = x.after();
      all[k] = x.allAt();
      cage[k] = x.cagingAt();
      cageAll[k] = x.cagingAllAt();
    }
    return Table.of(
        List.of(
            "run",
            "temperature",
            "frame",
            "moved",
            "s_before",
            "s_at",
            "s_after",
            "s_all_at",
            "caging_moved_at",
            "caging_all_at"),
        run,
        t,
        frame,
        moved,
        before,
        at,
        after,
        all,
        cage,
        cageAll);
  }

  /** The model as a JSON-ready map: parameters, feature definitions and provenance. */
  public static Map<String, Object> modelJson(SoftnessModel m) {
    Map<String, Object> j = new LinkedHashMap<>();
    j.put("format", "glasslab-ml-softness-1");
    StructureFunctions f = m.features();
    Map<String, Object> feat = new LinkedHashMap<>();
    feat.put("distance_unit", "pair contact distance sigma_ij = (sigma_i + sigma_j)/2");
    feat.put("mus", f.mus());
    feat.put("width", f.width());
    feat.put("xis", f.xis());
    feat.put("lambdas", f.lambdas());
    feat.put("zetas", f.zetas());
    feat.put("angular_cutoff", f.angularCutoff());
    feat.put("names", f.names());
    j.put("features", feat);
    j.put("mean", m.mean());
    j.put("scale", m.scale());
    j.put("weights", m.weights());
    j.put("bias", m.bias());
    j.put("c", m.c());
    j.put("softness", "S = (sum_k weights_k (x_k - mean_k) / scale_k + bias) / |weights|");
    j.put("provenance", m.provenance());
    return j;
  }

  /**
   * Reads a model written by {@link #modelJson}.
   *
   * @throws IOException if the file is not such a model (one line naming the file and field)
   */
  public static SoftnessModel readModel(Path file) throws IOException {
    JsonNode j = JsonFiles.read(file);
    if (!"glasslab-ml-softness-1".equals(j.path("format").asText())) {
      throw new IOException(
          file + ": not a GlassLab ml-softness model (format glasslab-ml-softness-1 expected)");
    }
    try {
      JsonNode f = j.get("features");
      double[] zd = doubles(f, "zetas", file);
      int[] zetas = new int[zd.length];
      for (int k = 0; k < zd.length; k++) {
        zetas[k] = (int) zd[k];
      }
      double[] ld = doubles(f, "lambdas", file);
      int[] lambdas = new int[ld.length];
      for (int k = 0; k < ld.length; k++) {
        lambdas[k] = (int) ld[k];
      }
      StructureFunctions sf =
          new StructureFunctions(
              doubles(f, "mus", file),
              f.path("width").asDouble(Double.NaN),
              doubles(f, "xis", file),
              lambdas,
              zetas,
              f.path("angular_cutoff").asDouble(Double.NaN));
      @SuppressWarnings("unchecked")
      Map<String, Object> prov =
          JsonFiles.mapper().convertValue(j.path("provenance"), LinkedHashMap.class);
      return new SoftnessModel(
          sf,
          doubles(j, "mean", file),
          doubles(j, "scale", file),
          doubles(j, "weights", file),
          j.path("bias").asDouble(Double.NaN),
          j.path("c").asDouble(Double.NaN),
          prov == null ? Map.of() : prov);
    } catch (IllegalArgumentException e) {
      throw new IOException(file + ": " + e.getMessage(), e);
    }
  }

  private static double[] doubles(JsonNode parent, String field, Path file) throws IOException {
    JsonNode a = parent == null ? null : parent.get(field);
    if (a == null || !a.isArray()) {
      throw new IOException(file + ": field '" + field + "' must be an array of numbers");
    }
    double[] d = new double[a.size()];
    for (int k = 0; k < d.length; k++) {
      d[k] = a.get(k).asDouble();
    }
    return d;
  }

  @Override
  public Map<String, Object> report(Params p, Void none, MlSoftness.Result r) {
    Map<String, Object> params = new LinkedHashMap<>();
    MlSoftness.Options o = p.options();
    params.put("features", o.features().count());
    params.put("move_threshold", o.moveThreshold());
    params.put("quiet_threshold", o.quietThreshold());
    params.put("quiet_steps", o.quietSteps());
    params.put("max_per_class", o.maxPerClass());
    params.put("c_values", o.cGrid());
    params.put("seed", o.seed());
    params.put("model", p.model() == null ? null : p.model().toString());
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("parameters", params);
    out.put("trained", r.trained());
    out.put("c", r.model().c());
    LinearSvm.CvPoint best =
        r.cv().stream().filter(c -> c.c() == r.model().c()).findFirst().orElse(null);
    out.put("cv_accuracy", best == null ? null : best.accuracy());
    out.put("cv_spread", best == null ? null : best.spread());
    out.put("test_accuracy", r.testAccuracy());
    out.put("test_samples", r.testSamples());
    out.put("spearman_caging", r.spearman());
    out.put("feature_ms_per_frame", r.featureMillis());
    out.put("pr_monotonic", monotonic(r));
    return out;
  }

  /**
   * Per temperature, how monotonic P_R(S) is over the reported bins: the Spearman rho of P_R
   * against the bin, the steps where P_R decreases, and those of them larger than twice the
   * combined binomial error sqrt(p(1-p)/count) of the two bins (significant decreases).
   */
  static Map<String, Map<String, Object>> monotonic(MlSoftness.Result r) {
    Map<Double, List<MlSoftness.PrBin>> byT = new TreeMap<>();
    for (MlSoftness.PrBin b : r.pr()) {
      if (!Double.isNaN(b.pr())) {
        byT.computeIfAbsent(b.temperature(), t -> new ArrayList<>()).add(b);
      }
    }
    Map<String, Map<String, Object>> m = new TreeMap<>();
    for (var e : byT.entrySet()) {
      List<MlSoftness.PrBin> bins = e.getValue();
      int down = 0;
      int significant = 0;
      for (int k = 1; k < bins.size(); k++) {
        MlSoftness.PrBin a = bins.get(k - 1);
        MlSoftness.PrBin b = bins.get(k);
        if (b.pr() < a.pr()) {
          down++;
          double err = Math.sqrt(variance(a) + variance(b));
          significant += a.pr() - b.pr() > 2 * err ? 1 : 0;
        }
      }
      Map<String, Object> t = new LinkedHashMap<>();
      t.put("bins", bins.size());
      t.put(
          "spearman_bin_pr",
          bins.size() < 2
              ? Double.NaN
              : new org.apache.commons.math3.stat.correlation.SpearmansCorrelation()
                  .correlation(
                      bins.stream().mapToDouble(MlSoftness.PrBin::bin).toArray(),
                      bins.stream().mapToDouble(MlSoftness.PrBin::pr).toArray()));
      t.put("decreasing_steps", down);
      t.put("significant_decreases", significant);
      m.put(Double.toString(e.getKey()), t);
    }
    return m;
  }

  private static double variance(MlSoftness.PrBin b) {
    return b.pr() * (1 - b.pr()) / b.count();
  }

  @Override
  public void print(Params p, MlSoftness.Result r, String source, PrintWriter o) {
    Map<String, Object> rep = report(p, null, r);
    o.printf(
        Locale.ROOT,
        "ml-softness: %s, C = %g, cv accuracy %s, held-out accuracy %.3f (%d samples),"
            + " Spearman vs caging %.3f, features %.1f ms/frame%n",
        r.trained() ? "trained" : "applied",
        r.model().c(),
        rep.get("cv_accuracy"),
        r.testAccuracy(),
        r.testSamples(),
        r.spearman(),
        r.featureMillis());
    o.println("P_R(S) per T: " + rep.get("pr_monotonic"));
    Csv.print(o, table(p, r));
  }

  @Override
  public List<Figure> figures(Params p, MlSoftness.Result r) {
    LinePlot.Builder pr = LinePlot.builder("P_R(S) per temperature", "softness S", "P_R");
    Map<Double, List<MlSoftness.PrBin>> byT = new TreeMap<>();
    for (MlSoftness.PrBin b : r.pr()) {
      if (!Double.isNaN(b.pr())) {
        byT.computeIfAbsent(b.temperature(), t -> new ArrayList<>()).add(b);
      }
    }
    for (var e : byT.entrySet()) {
      double[] x = e.getValue().stream().mapToDouble(b -> 0.5 * (b.lower() + b.upper())).toArray();
      double[] y = e.getValue().stream().mapToDouble(MlSoftness.PrBin::pr).toArray();
      pr.series("T = " + e.getKey(), x, y);
    }
    List<Figure> figs = new ArrayList<>();
    if (!byT.isEmpty()) {
      figs.add(
          new Figure(
              "ml_pr",
              pr.log(false, true).build(),
              "Probability that a particle of machine-learned softness S rearranges in the next"
                  + " inherent-structure interval (moved in a catalogued event), per temperature"));
    }
    List<MlSoftness.ArrheniusBin> fits =
        r.arrhenius().stream().filter(a -> !Double.isNaN(a.deltaE())).toList();
    if (fits.size() >= 2) {
      figs.add(
          new Figure(
              "ml_arrhenius",
              LinePlot.builder("Arrhenius fit of P_R(S, T)", "softness S", "value")
                  .series(
                      "Delta E(S)",
                      fits.stream().mapToDouble(MlSoftness.ArrheniusBin::center).toArray(),
                      fits.stream().mapToDouble(MlSoftness.ArrheniusBin::deltaE).toArray())
                  .series(
                      "Sigma(S)",
                      fits.stream().mapToDouble(MlSoftness.ArrheniusBin::center).toArray(),
                      fits.stream().mapToDouble(MlSoftness.ArrheniusBin::sigma).toArray())
                  .build(),
              "ln P_R(S, T) = Sigma(S) - Delta E(S)/T fitted per softness bin over the"
                  + " temperatures"));
    }
    return figs;
  }
}
