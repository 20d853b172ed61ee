package org.glasslab.pipeline.task;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.glasslab.analysis.mechanics.StressAnalysis;
import org.glasslab.analysis.mechanics.StressSeries;
import org.glasslab.data.Configuration;
import org.glasslab.data.Trajectory;
import org.glasslab.data.io.TrajectoryIO;
import org.glasslab.md.StressConvention;
import org.glasslab.pipeline.plot.LinePlot;
import org.glasslab.pipeline.plot.Units;
import org.glasslab.pipeline.store.Table;

/**
 * {@code stress}: the stress-tensor series of a trajectory (Jha &amp; Sengupta Fig. 1 b–d, eqs 3–5)
 * from the analysis module's {@link StressSeries}: per frame step, time, U and {@code sxx, syy,
 * sxy, syx}, the volumetric stress and the norm [energy/length^2], with the kinetic term rho T from
 * the run temperature; the command can also write the per-particle stress of one frame.
 */
public final class StressTask
    extends AbstractTask<StressTask.Options, Trajectory, StressTask.Result> {

  /** The run temperature; the stage falls back to the generator's (see {@code StressStage}). */
  public static final Param<Double> TEMPERATURE =
      Param.real(
          "temperature",
          null,
          "energy/k_B",
          "T",
          "Run temperature T for the kinetic term rho*T (required; 0 for inherent structures; the"
              + " stage defaults to the generator's temperature)");

  static final Param<String> PER_PARTICLE =
      Param.text(
              "per_particle",
              null,
              "FILE",
              "Also write the per-particle stress (id,sxx,syy,sxy; half virial per pair, area"
                  + " A/N) of --frame to FILE (.csv or .h5)")
          .cli("--per-particle");
  static final Param<Integer> FRAME =
      Param.integer(
          "frame",
          -1,
          "",
          "K",
          "Frame for --per-particle, negative counts from the end (-1: last)");

  /** The task. */
  public static final StressTask INSTANCE = new StressTask();

  private StressTask() {
    super(
        "stress",
        "Stress-tensor series of a trajectory (eqs 3-5): step,time,potential_energy,sxx,syy,sxy,"
            + "syx,s_vol,s_norm as CSV (stdout or --out).",
        Input.TRAJECTORY,
        List.of(TEMPERATURE, PhysicsParams.CONVENTION, PhysicsParams.POTENTIAL));
  }

  @Override
  public List<Param<?>> commandParams() {
    return List.of(PER_PARTICLE, FRAME);
  }

  /**
   * @param temperature run temperature of the kinetic term
   * @param convention stress pair prefactor
   * @param potential requested potential spec, null = the recorded one
   * @param perParticle file for the per-particle stress of {@code frame}, or null
   * @param frame frame of the per-particle stress, negative from the end
   */
  public record Options(
      double temperature,
      StressConvention convention,
      String potential,
      Path perParticle,
      int frame) {}

  /**
   * @param series the stress series
   * @param perParticle per-particle stress of the chosen frame, or null
   * @param potential spec of the potential used
   */
  public record Result(StressSeries series, Table perParticle, String potential) {}

  @Override
  public Options parameters(Values v) {
    Double t = v.get(TEMPERATURE);
    TEMPERATURE.require(t != null, "give the run temperature (kinetic term rho*T; 0 for IS)");
    TEMPERATURE.require(t >= 0 && Double.isFinite(t), "must be finite and >= 0, got " + t);
    String pp = v.get(PER_PARTICLE);
    PER_PARTICLE.require(
        pp == null || org.glasslab.pipeline.store.Fields.supported(Path.of(pp)),
        pp + ": use a .csv, .h5 or .hdf5 file");
    return new Options(
        t,
        PhysicsParams.convention(v),
        PhysicsParams.potentialSpec(v),
        pp == null ? null : Path.of(pp),
        v.get(FRAME));
  }

  @Override
  public Result run(Options p, Trajectory t) throws Exception {
    var pot = PhysicsParams.potential(p.potential(), t, "the input");
    StressAnalysis sa = new StressAnalysis(pot, p.convention());
    StressSeries series = StressSeries.of(t, sa, p.temperature());
    Table pp = null;
    if (p.perParticle() != null) {
      Configuration c;
      try {
        c = t.frame(TrajectoryIO.frameIndex(t, p.frame(), Path.of("input")));
      } catch (IllegalArgumentException e) {
        throw FRAME.invalid(e.getMessage());
      }
      double[] s = sa.perParticle(c, p.temperature(), null);
      int n = c.size();
      int[] id = Columns.ids(c);
      double[] sxx = new double[n];
      double[] syy = new double[n];
      double[] sxy = new double[n];
      for (int i = 0; i < n; i++) {
        sxx[i] = s[3 * i];
        syy[i] = s[3 * i + 1];
        sxy[i] = s[3 * i + 2];
      }
      pp = Table.of(List.of("id", "sxx", "syy", "sxy"), id, sxx, syy, sxy);
    }
    return new Result(series, pp, pot.spec());
  }

  @Override
  public Table table(Options p, Result r) {
    StressSeries s = r.series();
    return Table.of(
        List.of("step", "time", "potential_energy", "sxx", "syy", "sxy", "syx", "s_vol", "s_norm"),
        s.steps(),
        s.times(),
        s.potentialEnergy(),
        s.sxx(),
        s.syy(),
        s.sxy(),
        s.syx(),
        s.volumetric(),
        s.norm());
  }

  @Override
  public Map<Path, Table> commandFiles(Options p, Result r) {
    return r.perParticle() == null ? Map.of() : Map.of(p.perParticle(), r.perParticle());
  }

  @Override
  public Map<String, Object> report(Options p, Trajectory in, Result r) {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("temperature", p.temperature());
    params.put("convention", p.convention().name());
    params.put("potential", r.potential());
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("parameters", params);
    o.put("frames", r.series().size());
    o.put("convention", p.convention().name());
    o.put("temperature", p.temperature());
    o.put("series", r.series());
    return o;
  }

  @Override
  public List<Figure> figures(Options p, Result r) {
    StressSeries s = r.series();
    double[] x = s.times();
    String conv = p.convention().name().toLowerCase(Locale.ROOT).replace('_', '-');
    // the pair virial is symmetric: syx is drawn only where it differs from sxy
    boolean symmetric = java.util.Arrays.equals(s.sxy(), s.syx());
    LinePlot.Builder tensor =
        LinePlot.builder("Stress tensor", Units.TIME, "σ [ε/d²]")
            .series("σxx", x, s.sxx())
            .series("σyy", x, s.syy())
            .series("σxy", x, s.sxy());
    if (!symmetric) {
      tensor.series("σyx", x, s.syx());
    }
    return List.of(
        new Figure(
            "stress_tensor",
            tensor.build(),
            "Components of the global stress tensor against time ("
                + conv
                + " convention, T = "
                + p.temperature()
                + (symmetric ? "; σyx = σxy in every frame, not drawn" : "")
                + ")"),
        new Figure(
            "stress_volumetric",
            LinePlot.builder("Volumetric stress", Units.TIME, "σ_vol [ε/d²]")
                .series("s_vol", x, s.volumetric())
                .points(true)
                .build(),
            "Volumetric stress (eq. 4) against time"),
        new Figure(
            "stress_norm",
            LinePlot.builder("Stress norm", Units.TIME, "||σ|| [ε/d²]")
                .series("s_norm", x, s.norm())
                .points(true)
                .build(),
            "Norm of the stress tensor (eq. 5) against time"));
  }
}
