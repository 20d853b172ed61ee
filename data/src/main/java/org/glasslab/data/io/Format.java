package org.glasslab.data.io;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The trajectory file formats GlassLab reads and writes, recognised by file extension, else (for an
 * existing file with another name, such as LAMMPS' {@code dump.melt}) by its first bytes; an MD run
 * directory (a directory holding {@code run.json}, read-only) is recognised as {@link #RUN_DIR}.
 */
public enum Format {
  /** H5MD (HDF5), readable by h5py and MDAnalysis: {@code .h5}, {@code .h5md}, {@code .hdf5}. */
  H5MD("h5md", "h5", "h5md", "hdf5"),
  /** Extended XYZ as read by OVITO and ASE: {@code .xyz}, {@code .extxyz}. */
  XYZ("xyz", "xyz", "extxyz"),
  /** LAMMPS data file (atom_style sphere or atomic): {@code .data}, {@code .lmp}. */
  LAMMPS_DATA("lammps-data", "data", "lmp"),
  /**
   * LAMMPS text dump ({@code dump custom} or {@code dump atom}): {@code .dump}, {@code .lammpstrj}.
   */
  LAMMPS_DUMP("lammps-dump", "dump", "lammpstrj", "atom"),
  /** GSD, HOOMD-blue's binary format (hoomd schema, see {@link Gsd}): {@code .gsd}. */
  GSD("gsd", "gsd"),
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
            + "'; expected one of h5md, xyz, lammps-data, lammps-dump, gsd, run-dir");
  }

  /** Whether GlassLab can write this format ({@link #RUN_DIR} is written by the MD engine only). */
  public boolean writable() {
    return this != RUN_DIR;
  }

  /**
   * The format of {@code file} from its extension; a directory holding {@code run.json} is a {@link
   * #RUN_DIR}; an existing file with an unknown extension by its content ({@link #sniff}).
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
    Format sniffed = Files.isRegularFile(file) ? sniff(file) : null;
    if (sniffed != null) {
      return sniffed;
    }
    throw new IllegalArgumentException(
        file
            + ": unknown format (extension); expected .h5/.h5md/.hdf5, .xyz/.extxyz, .data/.lmp,"
            + " .dump/.lammpstrj/.atom, .gsd, a run directory with run.json, or name it with"
            + " --from/--to");
  }

  /**
   * The format of a file by its first bytes, or {@code null} when they match none: the HDF5 and GSD
   * signatures, a LAMMPS dump's {@code ITEM:} header, an XYZ particle count followed by a comment
   * line with {@code Lattice=}, a LAMMPS data file's {@code N atoms} line within its header.
   */
  public static Format sniff(Path file) {
    byte[] head;
    try (java.io.InputStream in = Files.newInputStream(file)) {
      head = in.readNBytes(4096);
    } catch (java.io.IOException e) {
      return null;
    }
    if (head.length >= 8
        && (head[0] & 0xff) == 0x89
        && head[1] == 'H'
        && head[2] == 'D'
        && head[3] == 'F') {
      return H5MD;
    }
    if (head.length >= 8
        && java.nio.ByteBuffer.wrap(head, 0, 8).order(java.nio.ByteOrder.LITTLE_ENDIAN).getLong()
            == 0x65DF65DF65DF65DFL) {
      return GSD;
    }
    String text = new String(head, java.nio.charset.StandardCharsets.ISO_8859_1);
    String[] lines = text.strip().split("\\R", 40);
    if (lines.length == 0) {
      return null;
    }
    if (lines[0].startsWith("ITEM:")) {
      return LAMMPS_DUMP;
    }
    if (lines.length > 1 && lines[0].strip().matches("\\d+") && lines[1].contains("Lattice=")) {
      return XYZ;
    }
    for (int k = 1; k < lines.length; k++) {
      if (lines[k].strip().matches("\\d+\\s+atoms")) {
        return LAMMPS_DATA;
      }
    }
    return null;
  }
}
