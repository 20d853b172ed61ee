package org.glasslab.data.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.glasslab.data.Box;
import org.glasslab.data.Configuration;
import org.glasslab.data.MemoryTrajectory;
import org.glasslab.data.Trajectory;

/**
 * GSD files with the HOOMD-blue {@code hoomd} schema (1.4), read and written without a native
 * library: GSD is a simple binary container (a 256-byte header, the chunk data, an index of 32-byte
 * entries {@code frame N location M id type flags}, and a list of 64-byte chunk names), all little
 * endian, as laid out in the GSD specification and its pure-Python reader {@code gsd.pygsd}.
 *
 * <p>The name list differs between versions: GSD 1 stores one name per 64-byte entry, GSD 2 (which
 * is written) the names one after another, each ending in a zero byte. Both are read.
 *
 * <p>Written per frame: {@code configuration/step}, {@code particles/position} (float32 [N,3], z =
 * 0), {@code particles/image} (int32 [N,3]), {@code particles/velocity} when present and {@code
 * log/glasslab/time} (float64, GSD has no time); frame 0 also holds what does not change: {@code
 * configuration/box} (float32 [Lx, Ly, 1, 0, 0, 0]), {@code configuration/dimensions} = 2, {@code
 * particles/N}, {@code particles/types} (names "1", "2", ... or "A" for an untyped system), {@code
 * particles/typeid} (type - 1), {@code particles/diameter} (float32) and {@code log/glasslab/id}
 * when the particles have ids. As the schema says, a chunk missing from a later frame takes frame
 * 0's value.
 *
 * <p>Conventions: HOOMD boxes are centred on the origin, {@code [-L/2, L/2)}; positions are shifted
 * by L/2 on the way in and out. The schema stores positions, box, diameters and velocities in
 * single precision, so a GSD round trip keeps about 7 significant digits (the only lossy format);
 * steps, images, types and times are exact. Reading: 2D files, or 3D files whose z coordinates and
 * box tilts are all 0; the time is {@code log/glasslab/time} if present, else {@code step * dt};
 * missing diameters are 1 (the schema's default) unless per-type diameters are given.
 */
public final class Gsd {
  private static final long MAGIC = 0x65DF65DF65DF65DFL;
  private static final int HEADER_SIZE = 256;
  private static final int INDEX_ENTRY_SIZE = 32;
  private static final int NAME_SIZE = 64;
  private static final int GSD_VERSION = 2 << 16;
  private static final int SCHEMA_VERSION = (1 << 16) | 4;

  // GSD type codes
  private static final int UINT8 = 1;
  private static final int UINT16 = 2;
  private static final int UINT32 = 3;
  private static final int UINT64 = 4;
  private static final int INT8 = 5;
  private static final int INT16 = 6;
  private static final int INT32 = 7;
  private static final int INT64 = 8;
  private static final int FLOAT32 = 9;
  private static final int FLOAT64 = 10;

  private Gsd() {}

  /** One chunk to write: its name, GSD type, N rows of M columns and the little-endian bytes. */
  private record Chunk(String name, int type, long n, int m, ByteBuffer data) {}

  /** Writes every frame of {@code t} atomically. */
  public static void write(Path file, Trajectory t) throws IOException {
    AtomicFile.write(file, tmp -> writeTo(tmp, t));
  }

  private static void writeTo(Path tmp, Trajectory t) throws IOException {
    List<String> names = new ArrayList<>();
    Map<String, Integer> ids = new HashMap<>();
    List<long[]> index = new ArrayList<>(); // frame, N, location, M, id, type
    try (FileChannel ch =
        FileChannel.open(
            tmp,
            StandardOpenOption.CREATE,
            StandardOpenOption.WRITE,
            StandardOpenOption.TRUNCATE_EXISTING)) {
      long pos = HEADER_SIZE;
      int nf = t.frameCount();
      for (int k = 0; k < nf; k++) {
        List<Chunk> chunks = frameChunks(t.frame(k), k == 0);
        List<long[]> entries = new ArrayList<>();
        for (Chunk c : chunks) {
          Integer id =
              ids.computeIfAbsent(
                  c.name,
                  nm -> {
                    names.add(nm);
                    return names.size() - 1;
                  });
          c.data.flip();
          int len = c.data.remaining();
          writeFully(ch, c.data, pos);
          entries.add(new long[] {k, c.n, pos, c.m, id, c.type});
          pos += len;
        }
        entries.sort((a, b) -> Long.compare(a[4], b[4]));
        index.addAll(entries);
      }
      // the index, with one unused (all zero) entry marking its end, then the name list
      int indexEntries = index.size() + 1;
      ByteBuffer ib = le(INDEX_ENTRY_SIZE * indexEntries);
      for (long[] e : index) {
        ib.putLong(e[0]).putLong(e[1]).putLong(e[2]).putInt((int) e[3]);
        ib.putShort((short) e[4]).put((byte) e[5]).put((byte) 0);
      }
      ib.position(ib.capacity()).flip();
      long indexLocation = pos;
      writeFully(ch, ib, pos);
      pos += INDEX_ENTRY_SIZE * (long) indexEntries;
      // GSD 2: the names one after another, each ending in a zero byte, then zeros to fill the
      // allocated 64-byte entries (an empty name ends the list)
      int nameBytes = 1;
      for (String nm : names) {
        nameBytes += nm.getBytes(StandardCharsets.UTF_8).length + 1;
      }
      int nameEntries = (nameBytes + NAME_SIZE - 1) / NAME_SIZE;
      ByteBuffer nb = le(NAME_SIZE * nameEntries);
      for (String nm : names) {
        putName(nb, nm);
        nb.put((byte) 0);
      }
      nb.position(nb.capacity()).flip();
      long namelistLocation = pos;
      writeFully(ch, nb, pos);
      ByteBuffer h = le(HEADER_SIZE);
      h.putLong(MAGIC).putLong(indexLocation).putLong(indexEntries);
      h.putLong(namelistLocation).putLong(nameEntries);
      h.putInt(SCHEMA_VERSION).putInt(GSD_VERSION);
      putName(h, "GlassLab");
      h.position(8 * 5 + 4 * 2 + 64);
      putName(h, "hoomd");
      h.position(HEADER_SIZE).flip();
      writeFully(ch, h, 0);
    }
  }

  private static void putName(ByteBuffer b, String name) {
    byte[] s = name.getBytes(StandardCharsets.UTF_8);
    if (s.length >= NAME_SIZE) {
      throw new IllegalArgumentException("GSD name longer than 63 bytes: " + name);
    }
    b.put(s);
  }

  private static void writeFully(FileChannel ch, ByteBuffer b, long pos) throws IOException {
    while (b.hasRemaining()) {
      pos += ch.write(b, pos);
    }
  }

  private static ByteBuffer le(int bytes) {
    return ByteBuffer.allocate(bytes).order(ByteOrder.LITTLE_ENDIAN);
  }

  private static List<Chunk> frameChunks(Configuration c, boolean first) {
    int n = c.size();
    double lx = c.box().lx();
    double ly = c.box().ly();
    double[] x = c.positions();
    int[] img = c.images();
    double[] v = c.velocities();
    List<Chunk> out = new ArrayList<>();
    if (first) {
      ByteBuffer box = le(24);
      box.putFloat((float) lx).putFloat((float) ly).putFloat(1f);
      box.putFloat(0f).putFloat(0f).putFloat(0f);
      out.add(new Chunk("configuration/box", FLOAT32, 6, 1, box));
      out.add(new Chunk("configuration/dimensions", UINT8, 1, 1, le(1).put((byte) 2)));
    }
    out.add(new Chunk("configuration/step", UINT64, 1, 1, le(8).putLong(c.step())));
    if (first) {
      out.add(new Chunk("particles/N", UINT32, 1, 1, le(4).putInt(n)));
      int[] types = c.types();
      int nt = 1;
      if (types != null) {
        for (int ty : types) {
          nt = Math.max(nt, ty);
        }
      }
      int width = Integer.toString(nt).length() + 1;
      width = Math.max(width, 2);
      ByteBuffer tn = le(nt * width);
      for (int ty = 1; ty <= nt; ty++) {
        tn.position((ty - 1) * width);
        tn.put((types == null ? "A" : Integer.toString(ty)).getBytes(StandardCharsets.UTF_8));
      }
      tn.position(tn.capacity());
      out.add(new Chunk("particles/types", INT8, nt, width, tn));
      ByteBuffer tid = le(4 * n);
      for (int i = 0; i < n; i++) {
        tid.putInt(types == null ? 0 : types[i] - 1);
      }
      out.add(new Chunk("particles/typeid", UINT32, n, 1, tid));
      ByteBuffer dia = le(4 * n);
      for (int i = 0; i < n; i++) {
        dia.putFloat((float) c.diameter(i));
      }
      out.add(new Chunk("particles/diameter", FLOAT32, n, 1, dia));
      int[] pid = c.ids();
      if (pid != null) {
        ByteBuffer ib = le(4 * n);
        for (int i = 0; i < n; i++) {
          ib.putInt(pid[i]);
        }
        out.add(new Chunk("log/glasslab/id", INT32, n, 1, ib));
      }
    }
    ByteBuffer p = le(12 * n);
    ByteBuffer im = le(12 * n);
    for (int i = 0; i < n; i++) {
      p.putFloat((float) (x[2 * i] - 0.5 * lx)).putFloat((float) (x[2 * i + 1] - 0.5 * ly));
      p.putFloat(0f);
      im.putInt(img[2 * i]).putInt(img[2 * i + 1]).putInt(0);
    }
    out.add(new Chunk("particles/position", FLOAT32, n, 3, p));
    out.add(new Chunk("particles/image", INT32, n, 3, im));
    if (v != null) {
      ByteBuffer vb = le(12 * n);
      for (int i = 0; i < n; i++) {
        vb.putFloat((float) v[2 * i]).putFloat((float) v[2 * i + 1]).putFloat(0f);
      }
      out.add(new Chunk("particles/velocity", FLOAT32, n, 3, vb));
    }
    out.add(new Chunk("log/glasslab/time", FLOAT64, 1, 1, le(8).putDouble(c.time())));
    return out;
  }

  /** An index entry as read. */
  private record Entry(long frame, long n, long location, int m, int id, int type) {}

  /** Reads every frame of a hoomd-schema GSD file into memory. */
  public static Trajectory read(Path file, ReadOptions options) throws IOException {
    if (!Files.exists(file)) {
      throw new TrajectoryFormatException(file, "", "no such file");
    }
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      return new Reader(file, ch, options).read();
    }
  }

  private static final class Reader {
    private final Path file;
    private final FileChannel ch;
    private final ReadOptions options;
    private final long size;
    private final List<String> names = new ArrayList<>();
    private final List<Map<Integer, Entry>> frames = new ArrayList<>();

    Reader(Path file, FileChannel ch, ReadOptions options) throws IOException {
      this.file = file;
      this.ch = ch;
      this.options = options;
      this.size = ch.size();
    }

    private TrajectoryFormatException err(String where, String message) {
      return new TrajectoryFormatException(file, where, message);
    }

    private ByteBuffer bytes(long pos, long len, String what) throws IOException {
      if (pos < 0 || len < 0 || pos + len > size || len > Integer.MAX_VALUE) {
        throw err(
            what,
            "truncated or corrupt: needs bytes "
                + pos
                + ".."
                + (pos + len)
                + " but the file has "
                + size);
      }
      ByteBuffer b = le((int) len);
      while (b.hasRemaining()) {
        if (ch.read(b, pos + b.position()) < 0) {
          throw err(what, "truncated");
        }
      }
      return b.flip();
    }

    Trajectory read() throws IOException {
      ByteBuffer h = bytes(0, HEADER_SIZE, "header");
      if (h.getLong() != MAGIC) {
        throw err("header", "not a GSD file (wrong magic number)");
      }
      long indexLocation = h.getLong();
      long indexEntries = h.getLong();
      long namelistLocation = h.getLong();
      long nameEntries = h.getLong();
      h.getInt(); // schema version
      int version = h.getInt();
      if (version < (1 << 16) || version >= (3 << 16)) {
        throw err(
            "header",
            "unsupported GSD version "
                + (version >>> 16)
                + "."
                + (version & 0xffff)
                + "; expected 1.x or 2.x");
      }
      h.position(8 * 5 + 4 * 2 + 64);
      byte[] schema = new byte[64];
      h.get(schema);
      String s = cString(schema, 0, 64);
      if (!s.equals("hoomd")) {
        throw err("header", "schema '" + s + "' is not 'hoomd' (HOOMD-blue particle data)");
      }
      ByteBuffer nl = bytes(namelistLocation, nameEntries * NAME_SIZE, "name list");
      byte[] raw = new byte[nl.remaining()];
      nl.get(raw);
      // GSD 1: one name per 64-byte entry; GSD 2: names one after another, zero-terminated
      boolean packed = version >= (2 << 16);
      int at = 0;
      while (at < raw.length) {
        String name = cString(raw, at, packed ? raw.length - at : NAME_SIZE);
        if (name.isEmpty()) {
          break;
        }
        names.add(name);
        at += packed ? name.getBytes(StandardCharsets.UTF_8).length + 1 : NAME_SIZE;
      }
      ByteBuffer ib = bytes(indexLocation, indexEntries * INDEX_ENTRY_SIZE, "index");
      long lastFrame = 0;
      for (long i = 0; i < indexEntries; i++) {
        long frame = ib.getLong();
        long n = ib.getLong();
        long loc = ib.getLong();
        int m = ib.getInt();
        int id = Short.toUnsignedInt(ib.getShort());
        int type = Byte.toUnsignedInt(ib.get());
        ib.get();
        if (loc == 0) {
          break;
        }
        if (frame < lastFrame || id >= names.size() || type < 1 || type > FLOAT64 || m == 0) {
          throw err("index entry " + i, "corrupt (frame order, name id, type or width)");
        }
        lastFrame = frame;
        while (frames.size() <= frame) {
          frames.add(new HashMap<>());
        }
        frames.get((int) frame).put(id, new Entry(frame, n, loc, m, id, type));
      }
      if (frames.isEmpty()) {
        throw err("index", "no frames");
      }
      List<Configuration> out = new ArrayList<>(frames.size());
      double[] box = doubles(0, "configuration/box", 6, 1, new double[] {1, 1, 1, 0, 0, 0});
      if (box[3] != 0 || box[4] != 0 || box[5] != 0) {
        throw err("configuration/box", "triclinic boxes (tilt xy, xz, yz not 0) are not supported");
      }
      Box b = FrameAssembler.box(file, "configuration/box", box[0], box[1]);
      long[] n0 = longs(0, "particles/N", 1, 1, new long[] {0});
      int n = (int) n0[0];
      if (n <= 0) {
        throw err("frame 0", "particles/N must be positive, got " + n0[0]);
      }
      int[] typeid = ints(0, "particles/typeid", n, 1, new int[n]);
      int nTypes = typeNames(0).size();
      boolean typed = !(nTypes == 1 && typeNames(0).get(0).equals("A"));
      int[] types = null;
      if (typed) {
        types = new int[n];
        for (int i = 0; i < n; i++) {
          types[i] = typeid[i] + 1;
        }
      }
      double[] diameters;
      if (has(0, "particles/diameter")) {
        diameters = doubles(0, "particles/diameter", n, 1, null);
      } else if (!options.typeDiameters().isEmpty()) {
        diameters = new double[n];
        for (int i = 0; i < n; i++) {
          Double d = options.typeDiameters().get(typeid[i] + 1);
          if (d == null) {
            throw err(
                "particles/typeid",
                "no diameter given for type "
                    + (typeid[i] + 1)
                    + " (typeid "
                    + typeid[i]
                    + ") in the per-type table");
          }
          diameters[i] = d;
        }
      } else {
        diameters = new double[n];
        java.util.Arrays.fill(diameters, 1.0);
      }
      int[] pids = has(0, "log/glasslab/id") ? ints(0, "log/glasslab/id", n, 1, null) : null;
      boolean anyStep = false;
      for (int k = 0; k < frames.size(); k++) {
        anyStep |= has(k, "configuration/step");
      }
      for (int k = 0; k < frames.size(); k++) {
        String where = "frame " + k;
        long[] np = longs(k, "particles/N", 1, 1, n0);
        if (np[0] != n) {
          throw err(where, "has N = " + np[0] + ", frame 0 had N = " + n);
        }
        double[] bk = doubles(k, "configuration/box", 6, 1, box);
        if (!java.util.Arrays.equals(bk, box)) {
          throw err(where, "the box changes; GlassLab reads fixed-box trajectories only");
        }
        long step = anyStep ? longs(k, "configuration/step", 1, 1, new long[] {0})[0] : k;
        double time =
            has(k, "log/glasslab/time")
                ? doubles(k, "log/glasslab/time", 1, 1, null)[0]
                : step * options.dt();
        double[] p = doubles(k, "particles/position", n, 3, new double[3 * n]);
        int[] im = has(k, "particles/image") ? ints(k, "particles/image", n, 3, null) : null;
        double[] vv =
            has(k, "particles/velocity") ? doubles(k, "particles/velocity", n, 3, null) : null;
        double[] x = new double[2 * n];
        int[] img = im == null ? null : new int[2 * n];
        double[] v = vv == null ? null : new double[2 * n];
        for (int i = 0; i < n; i++) {
          if (p[3 * i + 2] != 0) {
            throw err(where, "non-2D data: z of particle " + i + " is " + p[3 * i + 2]);
          }
          x[2 * i] = p[3 * i] + 0.5 * b.lx();
          x[2 * i + 1] = p[3 * i + 1] + 0.5 * b.ly();
          if (img != null) {
            img[2 * i] = im[3 * i];
            img[2 * i + 1] = im[3 * i + 1];
          }
          if (v != null) {
            v[2 * i] = vv[3 * i];
            v[2 * i + 1] = vv[3 * i + 1];
          }
        }
        out.add(
            FrameAssembler.assemble(
                file,
                where,
                b,
                x,
                img,
                diameters.clone(),
                v,
                pids,
                types,
                step,
                time,
                false,
                options.outsideTolerance()));
      }
      try {
        return MemoryTrajectory.of(out);
      } catch (IllegalArgumentException e) {
        throw new TrajectoryFormatException(file, "", e.getMessage(), e);
      }
    }

    private List<String> typeNames(int frame) throws IOException {
      Entry e = entry(frame, "particles/types");
      List<String> out = new ArrayList<>();
      if (e == null) {
        out.add("A");
        return out;
      }
      ByteBuffer b = bytes(e.location, e.n * e.m * width(e.type), "particles/types");
      byte[] raw = new byte[b.remaining()];
      b.get(raw);
      for (int i = 0; i < e.n; i++) {
        out.add(cString(raw, i * e.m, e.m));
      }
      return out;
    }

    private boolean has(int frame, String name) {
      return entry(frame, name) != null;
    }

    /** The entry of {@code name} in {@code frame}, else frame 0's (the schema's default). */
    private Entry entry(int frame, String name) {
      int id = names.indexOf(name);
      if (id < 0) {
        return null;
      }
      Entry e = frames.get(frame).get(id);
      return e != null ? e : frames.get(0).get(id);
    }

    private ByteBuffer chunk(int frame, String name, long n, int m) throws IOException {
      Entry e = entry(frame, name);
      if (e.n != n || e.m != m) {
        throw err(
            "frame " + frame + " chunk " + name,
            "expected shape [" + n + "," + m + "], got [" + e.n + "," + e.m + "]");
      }
      return bytes(e.location, e.n * e.m * width(e.type), "frame " + frame + " chunk " + name);
    }

    private double[] doubles(int frame, String name, long n, int m, double[] dflt)
        throws IOException {
      if (!has(frame, name)) {
        if (dflt == null) {
          throw err("frame " + frame, "missing chunk " + name);
        }
        return dflt;
      }
      int type = entry(frame, name).type;
      ByteBuffer b = chunk(frame, name, n, m);
      double[] out = new double[(int) (n * m)];
      for (int i = 0; i < out.length; i++) {
        out[i] =
            switch (type) {
              case FLOAT32 -> b.getFloat();
              case FLOAT64 -> b.getDouble();
              default ->
                  throw err(
                      "frame " + frame + " chunk " + name,
                      "expected float32 or float64 data, got GSD type " + type);
            };
      }
      return out;
    }

    private long[] longs(int frame, String name, long n, int m, long[] dflt) throws IOException {
      if (!has(frame, name)) {
        return dflt;
      }
      int type = entry(frame, name).type;
      ByteBuffer b = chunk(frame, name, n, m);
      long[] out = new long[(int) (n * m)];
      for (int i = 0; i < out.length; i++) {
        out[i] = integer(b, type, frame, name);
      }
      return out;
    }

    private int[] ints(int frame, String name, long n, int m, int[] dflt) throws IOException {
      if (!has(frame, name)) {
        if (dflt == null) {
          throw err("frame " + frame, "missing chunk " + name);
        }
        return dflt;
      }
      long[] l = longs(frame, name, n, m, null);
      int[] out = new int[l.length];
      for (int i = 0; i < l.length; i++) {
        out[i] = Math.toIntExact(l[i]);
      }
      return out;
    }

    private long integer(ByteBuffer b, int type, int frame, String name) throws IOException {
      return switch (type) {
        case UINT8 -> Byte.toUnsignedLong(b.get());
        case UINT16 -> Short.toUnsignedLong(b.getShort());
        case UINT32 -> Integer.toUnsignedLong(b.getInt());
        case UINT64, INT64 -> b.getLong();
        case INT8 -> b.get();
        case INT16 -> b.getShort();
        case INT32 -> b.getInt();
        default ->
            throw err(
                "frame " + frame + " chunk " + name, "expected integer data, got GSD type " + type);
      };
    }
  }

  private static int width(int type) {
    return switch (type) {
      case UINT8, INT8 -> 1;
      case UINT16, INT16 -> 2;
      case UINT32, INT32, FLOAT32 -> 4;
      default -> 8;
    };
  }

  private static String cString(byte[] raw, int off, int max) {
    int end = off;
    while (end < off + max && raw[end] != 0) {
      end++;
    }
    return new String(raw, off, end - off, StandardCharsets.UTF_8);
  }
}
