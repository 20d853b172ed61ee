package org.glasslab.pipeline.store;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The unit of each result column, by its name, so that every results file can record it (CSV: the
 * {@code NAME.csv-metadata.json} sidecar, HDF5: a {@code unit} attribute on each dataset; see
 * docs/results.md). Particle-side results are in reduced units: length σ (the mean diameter),
 * energy ε, mass m, k_B = 1, time τ = σ√(m/ε); {@code "1"} is dimensionless (a ratio, count, index
 * or label). EPM results are in EPM units (stress in units of the mean yield threshold, time in
 * units of the inverse attempt rate), labelled {@code "epm"}.
 */
public final class Units {
  /** Reduced (particle, MD) units, by column name. */
  public static final Units PARTICLE = new Units(false);

  /**
   * EPM units: every column labelled {@code "epm"} (see docs/epm-lattice.md) but counts and indices
   * ({@code "1"}).
   */
  public static final Units EPM = new Units(true);

  private static final String LENGTH = "sigma";
  private static final String AREA = "sigma^2";
  private static final String TIME = "tau";
  private static final String ENERGY = "epsilon";
  private static final String STRESS = "epsilon/sigma^2";
  private static final String ONE = "1";

  private static final Map<String, String> NAMES = new LinkedHashMap<>();

  static {
    for (String s :
        new String[] {
          "id",
          "particle",
          "frame",
          "frames",
          "frame_a",
          "frame_b",
          "ref_frame",
          "cur_frame",
          "pair",
          "pairs",
          "n",
          "count",
          "neighbours",
          "flag",
          "beta1",
          "dim",
          "rank",
          "rattlers",
          "zero_modes",
          "negative_modes",
          "events",
          "seed",
          "branch",
          "component",
          "method",
          "snapshot",
          "softness",
          "beta_phi",
          "pearson",
          "spearman",
          "g",
          "fraction",
          "fraction_error",
          "eps_vol",
          "abs_eps_vol",
          "dev_norm",
          "total_norm",
          "detH",
          "participation_ratio",
          "event_is_event",
          "refined"
        }) {
      NAMES.put(s, ONE);
    }
    for (String s :
        new String[] {
          "step",
          "steps",
          "ref_step",
          "cur_step",
          "lag_step",
          "lag_steps",
          "span_steps",
          "event_start",
          "event_end",
          "before_start",
          "after_end",
          "engine_steps"
        }) {
      NAMES.put(s, "steps");
    }
    for (String s : new String[] {"x", "y", "ux", "uy", "r", "m", "displacement", "cutoff"}) {
      NAMES.put(s, LENGTH);
    }
    for (String s : new String[] {"msd", "d2min", "area"}) {
      NAMES.put(s, AREA);
    }
    for (String s : new String[] {"time", "lag_time"}) {
      NAMES.put(s, TIME);
    }
    // potential_energy is the total over the N particles; the per-particle value says so by name
    for (String s :
        new String[] {
          "potential_energy",
          "kinetic_energy",
          "energy",
          "potential_energy_per_particle",
          "energy_per_particle",
          "is_energy_per_particle"
        }) {
      NAMES.put(s, ENERGY);
    }
    for (String s :
        new String[] {
          "sxx",
          "syy",
          "sxy",
          "syx",
          "s_vol",
          "s_norm",
          "pressure",
          "stress",
          "volumetric_stress",
          "stress_norm",
          "lambda",
          "lambda_smallest"
        }) {
      // a Hessian eigenvalue (unit mass) has the unit of a stress in 2D: epsilon/sigma^2
      NAMES.put(s, STRESS);
    }
    NAMES.put("max_force", "epsilon/sigma");
    NAMES.put("is_max_force", "epsilon/sigma");
    NAMES.put("temperature", "epsilon/k_B");
    NAMES.put("T", "epsilon/k_B");
    NAMES.put("density", "sigma^-2");
    NAMES.put("diffusion", "sigma^2/tau");
    NAMES.put("birth", LENGTH);
    NAMES.put("death", LENGTH);
    NAMES.put("wall_seconds", "s");
    NAMES.put("atom_steps_per_second", "1/s");
  }

  /** Suffixes naming a statistic or a frame pair of a column, with the column's own unit. */
  private static final String[] SUFFIXES = {
    "_median", "_q95", "_mean", "_std", "_min", "_max", "_before", "_at", "_after", "_error"
  };

  private final boolean epm;

  private Units(boolean epm) {
    this.epm = epm;
  }

  /**
   * The unit of column (or dataset) {@code name}, or {@code null} when unregistered. A dataset path
   * {@code group/name} is looked up by its last part; statistics ({@code d2min_median}) and frame
   * pairs ({@code softness_at}) take the unit of their column; {@code lambda=...} (a mode) is an
   * eigenvector component, dimensionless.
   */
  public String of(String name) {
    String n = name.substring(name.lastIndexOf('/') + 1);
    if (epm) {
      return ONE.equals(NAMES.get(n)) || n.equals("avalanches") ? ONE : "epm";
    }
    if (n.startsWith("lambda=")) {
      return ONE;
    }
    String u = NAMES.get(n);
    for (int k = 0; u == null && k < SUFFIXES.length; k++) {
      if (n.endsWith(SUFFIXES[k])) {
        u = NAMES.get(n.substring(0, n.length() - SUFFIXES[k].length()));
      }
    }
    return u;
  }

  /**
   * {@code table} with the unit of every registered numeric column (existing units kept; text
   * columns have none).
   */
  public Table annotate(Table table) {
    Map<String, String> u = new LinkedHashMap<>();
    for (int c = 0; c < table.header().size(); c++) {
      String h = table.header().get(c);
      if (table.dtype(c).equals("string")) {
        continue;
      }
      String unit = table.units().containsKey(h) ? table.units().get(h) : of(h);
      if (unit != null) {
        u.put(h, unit);
      }
    }
    return table.withUnits(u);
  }

  /** The units of the datasets in {@code names} that are registered. */
  public Map<String, String> of(Iterable<String> names) {
    Map<String, String> u = new LinkedHashMap<>();
    for (String n : names) {
      String unit = of(n);
      if (unit != null) {
        u.put(n, unit);
      }
    }
    return u;
  }
}
