package org.glasslab.pipeline.plot;

import java.util.Map;

/**
 * Axis labels with units, in GlassLab's reduced units: lengths in mean diameters d, energies in
 * epsilon, masses in m, so time in tau = d sqrt(m/epsilon), temperature in epsilon/k_B and stress
 * (2D: force per length) in epsilon/d^2.
 */
public final class Units {
  /** The time axis of a trajectory. */
  public static final String TIME = "time [τ]";

  private static final Map<String, String> UNIT =
      Map.ofEntries(
          Map.entry("time", "τ"),
          Map.entry("temperature", "ε/k_B"),
          Map.entry("potential_energy", "ε"),
          Map.entry("kinetic_energy", "ε"),
          Map.entry("total_energy", "ε"),
          Map.entry("energy", "ε"),
          Map.entry("pressure", "ε/d²"),
          Map.entry("stress", "ε/d²"),
          Map.entry("msd", "d²"),
          Map.entry("lambda_smallest", "ε/d²"));

  private Units() {}

  /** The unit of a quantity named {@code name} (observables: stress_*, *_stress), or "". */
  public static String of(String name) {
    String n = name.toLowerCase(java.util.Locale.ROOT);
    String u = UNIT.get(n);
    if (u != null) {
      return u;
    }
    if (n.contains("stress")
        || n.startsWith("s_")
        || n.startsWith("sigma")
        || n.matches("s(xx|yy|xy|yx)")) {
      return "ε/d²";
    }
    if (n.contains("energy")) {
      return "ε";
    }
    return "";
  }

  /** {@code label [unit]}, or the label alone when {@code name} has no known unit. */
  public static String label(String label, String name) {
    String u = of(name);
    return u.isEmpty() ? label : label + " [" + u + "]";
  }
}
