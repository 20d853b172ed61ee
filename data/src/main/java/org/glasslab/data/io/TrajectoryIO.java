package org.glasslab.data.io;

import java.io.IOException;
import java.nio.file.Path;
import org.glasslab.data.Configuration;
import org.glasslab.data.MemoryTrajectory;
import org.glasslab.data.Trajectory;

/**
 * One entry point for reading and writing trajectories in every supported {@link Format}; the
 * format comes from the file extension unless given. A path naming an MD run directory (holding
 * {@code run.json}) reads as one trajectory over all its completed blocks.
 */
public final class TrajectoryIO {
  private TrajectoryIO() {}

  /**
   * Reads {@code file} with the format from its extension (or a run directory) and default options.
   */
  public static Trajectory read(Path file) throws IOException {
    return read(file, Format.of(file), ReadOptions.DEFAULTS);
  }

  /** Reads {@code file} as {@code format}. Close the result when done (H5MD is read lazily). */
  public static Trajectory read(Path file, Format format, ReadOptions options) throws IOException {
    return switch (format) {
      case H5MD -> H5md.read(file, options);
      case XYZ -> ExtendedXyz.read(file, options);
      case LAMMPS_DUMP -> LammpsDump.read(file, options);
      case LAMMPS_DATA -> MemoryTrajectory.of(java.util.List.of(LammpsData.read(file, options)));
      case GSD -> Gsd.read(file, options);
      case RUN_DIR -> RunDirectoryFormat.read(file, options);
    };
  }

  /** Reads frame {@code k} (negative counts from the end) of {@code file}. */
  public static Configuration readFrame(Path file, int k) throws IOException {
    try (Trajectory t = read(file)) {
      return t.frame(frameIndex(t, k, file));
    }
  }

  /**
   * Resolves a user frame index: {@code k >= 0} as is, {@code k < 0} from the end (-1 = last).
   *
   * @throws IllegalArgumentException naming the file and the valid range
   */
  public static int frameIndex(Trajectory t, int k, Path file) {
    int nf = t.frameCount();
    int idx = k < 0 ? nf + k : k;
    if (idx < 0 || idx >= nf) {
      throw new IllegalArgumentException(
          file + ": frame " + k + " does not exist; the file has " + nf + " frame(s)");
    }
    return idx;
  }

  /**
   * Writes {@code t} with the format from the extension of {@code file}, atomically. H5MD is
   * streamed frame by frame ({@link H5mdWriter}: a long trajectory becomes a segmented directory).
   */
  public static void write(Path file, Trajectory t) throws IOException {
    write(file, Format.of(file), t, LammpsData.Style.SPHERE);
  }

  /**
   * Writes {@code t} as {@code format}, atomically. A LAMMPS data file holds one frame; {@code
   * style} selects its atom_style.
   *
   * @throws IllegalArgumentException if a multi-frame trajectory is written to a data file, or the
   *     format is {@link Format#RUN_DIR} (written by the MD engine only)
   */
  public static void write(Path file, Format format, Trajectory t, LammpsData.Style style)
      throws IOException {
    switch (format) {
      case H5MD -> H5mdWriter.copy(file, t, true);
      case XYZ -> ExtendedXyz.write(file, t);
      case LAMMPS_DUMP -> LammpsDump.write(file, t);
      case GSD -> Gsd.write(file, t);
      case LAMMPS_DATA -> {
        if (t.frameCount() != 1) {
          throw new IllegalArgumentException(
              "a LAMMPS data file holds one configuration but the input has "
                  + t.frameCount()
                  + " frames; choose one with --frame");
        }
        LammpsData.write(file, t.frame(0), style);
      }
      case RUN_DIR ->
          throw new IllegalArgumentException(
              file
                  + ": run directories are written by glasslab simulate only; write h5md, xyz,"
                  + " lammps-dump, lammps-data or gsd");
    }
  }
}
