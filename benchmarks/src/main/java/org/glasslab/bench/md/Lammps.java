package org.glasslab.bench.md;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.glasslab.bench.peer.PeerProcess;

/**
 * Runs the external LAMMPS binary ({@code lmp}, serial, through {@link PeerProcess}) on a {@link
 * LammpsDeck} in a scratch directory and reads back its thermo table and loop time. The reference
 * peer for the live tests and for {@code glasslab bench md|minimize}; nothing in the engine depends
 * on it.
 */
public final class Lammps {
  /** The LAMMPS executable, looked up on PATH. */
  public static final String EXECUTABLE = "lmp";

  /** The MPI launcher for {@link #runMpi}, looked up on PATH. */
  public static final String MPIRUN = "mpirun";

  private static final String HINT = "install LAMMPS (Debian package lammps)";

  private Lammps() {}

  /**
   * The result of one LAMMPS run.
   *
   * @param version the banner line of {@code lmp -h}
   * @param thermo rows of the last thermo table (columns as in the script)
   * @param loopSeconds LAMMPS' own "Loop time" of the last run (wall clock) [s]
   * @param cpuFraction LAMMPS' reported "% CPU use" of that loop / 100 (NaN if absent); {@code
   *     loopSeconds * cpuFraction} is the CPU time, robust on a loaded machine
   * @param log the whole log text
   */
  public record Result(
      String version, List<double[]> thermo, double loopSeconds, double cpuFraction, String log) {}

  /** True when {@code lmp} is installed ({@code lmp -h} runs). */
  public static boolean available() {
    return PeerProcess.available(EXECUTABLE, "-h");
  }

  /** The LAMMPS version banner (e.g. "... - 29 Sep 2021 - Update 2"), or "unknown". */
  public static String version() throws IOException, InterruptedException {
    String out = PeerProcess.of(EXECUTABLE, "-h").installHint(HINT).run().stdout();
    for (String line : out.split("\n")) {
      if (line.contains("Large-scale Atomic/Molecular Massively Parallel Simulator")) {
        return line.strip();
      }
    }
    return "unknown";
  }

  /**
   * Writes {@code data.lmp} and {@code in.lmp} into a fresh temporary directory, runs {@code lmp
   * -in in.lmp} there and parses the log.
   *
   * @param dataFile the data file text ({@link LammpsDeck#dataFile()})
   * @param inputScript an input script reading {@code data.lmp}
   * @throws IOException if LAMMPS fails (the last line of its log is in the message)
   */
  public static Result run(String dataFile, String inputScript)
      throws IOException, InterruptedException {
    try (PeerProcess.Scratch dir = PeerProcess.Scratch.create("glasslab-lmp-")) {
      return runIn(dir.dir(), dataFile, inputScript);
    }
  }

  /**
   * As {@link #run(String, String)}, on {@code ranks} MPI processes ({@code mpirun -np ranks lmp},
   * LAMMPS' own domain decomposition of the one system).
   */
  public static Result runMpi(int ranks, String dataFile, String inputScript)
      throws IOException, InterruptedException {
    try (PeerProcess.Scratch dir = PeerProcess.Scratch.create("glasslab-lmp-")) {
      List<String> cmd = new ArrayList<>(List.of(MPIRUN));
      if ("root".equals(System.getProperty("user.name"))) {
        cmd.add("--allow-run-as-root"); // Open MPI refuses root otherwise
      }
      cmd.addAll(List.of("-np", Integer.toString(ranks), EXECUTABLE));
      return runIn(dir.dir(), dataFile, inputScript, cmd);
    }
  }

  /** True when {@code mpirun} can start {@code lmp} on two processes. */
  public static boolean mpiAvailable() {
    return "root".equals(System.getProperty("user.name"))
        ? PeerProcess.available(MPIRUN, "--allow-run-as-root", "-np", "2", EXECUTABLE, "-h")
        : PeerProcess.available(MPIRUN, "-np", "2", EXECUTABLE, "-h");
  }

  /**
   * As {@link #run(String, String)}, in the existing directory {@code dir}, which is kept with
   * everything LAMMPS wrote there (dumps, the log).
   */
  public static Result runIn(Path dir, String dataFile, String inputScript)
      throws IOException, InterruptedException {
    return runIn(dir, dataFile, inputScript, List.of(EXECUTABLE));
  }

  private static Result runIn(Path dir, String dataFile, String inputScript, List<String> lmp)
      throws IOException, InterruptedException {
    Files.writeString(dir.resolve("data.lmp"), dataFile);
    Files.writeString(dir.resolve("in.lmp"), inputScript);
    Path log = dir.resolve("log.lmp");
    List<String> cmd = new ArrayList<>(lmp);
    cmd.addAll(List.of("-in", "in.lmp", "-log", "log.lmp", "-screen", "none", "-nc"));
    PeerProcess.of(lmp.get(0), cmd).directory(dir).errorLog(log).installHint(HINT).run();
    return parse(version(), Files.readString(log));
  }

  static Result parse(String version, String log) {
    List<double[]> rows = new ArrayList<>();
    double loop = Double.NaN;
    double cpu = Double.NaN;
    boolean on = false;
    for (String raw : log.split("\n")) {
      String line = raw.strip();
      if (line.startsWith("Step")) {
        on = true;
        rows.clear();
        continue;
      }
      if (line.startsWith("Loop time of")) {
        on = false;
        loop = Double.parseDouble(line.split("\\s+")[3]);
        continue;
      }
      if (line.contains("% CPU use with")) {
        cpu = Double.parseDouble(line.substring(0, line.indexOf('%')).strip()) / 100.0;
        continue;
      }
      if (on && !line.isEmpty()) {
        String[] p = line.split("\\s+");
        double[] v = new double[p.length];
        try {
          for (int k = 0; k < p.length; k++) {
            v[k] = Double.parseDouble(p[k]);
          }
          rows.add(v);
        } catch (NumberFormatException e) {
          on = false; // a warning line ends the table
        }
      }
    }
    return new Result(version, rows, loop, cpu, log);
  }
}
