package org.glasslab.data.io;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.glasslab.data.Box;
import org.glasslab.data.Configuration;
import org.glasslab.data.Trajectory;

/**
 * Extended XYZ (the OVITO / ASE dialect), one frame after another.
 *
 * <p>Written frames look like
 *
 * <pre>
 * 2
 * Lattice="Lx 0 0 0 Ly 0 0 0 1" Properties=species:S:1:pos:R:3:diameter:R:1:image:I:2 pbc="T T F" Step=7 Time=0.021
 * X 0.5 0.25 0 1.02 0 0
 * </pre>
 *
 * with {@code velo:R:3}, {@code id:I:1} and {@code type:I:1} columns when present. The species is
 * always {@code X}, the chemical symbol of a dummy atom: ASE maps species to chemical elements and
 * fails on any other name, and the particle type (if any) is in the integer {@code type} column.
 * Numbers are written with {@link Double#toString}, the shortest decimal that reads back to the
 * same double, so a round trip is exact. The third dimension is written as zero (and the third
 * lattice vector as (0,0,1)); on read a 3-component {@code pos} or {@code velo} is accepted only if
 * its z is 0. Species {@code T<k>} map to type k (files written before the {@code type} column);
 * other species names are numbered 1, 2, ... in order of appearance; a {@code type} column takes
 * precedence over species. Positions are written wrapped, images in the {@code image} column; on
 * read, a file without images takes them from wrapping. The first frame's comment line also carries
 * {@code glasslab_potential=SPEC} and the MD run's parameters as {@code run.KEY=VALUE} (as H5MD's
 * {@code /parameters/glasslab}), read back into {@link Trajectory#provenance()}. A plain XYZ file
 * (no {@code Lattice=}) is read with the box of {@link ReadOptions#box()}, and its positions are
 * then wrapped into it.
 */
public final class ExtendedXyz {
  private ExtendedXyz() {}

  /**
   * Reads {@code file}: every frame is parsed and checked now, then read again on demand ({@link
   * IndexedTextTrajectory}), so memory does not grow with the number of frames. Close the result.
   */
  public static Trajectory read(Path file, ReadOptions options) throws IOException {
    Map<String, Integer> speciesTypes = new LinkedHashMap<>();
    Map<String, String> firstKeys = new LinkedHashMap<>();
    java.util.BitSet untyped = new java.util.BitSet(); // frames whose single species is no type
    int[] indexed = {0};
    return IndexedTextTrajectory.index(
        file,
        (r, first, k, frame0) -> {
          Configuration c =
              readFrame(r, first, k, options, speciesTypes, frame0, firstKeys, untyped, indexed);
          return new IndexedTextTrajectory.Parsed(c, r.nextNonBlank());
        },
        "empty file: expected an XYZ frame",
        () -> {
          Map<String, String> run = new java.util.TreeMap<>();
          for (Map.Entry<String, String> e : firstKeys.entrySet()) {
            if (e.getKey().startsWith(RUN_PREFIX)) {
              run.put(e.getKey().substring(RUN_PREFIX.length()), e.getValue());
            }
          }
          return new IndexedTextTrajectory.Labels(firstKeys.get(POTENTIAL_KEY), run);
        });
  }

  private record Column(String name, char type, int count, int offset) {}

  private static Configuration readFrame(
      LineReader r,
      String countLine,
      int frameIndex,
      ReadOptions options,
      Map<String, Integer> speciesTypes,
      Configuration frame0,
      Map<String, String> firstKeys,
      java.util.BitSet untyped,
      int[] indexed)
      throws IOException {
    String[] ct = LineReader.tokens(countLine);
    if (ct.length != 1) {
      throw r.error("expected the particle count alone on the line, got '" + countLine + "'");
    }
    int n = r.parseInt(ct[0], "the particle count");
    if (n <= 0) {
      throw r.error("particle count must be positive, got " + n);
    }
    if (frame0 != null && frame0.size() != n) {
      throw r.error("frame " + frameIndex + " has N = " + n + ", frame 0 had N = " + frame0.size());
    }
    String comment = r.require("the XYZ comment line with Lattice= and Properties=");
    Map<String, String> kv = parseKeyValues(r, comment, true);
    if (frameIndex == 0) {
      firstKeys.putAll(parseKeyValues(r, comment, false));
    }
    String lattice = kv.get("lattice");
    Box box;
    if (lattice == null) {
      if (options.box() == null) {
        throw r.error(
            "missing Lattice=\"...\": a periodic box is required; for a plain XYZ file give it"
                + " (--box LX,LY)");
      }
      box = options.box();
    } else {
      String[] lt = LineReader.tokens(lattice);
      if (lt.length != 9) {
        throw r.error("Lattice must have 9 numbers, got " + lt.length);
      }
      double[] lv = new double[9];
      for (int k = 0; k < 9; k++) {
        lv[k] = r.parseDouble(lt[k], "Lattice component " + (k + 1));
      }
      if (lv[1] != 0 || lv[2] != 0 || lv[3] != 0 || lv[5] != 0) {
        throw r.error(
            "Lattice must be rectangular in the xy plane (a=(Lx,0,0), b=(0,Ly,0)), got '"
                + lattice
                + "'");
      }
      box = FrameAssembler.box(r.file(), r.where(), lv[0], lv[4]);
    }
    double ox = 0;
    double oy = 0;
    if (kv.containsKey("origin")) {
      String[] ot = LineReader.tokens(kv.get("origin"));
      if (ot.length != 3) {
        throw r.error("Origin must have 3 numbers, got " + ot.length);
      }
      ox = r.parseDouble(ot[0], "Origin x");
      oy = r.parseDouble(ot[1], "Origin y");
    }
    String props = kv.getOrDefault("properties", "species:S:1:pos:R:3");
    List<Column> cols = parseProperties(r, props);
    Column pos = find(cols, "pos");
    if (pos == null || (pos.count != 2 && pos.count != 3) || pos.type != 'R') {
      throw r.error("Properties must contain pos:R:2 or pos:R:3, got '" + props + "'");
    }
    Column diam = find(cols, "diameter");
    Column radius = find(cols, "radius");
    Column image = find(cols, "image");
    Column velo = find(cols, "velo");
    Column id = find(cols, "id");
    Column type = find(cols, "type");
    Column species = find(cols, "species");
    // parsed while the reader is on the comment line, so an error names that line
    long step = frameIndex;
    if (kv.containsKey("step")) {
      step = r.parseLong(kv.get("step"), "Step=");
    }
    double time = step * options.dt();
    if (kv.containsKey("time")) {
      time = r.parseDouble(kv.get("time"), "Time=");
    }
    int width = 0;
    for (Column c : cols) {
      width += c.count;
    }
    double[] x = new double[2 * n];
    int[] img = image == null ? null : new int[2 * n];
    double[] d = new double[n];
    double[] v = velo == null ? null : new double[2 * n];
    int[] ids = id == null ? null : new int[n];
    int[] types = type != null || species != null ? new int[n] : null;
    for (int i = 0; i < n; i++) {
      String line =
          r.require("particle line " + (i + 1) + " of " + n + " (frame " + frameIndex + ")");
      String[] t = LineReader.tokens(line);
      if (t.length != width) {
        throw r.error("expected " + width + " columns (" + props + "), got " + t.length);
      }
      x[2 * i] = r.parseDouble(t[pos.offset], "x") - ox;
      x[2 * i + 1] = r.parseDouble(t[pos.offset + 1], "y") - oy;
      if (pos.count == 3) {
        double z = r.parseDouble(t[pos.offset + 2], "z");
        if (z != 0) {
          throw r.error("non-2D data: z = " + z + ", expected 0 for a 2D system");
        }
      }
      if (diam != null) {
        d[i] = r.parseDouble(t[diam.offset], "diameter");
      } else if (radius != null) {
        d[i] = 2 * r.parseDouble(t[radius.offset], "radius");
      }
      if (img != null) {
        img[2 * i] = r.parseInt(t[image.offset], "image x");
        img[2 * i + 1] = r.parseInt(t[image.offset + 1], "image y");
      }
      if (v != null) {
        v[2 * i] = r.parseDouble(t[velo.offset], "velocity x");
        v[2 * i + 1] = r.parseDouble(t[velo.offset + 1], "velocity y");
        if (velo.count == 3 && r.parseDouble(t[velo.offset + 2], "velocity z") != 0) {
          throw r.error("non-2D data: velocity z is not 0");
        }
      }
      if (ids != null) {
        ids[i] = r.parseInt(t[id.offset], "id");
      }
      if (types != null) {
        if (type != null) {
          types[i] = r.parseInt(t[type.offset], "type");
        } else {
          types[i] = speciesType(t[species.offset], speciesTypes);
        }
      }
      if (diam == null && radius == null) {
        Double td = types == null ? null : options.typeDiameters().get(types[i]);
        if (td == null) {
          throw r.error(
              "no diameter:R:1 or radius:R:1 column and no diameter for this particle's type;"
                  + " add the column or pass per-type diameters");
        }
        d[i] = td;
      }
    }
    // a frame read again (frameIndex < indexed[0]) sees the species of later frames too: whether
    // its types are dropped was decided when the file was indexed
    if (frameIndex >= indexed[0]) {
      untyped.set(frameIndex, types != null && type == null && allSingleUnnamed(speciesTypes));
      indexed[0] = frameIndex + 1;
    }
    if (untyped.get(frameIndex)) {
      types = null;
    }
    return FrameAssembler.assemble(
        r.file(),
        "frame " + frameIndex + " ending at line " + r.lineNumber(),
        box,
        x,
        img,
        d,
        v,
        ids,
        types,
        step,
        time,
        lattice == null && img == null, // plain XYZ: any coordinates, wrapped into the given box
        options.outsideTolerance());
  }

  private static boolean allSingleUnnamed(Map<String, Integer> speciesTypes) {
    // "X" (written now) or "A" (written before the type column): one untyped species
    return speciesTypes.size() == 1
        && (speciesTypes.containsKey("X") || speciesTypes.containsKey("A"));
  }

  private static int speciesType(String s, Map<String, Integer> speciesTypes) {
    if (s.length() > 1 && s.charAt(0) == 'T') {
      try {
        int k = Integer.parseInt(s.substring(1));
        if (k >= 1) {
          return k;
        }
      } catch (NumberFormatException e) {
        // an ordinary species name
      }
    }
    return speciesTypes.computeIfAbsent(s, key -> speciesTypes.size() + 1);
  }

  private static Column find(List<Column> cols, String name) {
    for (Column c : cols) {
      if (c.name.equals(name)) {
        return c;
      }
    }
    return null;
  }

  private static List<Column> parseProperties(LineReader r, String props)
      throws TrajectoryFormatException {
    String[] p = props.split(":");
    if (p.length % 3 != 0) {
      throw r.error("Properties must be name:type:count triples, got '" + props + "'");
    }
    List<Column> cols = new ArrayList<>();
    int offset = 0;
    for (int k = 0; k < p.length; k += 3) {
      String name = p[k].toLowerCase(Locale.ROOT);
      String type = p[k + 1].toUpperCase(Locale.ROOT);
      if (type.length() != 1 || "SRIL".indexOf(type.charAt(0)) < 0) {
        throw r.error("Properties type of '" + p[k] + "' must be S, R, I or L, got '" + type + "'");
      }
      int count = r.parseInt(p[k + 2], "Properties count of '" + p[k] + "'");
      if (count < 1) {
        throw r.error("Properties count of '" + p[k] + "' must be >= 1");
      }
      cols.add(new Column(name, type.charAt(0), count, offset));
      offset += count;
    }
    return cols;
  }

  /** Parses {@code key=value key="quoted value"} pairs; keys lower-cased if {@code lower}. */
  private static Map<String, String> parseKeyValues(LineReader r, String line, boolean lower)
      throws TrajectoryFormatException {
    Map<String, String> kv = new LinkedHashMap<>();
    int i = 0;
    int len = line.length();
    while (i < len) {
      while (i < len && Character.isWhitespace(line.charAt(i))) {
        i++;
      }
      if (i >= len) {
        break;
      }
      int ks = i;
      while (i < len && line.charAt(i) != '=' && !Character.isWhitespace(line.charAt(i))) {
        i++;
      }
      String key = line.substring(ks, i);
      key = lower ? key.toLowerCase(Locale.ROOT) : key;
      if (i >= len || line.charAt(i) != '=') {
        kv.put(key, "T");
        continue;
      }
      i++;
      String value;
      if (i < len && (line.charAt(i) == '"' || line.charAt(i) == '\'')) {
        char q = line.charAt(i);
        int end = line.indexOf(q, i + 1);
        if (end < 0) {
          throw r.error("unterminated quote in the comment line after '" + key + "='");
        }
        value = line.substring(i + 1, end);
        i = end + 1;
      } else {
        int vs = i;
        while (i < len && !Character.isWhitespace(line.charAt(i))) {
          i++;
        }
        value = line.substring(vs, i);
      }
      kv.put(key, value);
    }
    return kv;
  }

  /** Writes every frame of {@code t} atomically to {@code file}. */
  public static void write(Path file, Trajectory t) throws IOException {
    // the first frame's comment line also carries the potential and the MD run's parameters
    StringBuilder first = new StringBuilder();
    if (t.potential() != null) {
      first.append(' ').append(POTENTIAL_KEY).append('=').append(quoted(t.potential()));
    }
    for (Map.Entry<String, String> e : new java.util.TreeMap<>(t.provenance()).entrySet()) {
      first.append(' ').append(RUN_PREFIX).append(e.getKey()).append('=');
      first.append(quoted(e.getValue()));
    }
    boolean[] firstFrame = {true};
    TextFrames.write(
        file,
        t,
        (w, c) -> {
          writeFrame(w, c, firstFrame[0] ? first.toString() : "");
          firstFrame[0] = false;
        });
  }

  /** Prefix of the comment-line keys holding the MD run's parameters ({@code run.T=0.3}). */
  static final String RUN_PREFIX = "run.";

  /** Comment-line key of the pair potential spec. */
  static final String POTENTIAL_KEY = "glasslab_potential";

  /** {@code v} as a comment-line value: quoted when it holds spaces ('"' becomes '\''). */
  private static String quoted(String v) {
    String s = v.replace('"', '\'');
    return s.isEmpty() || s.chars().anyMatch(Character::isWhitespace) || s.contains("=")
        ? "\"" + s + "\""
        : s;
  }

  private static void writeFrame(BufferedWriter w, Configuration c, String extraKeys)
      throws IOException {
    int n = c.size();
    double[] x = c.positions();
    int[] img = c.images();
    double[] d = c.diameters();
    double[] v = c.velocities();
    int[] ids = c.ids();
    int[] types = c.types();
    StringBuilder sb = new StringBuilder(64 * n + 256);
    sb.append(n).append('\n');
    sb.append("Lattice=\"")
        .append(c.box().lx())
        .append(" 0.0 0.0 0.0 ")
        .append(c.box().ly())
        .append(" 0.0 0.0 0.0 1.0\" Properties=species:S:1:pos:R:3:diameter:R:1:image:I:2");
    if (v != null) {
      sb.append(":velo:R:3");
    }
    if (ids != null) {
      sb.append(":id:I:1");
    }
    if (types != null) {
      sb.append(":type:I:1");
    }
    sb.append(" pbc=\"T T F\" Step=").append(c.step()).append(" Time=").append(c.time());
    sb.append(extraKeys);
    sb.append('\n');
    for (int i = 0; i < n; i++) {
      sb.append("X ");
      sb.append(x[2 * i]).append(' ').append(x[2 * i + 1]).append(" 0.0 ");
      sb.append(d[i]).append(' ').append(img[2 * i]).append(' ').append(img[2 * i + 1]);
      if (v != null) {
        sb.append(' ').append(v[2 * i]).append(' ').append(v[2 * i + 1]).append(" 0.0");
      }
      if (ids != null) {
        sb.append(' ').append(ids[i]);
      }
      if (types != null) {
        sb.append(' ').append(types[i]);
      }
      sb.append('\n');
    }
    w.write(sb.toString());
  }
}
