package org.glasslab.pipeline.task;

import java.util.Locale;
import org.glasslab.data.Trajectory;
import org.glasslab.md.PairPotential;
import org.glasslab.md.Potentials;
import org.glasslab.md.StressConvention;

/**
 * Parameters shared by the tasks that compute energies, forces, stress or Hessians (thermo, stress,
 * modes, minimize, simulate), declared once so that {@code --potential} and the spec key {@code
 * potential} (and the stress convention) mean the same everywhere.
 */
public final class PhysicsParams {
  private PhysicsParams() {}

  /** The pair potential spec; null = the one the input records, else {@link Potentials#DEFAULT}. */
  public static final Param<String> POTENTIAL =
      Param.text(
          "potential",
          null,
          "SPEC",
          "Pair potential NAME or NAME:key=value,..., NAME one of "
              + String.join(", ", Potentials.names())
              + " (docs/md-engine.md; default: the one the input records, else "
              + Potentials.DEFAULT
              + "; an input recorded with another potential is refused)");

  /**
   * The pair prefactor of the stress virial: spec key {@code convention}, option {@code
   * --stress-convention} (the same name as simulate's), values {@code consistent|paper-half}.
   */
  public static final Param<String> CONVENTION =
      Param.text(
              "convention",
              "consistent",
              "C",
              "Stress pair prefactor: consistent (1/A, thermodynamic) or paper-half (1/(2A) as"
                  + " printed in eq. 3)")
          .cli("--stress-convention");

  /** The requested spec, checked for syntax (a bad spec is an {@link InvalidParam}). */
  public static String potentialSpec(Values v) {
    String s = v.get(POTENTIAL);
    if (s != null) {
      try {
        Potentials.byName(s);
      } catch (IllegalArgumentException e) {
        throw POTENTIAL.invalid(e.getMessage());
      }
    }
    return s;
  }

  /** The potential for a requested spec ({@code null}: none) and what {@code t} records. */
  public static PairPotential potential(String spec, Trajectory t, String source) {
    return potential(spec, t.potential(), source);
  }

  /** The potential for a requested spec and a recorded one ({@code null}: none). */
  public static PairPotential potential(String spec, String recorded, String source) {
    try {
      return Potentials.resolve(spec, recorded, source);
    } catch (IllegalArgumentException e) {
      throw POTENTIAL.invalid(e.getMessage());
    }
  }

  /**
   * The convention named by {@code v}: consistent or paper-half, any case, '-' or '_' (the older
   * spellings CONSISTENT, PAPER_HALF and paper_half are accepted).
   */
  public static StressConvention convention(Values v) {
    return convention(v.get(CONVENTION));
  }

  /** {@link #convention(Values)} of a name. */
  public static StressConvention convention(String name) {
    return switch (name.toLowerCase(Locale.ROOT).replace('-', '_')) {
      case "consistent" -> StressConvention.CONSISTENT;
      case "paper_half" -> StressConvention.PAPER_HALF;
      default -> throw CONVENTION.invalid("expected consistent or paper-half, got '" + name + "'");
    };
  }
}
