package org.glasslab.pipeline.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.glasslab.data.Configuration;
import org.glasslab.data.Trajectory;
import org.glasslab.data.io.Format;
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
          "Input format: h5md, xyz, lammps-data, lammps-dump, gsd, run-dir (default: from the"
              + " extension, else the file's content; a directory with run.json is a run-dir).")
  String from;

  @Option(
      names = "--type-diameters",
      paramLabel = "TABLE",
      description =
          "Per-type diameters for files without per-particle diameters (LAMMPS atomic data or"
              + " dumps, H5MD from MDAnalysis, XYZ without a diameter column, GSD): a file of"
              + " 'type diameter' lines, or a list like 1=0.9,2=1.1.")
  String typeDiameters;

  @Option(
      names = "--box",
      paramLabel = "LX,LY",
      description =
          "Periodic box for a plain XYZ file without Lattice= (its coordinates are wrapped into"
              + " [0,LX)x[0,LY)); files that carry a box ignore it.")
  String box;

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
    if (box != null) {
      o = o.withBox(parseBox(box));
    }
    if (typeDiameters != null) {
      try {
        o = o.withTypeDiameters(ReadOptions.parseTypeDiameters(typeDiameters));
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

  private static org.glasslab.data.Box parseBox(String spec) {
    String[] p = spec.split(",");
    try {
      if (p.length == 2) {
        return new org.glasslab.data.Box(
            Double.parseDouble(p[0].strip()), Double.parseDouble(p[1].strip()));
      }
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "--box: expected LX,LY with two finite positive lengths, got '" + spec + "'", e);
    }
    throw new IllegalArgumentException(
        "--box: expected LX,LY with two finite positive lengths, got '" + spec + "'");
  }
}
