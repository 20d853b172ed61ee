package org.glasslab.pipeline.task;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.glasslab.data.Configuration;
import org.glasslab.data.Trajectory;
import org.glasslab.data.io.TrajectoryIO;
import org.glasslab.epm.coarsegrain.EshelbyFit;
import org.glasslab.epm.coarsegrain.ShearTransformation;
import org.glasslab.md.PairPotential;
import org.glasslab.minimize.MinimizerOptions;
import org.glasslab.pipeline.store.Csv;
import org.glasslab.pipeline.store.JsonFiles;
import org.glasslab.pipeline.store.Table;

/**
 * {@code epm elastic-response}: the displacement field around a plastic event fitted with the 2D
 * Eshelby far field ({@link EshelbyFit}): amplitude, orientation, the ratio kappa = mu / (lambda +
 * 2 mu), the distance r* beyond which the continuum field holds, and the lattice cell size it
 * suggests. The event is either imposed ({@link ShearTransformation}: a core of radius {@code core}
 * sheared by {@code eps0} along {@code phi} in frame {@code frame}, the rest relaxed) or, with
 * {@code after}, the IS displacement from {@code frame} to {@code after} (a catalogued event),
 * centred on the particle that moved most unless a centre is given.
 */
public final class EpmElasticResponseTask
    extends AbstractTask<
        EpmElasticResponseTask.Options, Trajectory, EpmElasticResponseTask.Result> {

  static final Param<Integer> FRAME =
      Param.integer(
          "frame", -1, "", "K", "Inherent structure before the event, negative from the end");
  static final Param<Integer> AFTER =
      Param.integer(
          "after",
          null,
          "",
          "K",
          "Inherent structure after a catalogued event: fit the displacement frame -> K instead of"
              + " imposing a shear transformation");
  static final Param<double[]> CENTRE =
      Param.reals(
          "centre",
          null,
          "sigma",
          "X,Y",
          "Event centre (default: the box centre for an imposed event, the particle that moved most"
              + " for a catalogued one)");
  static final Param<Integer> GRID =
      Param.integer(
          "grid",
          3,
          "",
          "G",
          "Imposed events at the G x G centres of a grid (no --centre), their fields stacked into"
              + " one fit: a single event's far field in a small glass is buried in non-affine noise");
  static final Param<Double> CORE =
      Param.real("core", 1.5, "sigma", "A", "Radius of the imposed shear-transformation core");
  static final Param<Double> EPS0 =
      Param.real("eps0", 0.05, "", "E", "Shear amplitude imposed on the core");
  static final Param<Double> PHI =
      Param.real("phi", 0.0, "rad", "P", "Axis of extension of the imposed shear");
  static final Param<Double> R_MAX =
      Param.real(
          "r_max",
          null,
          "sigma",
          "R",
          "Outer radius of the fit (default a quarter of the box: beyond, periodic images)");
  static final Param<Double> BIN =
      Param.real("bin_width", 1.0, "sigma", "W", "Annulus width of the residual profile");
  static final Param<Double> TOLERANCE =
      Param.real(
          "tolerance",
          0.1,
          "",
          "T",
          "Relative residual below which continuum elasticity holds (defines r*)");

  /** The task. */
  public static final EpmElasticResponseTask INSTANCE = new EpmElasticResponseTask();

  private EpmElasticResponseTask() {
    super(
        "epm-elastic-response",
        "epm elastic-response",
        "Fit the displacement around an imposed or catalogued plastic event with the 2D Eshelby"
            + " field: amplitude, orientation, r* where continuum elasticity holds, cell size.",
        Input.TRAJECTORY,
        List.of(
            FRAME,
            AFTER,
            CENTRE,
            GRID,
            CORE,
            EPS0,
            PHI,
            R_MAX,
            BIN,
            TOLERANCE,
            MinimizeTask.METHOD,
            MinimizeTask.FTOL,
            PhysicsParams.POTENTIAL));
  }

  /** The parameters (see the {@link Param} constants). */
  public record Options(
      int frame,
      Integer after,
      double[] centre,
      int grid,
      double core,
      double eps0,
      double phi,
      Double rMax,
      double bin,
      double tolerance,
      org.glasslab.minimize.Method method,
      double ftol,
      String potential) {}

  /**
   * @param fit the Eshelby fit
   * @param centre the event centres used, x0, y0, x1, ... [sigma]
   * @param relative [2N per event] positions relative to the event's centre
   * @param displacement [2N per event] displacement fields
   * @param ids particle ids (repeated per event)
   * @param mode "imposed" or "event"
   * @param cpuSeconds CPU time of the relaxation and the fit [s]
   * @param particles rows of the stacked field (N per event)
   */
  public record Result(
      EshelbyFit.Result fit,
      double[] centre,
      double[] relative,
      double[] displacement,
      int[] ids,
      String mode,
      double cpuSeconds,
      int particles) {}

  @Override
  public Options parameters(Values v) {
    double[] c = v.get(CENTRE);
    CENTRE.require(c == null || c.length == 2, "give two numbers X,Y");
    double bin = v.get(BIN);
    BIN.require(bin > 0 && Double.isFinite(bin), "must be > 0, got " + bin);
    double tol = v.get(TOLERANCE);
    TOLERANCE.require(tol > 0 && tol < 1, "must be in (0, 1), got " + tol);
    Double rMax = v.get(R_MAX);
    R_MAX.require(
        rMax == null || (rMax > bin && Double.isFinite(rMax)), "must exceed the bin width");
    double core = v.get(CORE);
    CORE.require(core > 0 && Double.isFinite(core), "must be > 0, got " + core);
    double eps0 = v.get(EPS0);
    EPS0.require(eps0 != 0 && Double.isFinite(eps0), "must be finite and nonzero");
    double ftol = v.get(MinimizeTask.FTOL);
    MinimizeTask.FTOL.require(ftol >= 1e-14 && Double.isFinite(ftol), "must be >= 1e-14");
    int grid = v.get(GRID);
    GRID.require(grid >= 1 && grid <= 10, "must be in 1..10, got " + grid);
    return new Options(
        v.get(FRAME),
        v.get(AFTER),
        c,
        grid,
        core,
        eps0,
        v.get(PHI),
        rMax,
        bin,
        tol,
        MinimizeTask.method(v),
        ftol,
        PhysicsParams.potentialSpec(v));
  }

  private static Configuration frame(Trajectory t, int k, Param<Integer> p) {
    try {
      return t.frame(TrajectoryIO.frameIndex(t, k, Path.of("input")));
    } catch (IllegalArgumentException e) {
      throw p.invalid(e.getMessage());
    }
  }

  @Override
  public Result run(Options p, Trajectory t) throws Exception {
    PairPotential pot = PhysicsParams.potential(p.potential(), t, "the input");
    Configuration is = frame(t, p.frame(), FRAME);
    double rMax = p.rMax() != null ? p.rMax() : 0.25 * Math.min(is.box().lx(), is.box().ly());
    R_MAX.require(
        rMax <= 0.5 * Math.min(is.box().lx(), is.box().ly()),
        rMax + " exceeds half the box; use at most a quarter of it");
    var bean = java.lang.management.ManagementFactory.getThreadMXBean();
    long c0 = bean.getCurrentThreadCpuTime();
    double[] u;
    double[] rel;
    double[] centre;
    String mode;
    if (p.after() == null) {
      int g = p.centre() != null ? 1 : p.grid();
      int n2 = 2 * is.size();
      u = new double[g * g * n2];
      rel = new double[g * g * n2];
      centre = new double[2 * g * g];
      for (int k = 0; k < g * g; k++) {
        double[] c =
            p.centre() != null
                ? p.centre()
                : new double[] {
                  (k % g + 0.5) * is.box().lx() / g, (k / g + 0.5) * is.box().ly() / g
                };
        ShearTransformation.Response r;
        try {
          r =
              ShearTransformation.impose(
                  is,
                  c[0],
                  c[1],
                  p.core(),
                  p.eps0(),
                  p.phi(),
                  p.method().create(pot),
                  MinimizerOptions.defaults().withFtol(p.ftol()));
        } catch (IllegalArgumentException e) {
          throw CORE.invalid(e.getMessage());
        }
        System.arraycopy(r.displacement(), 0, u, k * n2, n2);
        System.arraycopy(r.relative(), 0, rel, k * n2, n2);
        centre[2 * k] = c[0];
        centre[2 * k + 1] = c[1];
      }
      mode = "imposed";
    } else {
      Configuration b = frame(t, p.after(), AFTER);
      double[] x0 = is.unwrappedPositions();
      double[] x1 = b.unwrappedPositions();
      u = new double[x0.length];
      int far = 0;
      double best = -1;
      for (int i = 0; i < is.size(); i++) {
        u[2 * i] = x1[2 * i] - x0[2 * i];
        u[2 * i + 1] = x1[2 * i + 1] - x0[2 * i + 1];
        double d = Math.hypot(u[2 * i], u[2 * i + 1]);
        if (d > best) {
          best = d;
          far = i;
        }
      }
      centre = p.centre() != null ? p.centre() : new double[] {is.x(far), is.y(far)};
      rel = ShearTransformation.relative(is, centre[0], centre[1]);
      mode = "event";
    }
    EshelbyFit.Result f = EshelbyFit.fit(rel, u, rMax, p.bin(), p.tolerance());
    double cpu = (bean.getCurrentThreadCpuTime() - c0) * 1e-9;
    int[] id1 = Columns.ids(is);
    int[] ids = new int[u.length / 2];
    for (int k = 0; k < ids.length; k++) {
      ids[k] = id1[k % id1.length];
    }
    return new Result(f, centre, rel, u, ids, mode, cpu, ids.length);
  }

  @Override
  public Table table(Options p, Result r) {
    return Table.of(List.of("r", "residual"), r.fit().binR(), r.fit().binResidual());
  }

  @Override
  public List<String> files() {
    return List.of("profile.csv", "field.csv", "fit.json");
  }

  @Override
  public void write(Options p, Result r, Function<String, Path> out) throws IOException {
    Csv.write(out.apply("profile.csv"), table(p, r));
    int n = r.particles();
    double[] dx = new double[n];
    double[] dy = new double[n];
    double[] ux = new double[n];
    double[] uy = new double[n];
    int[] event = new int[n];
    int perEvent = n / (r.centre().length / 2);
    for (int i = 0; i < n; i++) {
      event[i] = i / perEvent;
      dx[i] = r.relative()[2 * i];
      dy[i] = r.relative()[2 * i + 1];
      ux[i] = r.displacement()[2 * i];
      uy[i] = r.displacement()[2 * i + 1];
    }
    Csv.write(
        out.apply("field.csv"),
        Table.of(List.of("event", "id", "dx", "dy", "ux", "uy"), event, r.ids(), dx, dy, ux, uy));
    JsonFiles.write(out.apply("fit.json"), report(p, null, r));
  }

  @Override
  public Map<String, Object> report(Options p, Trajectory in, Result r) {
    EshelbyFit.Result f = r.fit();
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("mode", r.mode());
    params.put("frame", p.frame());
    params.put("after", p.after());
    params.put("centres_sigma", r.centre());
    if (p.after() == null) {
      params.put("core_sigma", p.core());
      params.put("eps0", p.eps0());
      params.put("phi_rad", p.phi());
    }
    params.put("r_max_sigma", f.fitTo());
    params.put("bin_width_sigma", p.bin());
    params.put("tolerance", p.tolerance());
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("parameters", params);
    o.put("units", "lengths sigma (mean diameter), amplitude sigma^2");
    o.put("amplitude", f.amplitude());
    o.put("amplitude_error", f.amplitudeError());
    o.put("orientation_rad", f.orientation());
    o.put("orientation_error_rad", f.orientationError());
    o.put("kappa", f.kappa());
    o.put("kappa_error", f.kappaError());
    o.put("fit_range_sigma", List.of(f.fitFrom(), f.fitTo()));
    o.put("particles_fitted", f.used());
    boolean ok = Double.isFinite(f.rStar());
    o.put("r_star_sigma", ok ? f.rStar() : "no annulus below the tolerance");
    o.put("suggested_cell_size_sigma", ok ? f.rStar() : "not enough data");
    o.put("cpu_seconds", r.cpuSeconds());
    return o;
  }
}
