package org.glasslab.data.io;

import java.nio.file.Path;
import java.util.Locale;

/** The trajectory file formats GlassLab reads and writes, recognised by file extension. */
public enum Format {
  /** H5MD (HDF5), readable by h5py and MDAnalysis: {@code .h5}, {@code .h5md}, {@code .hdf5}. */
  H5MD("h5md", "h5", "h5md", "hdf5"),
  /** Extended XYZ as read by OVITO and ASE: {@code .xyz}, {@code .extxyz}. */
  XYZ("xyz", "xyz", "extxyz"),
  /** LAMMPS data file (atom_style sphere or atomic): {@code .data}, {@code .lmp}. */
  LAMMPS_DATA("lammps-data", "data", "lmp"),
  /** LAMMPS text dump: {@code .dump}, {@code .lammpstrj}. */
  LAMMPS_DUMP("lammps-dump", "dump", "lammpstrj");

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
        "unknown format '" + name + "'; expected one of h5md, xyz, lammps-data, lammps-dump");
  }

  /**
   * The format of {@code file} from its extension.
   *
   * @throws IllegalArgumentException naming the file and the known extensions
   */
  public static Format of(Path file) {
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
            + " .dump/.lammpstrj, or name it with --from/--to");
  }
}
