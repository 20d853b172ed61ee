package org.glasslab.data.io;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.glasslab.data.Box;
import org.glasslab.data.Configuration;

/**
 * LAMMPS data files for 2D systems, one configuration each.
 *
 * <ul>
 *   <li>{@code atom_style sphere}: {@code id type diameter density x y z [ix iy iz]}, per-atom
 *       diameters. Written with density {@code 6/(pi d^3)} so that every mass is 1: LAMMPS'
 *       read_data sets mass = density * (4/3) pi (d/2)^3, a sphere's volume, in 2D as in 3D
 *       (checked with {@code lmp} in the interop tests). Files written before used {@code 4/(pi
 *       d^2)}; the density column is not read back, so they still read the same.
 *   <li>{@code atom_style atomic}: {@code id type x y z [ix iy iz]}; diameters come from a per-type
 *       side table ({@link #readTypeTable}, lines {@code type diameter}), which {@link #write} also
 *       writes next to the data file as {@code <file>.diameters}.
 * </ul>
 *
 * The style is taken from the {@code Atoms # style} comment, else from the column count. The
 * header's first line may carry {@code timestep = K} (as LAMMPS' write_data does) and GlassLab's
 * {@code time = T}. Atoms are sorted by id; coordinates shifted so the box starts at the origin.
 */
public final class LammpsData {
  private LammpsData() {}

  /** Which atom_style to write. */
  public enum Style {
    /** Per-atom diameter and density columns. */
    SPHERE,
    /** Type only; diameters in a side table. */
    ATOMIC
  }

  private static final Pattern TIMESTEP = Pattern.compile("timestep\\s*=\\s*(\\d+)");
  private static final Pattern TIME = Pattern.compile("\\btime\\s*=\\s*([-+0-9.eE]+)");

  /** Reads the configuration in a data file. */
  public static Configuration read(Path file, ReadOptions options) throws IOException {
    try (LineReader r = new LineReader(file)) {
      String title = r.require("the title line");
      long step = 0;
      double time = Double.NaN;
      Matcher m = TIMESTEP.matcher(title);
      if (m.find()) {
        step = Long.parseLong(m.group(1));
      }
      m = TIME.matcher(title);
      if (m.find()) {
        time = r.parseDouble(m.group(1), "time in the title line");
      }
      int n = -1;
      int ntypes = -1;
      double xlo = Double.NaN;
      double xhi = Double.NaN;
      double ylo = Double.NaN;
      double yhi = Double.NaN;
      String line;
      // Header: counts and bounds until the first section keyword.
      while ((line = r.next()) != null) {
        String s = stripComment(line);
        if (s.isEmpty()) {
          continue;
        }
        String[] t = LineReader.tokens(s);
        if (!isNumber(t[0])) {
          break;
        }
        if (s.endsWith(" atoms") || (t.length == 2 && t[1].equals("atoms"))) {
          n = r.parseInt(t[0], "the number of atoms");
        } else if (t.length == 3 && t[1].equals("atom") && t[2].equals("types")) {
          ntypes = r.parseInt(t[0], "the number of atom types");
        } else if (s.endsWith("xlo xhi")) {
          xlo = r.parseDouble(t[0], "xlo");
          xhi = r.parseDouble(t[1], "xhi");
        } else if (s.endsWith("ylo yhi")) {
          ylo = r.parseDouble(t[0], "ylo");
          yhi = r.parseDouble(t[1], "yhi");
        } else if (s.endsWith("xy xz yz")) {
          throw r.error("triclinic boxes are not supported; expected an orthogonal box");
        }
      }
      if (n <= 0) {
        throw new TrajectoryFormatException(
            file, "header", "missing or non-positive 'N atoms' line");
      }
      if (Double.isNaN(xlo) || Double.isNaN(ylo)) {
        throw new TrajectoryFormatException(file, "header", "missing 'xlo xhi' or 'ylo yhi' line");
      }
      Box box = FrameAssembler.box(file, "header", xhi - xlo, yhi - ylo);
      double[] x = null;
      int[] img = null;
      double[] d = null;
      double[] v = null;
      int[] ids = null;
      int[] types = null;
      int[] order = null;
      while (line != null) {
        String section = stripComment(line).strip();
        String style = line.contains("#") ? line.substring(line.indexOf('#') + 1).strip() : "";
        if (!section.isEmpty() && !Character.isLetter(section.charAt(0))) {
          // A section holds exactly as many lines as the header declares: more is a wrong count.
          throw r.error(
              "a data line where a section name was expected: does a section hold more lines"
                  + " than the header's "
                  + n
                  + " atoms?");
        }
        if (section.equals("Atoms")) {
          x = new double[2 * n];
          d = new double[n];
          ids = new int[n];
          types = new int[n];
          img = new int[2 * n];
          boolean anyImage = readAtoms(r, n, style, x, img, d, ids, types, xlo, ylo, options);
          for (int i = 0; i < n && ntypes > 0; i++) {
            if (types[i] > ntypes) {
              throw new TrajectoryFormatException(
                  file,
                  "Atoms",
                  "atom id "
                      + ids[i]
                      + " has type "
                      + types[i]
                      + ", above the header's "
                      + ntypes
                      + " atom types");
            }
          }
          if (!anyImage) {
            img = null;
          }
          order = IdOrder.of(ids, r, "");
        } else if (section.equals("Velocities")) {
          if (ids == null) {
            throw r.error("the Velocities section must come after Atoms");
          }
          v = readVelocities(r, n, ids);
        } else if (SECTIONS.contains(section)) {
          skipSection(r);
        } else {
          throw r.error(
              "unknown section '"
                  + section
                  + "'; expected a LAMMPS read_data section (Atoms, Velocities, Masses, ...)");
        }
        line = r.nextNonBlank();
      }
      if (x == null) {
        throw new TrajectoryFormatException(file, "", "missing Atoms section");
      }
      double[] xs = IdOrder.perVector(x, order);
      int[] is = IdOrder.perVector(img, order);
      double[] ds = IdOrder.perParticle(d, order);
      int[] idss = IdOrder.perParticle(ids, order);
      int[] ts = IdOrder.perParticle(types, order);
      // Velocities were stored by sorted position already.
      return FrameAssembler.assemble(
          file,
          "Atoms section",
          box,
          xs,
          is,
          ds,
          v,
          idss,
          ts,
          step,
          Double.isNaN(time) ? step * options.dt() : time,
          false,
          options.outsideTolerance());
    }
  }

  private static boolean readAtoms(
      LineReader r,
      int n,
      String style,
      double[] x,
      int[] img,
      double[] d,
      int[] ids,
      int[] types,
      double xlo,
      double ylo,
      ReadOptions options)
      throws IOException {
    String first = nextDataLine(r, "the first Atoms line");
    int width = LineReader.tokens(first).length;
    boolean sphere;
    if (style.startsWith("sphere")) {
      sphere = true;
    } else if (style.startsWith("atomic")) {
      sphere = false;
    } else if (style.isEmpty()) {
      if (width == 7 || width == 10) {
        sphere = true;
      } else if (width == 5 || width == 8) {
        sphere = false;
      } else {
        throw r.error(
            "cannot tell atom_style from "
                + width
                + " columns; add '# sphere' or '# atomic' after Atoms");
      }
    } else {
      throw r.error("unsupported atom_style '" + style + "'; expected sphere or atomic");
    }
    int base = sphere ? 7 : 5;
    if (width != base && width != base + 3) {
      throw r.error(
          "expected "
              + base
              + " or "
              + (base + 3)
              + " columns for atom_style "
              + (sphere ? "sphere" : "atomic")
              + ", got "
              + width);
    }
    if (!sphere && options.typeDiameters().isEmpty()) {
      throw r.error(
          "atom_style atomic needs per-type diameters: pass a type table (--type-diameters)");
    }
    boolean images = width == base + 3;
    String line = first;
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        line = nextDataLine(r, "Atoms line " + (i + 1) + " of " + n);
      }
      String[] t = LineReader.tokens(stripComment(line));
      if (t.length != width) {
        throw r.error("expected " + width + " columns, got " + t.length);
      }
      ids[i] = r.parseInt(t[0], "atom id");
      if (ids[i] < 1) {
        throw r.error("atom ids must be positive, got " + ids[i]);
      }
      types[i] = r.parseInt(t[1], "atom type");
      if (types[i] < 1) {
        throw r.error("atom type must be >= 1, got " + types[i]);
      }
      int c = 2;
      if (sphere) {
        d[i] = r.parseDouble(t[2], "diameter");
        r.parseDouble(t[3], "density");
        c = 4;
      } else {
        Double td = options.typeDiameters().get(types[i]);
        if (td == null) {
          throw r.error("no diameter given for type " + types[i] + " in the per-type table");
        }
        d[i] = td;
      }
      x[2 * i] = r.parseDouble(t[c], "x") - xlo;
      x[2 * i + 1] = r.parseDouble(t[c + 1], "y") - ylo;
      double z = r.parseDouble(t[c + 2], "z");
      if (z != 0) {
        throw r.error("non-2D data: z = " + z + ", expected 0 for a 2D system");
      }
      if (images) {
        img[2 * i] = r.parseInt(t[c + 3], "ix");
        img[2 * i + 1] = r.parseInt(t[c + 4], "iy");
      }
    }
    return images;
  }

  private static double[] readVelocities(LineReader r, int n, int[] ids) throws IOException {
    Map<Integer, Integer> rank = new TreeMap<>();
    int[] sorted = ids.clone();
    Arrays.sort(sorted);
    for (int k = 0; k < n; k++) {
      rank.put(sorted[k], k);
    }
    double[] v = new double[2 * n];
    boolean[] seen = new boolean[n];
    for (int i = 0; i < n; i++) {
      String[] t =
          LineReader.tokens(
              stripComment(nextDataLine(r, "Velocities line " + (i + 1) + " of " + n)));
      if (t.length != 4 && t.length != 7) {
        throw r.error("expected 4 or 7 columns in Velocities, got " + t.length);
      }
      int id = r.parseInt(t[0], "atom id");
      Integer k = rank.get(id);
      if (k == null || seen[k]) {
        throw r.error("velocity for unknown or repeated atom id " + id);
      }
      seen[k] = true;
      v[2 * k] = r.parseDouble(t[1], "vx");
      v[2 * k + 1] = r.parseDouble(t[2], "vy");
      if (r.parseDouble(t[3], "vz") != 0) {
        throw r.error("non-2D data: vz is not 0");
      }
    }
    return v;
  }

  private static String nextDataLine(LineReader r, String expected) throws IOException {
    String s;
    do {
      s = r.require(expected);
    } while (stripComment(s).isBlank());
    return s;
  }

  /** The other sections of LAMMPS read_data: skipped (a 2D disk system needs none of them). */
  private static final java.util.Set<String> SECTIONS =
      java.util.Set.of(
          "Masses",
          "Ellipsoids",
          "Lines",
          "Triangles",
          "Bodies",
          "Bonds",
          "Angles",
          "Dihedrals",
          "Impropers",
          "Pair Coeffs",
          "PairIJ Coeffs",
          "Bond Coeffs",
          "Angle Coeffs",
          "Dihedral Coeffs",
          "Improper Coeffs",
          "BondBond Coeffs",
          "BondAngle Coeffs",
          "MiddleBondTorsion Coeffs",
          "EndBondTorsion Coeffs",
          "AngleTorsion Coeffs",
          "AngleAngleTorsion Coeffs",
          "BondBond13 Coeffs",
          "AngleAngle Coeffs");

  private static void skipSection(LineReader r) throws IOException {
    // Skip lines until the blank line after the section's data.
    String s = r.nextNonBlank();
    while (s != null && !s.isBlank()) {
      s = r.next();
    }
  }

  private static String stripComment(String line) {
    int h = line.indexOf('#');
    return (h >= 0 ? line.substring(0, h) : line).strip();
  }

  private static boolean isNumber(String s) {
    try {
      Double.parseDouble(s);
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /** Reads a per-type diameter table: lines {@code type diameter}, '#' comments. */
  public static Map<Integer, Double> readTypeTable(Path file) throws IOException {
    Map<Integer, Double> table = new TreeMap<>();
    try (LineReader r = new LineReader(file)) {
      String line;
      while ((line = r.next()) != null) {
        String s = stripComment(line);
        if (s.isEmpty()) {
          continue;
        }
        String[] t = LineReader.tokens(s);
        if (t.length != 2) {
          throw r.error("expected 'type diameter', got " + t.length + " columns");
        }
        int type = r.parseInt(t[0], "type");
        double d = r.parseDouble(t[1], "diameter");
        if (type < 1 || !(d > 0) || !Double.isFinite(d)) {
          throw r.error("expected a type >= 1 and a positive diameter, got '" + s + "'");
        }
        table.put(type, d);
      }
    }
    return table;
  }

  /**
   * Writes {@code c} as a data file, atomically. {@link Style#ATOMIC} needs types with one diameter
   * per type and also writes the side table {@code <file>.diameters}.
   */
  public static void write(Path file, Configuration c, Style style) throws IOException {
    int n = c.size();
    double[] x = c.positions();
    int[] img = c.images();
    double[] d = c.diameters();
    double[] v = c.velocities();
    int[] ids = c.ids();
    int[] types = c.types();
    Map<Integer, Double> table = new TreeMap<>();
    int ntypes = 1;
    if (types != null) {
      for (int i = 0; i < n; i++) {
        ntypes = Math.max(ntypes, types[i]);
        Double prev = table.putIfAbsent(types[i], d[i]);
        if (style == Style.ATOMIC && prev != null && prev != d[i]) {
          throw new IllegalArgumentException(
              "atom_style atomic needs one diameter per type, but type "
                  + types[i]
                  + " has "
                  + prev
                  + " and "
                  + d[i]
                  + "; write atom_style sphere instead, or bin the diameters into types"
                  + " (glasslab convert --bin-diameters N)");
        }
      }
    } else if (style == Style.ATOMIC) {
      throw new IllegalArgumentException(
          "atom_style atomic needs particle types; write atom_style sphere instead, or bin the"
              + " diameters into types (glasslab convert --bin-diameters N)");
    }
    StringBuilder sb = new StringBuilder(100 * n + 512);
    sb.append("LAMMPS data file via GlassLab, timestep = ")
        .append(c.step())
        .append(", time = ")
        .append(c.time())
        .append(", units = lj, dimension = 2\n\n");
    sb.append(n).append(" atoms\n").append(ntypes).append(" atom types\n\n");
    sb.append("0.0 ").append(c.box().lx()).append(" xlo xhi\n");
    sb.append("0.0 ").append(c.box().ly()).append(" ylo yhi\n");
    sb.append("-0.5 0.5 zlo zhi\n\n");
    if (style == Style.ATOMIC) {
      sb.append("Masses\n\n");
      for (int t = 1; t <= ntypes; t++) {
        sb.append(t).append(" 1.0\n");
      }
      sb.append('\n');
    }
    sb.append("Atoms # ").append(style.name().toLowerCase(Locale.ROOT)).append("\n\n");
    for (int i = 0; i < n; i++) {
      sb.append(ids == null ? i + 1 : ids[i]).append(' ').append(types == null ? 1 : types[i]);
      if (style == Style.SPHERE) {
        sb.append(' ').append(d[i]).append(' ').append(6.0 / (Math.PI * d[i] * d[i] * d[i]));
      }
      sb.append(' ').append(x[2 * i]).append(' ').append(x[2 * i + 1]).append(" 0.0 ");
      sb.append(img[2 * i]).append(' ').append(img[2 * i + 1]).append(" 0\n");
    }
    if (v != null) {
      sb.append("\nVelocities\n\n");
      for (int i = 0; i < n; i++) {
        sb.append(ids == null ? i + 1 : ids[i]).append(' ');
        sb.append(v[2 * i]).append(' ').append(v[2 * i + 1]).append(" 0.0");
        sb.append(style == Style.SPHERE ? " 0.0 0.0 0.0\n" : "\n");
      }
    }
    String text = sb.toString();
    if (style == Style.ATOMIC) {
      StringBuilder tb =
          new StringBuilder(
              "# type diameter (GlassLab side table for " + file.getFileName() + ")\n");
      for (Map.Entry<Integer, Double> e : table.entrySet()) {
        tb.append(e.getKey()).append(' ').append(e.getValue()).append('\n');
      }
      Path side = file.resolveSibling(file.getFileName() + ".diameters");
      AtomicFile.write(side, tmp -> Files.writeString(tmp, tb.toString(), StandardCharsets.UTF_8));
    }
    AtomicFile.write(
        file,
        tmp -> {
          try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            w.write(text);
          }
        });
  }

  /**
   * Replaces each diameter by the centre of its bin among {@code bins} equal-width bins spanning
   * [min, max] of the diameters ({@link DiameterBins}): a continuous polydisperse system as a few
   * LAMMPS atom types (one diameter per type); the largest change is half a bin width.
   *
   * @param diameters [N] [length], not modified
   * @return binned diameters [N] [length]
   */
  public static double[] binDiameters(double[] diameters, int bins) {
    DiameterBins b = DiameterBins.of(diameters, bins);
    double[] out = new double[diameters.length];
    for (int i = 0; i < diameters.length; i++) {
      out[i] = b.centre(b.bin(diameters[i]));
    }
    return out;
  }
}
