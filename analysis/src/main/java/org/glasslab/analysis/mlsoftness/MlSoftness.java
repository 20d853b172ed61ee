package org.glasslab.analysis.mlsoftness;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.math3.stat.correlation.SpearmansCorrelation;
import org.apache.commons.math3.stat.regression.SimpleRegression;
import org.glasslab.analysis.events.EventCatalog;
import org.glasslab.analysis.events.EventOptions;
import org.glasslab.analysis.structure.CagingSoftness;
import org.glasslab.data.Box;
import org.glasslab.data.Configuration;
import org.glasslab.data.Trajectory;
import org.glasslab.data.random.Rng;

/**
 * The machine-learned softness of Cubuk et al. (PRL 2015) and Schoenholz et al. (Nat. Phys. 2016)
 * on inherent-structure trajectories: {@link StructureFunctions} as features, {@link
 * Rearrangements} as labels, a {@link LinearSvm} trained on balanced samples of the training
 * trajectories (C by leave-one-trajectory-out cross-validation), tested on held-out trajectories,
 * and applied to every frame of every trajectory for the analyses: P_R(S) per temperature (the
 * fraction of particles of softness S that rearrange in the next interval), the Arrhenius fit ln
 * P_R(S, T) = Σ(S) − ΔE(S)/T per softness bin over the temperatures, S of each event's moving
 * particles before (frame f−1), at (f) and after (f+1) the event [f, f+1], and the Spearman rank
 * correlation with the caging softness ({@link CagingSoftness}, defaults) at the first frame and
 * each event frame of every trajectory.
 *
 * <p>Held-out trajectories: the last {@code testRuns} trajectories (in input order) of every
 * temperature that has more than {@code testRuns}. Balanced sampling: per trajectory the same
 * number k = min(rearranging, quiet, maxPerClass) of each class, drawn uniformly over its (frame,
 * particle) labels with the seed. Memory: every trajectory's IS positions and softness (O(frames N)
 * each); features are computed frame by frame.
 */
public final class MlSoftness {
  /** Smallest number of particles in a softness bin for its P_R to be reported. */
  public static final int MIN_BIN_COUNT = 20;

  /**
   * Parameters.
   *
   * @param features the structure functions
   * @param moveThreshold rearranging above this IS displacement [mean diameters]
   * @param quietThreshold non-rearranging below this IS displacement [mean diameters]
   * @param quietSteps length of the quiet stretch [steps]
   * @param maxPerClass most samples of each class per trajectory
   * @param minLabelled fewest labelled training particles (both classes together)
   * @param cGrid candidate SVM C values
   * @param testRuns trajectories held out per temperature
   * @param bins softness bins of P_R(S)
   * @param seed sampling and training seed
   */
  public record Options(
      StructureFunctions features,
      double moveThreshold,
      double quietThreshold,
      long quietSteps,
      int maxPerClass,
      int minLabelled,
      double[] cGrid,
      int testRuns,
      int bins,
      long seed) {
    /** Validates. */
    public Options {
      cGrid = cGrid.clone();
      if (!(moveThreshold > 0) || !Double.isFinite(moveThreshold)) {
        throw new IllegalArgumentException("move threshold must be positive, got " + moveThreshold);
      }
      if (!(quietThreshold > 0 && quietThreshold <= moveThreshold)) {
        throw new IllegalArgumentException(
            "quiet threshold must be positive and at most the move threshold "
                + moveThreshold
                + ", got "
                + quietThreshold);
      }
      if (quietSteps < 1 || maxPerClass < 1 || minLabelled < 2 || testRuns < 0 || bins < 2) {
        throw new IllegalArgumentException(
            "need quiet steps >= 1, max per class >= 1, min labelled >= 2, test runs >= 0, bins"
                + " >= 2");
      }
    }

    /**
     * Defaults: {@link StructureFunctions#defaults}, move 0.3 (the catalogue's), quiet 0.1 mean
     * diameters over 4096 steps, 200 per class per trajectory, 100 labelled at least, C in {0.01,
     * 0.1, 1, 10}, 1 held-out trajectory per temperature, 10 bins, seed 1.
     */
    public static Options defaults() {
      return new Options(
          StructureFunctions.defaults(),
          EventOptions.defaults().moveThreshold(),
          0.1,
          4096,
          200,
          100,
          new double[] {0.01, 0.1, 1, 10},
          1,
          10,
          1);
    }

    @Override
    public double[] cGrid() {
      return cGrid.clone();
    }
  }

  /**
   * One input trajectory.
   *
   * @param id name (branch)
   * @param temperature its temperature [epsilon/k_B]
   * @param is the inherent-structure trajectory (read, not closed)
   */
  public record Run(String id, double temperature, Trajectory is) {}

  /**
   * What was learned and measured per trajectory.
   *
   * @param id the run
   * @param temperature its temperature
   * @param heldOut true for a test trajectory
   * @param rearranging rearranging labels available
   * @param quiet non-rearranging labels available
   * @param samples balanced samples drawn (both classes)
   * @param accuracy accuracy on those samples (NaN if none)
   * @param spearman mean Spearman rho(ML softness, caging softness) over the compared frames
   * @param spearmanFrames frames compared
   */
  public record RunSummary(
      String id,
      double temperature,
      boolean heldOut,
      int rearranging,
      int quiet,
      int samples,
      double accuracy,
      double spearman,
      int spearmanFrames) {}

  /**
   * P_R(S) in one softness bin at one temperature.
   *
   * @param temperature T
   * @param bin bin index
   * @param lower lower edge of S
   * @param upper upper edge of S
   * @param count (frame, particle) pairs with S in the bin, over intervals followed by a frame
   * @param rearranged how many of them rearranged in the next interval
   * @param pr rearranged / count (NaN below {@value #MIN_BIN_COUNT} pairs)
   */
  public record PrBin(
      double temperature,
      int bin,
      double lower,
      double upper,
      long count,
      long rearranged,
      double pr) {}

  /**
   * Arrhenius fit ln P_R(S, T) = sigma − deltaE / T of one bin.
   *
   * @param bin bin index
   * @param center bin centre [S]
   * @param temperatures temperatures with a positive P_R
   * @param sigma Σ(S) (NaN with fewer than two temperatures)
   * @param deltaE ΔE(S) [epsilon]
   * @param r2 coefficient of determination (NaN with two temperatures or fewer)
   */
  public record ArrheniusBin(
      int bin, double center, int temperatures, double sigma, double deltaE, double r2) {}

  /**
   * Softness around one catalogued event [f, f+1].
   *
   * @param run the trajectory
   * @param temperature its T
   * @param frame f
   * @param moved particles that rearranged
   * @param before mean S of them at frame f−1 (NaN at f = 0)
   * @param at mean S at frame f
   * @param after mean S at frame f+1
   * @param allAt mean S of all particles at frame f
   * @param cagingAt mean caging softness of the moved particles at f
   * @param cagingAllAt mean caging softness of all particles at f
   */
  public record EventSoftness(
      String run,
      double temperature,
      int frame,
      int moved,
      double before,
      double at,
      double after,
      double allAt,
      double cagingAt,
      double cagingAllAt) {}

  /**
   * The whole result.
   *
   * @param model the trained (or given) model
   * @param trained false when a saved model was applied
   * @param cv the cross-validation per C (empty when applied)
   * @param testAccuracy accuracy on the held-out trajectories' balanced samples (NaN if none)
   * @param testSamples their number
   * @param runs per trajectory
   * @param softness per trajectory [frames][N] the ML softness of every particle of every frame
   * @param pr P_R(S) per temperature and bin
   * @param arrhenius per bin (empty with one temperature)
   * @param events per catalogued event
   * @param spearman pooled mean of the per-frame Spearman rho over all compared frames
   * @param featureMillis mean wall time of the features of one frame [ms]
   */
  public record Result(
      SoftnessModel model,
      boolean trained,
      List<LinearSvm.CvPoint> cv,
      double testAccuracy,
      int testSamples,
      List<RunSummary> runs,
      List<double[][]> softness,
      List<PrBin> pr,
      List<ArrheniusBin> arrhenius,
      List<EventSoftness> events,
      double spearman,
      double featureMillis) {}

  private final Options options;

  /** An analysis with the given options. */
  public MlSoftness(Options options) {
    this.options = options;
  }

  /** One trajectory in memory. */
  private record Data(
      Run run,
      Box box,
      double[] diameters,
      double[][] positions,
      long[] steps,
      EventCatalog.Result catalogue,
      Rearrangements labels) {}

  /** Labelled samples of one trajectory. */
  private record Samples(double[][] x, int[] y) {}

  /**
   * Trains on the training trajectories (or checks and applies {@code model} when it is not null)
   * and runs the analyses on all of them.
   *
   * @throws IllegalArgumentException with "not enough labelled particles (k of the n needed)" when
   *     training lacks labels, or when {@code model}'s feature definitions differ from the options'
   */
  public Result compute(List<Run> runs, SoftnessModel model) {
    if (runs.isEmpty()) {
      throw new IllegalArgumentException("machine-learned softness needs at least one trajectory");
    }
    if (model != null) {
      model.requireFeatures(options.features());
    }
    List<Data> data = new ArrayList<>();
    for (Run r : runs) {
      data.add(load(r));
    }
    boolean[] held = heldOut(runs, model != null);
    Rng rng = new Rng(options.seed());
    List<Samples> samples = new ArrayList<>();
    long[] featureNanos = {0, 0};
    for (int r = 0; r < data.size(); r++) {
      samples.add(sample(data.get(r), rng.derive(r), featureNanos));
    }
    List<LinearSvm.CvPoint> cv = List.of();
    if (model == null) {
      List<double[]> x = new ArrayList<>();
      List<Integer> y = new ArrayList<>();
      List<Integer> g = new ArrayList<>();
      for (int r = 0; r < data.size(); r++) {
        if (!held[r]) {
          Samples s = samples.get(r);
          for (int k = 0; k < s.y.length; k++) {
            x.add(s.x[k]);
            y.add(s.y[k]);
            g.add(r);
          }
        }
      }
      if (x.size() < options.minLabelled()) {
        throw new IllegalArgumentException(
            "not enough labelled particles ("
                + x.size()
                + " of the "
                + options.minLabelled()
                + " needed) in the training trajectories: too few rearrangements (IS moves above "
                + options.moveThreshold()
                + " mean diameters in catalogued events) or quiet stretches");
      }
      LinearSvm.Fit fit =
          LinearSvm.train(
              x.toArray(new double[0][]),
              y.stream().mapToInt(Integer::intValue).toArray(),
              g.stream().mapToInt(Integer::intValue).toArray(),
              options.cGrid(),
              options.seed());
      cv = fit.cv();
      Map<String, Object> prov = new LinkedHashMap<>();
      prov.put("method", "linear SVM (Smile 3 LASVM), standardised features");
      prov.put(
          "labels", "rearranging: IS move in a catalogued event; quiet: stretch below threshold");
      prov.put("move_threshold", options.moveThreshold());
      prov.put("quiet_threshold", options.quietThreshold());
      prov.put("quiet_steps", options.quietSteps());
      prov.put("max_per_class", options.maxPerClass());
      prov.put("seed", options.seed());
      prov.put("c_grid", options.cGrid());
      prov.put("training_samples", x.size());
      prov.put("training_accuracy", fit.trainingAccuracy());
      List<String> tr = new ArrayList<>();
      List<String> te = new ArrayList<>();
      for (int r = 0; r < runs.size(); r++) {
        (held[r] ? te : tr).add(runs.get(r).id());
      }
      prov.put("training_runs", tr);
      prov.put("test_runs", te);
      model =
          new SoftnessModel(
              options.features(),
              fit.mean(),
              fit.scale(),
              fit.weights(),
              fit.bias(),
              fit.c(),
              prov);
    }
    // test accuracy and per-run accuracy on the balanced samples
    int testRight = 0;
    int testTotal = 0;
    double[] runAcc = new double[data.size()];
    for (int r = 0; r < data.size(); r++) {
      Samples s = samples.get(r);
      int right = 0;
      for (int k = 0; k < s.y.length; k++) {
        double[] d = model.softness(s.x[k], null);
        right += (d[0] > 0) == (s.y[k] == 1) ? 1 : 0;
      }
      runAcc[r] = s.y.length == 0 ? Double.NaN : (double) right / s.y.length;
      if (held[r]) {
        testRight += right;
        testTotal += s.y.length;
      }
    }
    // apply to every frame
    List<double[][]> soft = new ArrayList<>();
    for (Data d : data) {
      double[][] s = new double[d.positions.length][];
      double[] buf = new double[d.diameters.length * options.features().count()];
      for (int f = 0; f < s.length; f++) {
        long t0 = System.nanoTime();
        options.features().compute(d.box, d.positions[f], d.diameters, buf);
        featureNanos[0] += System.nanoTime() - t0;
        featureNanos[1]++;
        s[f] = model.softness(buf, null);
      }
      soft.add(s);
    }
    List<EventSoftness> events = new ArrayList<>();
    List<RunSummary> summaries = new ArrayList<>();
    double rhoSum = 0;
    int rhoCount = 0;
    CagingSoftness caging = new CagingSoftness();
    SpearmansCorrelation spearman = new SpearmansCorrelation();
    for (int r = 0; r < data.size(); r++) {
      Data d = data.get(r);
      double[][] s = soft.get(r);
      Map<Integer, double[]> cage = new TreeMap<>();
      cage.put(0, null);
      for (EventCatalog.Interval iv : d.catalogue.events()) {
        cage.put(iv.frame(), null);
      }
      double runRho = 0;
      int runFrames = 0;
      for (Map.Entry<Integer, double[]> e : cage.entrySet()) {
        double[] c = caging.compute(d.box, d.positions[e.getKey()]).softness();
        e.setValue(c);
        double rho = spearman.correlation(s[e.getKey()], finite(c));
        if (Double.isFinite(rho)) {
          runRho += rho;
          runFrames++;
        }
      }
      rhoSum += runRho;
      rhoCount += runFrames;
      for (EventCatalog.Interval iv : d.catalogue.events()) {
        int f = iv.frame();
        boolean[] moved = d.labels.rearranging()[f];
        double[] c = cage.get(f);
        events.add(
            new EventSoftness(
                d.run.id(),
                d.run.temperature(),
                f,
                count(moved),
                f > 0 ? meanOf(s[f - 1], moved) : Double.NaN,
                meanOf(s[f], moved),
                meanOf(s[f + 1], moved),
                meanOf(s[f], null),
                meanOf(c, moved),
                meanOf(c, null)));
      }
      summaries.add(
          new RunSummary(
              d.run.id(),
              d.run.temperature(),
              held[r],
              d.labels.rearrangingCount(),
              d.labels.quietCount(),
              samples.get(r).y.length,
              runAcc[r],
              runFrames == 0 ? Double.NaN : runRho / runFrames,
              runFrames));
    }
    List<PrBin> pr = probabilities(data, soft);
    return new Result(
        model,
        cv.size() > 0,
        cv,
        testTotal == 0 ? Double.NaN : (double) testRight / testTotal,
        testTotal,
        summaries,
        soft,
        pr,
        arrhenius(pr),
        events,
        rhoCount == 0 ? Double.NaN : rhoSum / rhoCount,
        featureNanos[1] == 0 ? Double.NaN : featureNanos[0] * 1e-6 / featureNanos[1]);
  }

  private Data load(Run r) {
    Trajectory t = r.is();
    int nf = t.frameCount();
    double[][] pos = new double[nf][];
    long[] steps = new long[nf];
    for (int f = 0; f < nf; f++) {
      Configuration c = t.frame(f);
      pos[f] = c.positions();
      steps[f] = t.step(f);
    }
    EventOptions eo = EventOptions.defaults();
    eo =
        new EventOptions(
            options.moveThreshold(),
            eo.linkDistance(),
            eo.minClusterSize(),
            eo.zThreshold(),
            eo.minSameLag());
    EventCatalog.Result cat = new EventCatalog(eo).compute(t);
    Rearrangements lab =
        Rearrangements.of(
            t.box(),
            pos,
            steps,
            cat,
            options.moveThreshold(),
            options.quietThreshold(),
            options.quietSteps(),
            cat.meanDiameter());
    return new Data(r, t.box(), t.diameters(), pos, steps, cat, lab);
  }

  /** Held out: the last testRuns of every temperature with more runs than that. */
  private boolean[] heldOut(List<Run> runs, boolean applying) {
    boolean[] held = new boolean[runs.size()];
    if (applying) {
      Arrays.fill(held, true);
      return held;
    }
    Map<Double, List<Integer>> byT = new TreeMap<>();
    for (int r = 0; r < runs.size(); r++) {
      byT.computeIfAbsent(runs.get(r).temperature(), k -> new ArrayList<>()).add(r);
    }
    for (List<Integer> idx : byT.values()) {
      if (idx.size() > options.testRuns()) {
        for (int k = idx.size() - options.testRuns(); k < idx.size(); k++) {
          held[idx.get(k)] = true;
        }
      }
    }
    return held;
  }

  /** Balanced samples of one trajectory with their features. */
  private Samples sample(Data d, Rng rng, long[] nanos) {
    List<int[]> rearr = new ArrayList<>();
    List<int[]> quiet = new ArrayList<>();
    boolean[][] a = d.labels.rearranging();
    boolean[][] q = d.labels.quiet();
    for (int f = 0; f < a.length; f++) {
      for (int i = 0; i < a[f].length; i++) {
        if (a[f][i]) {
          rearr.add(new int[] {f, i});
        } else if (q[f][i]) {
          quiet.add(new int[] {f, i});
        }
      }
    }
    int k = Math.min(options.maxPerClass(), Math.min(rearr.size(), quiet.size()));
    List<int[]> pick = new ArrayList<>(2 * k);
    pick.addAll(choose(rearr, k, rng));
    List<int[]> qp = choose(quiet, k, rng);
    int fcount = options.features().count();
    double[][] x = new double[2 * k][];
    int[] y = new int[2 * k];
    for (int s = 0; s < 2 * k; s++) {
      y[s] = s < k ? 1 : 0;
    }
    pick.addAll(qp);
    // features frame by frame
    TreeMap<Integer, List<Integer>> byFrame = new TreeMap<>();
    for (int s = 0; s < pick.size(); s++) {
      byFrame.computeIfAbsent(pick.get(s)[0], f -> new ArrayList<>()).add(s);
    }
    double[] buf = new double[d.diameters.length * fcount];
    for (var e : byFrame.entrySet()) {
      long t0 = System.nanoTime();
      options.features().compute(d.box, d.positions[e.getKey()], d.diameters, buf);
      nanos[0] += System.nanoTime() - t0;
      nanos[1]++;
      for (int s : e.getValue()) {
        int i = pick.get(s)[1];
        x[s] = Arrays.copyOfRange(buf, i * fcount, (i + 1) * fcount);
      }
    }
    return new Samples(x, y);
  }

  /** k distinct elements drawn uniformly (partial Fisher–Yates), in drawn order. */
  private static List<int[]> choose(List<int[]> from, int k, Rng rng) {
    List<int[]> c = new ArrayList<>(from);
    for (int i = 0; i < k; i++) {
      int j = i + rng.nextInt(c.size() - i);
      int[] t = c.get(i);
      c.set(i, c.get(j));
      c.set(j, t);
    }
    return new ArrayList<>(c.subList(0, k));
  }

  /** P_R(S) on common bins: the 1st to 99th percentile of all softness values. */
  private List<PrBin> probabilities(List<Data> data, List<double[][]> soft) {
    int total = 0;
    for (int r = 0; r < data.size(); r++) {
      double[][] s = soft.get(r);
      total += (s.length - 1) * (s.length == 0 ? 0 : s[0].length);
    }
    double[] all = new double[total];
    int m = 0;
    for (double[][] s : soft) {
      for (int f = 0; f + 1 < s.length; f++) {
        System.arraycopy(s[f], 0, all, m, s[f].length);
        m += s[f].length;
      }
    }
    Arrays.sort(all);
    double lo = all[(int) (0.01 * (m - 1))];
    double hi = all[(int) (0.99 * (m - 1))];
    int nb = options.bins();
    double width = (hi - lo) / nb;
    TreeMap<Double, long[][]> byT = new TreeMap<>();
    for (int r = 0; r < data.size(); r++) {
      Data d = data.get(r);
      long[][] c = byT.computeIfAbsent(d.run.temperature(), t -> new long[2][nb]);
      double[][] s = soft.get(r);
      boolean[][] moved = d.labels.rearranging();
      for (int f = 0; f + 1 < s.length; f++) {
        for (int i = 0; i < s[f].length; i++) {
          double v = s[f][i];
          if (v < lo || v > hi) {
            continue;
          }
          int b = Math.min(nb - 1, (int) ((v - lo) / width));
          c[0][b]++;
          c[1][b] += moved[f][i] ? 1 : 0;
        }
      }
    }
    List<PrBin> out = new ArrayList<>();
    for (var e : byT.entrySet()) {
      long[][] c = e.getValue();
      for (int b = 0; b < nb; b++) {
        double p = c[0][b] < MIN_BIN_COUNT ? Double.NaN : (double) c[1][b] / c[0][b];
        out.add(
            new PrBin(e.getKey(), b, lo + b * width, lo + (b + 1) * width, c[0][b], c[1][b], p));
      }
    }
    return out;
  }

  /** Per bin, ln P_R against 1/T over the temperatures with P_R > 0. */
  private List<ArrheniusBin> arrhenius(List<PrBin> pr) {
    TreeMap<Integer, List<PrBin>> byBin = new TreeMap<>();
    java.util.Set<Double> temps = new java.util.TreeSet<>();
    for (PrBin p : pr) {
      byBin.computeIfAbsent(p.bin(), b -> new ArrayList<>()).add(p);
      temps.add(p.temperature());
    }
    List<ArrheniusBin> out = new ArrayList<>();
    if (temps.size() < 2) {
      return out;
    }
    for (var e : byBin.entrySet()) {
      SimpleRegression reg = new SimpleRegression();
      PrBin any = e.getValue().get(0);
      for (PrBin p : e.getValue()) {
        if (p.pr() > 0) {
          reg.addData(1.0 / p.temperature(), Math.log(p.pr()));
        }
      }
      int n = (int) reg.getN();
      out.add(
          new ArrheniusBin(
              e.getKey(),
              0.5 * (any.lower() + any.upper()),
              n,
              n >= 2 ? reg.getIntercept() : Double.NaN,
              n >= 2 ? -reg.getSlope() : Double.NaN,
              n >= 3 ? reg.getRSquare() : Double.NaN));
    }
    return out;
  }

  private static double[] finite(double[] c) {
    double[] o = c.clone();
    double max = 0;
    for (double v : o) {
      if (Double.isFinite(v)) {
        max = Math.max(max, v);
      }
    }
    for (int i = 0; i < o.length; i++) {
      if (!Double.isFinite(o[i])) {
        o[i] = 2 * max + 1; // no neighbour in range: softest (ranks only)
      }
    }
    return o;
  }

  private static int count(boolean[] b) {
    int c = 0;
    for (boolean v : b) {
      c += v ? 1 : 0;
    }
    return c;
  }

  /** Mean of the finite values of v where mask (null: all). */
  private static double meanOf(double[] v, boolean[] mask) {
    double s = 0;
    int n = 0;
    for (int i = 0; i < v.length; i++) {
      if ((mask == null || mask[i]) && Double.isFinite(v[i])) {
        s += v[i];
        n++;
      }
    }
    return n == 0 ? Double.NaN : s / n;
  }
}
