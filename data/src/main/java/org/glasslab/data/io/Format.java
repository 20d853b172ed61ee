package org.glasslab.data.io;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The trajectory file formats GlassLab reads and writes, recognised by file extension; an MD run
 * directory (a directory holding {@code run.json}, read-only) is recognised as {@link #RUN_DIR}.
 */
public enum Format {
  /** H5MD (HDF5), readable by h5py and MDAnalysis: {@code .h5}, {@code .h5md}, {@code .hdf5}. */
  H5MD("h5md", "h5", "h5md", "hdf5"),
  /** Extended XYZ as read by OVITO and ASE: {@code .xyz}, {@code .extxyz}. */
  XYZ("xyz", "xyz", "extxyz"),
  /** LAMMPS data file (atom_style sphere or atomic): {@code .data}, {@code .lmp}. */
  LAMMPS_DATA("lammps-data", "data", "lmp"),
  /** LAMMPS text dump: {@code .dump}, {@code .lammpstrj}. */
  LAMMPS_DUMP("lammps-dump", "dump", "lammpstrj"),
  /**
   * An md-engine run directory (one H5MD file per block plus the index {@code run.json}, see {@link
   * RunDirectoryFormat}): read as one trajectory, not writable.
   */
  RUN_DIR("run-dir");

  private final String id;
  private final String[] extensions;

  Format(String id, String... extensions) {
    this.id = id;
    this.extensions = extensions;
  }

  /** The name used on the command line ({@code --from}, {@code --to}). */
  public String id() {
    return id;
  }

  /** Parses a format name or extension (case-insensitive). */
  public static Format parse(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    for (Format f : values()) {
      if (f.id.equals(n)) {
        return f;
      }
      for (String e : f.extensions) {
        if (e.equals(n)) {
          return f;
        }
      }
    }
    throw new IllegalArgumentException(
        "unknown format '"
            + name
            + "'; expected one of h5md, xyz, lammps-data, lammps-dump, run-dir");
  }

  /** Whether GlassLab can write this format ({@link #RUN_DIR} is written by the MD engine only). */
  public boolean writable() {
    return this != RUN_DIR;
  }

  /**
   * The format of {@code file} from its extension; a directory holding {@code run.json} is a {@link
   * #RUN_DIR}.
   *
   * @throws IllegalArgumentException naming the file and the known extensions, or the directory
   *     without {@code run.json}
   */
  public static Format of(Path file) {
    if (Files.isDirectory(file)) {
      if (RunDirectoryFormat.isRunDirectory(file)) {
        return RUN_DIR;
      }
      throw new IllegalArgumentException(
          file
              + ": a directory without "
              + RunDirectoryFormat.INDEX
              + " is not a run directory (glasslab simulate -o DIR writes one when its first block"
              + " is complete)");
    }
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    int dot = name.lastIndexOf('.');
    if (dot >= 0) {
      String ext = name.substring(dot + 1);
      for (Format f : values()) {
        for (String e : f.extensions) {
          if (e.equals(ext)) {
            return f;
          }
        }
      }
    }
    throw new IllegalArgumentException(
        file
            + ": unknown format (extension); expected .h5/.h5md/.hdf5, .xyz/.extxyz, .data/.lmp or"
            + " .dump/.lammpstrj, a run directory with run.json, or name it with --from/--to");
  }
}
