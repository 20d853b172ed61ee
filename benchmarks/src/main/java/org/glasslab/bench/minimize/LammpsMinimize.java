package org.glasslab.bench.minimize;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.glasslab.bench.md.Lammps;
import org.glasslab.bench.md.LammpsDeck;
import org.glasslab.data.Box;
import org.glasslab.data.Configuration;

/**
 * Runs LAMMPS' conjugate gradient ({@code min_style cg}, {@code minimize 0 ftol ...}) on the same
 * configuration and potential as GlassLab (via md-engine's {@link LammpsDeck}), the peer reference
 * for tests and {@code glasslab bench minimize}. {@code min_modify norm inf} makes LAMMPS stop on
 * the largest force component, the same criterion as GlassLab's {@code ftol}.
 */
public final class LammpsMinimize {
  private LammpsMinimize() {}

  /**
   * LAMMPS' minimization statistics.
   *
   * @param version LAMMPS version banner
   * @param stoppingCriterion LAMMPS' "Stopping criterion" line, e.g. "force tolerance"
   * @param energy final total potential energy [energy]
   * @param maxForce final largest force component [energy/length]
   * @param iterations CG iterations
   * @param forceEvaluations force evaluations
   * @param loopSeconds LAMMPS' "Loop time" of the minimization (wall) [s]
   * @param loopCpuSeconds CPU time of that loop: loop time times LAMMPS' own "% CPU use" (NaN when
   *     not reported) [s]; a load-robust figure on a shared machine
   * @param configuration the final configuration (only when a dump was requested), else null
   */
  public record Result(
      String version,
      String stoppingCriterion,
      double energy,
      double maxForce,
      int iterations,
      long forceEvaluations,
      double loopSeconds,
      double loopCpuSeconds,
      Configuration configuration) {

    /** True when LAMMPS stopped on the force tolerance. */
    public boolean converged() {
      return stoppingCriterion.startsWith("force tolerance");
    }
  }

  /** True when {@code lmp} can be run. */
  public static boolean available() {
    return Lammps.available();
  }

  /** The input script: setup from the deck, then CG to {@code ftol} with the inf-norm criterion. */
  static String script(LammpsDeck deck, double ftol, int maxIter, Path dump) {
    String s =
        deck.setup("data.lmp", 0.005, 0.3)
            + "thermo_style custom step pe fmax fnorm\n"
            + "thermo_modify norm no format float %.17g\n"
            + "thermo 100000\n"
            + "min_style cg\n"
            + "min_modify norm inf\n"
            + String.format(Locale.ROOT, "minimize 0 %.17g %d %d%n", ftol, maxIter, 10L * maxIter);
    if (dump != null) {
      s +=
          "write_dump all custom "
              + dump.toAbsolutePath()
              + " id x y ix iy modify format float %.17g sort id\n";
    }
    return s;
  }

  /**
   * Minimizes {@code start} with LAMMPS CG.
   *
   * @param start the start (at most 500 distinct diameters; bin them first with {@link
   *     org.glasslab.data.io.LammpsData#binDiameters})
   * @param ftol largest force component at convergence [energy/length]
   * @param maxIter iteration cap (force evaluations capped at 10x)
   * @param withConfiguration also read back the final positions (full precision)
   * @throws IOException if LAMMPS fails or its log cannot be parsed
   */
  public static Result run(Configuration start, double ftol, int maxIter, boolean withConfiguration)
      throws IOException, InterruptedException {
    LammpsDeck deck = new LammpsDeck(start);
    Path dump = withConfiguration ? Files.createTempFile("glasslab-lmp-min-", ".dump") : null;
    try {
      Lammps.Result r = Lammps.run(deck.dataFile(), script(deck, ftol, maxIter, dump));
      Configuration fin = dump == null ? null : readDump(dump, start);
      return parse(r, fin);
    } finally {
      if (dump != null) {
        Files.deleteIfExists(dump);
      }
    }
  }

  static Result parse(Lammps.Result r, Configuration fin) throws IOException {
    String log = r.log();
    int i = log.indexOf("Minimization stats:");
    if (i < 0) {
      throw new IOException("LAMMPS log has no 'Minimization stats' section");
    }
    String[] lines = log.substring(i).split("\n");
    String criterion = null;
    double energy = Double.NaN;
    double fmax = Double.NaN;
    int iters = -1;
    long evals = -1;
    for (int k = 0; k < Math.min(lines.length, 20); k++) {
      String l = lines[k].strip();
      if (l.startsWith("Stopping criterion =")) {
        criterion = l.substring(l.indexOf('=') + 1).strip();
      } else if (l.startsWith("Energy initial, next-to-last, final =")) {
        String[] p = lines[k + 1].strip().split("\\s+");
        energy = Double.parseDouble(p[2]);
      } else if (l.startsWith("Force max component initial, final =")) {
        String[] p = l.substring(l.indexOf('=') + 1).strip().split("\\s+");
        fmax = Double.parseDouble(p[1]);
      } else if (l.startsWith("Iterations, force evaluations =")) {
        String[] p = l.substring(l.indexOf('=') + 1).strip().split("\\s+");
        iters = Integer.parseInt(p[0]);
        evals = Long.parseLong(p[1]);
      }
    }
    if (criterion == null || iters < 0) {
      throw new IOException("cannot parse LAMMPS minimization statistics");
    }
    return new Result(
        r.version(),
        criterion,
        energy,
        fmax,
        iters,
        evals,
        r.loopSeconds(),
        r.loopSeconds() * r.cpuFraction(),
        fin);
  }

  /** Reads {@code id x y ix iy} lines (id order) of a LAMMPS dump into a configuration. */
  static Configuration readDump(Path dump, Configuration start) throws IOException {
    int n = start.size();
    double[] x = new double[2 * n];
    int[] im = new int[2 * n];
    String[] lines = Files.readString(dump).split("\n");
    int k = 0;
    while (k < lines.length && !lines[k].startsWith("ITEM: ATOMS")) {
      k++;
    }
    Box box = start.box();
    double[] tmp = new double[1];
    for (int i = 0; i < n; i++) {
      String[] p = lines[k + 1 + i].strip().split("\\s+");
      int id = Integer.parseInt(p[0]) - 1;
      for (int c = 0; c < 2; c++) {
        double v = Double.parseDouble(p[1 + c]);
        int shift = box.wrap(v, c, tmp);
        x[2 * id + c] = tmp[0];
        im[2 * id + c] = Integer.parseInt(p[3 + c]) + shift;
      }
    }
    return new Configuration(
        box,
        x,
        im,
        start.diameters(),
        null,
        start.ids(),
        start.types(),
        start.step(),
        start.time());
  }
}
