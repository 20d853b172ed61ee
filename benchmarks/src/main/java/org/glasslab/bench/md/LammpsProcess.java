package org.glasslab.bench.md;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the external LAMMPS binary ({@code lmp}, serial) on a {@link LammpsDeck} in a scratch
 * directory and reads back its thermo table and loop time. The reference peer for tests and for
 * {@code glasslab bench md}; nothing in the engine depends on it.
 */
public final class LammpsProcess {
  private LammpsProcess() {}

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

  /** True when {@code lmp} can be started. */
  public static boolean available() {
    try {
      Process p = new ProcessBuilder("lmp", "-h").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** The LAMMPS version banner (e.g. "... - 29 Sep 2021 - Update 2"), or "unknown". */
  public static String version() throws IOException, InterruptedException {
    Process p = new ProcessBuilder("lmp", "-h").redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor();
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
   * @throws IOException if LAMMPS fails (its last log lines are in the message)
   */
  public static Result run(String dataFile, String inputScript)
      throws IOException, InterruptedException {
    Path dir = Files.createTempDirectory("glasslab-lmp-");
    try {
      Files.writeString(dir.resolve("data.lmp"), dataFile);
      Files.writeString(dir.resolve("in.lmp"), inputScript);
      Process p =
          new ProcessBuilder("lmp", "-in", "in.lmp", "-log", "log.lmp", "-screen", "none", "-nc")
              .directory(dir.toFile())
              .redirectErrorStream(true)
              .start();
      p.getInputStream().readAllBytes();
      int rc = p.waitFor();
      Path logPath = dir.resolve("log.lmp");
      String log = Files.exists(logPath) ? Files.readString(logPath) : "";
      if (rc != 0) {
        String[] lines = log.split("\n");
        String tail =
            String.join(" | ", List.of(lines).subList(Math.max(0, lines.length - 3), lines.length));
        throw new IOException("lmp exited with " + rc + ": " + tail);
      }
      return parse(version(), log);
    } finally {
      try (var files = Files.walk(dir)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
      }
    }
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
