package org.glasslab.data.io;

import java.util.Map;
import java.util.TreeMap;
import org.glasslab.data.Box;

/**
 * Options for reading trajectories.
 *
 * @param typeDiameters per-type diameters [length] for files that carry only types (LAMMPS
 *     atom_style atomic, dumps without a diameter column); may be empty
 * @param dt MD time step [time] used to compute {@code time = step * dt} for LAMMPS files that do
 *     not store the time (default 0.003, the paper's)
 * @param outsideTolerance how far [length] a coordinate may lie outside {@code [0, L)} and still be
 *     wrapped back with its image adjusted; LAMMPS only re-wraps atoms at re-neighbouring, so they
 *     can stray up to half the skin outside. Further out is an error (default 0.5).
 * @param box the periodic box for files that carry none (a plain XYZ file without {@code
 *     Lattice=}), or {@code null}; a box in the file takes precedence
 */
public record ReadOptions(
    Map<Integer, Double> typeDiameters, double dt, double outsideTolerance, Box box) {

  /** The defaults: no type table, dt = 0.003, tolerance 0.5, no box. */
  public static final ReadOptions DEFAULTS = new ReadOptions(Map.of(), 0.003, 0.5, null);

  /** Options without a box for box-less files. */
  public ReadOptions(Map<Integer, Double> typeDiameters, double dt, double outsideTolerance) {
    this(typeDiameters, dt, outsideTolerance, null);
  }

  /** Validates and copies. */
  public ReadOptions {
    typeDiameters = Map.copyOf(new TreeMap<>(typeDiameters));
    for (Map.Entry<Integer, Double> e : typeDiameters.entrySet()) {
      double d = e.getValue();
      if (!(d > 0) || !Double.isFinite(d)) {
        throw new IllegalArgumentException(
            "diameter of type " + e.getKey() + " must be finite and positive, got " + d);
      }
    }
    if (!(dt > 0) || !Double.isFinite(dt)) {
      throw new IllegalArgumentException("dt must be finite and positive, got " + dt);
    }
    if (!(outsideTolerance >= 0) || !Double.isFinite(outsideTolerance)) {
      throw new IllegalArgumentException(
          "outside tolerance must be finite and >= 0, got " + outsideTolerance);
    }
  }

  /** The same options with a per-type diameter table. */
  public ReadOptions withTypeDiameters(Map<Integer, Double> table) {
    return new ReadOptions(table, dt, outsideTolerance, box);
  }

  /**
   * A per-type diameter table from its text form: a file of {@code type diameter} lines ({@link
   * LammpsData#readTypeTable}) or a list like {@code 1=0.9,2=1.1}.
   *
   * @throws java.nio.file.NoSuchFileException if {@code spec} is neither a list nor an existing
   *     file
   * @throws IllegalArgumentException for a malformed pair
   */
  public static Map<Integer, Double> parseTypeDiameters(String spec) throws java.io.IOException {
    if (!spec.contains("=") && !java.nio.file.Files.exists(java.nio.file.Path.of(spec))) {
      throw new java.nio.file.NoSuchFileException(spec);
    }
    if (!spec.contains("=")) {
      return LammpsData.readTypeTable(java.nio.file.Path.of(spec));
    }
    Map<Integer, Double> table = new java.util.LinkedHashMap<>();
    for (String part : spec.split(",")) {
      String[] kv = part.split("=");
      try {
        table.put(Integer.parseInt(kv[0].strip()), Double.parseDouble(kv[1].strip()));
      } catch (RuntimeException e) {
        throw new IllegalArgumentException(
            "expected TYPE=DIAMETER pairs like 1=0.9,2=1.1, got '" + part + "'");
      }
    }
    return table;
  }

  /** The same options with another time step. */
  public ReadOptions withDt(double newDt) {
    return new ReadOptions(typeDiameters, newDt, outsideTolerance, box);
  }

  /** The same options with a box for files that carry none. */
  public ReadOptions withBox(Box newBox) {
    return new ReadOptions(typeDiameters, dt, outsideTolerance, newBox);
  }
}
