package org.glasslab.data.io;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.glasslab.data.Box;
import org.glasslab.data.Configuration;
import org.glasslab.data.Trajectory;

/**
 * LAMMPS text dump ({@code dump custom}), so that a LAMMPS run can be imported directly.
 *
 * <p>Read: orthogonal periodic boxes ({@code BOX BOUNDS pp pp ...}); coordinates as {@code x y}
 * (wrapped, with {@code ix iy} if present), {@code xu yu} (unwrapped: images come from wrapping) or
 * {@code xs ys} (scaled); {@code z}/{@code vz} must be 0 (2D); diameters from a {@code diameter} or
 * {@code radius} column or from the per-type table in {@link ReadOptions}. Atoms are sorted by
 * {@code id} so that particle order is the same in every frame. The time comes from {@code ITEM:
 * TIME} (LAMMPS {@code dump_modify time yes}) or is {@code step * dt}. Coordinates are shifted so
 * that the box starts at the origin.
 *
 * <p>Write: {@code ITEM: ATOMS id type x y ix iy diameter [vx vy]} with shortest round-trip
 * decimals, each frame opening with {@code ITEM: TIME} then {@code ITEM: TIMESTEP} as LAMMPS'
 * {@code dump_modify time yes} writes them (LAMMPS' {@code rerun} refuses the other order; the
 * reader takes either).
 */
public final class LammpsDump {
  private LammpsDump() {}

  /**
   * Reads a dump: every frame is parsed and checked now, then read again on demand ({@link
   * IndexedTextTrajectory}), so memory does not grow with the number of frames. Close the result.
   */
  public static Trajectory read(Path file, ReadOptions options) throws IOException {
    return IndexedTextTrajectory.index(
        file,
        (r, first, k, frame0) -> readFrame(r, first, k, frame0, options),
        "empty file: expected 'ITEM: TIMESTEP'",
        () -> IndexedTextTrajectory.Labels.NONE);
  }

  private static IndexedTextTrajectory.Parsed readFrame(
      LineReader r, String line, int frameIndex, Configuration frame0, ReadOptions options)
      throws IOException {
    long step = -1;
    double time = Double.NaN;
    int n = -1;
    double xlo = 0;
    double ylo = 0;
    double lx = -1;
    double ly = -1;
    while (true) {
      if (!line.startsWith("ITEM:")) {
        throw r.error("expected an 'ITEM:' header, got '" + line + "'");
      }
      String item = line.substring(5).strip();
      if (item.equals("TIMESTEP")) {
        step = r.parseLong(r.require("the timestep").strip(), "the timestep");
      } else if (item.equals("TIME")) {
        time = r.parseDouble(r.require("the time").strip(), "the time");
      } else if (item.equals("NUMBER OF ATOMS")) {
        n = r.parseInt(r.require("the number of atoms").strip(), "the number of atoms");
        if (n <= 0) {
          throw r.error("number of atoms must be positive, got " + n);
        }
        if (frame0 != null && frame0.size() != n) {
          throw r.error(
              "frame " + frameIndex + " has N = " + n + ", frame 0 had N = " + frame0.size());
        }
      } else if (item.startsWith("BOX BOUNDS")) {
        String[] flags = LineReader.tokens(item.substring("BOX BOUNDS".length()));
        if (flags.length > 3 && flags[0].equals("xy")) {
          throw r.error("triclinic boxes are not supported; expected an orthogonal box");
        }
        if (flags.length >= 2 && (!flags[0].equals("pp") || !flags[1].equals("pp"))) {
          throw r.error("box must be periodic in x and y ('pp pp'), got '" + item + "'");
        }
        double[] xb = bounds(r, "x");
        double[] yb = bounds(r, "y");
        bounds(r, "z");
        xlo = xb[0];
        ylo = yb[0];
        lx = xb[1] - xb[0];
        ly = yb[1] - yb[0];
      } else if (item.startsWith("ATOMS")) {
        if (step < 0 || n < 0 || lx < 0) {
          throw r.error("'ITEM: ATOMS' before TIMESTEP, NUMBER OF ATOMS and BOX BOUNDS");
        }
        Box box = FrameAssembler.box(r.file(), r.where(), lx, ly);
        Configuration c =
            readAtoms(
                r,
                LineReader.tokens(item.substring(5)),
                n,
                box,
                xlo,
                ylo,
                step,
                Double.isNaN(time) ? step * options.dt() : time,
                frameIndex,
                options);
        int[] firstIds = frame0 == null ? null : frame0.ids();
        if (firstIds != null && !Arrays.equals(firstIds, c.ids())) {
          int k = Arrays.mismatch(firstIds, c.ids());
          throw r.error(
              "frame "
                  + frameIndex
                  + " holds atom id "
                  + c.ids()[k]
                  + " where frame 0 holds id "
                  + firstIds[k]
                  + ": every frame must list the same atom ids (particles are matched across frames"
                  + " by id)");
        }
        return new IndexedTextTrajectory.Parsed(c, r.nextNonBlank());
      } else {
        throw r.error("unknown dump item '" + item + "'");
      }
      line = r.nextNonBlank();
      if (line == null) {
        throw new TrajectoryFormatException(
            r.file(), "line " + (r.lineNumber() + 1), "file is truncated: expected 'ITEM: ATOMS'");
      }
    }
  }

  private static double[] bounds(LineReader r, String axis) throws IOException {
    String[] t = LineReader.tokens(r.require(axis + " box bounds"));
    if (t.length < 2) {
      throw r.error("expected '" + axis + "lo " + axis + "hi', got " + t.length + " numbers");
    }
    double lo = r.parseDouble(t[0], axis + "lo");
    double hi = r.parseDouble(t[1], axis + "hi");
    if (hi < lo && !axis.equals("z")) {
      throw r.error(
          "box edges must be finite and positive, got "
              + axis
              + "lo "
              + t[0]
              + " above "
              + axis
              + "hi "
              + t[1]);
    }
    return new double[] {lo, hi};
  }

  private static Configuration readAtoms(
      LineReader r,
      String[] names,
      int n,
      Box box,
      double xlo,
      double ylo,
      long step,
      double time,
      int frameIndex,
      ReadOptions options)
      throws IOException {
    Map<String, Integer> col = new HashMap<>();
    for (int k = 0; k < names.length; k++) {
      col.put(names[k], k);
    }
    int cx;
    int cy;
    boolean scaled = false;
    boolean unwrapped = false;
    if (col.containsKey("x") && col.containsKey("y")) {
      cx = col.get("x");
      cy = col.get("y");
    } else if (col.containsKey("xu") && col.containsKey("yu")) {
      cx = col.get("xu");
      cy = col.get("yu");
      unwrapped = true;
    } else if (col.containsKey("xs") && col.containsKey("ys")) {
      cx = col.get("xs");
      cy = col.get("ys");
      scaled = true;
    } else {
      throw r.error(
          "ATOMS columns must include x y, xu yu or xs ys; got " + String.join(" ", names));
    }
    Integer cz = col.containsKey("z") ? col.get("z") : col.get("zu");
    Integer cid = col.get("id");
    Integer ctype = col.get("type");
    Integer cix = col.get("ix");
    Integer ciy = col.get("iy");
    Integer cd = col.get("diameter");
    Integer crad = col.get("radius");
    Integer cvx = col.get("vx");
    Integer cvy = col.get("vy");
    Integer cvz = col.get("vz");
    boolean hasImages = !unwrapped && cix != null && ciy != null;
    if (cd == null && crad == null && (ctype == null || options.typeDiameters().isEmpty())) {
      throw r.error(
          "no diameter or radius column and no per-type diameter table; pass one (e.g."
              + " --type-diameters)");
    }
    double[] x = new double[2 * n];
    int[] img = hasImages ? new int[2 * n] : null;
    double[] d = new double[n];
    double[] v = cvx != null && cvy != null ? new double[2 * n] : null;
    int[] ids = new int[n];
    int[] types = ctype == null ? null : new int[n];
    for (int i = 0; i < n; i++) {
      String[] t =
          LineReader.tokens(
              r.require("atom line " + (i + 1) + " of " + n + " (frame " + frameIndex + ")"));
      if (t.length != names.length) {
        throw r.error(
            "expected "
                + names.length
                + " columns ("
                + String.join(" ", names)
                + "), got "
                + t.length);
      }
      ids[i] = cid == null ? i + 1 : r.parseInt(t[cid], "id");
      double px = r.parseDouble(t[cx], names[cx]);
      double py = r.parseDouble(t[cy], names[cy]);
      x[2 * i] = scaled ? px * box.lx() : px - xlo;
      x[2 * i + 1] = scaled ? py * box.ly() : py - ylo;
      if (cz != null) {
        double z = r.parseDouble(t[cz], "z");
        if (z != 0) {
          throw r.error("non-2D data: z = " + z + ", expected 0 for a 2D system");
        }
      }
      if (img != null) {
        img[2 * i] = r.parseInt(t[cix], "ix");
        img[2 * i + 1] = r.parseInt(t[ciy], "iy");
      }
      if (types != null) {
        types[i] = r.parseInt(t[ctype], "type");
        if (types[i] < 1) {
          throw r.error("type must be >= 1, got " + types[i]);
        }
      }
      if (cd != null) {
        d[i] = r.parseDouble(t[cd], "diameter");
      } else if (crad != null) {
        d[i] = 2 * r.parseDouble(t[crad], "radius");
      } else {
        Double td = options.typeDiameters().get(types[i]);
        if (td == null) {
          throw r.error("no diameter given for type " + types[i] + " in the per-type table");
        }
        d[i] = td;
      }
      if (v != null) {
        v[2 * i] = r.parseDouble(t[cvx], "vx");
        v[2 * i + 1] = r.parseDouble(t[cvy], "vy");
        if (cvz != null && r.parseDouble(t[cvz], "vz") != 0) {
          throw r.error("non-2D data: vz is not 0");
        }
      }
    }
    // Sort by id so that particle order does not depend on LAMMPS' processor order.
    int[] order = IdOrder.of(ids, r, " in frame " + frameIndex);
    double[] xs = IdOrder.perVector(x, order);
    int[] is = IdOrder.perVector(img, order);
    double[] ds = IdOrder.perParticle(d, order);
    double[] vs = IdOrder.perVector(v, order);
    int[] idss = IdOrder.perParticle(ids, order);
    int[] ts = IdOrder.perParticle(types, order);
    return FrameAssembler.assemble(
        r.file(),
        "frame " + frameIndex + " ending at line " + r.lineNumber(),
        box,
        xs,
        is,
        ds,
        vs,
        idss,
        ts,
        step,
        time,
        unwrapped,
        options.outsideTolerance());
  }

  /** Writes every frame of {@code t} atomically. */
  public static void write(Path file, Trajectory t) throws IOException {
    TextFrames.write(file, t, LammpsDump::writeFrame);
  }

  private static void writeFrame(BufferedWriter w, Configuration c) throws IOException {
    int n = c.size();
    double[] x = c.positions();
    int[] img = c.images();
    double[] d = c.diameters();
    double[] v = c.velocities();
    int[] ids = c.ids();
    int[] types = c.types();
    StringBuilder sb = new StringBuilder(80 * n + 256);
    // LAMMPS writes (and its rerun/read_dump expects) ITEM: TIME before ITEM: TIMESTEP
    sb.append("ITEM: TIME\n").append(c.time()).append('\n');
    sb.append("ITEM: TIMESTEP\n").append(c.step()).append('\n');
    sb.append("ITEM: NUMBER OF ATOMS\n").append(n).append('\n');
    sb.append("ITEM: BOX BOUNDS pp pp pp\n");
    sb.append("0.0 ").append(c.box().lx()).append('\n');
    sb.append("0.0 ").append(c.box().ly()).append('\n');
    sb.append("-0.5 0.5\n");
    sb.append("ITEM: ATOMS id type x y ix iy diameter")
        .append(v == null ? "" : " vx vy")
        .append('\n');
    for (int i = 0; i < n; i++) {
      sb.append(ids == null ? i + 1 : ids[i]).append(' ');
      sb.append(types == null ? 1 : types[i]).append(' ');
      sb.append(x[2 * i]).append(' ').append(x[2 * i + 1]).append(' ');
      sb.append(img[2 * i]).append(' ').append(img[2 * i + 1]).append(' ');
      sb.append(d[i]);
      if (v != null) {
        sb.append(' ').append(v[2 * i]).append(' ').append(v[2 * i + 1]);
      }
      sb.append('\n');
    }
    w.write(sb.toString());
  }
}
