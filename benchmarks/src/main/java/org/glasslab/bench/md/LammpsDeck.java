package org.glasslab.bench.md;

import java.util.Locale;
import org.glasslab.data.Box;
import org.glasslab.data.Configuration;
import org.glasslab.md.Wca;

/**
 * Writes a LAMMPS data file and input script that model the same polydisperse WCA system: 2D,
 * {@code units lj}, {@code atom_style atomic}, {@code pair lj/cut} with one type per distinct
 * diameter, per-pair {@code sigma_ij = (d_i + d_j)/2}, cutoff {@code 2^(1/6) sigma_ij}, {@code
 * pair_modify shift yes} (which makes lj/cut exactly WCA). Numbers are written with 17 significant
 * digits so LAMMPS reads the same doubles. Used by {@code glasslab bench md} and the live LAMMPS
 * tests; use {@link org.glasslab.data.io.LammpsData#binDiameters} first to keep the number of types
 * (and pair_coeff lines) small.
 */
public final class LammpsDeck {
  private final Configuration config;
  private final double[] typeDiameters;
  private final int[] types;

  /**
   * A deck for {@code config}: every distinct diameter becomes a type.
   *
   * @throws IllegalArgumentException if there are more than 500 distinct diameters (bin first)
   */
  public LammpsDeck(Configuration config) {
    this.config = config;
    double[] d = config.diameters();
    double[] sorted = d.clone();
    java.util.Arrays.sort(sorted);
    int distinct = 0;
    double[] uniq = new double[sorted.length];
    for (int k = 0; k < sorted.length; k++) {
      if (k == 0 || sorted[k] != sorted[k - 1]) {
        uniq[distinct++] = sorted[k];
      }
    }
    if (distinct > 500) {
      throw new IllegalArgumentException(
          distinct + " distinct diameters would need too many LAMMPS types; bin them first");
    }
    this.typeDiameters = java.util.Arrays.copyOf(uniq, distinct);
    this.types = new int[d.length];
    for (int i = 0; i < d.length; i++) {
      types[i] = java.util.Arrays.binarySearch(typeDiameters, d[i]) + 1;
    }
  }

  /** The diameter of each LAMMPS type 1, 2, ... (index type - 1) [length]. */
  public double[] typeDiameters() {
    return typeDiameters.clone();
  }

  /** Number of LAMMPS atom types. */
  public int typeCount() {
    return typeDiameters.length;
  }

  private static String g(double v) {
    return String.format(Locale.ROOT, "%.17g", v);
  }

  /** The data file text (atoms with image flags, velocities when present). */
  public String dataFile() {
    Box b = config.box();
    int n = config.size();
    StringBuilder s = new StringBuilder(64 * n);
    s.append("GlassLab configuration\n\n");
    s.append(n).append(" atoms\n").append(typeDiameters.length).append(" atom types\n\n");
    s.append("0 ").append(g(b.lx())).append(" xlo xhi\n");
    s.append("0 ").append(g(b.ly())).append(" ylo yhi\n");
    s.append("-0.5 0.5 zlo zhi\n\nMasses\n\n");
    for (int t = 1; t <= typeDiameters.length; t++) {
      s.append(t).append(" 1.0\n");
    }
    s.append("\nAtoms # atomic\n\n");
    int[] im = config.images();
    for (int i = 0; i < n; i++) {
      s.append(i + 1)
          .append(' ')
          .append(types[i])
          .append(' ')
          .append(g(config.x(i)))
          .append(' ')
          .append(g(config.y(i)))
          .append(" 0.0 ")
          .append(im[2 * i])
          .append(' ')
          .append(im[2 * i + 1])
          .append(" 0\n");
    }
    if (config.hasVelocities()) {
      double[] v = config.velocities();
      s.append("\nVelocities\n\n");
      for (int i = 0; i < n; i++) {
        s.append(i + 1)
            .append(' ')
            .append(g(v[2 * i]))
            .append(' ')
            .append(g(v[2 * i + 1]))
            .append(" 0.0\n");
      }
    }
    return s.toString();
  }

  /**
   * The common part of the input script: system, potential, neighbour settings, time step.
   *
   * @param dataFileName the data file to read
   * @param dt time step [time]
   * @param skin neighbour skin [length]
   */
  public String setup(String dataFileName, double dt, double skin) {
    double dMax = typeDiameters[typeDiameters.length - 1];
    StringBuilder s = new StringBuilder();
    s.append("units lj\ndimension 2\natom_style atomic\nboundary p p p\n");
    s.append("read_data ").append(dataFileName).append('\n');
    s.append("pair_style lj/cut ").append(g(Wca.CUTOFF_FACTOR * dMax)).append('\n');
    s.append("pair_modify shift yes\n");
    for (int i = 0; i < typeDiameters.length; i++) {
      for (int j = i; j < typeDiameters.length; j++) {
        double sij = 0.5 * (typeDiameters[i] + typeDiameters[j]);
        s.append("pair_coeff ")
            .append(i + 1)
            .append(' ')
            .append(j + 1)
            .append(" 1.0 ")
            .append(g(sij))
            .append(' ')
            .append(g(Wca.CUTOFF_FACTOR * sij))
            .append('\n');
      }
    }
    s.append("neighbor ").append(g(skin)).append(" bin\n");
    s.append("neigh_modify every 1 delay 0 check yes\n");
    s.append("timestep ").append(g(dt)).append('\n');
    return s.toString();
  }

  /**
   * Input script running {@code steps} steps of fix nve + fix temp/rescale every step (window 0,
   * fraction 1) at temperature {@code t}, thermo every {@code thermoEvery} steps with pe, ke and
   * the virial-only pressure tensor (c_pv[1], c_pv[2], c_pv[4]) at full precision.
   */
  public String isokineticRun(
      String dataFileName, double dt, double skin, double t, long steps, long thermoEvery) {
    return isokineticRun(dataFileName, dt, skin, t, steps, thermoEvery, 0);
  }

  /**
   * As {@link #isokineticRun(String, double, double, double, long, long)}, and with {@code
   * dumpEvery > 0} a dump {@code traj.dump} every {@code dumpEvery} steps (step 0 included): {@code
   * id xu yu vx vy} at 17 significant digits, sorted by id.
   */
  public String isokineticRun(
      String dataFileName,
      double dt,
      double skin,
      double t,
      long steps,
      long thermoEvery,
      long dumpEvery) {
    String dump =
        dumpEvery > 0
            ? "dump 1 all custom "
                + dumpEvery
                + " traj.dump id xu yu vx vy\n"
                + "dump_modify 1 format float %.17g sort id\n"
            : "";
    return setup(dataFileName, dt, skin)
        + "fix 1 all nve\n"
        + "fix 2 all temp/rescale 1 "
        + g(t)
        + " "
        + g(t)
        + " 0.0 1.0\n"
        + "fix 3 all enforce2d\n"
        + "compute pv all pressure NULL virial\n"
        + "thermo_style custom step pe ke c_pv[1] c_pv[2] c_pv[4] temp\n"
        + "thermo_modify norm no format float %.17g\n"
        + "thermo "
        + thermoEvery
        + "\n"
        + dump
        + "run "
        + steps
        + "\n";
  }
}
