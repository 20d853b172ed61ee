package org.glasslab.pipeline.cli;

import org.glasslab.data.Trajectory;
import org.glasslab.md.PairPotential;
import org.glasslab.md.Potentials;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The {@code --potential SPEC} option of every command that computes energies, forces, stress or
 * Hessians: a thin picocli {@code @Mixin} over {@link Potentials#resolve} (the one place that
 * parses specs and checks them against the potential a file records).
 */
public final class PotentialOption {
  @Option(
      names = "--potential",
      paramLabel = "SPEC",
      description =
          "Pair potential NAME or NAME:key=value,..., e.g. wca, lj, lj:cutoff=3, harmonic:k=2, ka"
              + " (docs/md-engine.md lists them; default: the one the input records, else wca; an"
              + " input recorded with another potential is refused).")
  String spec;

  @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
  CommandLine.Model.CommandSpec command;

  /** The requested spec, or {@code null}. */
  public String spec() {
    return spec;
  }

  /** The potential for input {@code t} read from {@code source}; a bad spec is a usage error. */
  public PairPotential resolve(Trajectory t, Object source) {
    return resolve(t.potential(), source);
  }

  /** The potential for an input recording {@code recordedSpec} ({@code null}: none). */
  public PairPotential resolve(String recordedSpec, Object source) {
    try {
      return Potentials.resolve(spec, recordedSpec, String.valueOf(source));
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(command.commandLine(), e.getMessage());
    }
  }
}
