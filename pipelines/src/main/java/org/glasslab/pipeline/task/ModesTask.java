package org.glasslab.pipeline.task;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.glasslab.analysis.mechanics.Hessian;
import org.glasslab.analysis.mechanics.HessianSpectrum;
import org.glasslab.analysis.mechanics.LowestModes;
import org.glasslab.analysis.mechanics.ModeOptions;
import org.glasslab.data.Configuration;
import org.glasslab.data.Trajectory;
import org.glasslab.md.PairPotential;
import org.glasslab.pipeline.plot.LinePlot;
import org.glasslab.pipeline.store.Csv;
import org.glasslab.pipeline.store.Table;

/**
 * {@code modes}: the low end of the Hessian spectrum of inherent structures (shift-invert Lanczos
 * on the sparse Hessian of the pair potential): the m smallest positive eigenvalues and their mean
 * lambda_smallest (Jha &amp; Sengupta eq. 6) [energy/length^2], zero modes, negative modes. All
 * frames by default (one row each: {@code modes.csv}, Fig. 1 e); with {@code frame} one frame and
 * its full report (eigenvalues, participation ratios, timings).
 */
public final class ModesTask extends FrameTask<ModesTask.Options, ModesTask.Result> {

  static final Param<Integer> FRAME =
      Param.integer(
          "frame",
          null,
          "",
          "K",
          "Analyse only frame K, negative counts from the end, with the full one-frame report"
              + " (default: every frame, one table row each)");
  static final Param<Integer> COUNT =
      Param.integer(
          "count",
          ModeOptions.DEFAULT.count(),
          "",
          "M",
          "Number m of smallest positive eigenvalues averaged into lambda_smallest (eq. 6)");
  static final Param<Double> ZERO_TOLERANCE =
      Param.real(
          "zero_tolerance",
          ModeOptions.DEFAULT.zeroTolerance(),
          "energy/length^2",
          "TOL",
          "|lambda| <= TOL counts as a zero mode");
  static final Param<Integer> BLOCK =
      Param.integer(
          "block",
          ModeOptions.DEFAULT.blockSize(),
          "",
          "B",
          "Lanczos block size; use at least the multiplicity of exactly degenerate eigenvalues"
              + " (perfect crystals), not needed for glasses");
  static final Param<String> VECTORS =
      Param.text(
          "vectors",
          null,
          "OUT",
          "Write the m eigenvectors of --frame to OUT (.csv or .h5: particle, component, one column"
              + " per mode)");

  /** The task. */
  public static final ModesTask INSTANCE = new ModesTask();

  private ModesTask() {
    super(
        "modes",
        "Lowest Hessian eigenvalues of inherent structures: the m smallest positive ones,"
            + " lambda_smallest = their mean (eq. 6), zero modes, negative modes.",
        List.of(FRAME, COUNT, ZERO_TOLERANCE, BLOCK, PhysicsParams.POTENTIAL));
  }

  @Override
  public List<Param<?>> commandParams() {
    return List.of(VECTORS);
  }

  /**
   * @param frame the one frame to analyse (negative from the end), or null for all
   * @param modes the solver options
   * @param potential requested potential spec, null = the recorded one
   * @param vectors eigenvector file (command only), or null
   */
  public record Options(Integer frame, ModeOptions modes, String potential, Path vectors) {}

  /**
   * One analysed frame.
   *
   * @param frame index in the trajectory
   * @param step its MD step
   * @param particles N
   * @param singleContact particles with exactly one contact
   * @param hessianNonZeros nonzeros of the sparse Hessian
   * @param assemblySeconds Hessian assembly wall time
   * @param spectrum the modes
   */
  public record FrameModes(
      int frame,
      long step,
      int particles,
      int singleContact,
      long hessianNonZeros,
      double assemblySeconds,
      HessianSpectrum spectrum) {}

  /**
   * @param frames the analysed frames, in order
   * @param potential spec of the potential used
   * @param ids particle ids [N] of the first analysed frame ({@link Columns#ids}), for the mode
   *     vectors' table
   */
  public record Result(List<FrameModes> frames, String potential, int[] ids) {}

  @Override
  public Options parameters(Values v) {
    ModeOptions d = ModeOptions.DEFAULT;
    Integer frame = v.get(FRAME);
    String vec = v.get(VECTORS);
    VECTORS.require(vec == null || frame != null, "needs --frame (the frame whose modes to write)");
    ModeOptions o;
    try {
      o =
          new ModeOptions(
              v.get(COUNT),
              v.get(ZERO_TOLERANCE),
              d.relativeShift(),
              v.get(BLOCK),
              d.convergenceTolerance(),
              d.maxBasis(),
              vec != null,
              d.seed());
    } catch (IllegalArgumentException e) {
      throw InvalidParam.attribute(
          e, "block size", BLOCK, "zero tolerance", ZERO_TOLERANCE, "count", COUNT);
    }
    return new Options(frame, o, PhysicsParams.potentialSpec(v), vec == null ? null : Path.of(vec));
  }

  @Override
  public Result run(Options p, Trajectory t, FrameMap map) throws Exception {
    PairPotential pot = PhysicsParams.potential(p.potential(), t, "the input");
    Selection sel = select(t, p.frame(), FRAME);
    int[] index = sel.index();
    if (sel.size() > 0 && 2 * t.particleCount() <= p.modes().count() + 2) {
      throw COUNT.invalid(
          p.modes().count()
              + " modes requested but the Hessian has dimension "
              + 2 * t.particleCount());
    }
    double[][] rows =
        map.map(
            sel.size(),
            k -> null,
            k -> {
              Configuration c = sel.frame(k);
              long t0 = System.nanoTime();
              Hessian h = Hessian.compute(c, pot);
              double assembly = (System.nanoTime() - t0) * 1e-9;
              HessianSpectrum s = new LowestModes(p.modes()).compute(h);
              return encode(
                  new FrameModes(
                      index[k],
                      c.step(),
                      c.size(),
                      h.singleContactParticles(),
                      h.matrix().nz_length,
                      assembly,
                      s));
            });
    List<FrameModes> frames = new ArrayList<>(rows.length);
    for (double[] r : rows) {
      frames.add(decode(r));
    }
    return new Result(
        List.copyOf(frames), pot.spec(), sel.size() == 0 ? new int[0] : Columns.ids(sel.frame(0)));
  }

  @Override
  public Table table(Options p, Result r) {
    int nf = r.frames().size();
    int[] frame = new int[nf];
    long[] step = new long[nf];
    double[] lam = new double[nf];
    int[] zero = new int[nf];
    int[] neg = new int[nf];
    int[] rat = new int[nf];
    for (int k = 0; k < nf; k++) {
      FrameModes f = r.frames().get(k);
      frame[k] = f.frame();
      step[k] = f.step();
      lam[k] = f.spectrum().lambdaSmallest();
      zero[k] = f.spectrum().zeroModes();
      neg[k] = f.spectrum().negativeEigenvalues().length;
      rat[k] = f.spectrum().rattlers();
    }
    return Table.of(
        List.of("frame", "step", "lambda_smallest", "zero_modes", "negative_modes", "rattlers"),
        frame,
        step,
        lam,
        zero,
        neg,
        rat);
  }

  @Override
  public Map<Path, Table> commandFiles(Options p, Result r) {
    if (p.vectors() == null) {
      return Map.of();
    }
    HessianSpectrum s = r.frames().get(0).spectrum();
    double[][] v = s.vectors();
    int n = v[0].length / 2;
    List<String> header = new ArrayList<>(List.of("id", "component"));
    Object[] cols = new Object[2 + v.length];
    int[] particle = new int[2 * n];
    String[] comp = new String[2 * n];
    for (int i = 0; i < n; i++) {
      particle[2 * i] = r.ids()[i];
      particle[2 * i + 1] = r.ids()[i];
      comp[2 * i] = "x";
      comp[2 * i + 1] = "y";
    }
    cols[0] = particle;
    cols[1] = comp;
    for (int m = 0; m < v.length; m++) {
      header.add("lambda=" + s.eigenvalues()[m]);
      cols[2 + m] = v[m];
    }
    return Map.of(p.vectors(), new Table(header, cols));
  }

  @Override
  public Map<String, Object> report(Options p, Trajectory in, Result r) {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("count", p.modes().count());
    params.put("zero_tolerance", p.modes().zeroTolerance());
    params.put("block", p.modes().blockSize());
    params.put("potential", r.potential());
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("parameters", params);
    if (p.frame() != null) {
      o.putAll(frameReport(p, r.frames().get(0)));
      if (p.vectors() != null) {
        o.put("vectors_file", p.vectors().toString());
      }
    } else {
      o.put("frames", r.frames().stream().map(f -> frameReport(p, f)).toList());
    }
    return o;
  }

  private static Map<String, Object> frameReport(Options p, FrameModes f) {
    HessianSpectrum s = f.spectrum();
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("frame", f.frame());
    o.put("step", f.step());
    o.put("particles", f.particles());
    o.put("count", p.modes().count());
    o.put("eigenvalues", s.eigenvalues());
    o.put("participation_ratios", s.participationRatios());
    o.put("lambda_smallest", s.lambdaSmallest());
    o.put("zero_modes", s.zeroModes());
    o.put("zero_tolerance", p.modes().zeroTolerance());
    o.put("rattlers", s.rattlers());
    o.put("single_contact_particles", f.singleContact());
    o.put("negative_eigenvalues", s.negativeEigenvalues());
    o.put("stable", s.stable());
    o.put("max_residual", s.maxResidual());
    o.put("shift", s.shift());
    o.put("solves", s.operatorApplications());
    o.put("factor_nonzeros", s.factorNonZeros());
    o.put("hessian_nonzeros", f.hessianNonZeros());
    o.put("assembly_seconds", f.assemblySeconds());
    o.put("solve_seconds", s.seconds());
    o.put("total_seconds", f.assemblySeconds() + s.seconds());
    return o;
  }

  @Override
  public void print(Options p, Result r, String source, PrintWriter out) {
    for (FrameModes f : r.frames()) {
      HessianSpectrum s = f.spectrum();
      if (!s.stable()) {
        out.printf(
            Locale.ROOT,
            "# WARNING: %d negative Hessian eigenvalue(s), lowest %.6g: frame %d of %s is not a"
                + " converged inherent structure; lambda_smallest is not meaningful%n",
            s.negativeEigenvalues().length,
            s.negativeEigenvalues()[0],
            f.frame(),
            source);
      }
    }
    if (p.frame() == null) {
      Csv.print(out, table(p, r));
      return;
    }
    FrameModes f = r.frames().get(0);
    HessianSpectrum s = f.spectrum();
    int count = p.modes().count();
    out.printf(
        Locale.ROOT,
        "file              %s (frame %d, step %d, N = %d)%n",
        source,
        f.frame(),
        f.step(),
        f.particles());
    double[] pr = s.participationRatios();
    out.printf(
        Locale.ROOT,
        "eigenvalues       m = %d smallest above %.3g, ascending%s%n",
        count,
        p.modes().zeroTolerance(),
        pr == null ? "" : " (participation ratio)");
    for (int i = 0; i < count; i++) {
      if (pr == null) {
        out.printf(Locale.ROOT, "  %3d  %.15g%n", i + 1, s.eigenvalues()[i]);
      } else {
        out.printf(Locale.ROOT, "  %3d  %.15g  (%.4f)%n", i + 1, s.eigenvalues()[i], pr[i]);
      }
    }
    out.printf(Locale.ROOT, "lambda_smallest   %.15g%n", s.lambdaSmallest());
    out.printf(
        Locale.ROOT,
        "zero_modes        %d (translations 2, rattlers %d x 2, single-contact particles %d)%n",
        s.zeroModes(),
        s.rattlers(),
        f.singleContact());
    out.printf(Locale.ROOT, "negative          %d%n", s.negativeEigenvalues().length);
    out.printf(Locale.ROOT, "max_residual      %.3g%n", s.maxResidual());
    out.printf(
        Locale.ROOT,
        "time              %.3f s (assembly %.3f s, factorization + Lanczos %.3f s, %d solves)%n",
        f.assemblySeconds() + s.seconds(),
        f.assemblySeconds(),
        s.seconds(),
        s.operatorApplications());
  }

  @Override
  public List<Figure> figures(Options p, Result r) {
    double[] x = new double[r.frames().size()];
    double[] lam = new double[x.length];
    for (int k = 0; k < x.length; k++) {
      x[k] = r.frames().get(k).frame();
      lam[k] = r.frames().get(k).spectrum().lambdaSmallest();
    }
    return List.of(
        new Figure(
            "lambda_smallest",
            LinePlot.builder("lambda_smallest", "IS frame", "λ_smallest [ε/d²]")
                .series("lambda_smallest", x, lam)
                .points(true)
                .build(),
            "Mean of the "
                + p.modes().count()
                + " smallest positive Hessian eigenvalues (eq. 6) of each inherent structure"));
  }

  /** One frame's modes as a flat row (what the stage's resumable frame loop stores). */
  static double[] encode(FrameModes f) {
    HessianSpectrum s = f.spectrum();
    List<double[]> parts = new ArrayList<>();
    parts.add(
        new double[] {
          f.frame(),
          f.step(),
          f.particles(),
          f.singleContact(),
          f.hessianNonZeros(),
          f.assemblySeconds(),
          s.lambdaSmallest(),
          s.zeroModes(),
          s.rattlers(),
          s.maxResidual(),
          s.shift(),
          s.operatorApplications(),
          s.factorNonZeros(),
          s.seconds()
        });
    parts.add(sized(s.eigenvalues()));
    parts.add(sized(s.zeroEigenvalues()));
    parts.add(sized(s.negativeEigenvalues()));
    parts.add(s.participationRatios() == null ? new double[] {-1} : sized(s.participationRatios()));
    double[][] v = s.vectors();
    parts.add(new double[] {v == null ? -1 : v.length});
    if (v != null) {
      for (double[] m : v) {
        parts.add(sized(m));
      }
    }
    int len = parts.stream().mapToInt(a -> a.length).sum();
    double[] row = new double[len];
    int at = 0;
    for (double[] a : parts) {
      System.arraycopy(a, 0, row, at, a.length);
      at += a.length;
    }
    return row;
  }

  /** The inverse of {@link #encode}. */
  static FrameModes decode(double[] r) {
    int[] at = {14};
    double[] eig = unsized(r, at);
    double[] zero = unsized(r, at);
    double[] neg = unsized(r, at);
    double[] pr = unsized(r, at);
    int nv = (int) r[at[0]++];
    double[][] v = null;
    if (nv >= 0) {
      v = new double[nv][];
      for (int m = 0; m < nv; m++) {
        v[m] = unsized(r, at);
      }
    }
    HessianSpectrum s =
        new HessianSpectrum(
            eig,
            r[6],
            (int) r[7],
            zero,
            neg,
            (int) r[8],
            v,
            pr,
            r[9],
            r[10],
            (int) r[11],
            (long) r[12],
            r[13]);
    return new FrameModes((int) r[0], (long) r[1], (int) r[2], (int) r[3], (long) r[4], r[5], s);
  }

  private static double[] sized(double[] a) {
    double[] r = new double[a.length + 1];
    r[0] = a.length;
    System.arraycopy(a, 0, r, 1, a.length);
    return r;
  }

  /** The length-prefixed array at {@code at[0]} (length -1: null), advancing {@code at}. */
  private static double[] unsized(double[] r, int[] at) {
    int n = (int) r[at[0]++];
    if (n < 0) {
      return null;
    }
    double[] a = java.util.Arrays.copyOfRange(r, at[0], at[0] + n);
    at[0] += n;
    return a;
  }
}
