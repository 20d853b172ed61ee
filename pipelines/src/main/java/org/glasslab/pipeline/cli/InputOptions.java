package org.glasslab.pipeline.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.glasslab.data.Configuration;
import org.glasslab.data.Trajectory;
import org.glasslab.data.io.Format;
import org.glasslab.data.io.LammpsData;
import org.glasslab.data.io.ReadOptions;
import org.glasslab.data.io.TrajectoryIO;
import picocli.CommandLine.Option;

/**
 * Options shared by every command that reads a trajectory file: the format (else from the
 * extension), per-type diameters for LAMMPS files without a diameter column, and the time step for
 * LAMMPS files that do not store times. Use as a picocli {@code @Mixin}.
 */
public final class InputOptions {
  @Option(
      names = "--from",
      paramLabel = "FMT",
      description =
          "Input format: h5md, xyz, lammps-data, lammps-dump, run-dir (default: from the extension;"
              + " a directory with run.json is a run-dir).")
  String from;

  @Option(
      names = "--type-diameters",
      paramLabel = "TABLE",
      description =
          "Per-type diameters for LAMMPS files without a diameter column: a file of 'type"
              + " diameter' lines, or a list like 1=0.9,2=1.1.")
  String typeDiameters;

  @Option(
      names = "--dt",
      paramLabel = "DT",
      defaultValue = "0.003",
      description =
          "MD time step for LAMMPS files without times (time = step*dt; default ${DEFAULT-VALUE}).")
  double dt;

  /** Opens {@code file} with these options; close the result. */
  public Trajectory open(Path file) throws IOException {
    return TrajectoryIO.read(file, format(file), readOptions());
  }

  /** Frame {@code k} (negative counts from the end) of {@code file}. */
  public Configuration frame(Path file, int k) throws IOException {
    try (Trajectory t = open(file)) {
      return t.frame(TrajectoryIO.frameIndex(t, k, file));
    }
  }

  /** The format of {@code file}: {@code --from} if given, else from the path. */
  public Format format(Path file) {
    if (from == null) {
      try {
        return Format.of(file);
      } catch (IllegalArgumentException e) {
        if (java.nio.file.Files.isDirectory(file)) {
          throw e; // a directory's content is wrong (no run.json): a failure, not a usage error
        }
        throw new Cli.UsageError(e.getMessage(), e); // the name names no format: usage
      }
    }
    try {
      return Format.parse(from);
    } catch (IllegalArgumentException e) {
      throw new Cli.UsageError("--from: " + e.getMessage(), e);
    }
  }

  /** The read options these flags describe. */
  public ReadOptions readOptions() throws IOException {
    if (!(dt > 0) || !Double.isFinite(dt)) {
      throw new IllegalArgumentException("--dt: must be finite and positive, got " + dt);
    }
    ReadOptions o = ReadOptions.DEFAULTS.withDt(dt);
    if (typeDiameters != null) {
      try {
        o = o.withTypeDiameters(parseTable(typeDiameters));
      } catch (java.nio.file.NoSuchFileException e) {
        throw new IllegalArgumentException(
            "--type-diameters: "
                + typeDiameters
                + ": no such file (expected a table file or TYPE=DIAMETER pairs like 1=0.9,2=1.1)",
            e);
      } catch (IllegalArgumentException e) {
        throw e.getMessage().startsWith("--type-diameters")
            ? e
            : new IllegalArgumentException("--type-diameters: " + e.getMessage(), e);
      }
    }
    return o;
  }

  private static Map<Integer, Double> parseTable(String spec) throws IOException {
    if (!spec.contains("=") && !java.nio.file.Files.exists(Path.of(spec))) {
      throw new java.nio.file.NoSuchFileException(spec);
    }
    if (!spec.contains("=")) {
      return LammpsData.readTypeTable(Path.of(spec));
    }
    Map<Integer, Double> table = new LinkedHashMap<>();
    for (String part : spec.split(",")) {
      String[] kv = part.split("=");
      try {
        table.put(Integer.parseInt(kv[0].strip()), Double.parseDouble(kv[1].strip()));
      } catch (RuntimeException e) {
        throw new IllegalArgumentException(
            "--type-diameters: expected TYPE=DIAMETER pairs like 1=0.9,2=1.1, got '" + part + "'");
      }
    }
    return table;
  }
}
