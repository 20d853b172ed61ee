package org.glasslab.pipeline.task;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.glasslab.data.Configuration;
import org.glasslab.data.Trajectory;
import org.glasslab.data.io.TrajectoryIO;
import org.glasslab.epm.coarsegrain.FrozenMatrix;
import org.glasslab.epm.coarsegrain.Pseudogap;
import org.glasslab.md.PairPotential;
import org.glasslab.minimize.Method;
import org.glasslab.minimize.MinimizerOptions;
import org.glasslab.pipeline.store.Csv;
import org.glasslab.pipeline.store.JsonFiles;
import org.glasslab.pipeline.store.Table;

/**
 * {@code epm local-yield}: local yield stresses and distances to yielding of circular patches of
 * one inherent structure by the frozen-matrix method ({@link FrozenMatrix}, Patinet et al. 2016),
 * on a square grid of patch centres, every orientation; the distribution of x (the smallest {@code
 * tau_c - tau_0} over orientations) and its pseudogap exponent ({@link Pseudogap}). Lengths in mean
 * diameters sigma, stresses in epsilon/sigma^2.
 */
public final class EpmLocalYieldTask
    extends AbstractTask<EpmLocalYieldTask.Options, Trajectory, EpmLocalYieldTask.Result> {

  static final Param<Integer> FRAME =
      Param.integer("frame", -1, "", "K", "Inherent-structure frame, negative from the end");
  static final Param<Double> RADIUS =
      Param.real(
          "radius",
          5.0,
          "sigma",
          "R",
          "Patch radius R: particles within R relax, the others are frozen (R plus a frozen shell"
              + " of 1.5 (1 + max strain) cutoffs must be below half the box)");
  static final Param<Double> SPACING =
      Param.real("spacing", 5.0, "sigma", "D", "Spacing of the square grid of patch centres");
  static final Param<Double> STRAIN_STEP =
      Param.real("strain_step", 1e-3, "", "DG", "Largest imposed strain step");
  static final Param<Double> MIN_STRAIN_STEP =
      Param.real(
          "min_strain_step",
          1e-5,
          "",
          "DG",
          "Smallest step of the refinement at an instability (resolution of the yield strain)");
  static final Param<Integer> ORIENTATIONS =
      Param.integer("orientations", 8, "", "M", "Shear orientations alpha = k pi / M, k = 0..M-1");
  static final Param<Integer> SHEAR_SIGN =
      Param.integer("shear_sign", 1, "", "S", "Sign of the imposed simple shear (+1 or -1)");
  static final Param<Double> MAX_STRAIN =
      Param.real(
          "max_strain", 0.3, "", "G", "Strain at which a patch that has not yielded is given up");
  static final Param<Double> JUMP =
      Param.real(
          "jump_threshold",
          0.05,
          "sigma",
          "D",
          "Largest non-affine displacement in one step that counts as elastic");
  static final Param<Double> JITTER =
      Param.real(
          "jitter",
          1e-5,
          "sigma",
          "D",
          "Gaussian perturbation of the free particles before each minimization (breaks the"
              + " symmetry of a crystal's force-free saddle)");
  static final Param<Double> FRACTION =
      Param.real(
          "fraction", 0.25, "", "F", "Share of the smallest positive x in the pseudogap fit");
  static final Param<Integer> BOOTSTRAP =
      Param.integer("bootstrap", 200, "", "B", "Bootstrap resamples of the pseudogap fit");
  static final Param<Long> SEED = Param.seed("Seed of the perturbations and of the bootstrap");

  /** The task. */
  public static final EpmLocalYieldTask INSTANCE = new EpmLocalYieldTask();

  private EpmLocalYieldTask() {
    super(
        "epm-local-yield",
        "epm local-yield",
        "Local yield stress and distance to yielding x of patches of an inherent structure by the"
            + " frozen-matrix method (Patinet et al. 2016), P(x) and its pseudogap exponent theta.",
        Input.TRAJECTORY,
        List.of(
            FRAME,
            RADIUS,
            SPACING,
            STRAIN_STEP,
            MIN_STRAIN_STEP,
            ORIENTATIONS,
            SHEAR_SIGN,
            MAX_STRAIN,
            JUMP,
            JITTER,
            FRACTION,
            BOOTSTRAP,
            SEED,
            MinimizeTask.METHOD,
            MinimizeTask.FTOL,
            PhysicsParams.POTENTIAL));
  }

  /**
   * @param frame the IS frame
   * @param spacing grid spacing
   * @param fraction pseudogap fit range
   * @param bootstrap bootstrap resamples
   * @param method minimizer
   * @param ftol force tolerance
   * @param potential potential spec or null
   * @param radius and the rest: see {@link FrozenMatrix.Options}
   */
  public record Options(
      int frame,
      double spacing,
      double fraction,
      int bootstrap,
      Method method,
      double ftol,
      String potential,
      double radius,
      double strainStep,
      double minStrainStep,
      int orientations,
      int shearSign,
      double maxStrain,
      double jump,
      double jitter,
      long seed) {}

  /**
   * @param patches every patch
   * @param fit the pseudogap fit of the patches' x
   * @param cpuSeconds CPU time of all patches [s]
   * @param particles N of the sample
   * @param potential the potential's spec
   */
  public record Result(
      List<FrozenMatrix.Patch> patches,
      Pseudogap.Fit fit,
      double cpuSeconds,
      int particles,
      String potential) {}

  @Override
  public Options parameters(Values v) {
    double spacing = v.get(SPACING);
    SPACING.require(spacing > 0 && Double.isFinite(spacing), "must be > 0, got " + spacing);
    double f = v.get(FRACTION);
    FRACTION.require(f > 0 && f <= 1, "must be in (0, 1], got " + f);
    int b = v.get(BOOTSTRAP);
    BOOTSTRAP.require(b >= 20, "must be >= 20, got " + b);
    double ftol = v.get(MinimizeTask.FTOL);
    MinimizeTask.FTOL.require(ftol >= 1e-14 && Double.isFinite(ftol), "must be >= 1e-14");
    Options o =
        new Options(
            v.get(FRAME),
            spacing,
            f,
            b,
            MinimizeTask.method(v),
            ftol,
            PhysicsParams.potentialSpec(v),
            v.get(RADIUS),
            v.get(STRAIN_STEP),
            v.get(MIN_STRAIN_STEP),
            v.get(ORIENTATIONS),
            v.get(SHEAR_SIGN),
            v.get(MAX_STRAIN),
            v.get(JUMP),
            v.get(JITTER),
            v.get(SEED));
    try {
      options(o, null);
    } catch (IllegalArgumentException e) {
      String m = e.getMessage();
      Param<?> p = RADIUS;
      for (Param<?> q :
          List.of(
              STRAIN_STEP,
              MIN_STRAIN_STEP,
              ORIENTATIONS,
              SHEAR_SIGN,
              MAX_STRAIN,
              JUMP,
              JITTER,
              RADIUS)) {
        if (m.startsWith(q.name())) {
          p = q;
        }
      }
      throw p.invalid(m);
    }
    return o;
  }

  private static FrozenMatrix.Options options(Options o, PairPotential pot) {
    return new FrozenMatrix.Options(
        o.radius(),
        o.strainStep(),
        o.minStrainStep(),
        o.orientations(),
        o.shearSign(),
        o.maxStrain(),
        o.jump(),
        o.jitter(),
        o.seed(),
        o.method().create(pot == null ? org.glasslab.md.Wca.INSTANCE : pot),
        MinimizerOptions.defaults().withFtol(o.ftol()));
  }

  @Override
  public Result run(Options p, Trajectory t) throws Exception {
    PairPotential pot = PhysicsParams.potential(p.potential(), t, "the input");
    Configuration is;
    try {
      is = t.frame(TrajectoryIO.frameIndex(t, p.frame(), Path.of("input")));
    } catch (IllegalArgumentException e) {
      throw FRAME.invalid(e.getMessage());
    }
    FrozenMatrix fm;
    try {
      fm = new FrozenMatrix(is, pot, options(p, pot));
    } catch (IllegalArgumentException e) {
      throw RADIUS.invalid(e.getMessage());
    }
    var bean = java.lang.management.ManagementFactory.getThreadMXBean();
    long c0 = bean.getCurrentThreadCpuTime();
    List<FrozenMatrix.Patch> patches = fm.grid(p.spacing());
    double cpu = (bean.getCurrentThreadCpuTime() - c0) * 1e-9;
    double[] x = patches.stream().mapToDouble(FrozenMatrix.Patch::x).toArray();
    Pseudogap.Fit fit = Pseudogap.fit(x, p.fraction(), p.bootstrap(), p.seed());
    return new Result(patches, fit, cpu, is.size(), pot.spec());
  }

  @Override
  public Table table(Options p, Result r) {
    int n = r.patches().size();
    int[] id = new int[n];
    double[] cx = new double[n];
    double[] cy = new double[n];
    int[] free = new int[n];
    double[] x = new double[n];
    double[] am = new double[n];
    double[] tc = new double[n];
    for (int i = 0; i < n; i++) {
      FrozenMatrix.Patch q = r.patches().get(i);
      id[i] = i;
      cx[i] = q.cx();
      cy[i] = q.cy();
      free[i] = q.free();
      x[i] = q.x();
      am[i] = q.alphaMin();
      double m = Double.NaN;
      for (FrozenMatrix.Shear s : q.shears()) {
        if (s.yielded() && !(s.tauC() >= m)) {
          m = s.tauC();
        }
      }
      tc[i] = m;
    }
    return Table.of(
        List.of("patch", "cx", "cy", "free", "x", "alpha_min", "tau_c_min"),
        id,
        cx,
        cy,
        free,
        x,
        am,
        tc);
  }

  /** One row per patch and orientation. */
  static Table shears(Result r) {
    List<double[]> rows = new ArrayList<>();
    for (int i = 0; i < r.patches().size(); i++) {
      for (FrozenMatrix.Shear s : r.patches().get(i).shears()) {
        rows.add(
            new double[] {
              i,
              s.alpha(),
              s.tau0(),
              s.tauC(),
              s.deltaTau(),
              s.yieldStrain(),
              s.stressDrop(),
              s.minimizations(),
              s.unconverged(),
              s.forceEvaluations()
            });
      }
    }
    int m = rows.size();
    int[] patch = new int[m];
    double[][] c = new double[6][m];
    int[] mins = new int[m];
    int[] unconv = new int[m];
    long[] evals = new long[m];
    for (int k = 0; k < m; k++) {
      double[] row = rows.get(k);
      patch[k] = (int) row[0];
      for (int j = 0; j < 6; j++) {
        c[j][k] = row[j + 1];
      }
      mins[k] = (int) row[7];
      unconv[k] = (int) row[8];
      evals[k] = (long) row[9];
    }
    return Table.of(
        List.of(
            "patch",
            "alpha",
            "tau_0",
            "tau_c",
            "delta_tau",
            "yield_strain",
            "stress_drop",
            "minimizations",
            "unconverged",
            "force_evaluations"),
        patch,
        c[0],
        c[1],
        c[2],
        c[3],
        c[4],
        c[5],
        mins,
        unconv,
        evals);
  }

  @Override
  public List<String> files() {
    return List.of("patches.csv", "shears.csv", "summary.json");
  }

  @Override
  public void write(Options p, Result r, Function<String, Path> out) throws IOException {
    Csv.write(out.apply("patches.csv"), table(p, r));
    Csv.write(out.apply("shears.csv"), shears(r));
    JsonFiles.write(out.apply("summary.json"), summary(p, r));
  }

  private static Map<String, Object> parameters(Options p, Result r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("frame", p.frame());
    m.put("radius_sigma", p.radius());
    m.put("spacing_sigma", p.spacing());
    m.put("strain_step", p.strainStep());
    m.put("min_strain_step", p.minStrainStep());
    m.put("orientations", p.orientations());
    m.put("shear_sign", p.shearSign());
    m.put("max_strain", p.maxStrain());
    m.put("jump_threshold_sigma", p.jump());
    m.put("jitter_sigma", p.jitter());
    m.put("fraction", p.fraction());
    m.put("bootstrap", p.bootstrap());
    m.put("seed", p.seed());
    m.put("method", p.method().id());
    m.put("ftol", p.ftol());
    m.put("potential", r.potential());
    return m;
  }

  /** The JSON summary: parameters, x statistics, the pseudogap fit and the cost. */
  static Map<String, Object> summary(Options p, Result r) {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("parameters", parameters(p, r));
    o.put("units", "lengths sigma (mean diameter), stresses epsilon/sigma^2");
    o.put("particles", r.particles());
    o.put("patches", r.patches().size());
    double[] x =
        r.patches().stream().mapToDouble(FrozenMatrix.Patch::x).filter(Double::isFinite).toArray();
    Arrays.sort(x);
    o.put("patches_yielded", x.length);
    if (x.length > 0) {
      double mean = Arrays.stream(x).average().orElse(Double.NaN);
      double var = Arrays.stream(x).map(v -> (v - mean) * (v - mean)).sum() / x.length;
      o.put("x_mean", mean);
      o.put("x_std", Math.sqrt(var));
      o.put("x_min", x[0]);
      o.put("x_median", x[x.length / 2]);
    }
    Pseudogap.Fit f = r.fit();
    Map<String, Object> th = new LinkedHashMap<>();
    if (f.ok()) {
      th.put("theta", f.theta());
      th.put("theta_error", f.thetaError());
      th.put("x_range", List.of(0.0, f.xMax()));
      th.put("fitted", f.fitted());
    } else {
      th.put("theta", f.note());
    }
    th.put("non_positive_x", f.nonPositive());
    o.put("pseudogap", th);
    o.put("cpu_seconds", r.cpuSeconds());
    o.put(
        "cpu_seconds_per_patch",
        r.patches().isEmpty() ? null : r.cpuSeconds() / r.patches().size());
    return o;
  }

  @Override
  public Map<String, Object> report(Options p, Trajectory in, Result r) {
    return summary(p, r);
  }
}
