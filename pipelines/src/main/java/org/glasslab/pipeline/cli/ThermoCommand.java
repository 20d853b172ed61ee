package org.glasslab.pipeline.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.glasslab.data.Configuration;
import org.glasslab.data.Trajectory;
import org.glasslab.data.io.TrajectoryIO;
import org.glasslab.md.PairPotential;
import org.glasslab.md.StressConvention;
import org.glasslab.md.Thermo;
import org.glasslab.md.Thermodynamics;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code glasslab thermo}: WCA potential energy per particle, pressure and stress tensor (paper eqs
 * 3–5) of one configuration of any supported file, or of a {@code glasslab simulate} run directory.
 */
@Command(
    name = "thermo",
    mixinStandardHelpOptions = true,
    description = {
      "Potential energy per particle, pressure and stress tensor of one configuration (WCA).",
      "FILE: .h5/.h5md, .xyz, .data, .dump/.lammpstrj, or a 'glasslab simulate' output directory."
    })
public final class ThermoCommand implements java.util.concurrent.Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "trajectory or configuration")
  Path file;

  @Option(
      names = "--frame",
      description = "frame index, negative counts from the end (default -1 = last)")
  int frame = -1;

  @Option(
      names = "--temperature",
      description = "T in the kinetic term rho*k_B*T (default: kinetic T of stored velocities)")
  Double temperature;

  @Option(
      names = "--stress-convention",
      description = "CONSISTENT (1/A, default) or PAPER_HALF (1/(2A) as printed in eq. 3)")
  StressConvention convention = StressConvention.CONSISTENT;

  @Option(names = "--json", description = "machine-readable output")
  boolean json;

  @CommandLine.Mixin InputOptions input;

  @CommandLine.Mixin PotentialOption potential;

  @Override
  public Integer call() throws Exception {
    if (temperature != null && !(temperature >= 0)) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--temperature must be >= 0, got " + temperature);
    }
    if (!Files.exists(file)) {
      throw new CommandLine.ParameterException(spec.commandLine(), file + " does not exist");
    }
    Configuration c;
    PairPotential pot;
    try (Trajectory t = input.open(file)) {
      pot = potential.resolve(t, file);
      c = t.frame(TrajectoryIO.frameIndex(t, frame, file));
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    Thermo th =
        Thermodynamics.of(c, pot, temperature == null ? Double.NaN : temperature, convention);
    var out = spec.commandLine().getOut();
    if (json) {
      ObjectNode o = new ObjectMapper().createObjectNode();
      o.put("file", file.toString());
      o.put("step", c.step());
      o.put("time", c.time());
      o.put("n", th.n());
      o.put("area", th.area());
      o.put("density", th.n() / th.area());
      o.put("temperature", th.temperature());
      o.put("potential_energy_per_particle", th.potentialEnergyPerParticle());
      o.put("kinetic_energy", th.kineticEnergy());
      o.put("pressure", th.pressure());
      o.put("stress_convention", convention.name());
      o.put("potential", pot.spec());
      ObjectNode s = o.putObject("stress");
      s.put("xx", th.sxx());
      s.put("yy", th.syy());
      s.put("xy", th.sxy());
      s.put("yx", th.syx());
      o.put("volumetric_stress", th.volumetric());
      o.put("stress_norm", th.norm());
      out.println(o.toPrettyString());
    } else {
      out.printf(Locale.ROOT, "file          %s (step %d)%n", file, c.step());
      out.printf(Locale.ROOT, "N             %d  density %.6f%n", th.n(), th.n() / th.area());
      out.printf(Locale.ROOT, "T (kinetic)   %.10g%n", th.temperature());
      out.printf(Locale.ROOT, "U/N           %.12g%n", th.potentialEnergyPerParticle());
      out.printf(Locale.ROOT, "pressure      %.12g%n", th.pressure());
      out.printf(
          Locale.ROOT,
          "stress (%s)  xx %.12g  yy %.12g  xy %.12g  yx %.12g%n",
          convention,
          th.sxx(),
          th.syy(),
          th.sxy(),
          th.syx());
      out.printf(
          Locale.ROOT, "volumetric    %.12g%nnorm          %.12g%n", th.volumetric(), th.norm());
    }
    return 0;
  }
}
