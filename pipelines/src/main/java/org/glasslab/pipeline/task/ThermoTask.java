package org.glasslab.pipeline.task;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.glasslab.data.Configuration;
import org.glasslab.data.Trajectory;
import org.glasslab.data.io.TrajectoryIO;
import org.glasslab.md.StressConvention;
import org.glasslab.md.Thermo;
import org.glasslab.md.Thermodynamics;
import org.glasslab.pipeline.store.Table;

/**
 * {@code thermo}: potential energy per particle, pressure and stress tensor (paper eqs 3–5) of one
 * frame of a trajectory (any supported file, or a {@code glasslab simulate} run directory), with
 * the pair potential the file records unless {@code potential} is given. One row: step, time, N,
 * area, density, T, U/N, kinetic energy, pressure and the stress components [energy/length^2].
 */
public final class ThermoTask
    extends AbstractTask<ThermoTask.Options, Trajectory, ThermoTask.Result> {

  static final Param<Integer> FRAME =
      Param.integer("frame", -1, "", "K", "Frame index, negative counts from the end (-1: last)");
  static final Param<Double> TEMPERATURE =
      Param.real(
          "temperature",
          null,
          "energy/k_B",
          "T",
          "T in the kinetic term rho*k_B*T (default: the kinetic temperature of the stored"
              + " velocities)");
  static final Param<String> CONVENTION = PhysicsParams.CONVENTION;

  /** The task. */
  public static final ThermoTask INSTANCE = new ThermoTask();

  private ThermoTask() {
    super(
        "thermo",
        "Potential energy per particle, pressure and stress tensor of one configuration (eqs 3-5);"
            + " TRAJ: .h5/.h5md, .xyz, .data, .dump/.lammpstrj or a 'glasslab simulate' run"
            + " directory.",
        Input.TRAJECTORY,
        List.of(FRAME, TEMPERATURE, CONVENTION, PhysicsParams.POTENTIAL));
  }

  /**
   * @param frame frame index, negative from the end
   * @param temperature T of the kinetic term, NaN = kinetic T of the velocities
   * @param convention stress pair prefactor
   * @param potential requested potential spec, null = the recorded one
   */
  public record Options(
      int frame, double temperature, StressConvention convention, String potential) {}

  /**
   * @param step MD step of the frame
   * @param time its time
   * @param thermo the observables
   * @param potential spec of the potential used
   */
  public record Result(long step, double time, Thermo thermo, String potential) {}

  @Override
  public Options parameters(Values v) {
    Double t = v.get(TEMPERATURE);
    TEMPERATURE.require(t == null || (t >= 0 && Double.isFinite(t)), "must be >= 0, got " + t);
    return new Options(
        v.get(FRAME),
        t == null ? Double.NaN : t,
        PhysicsParams.convention(v.get(CONVENTION)),
        PhysicsParams.potentialSpec(v));
  }

  @Override
  public Result run(Options p, Trajectory t) throws Exception {
    var pot = PhysicsParams.potential(p.potential(), t, "the input");
    Configuration c;
    try {
      c = t.frame(TrajectoryIO.frameIndex(t, p.frame(), java.nio.file.Path.of("input")));
    } catch (IllegalArgumentException e) {
      throw FRAME.invalid(e.getMessage());
    }
    return new Result(
        c.step(), c.time(), Thermodynamics.of(c, pot, p.temperature(), p.convention()), pot.spec());
  }

  @Override
  public Table table(Options p, Result r) {
    Thermo th = r.thermo();
    return Table.of(
        List.of(
            "step",
            "time",
            "n",
            "area",
            "density",
            "temperature",
            "potential_energy_per_particle",
            "kinetic_energy",
            "pressure",
            "sxx",
            "syy",
            "sxy",
            "syx",
            "s_vol",
            "s_norm"),
        new long[] {r.step()},
        new double[] {r.time()},
        new int[] {th.n()},
        new double[] {th.area()},
        new double[] {th.n() / th.area()},
        new double[] {th.temperature()},
        new double[] {th.potentialEnergyPerParticle()},
        new double[] {th.kineticEnergy()},
        new double[] {th.pressure()},
        new double[] {th.sxx()},
        new double[] {th.syy()},
        new double[] {th.sxy()},
        new double[] {th.syx()},
        new double[] {th.volumetric()},
        new double[] {th.norm()});
  }

  @Override
  public Map<String, Object> report(Options p, Trajectory in, Result r) {
    Thermo th = r.thermo();
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("frame", p.frame());
    params.put("stress_convention", p.convention().name());
    params.put("potential", r.potential());
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("parameters", params);
    o.put("step", r.step());
    o.put("time", r.time());
    o.put("n", th.n());
    o.put("area", th.area());
    o.put("density", th.n() / th.area());
    o.put("temperature", th.temperature());
    o.put("potential_energy_per_particle", th.potentialEnergyPerParticle());
    o.put("kinetic_energy", th.kineticEnergy());
    o.put("pressure", th.pressure());
    o.put("stress_convention", p.convention().name());
    o.put("potential", r.potential());
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("xx", th.sxx());
    s.put("yy", th.syy());
    s.put("xy", th.sxy());
    s.put("yx", th.syx());
    o.put("stress", s);
    o.put("volumetric_stress", th.volumetric());
    o.put("stress_norm", th.norm());
    return o;
  }

  @Override
  public void print(Options p, Result r, String source, PrintWriter out) {
    Thermo th = r.thermo();
    out.printf(Locale.ROOT, "file          %s (step %d)%n", source, r.step());
    out.printf(Locale.ROOT, "N             %d  density %.6f%n", th.n(), th.n() / th.area());
    out.printf(Locale.ROOT, "T (kinetic)   %.10g%n", th.temperature());
    out.printf(Locale.ROOT, "U/N           %.12g%n", th.potentialEnergyPerParticle());
    out.printf(Locale.ROOT, "pressure      %.12g%n", th.pressure());
    out.printf(
        Locale.ROOT,
        "stress (%s)  xx %.12g  yy %.12g  xy %.12g  yx %.12g%n",
        p.convention(),
        th.sxx(),
        th.syy(),
        th.sxy(),
        th.syx());
    out.printf(
        Locale.ROOT, "volumetric    %.12g%nnorm          %.12g%n", th.volumetric(), th.norm());
  }
}
