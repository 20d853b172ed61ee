package org.glasslab.md;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;
import org.glasslab.data.Box;
import org.glasslab.data.Configuration;
import org.glasslab.data.io.AtomicFile;

/**
 * Binary checkpoint files of a {@link ProtocolRun}: big-endian doubles written bit for bit, a magic
 * header, a format version and a CRC32 trailer, written atomically (temporary file, then rename) so
 * that a crash leaves the previous checkpoint intact.
 */
public final class CheckpointIO {
  private static final String MAGIC = "GLASSLAB-MD-CHECKPOINT";
  // Version 3: the generator state is Rng.saveState() (length-prefixed bytes) and the potential
  // spec follows the protocol. Version 1 (main until December 2026) held the two longs of the
  // former
  // hand-written SplitMix64 and cannot continue the same stream; version 2 was never released.
  // Version 4 adds the sort phase of the engine (list rebuilds since the last frame reset): from
  // version 4 on the engine resets its particle order and lists at every stored frame, so that
  // frames can be replayed exactly; a version-3 run cannot continue in that rhythm.
  // Version 5 adds the protocol's starting file (Protocol.Start) after the potential; version 4
  // files (no start: prepared from the seed) are still read.
  private static final int VERSION = 5;

  private CheckpointIO() {}

  /** Writes {@code c} atomically to {@code file}. */
  public static void write(Path file, ProtocolCheckpoint c) throws IOException {
    AtomicFile.write(
        file,
        tmp -> {
          try (OutputStream os = Files.newOutputStream(tmp)) {
            CRC32 crc = new CRC32();
            DataOutputStream out =
                new DataOutputStream(
                    new CheckedOutputStream(new BufferedOutputStream(os, 1 << 16), crc));
            writeBody(out, c);
            out.flush();
            long sum = crc.getValue();
            DataOutputStream tail = new DataOutputStream(os);
            tail.writeLong(sum);
            tail.flush();
          }
        });
  }

  /**
   * Reads a checkpoint.
   *
   * @throws IOException if the file is not a GlassLab checkpoint, has another version or fails its
   *     checksum
   */
  public static ProtocolCheckpoint read(Path file) throws IOException {
    byte[] all = Files.readAllBytes(file);
    if (all.length < 8) {
      throw new IOException(file + ": not a GlassLab MD checkpoint (too short)");
    }
    CRC32 crc = new CRC32();
    crc.update(all, 0, all.length - 8);
    long stored = java.nio.ByteBuffer.wrap(all, all.length - 8, 8).getLong();
    if (stored != crc.getValue()) {
      throw new IOException(file + ": checkpoint checksum mismatch (file damaged)");
    }
    try (InputStream is = new java.io.ByteArrayInputStream(all, 0, all.length - 8);
        DataInputStream in =
            new DataInputStream(new CheckedInputStream(new BufferedInputStream(is), new CRC32()))) {
      return readBody(in, file);
    }
  }

  private static void writeBody(DataOutputStream out, ProtocolCheckpoint c) throws IOException {
    out.writeUTF(MAGIC);
    out.writeInt(VERSION);
    Protocol p = c.protocol();
    out.writeInt(p.n());
    out.writeDouble(p.density());
    out.writeDouble(p.polydispersity());
    out.writeDouble(p.parentTemperature());
    out.writeDouble(p.temperature());
    out.writeDouble(p.equilibrationTime());
    out.writeDouble(p.waitingTime());
    out.writeDouble(p.dt());
    out.writeLong(p.blockSize());
    out.writeInt(p.nCfg());
    out.writeInt(p.blocks());
    out.writeLong(p.seed());
    out.writeDouble(p.skin());
    out.writeUTF(p.convention().name());
    out.writeInt(c.rngState().length);
    out.write(c.rngState());
    SimulationState s = c.state();
    out.writeDouble(s.box().lx());
    out.writeDouble(s.box().ly());
    int n = s.diameters().length;
    out.writeInt(n);
    doubles(out, s.positions());
    doubles(out, s.velocities());
    doubles(out, s.diameters());
    ints(out, s.images());
    ints(out, s.order());
    doubles(out, s.buildPositions());
    out.writeLong(s.step());
    out.writeLong(s.rebuilds());
    out.writeLong(s.sortPhase());
    Thermostat t = s.thermostat();
    out.writeUTF(t.name());
    if (t instanceof BrownClarke bc) {
      out.writeDouble(bc.temperature());
      out.writeBoolean(bc.removeComMomentum());
    }
    MdOptions o = s.options();
    out.writeDouble(o.dt());
    out.writeDouble(o.skin());
    out.writeInt(o.sortEvery());
    out.writeInt(o.maxNeighbours());
    out.writeBoolean(c.quenched());
    out.writeInt(c.nextFrame());
    out.writeInt(c.pendingFrames().size());
    for (int k = 0; k < c.pendingFrames().size(); k++) {
      Configuration f = c.pendingFrames().get(k);
      out.writeLong(f.step());
      out.writeDouble(f.time());
      doubles(out, f.positions());
      ints(out, f.images());
      doubles(out, f.diameters());
      doubles(out, f.velocities());
      doubles(out, c.pendingRaw().get(k));
    }
    out.writeUTF(p.potential().spec());
    Protocol.Start st = p.start();
    out.writeBoolean(st != null);
    if (st != null) {
      out.writeUTF(st.source());
      out.writeUTF(st.sha256());
      out.writeInt(st.frame());
      out.writeBoolean(st.velocities());
    }
  }

  private static ProtocolCheckpoint readBody(DataInputStream in, Path file) throws IOException {
    if (!MAGIC.equals(in.readUTF())) {
      throw new IOException(file + ": not a GlassLab MD checkpoint");
    }
    int version = in.readInt();
    if (version != VERSION && version != 4) {
      throw new IOException(
          file
              + ": checkpoint format version "
              + version
              + ", this GlassLab reads "
              + VERSION
              + (version == 1
                  ? " (version 1 holds the former random generator; restart the run)"
                  : version == 3
                      ? " (version 3 runs do not reset the engine at stored frames, which exact"
                          + " replay needs; restart the run)"
                      : ""));
    }
    int pn = in.readInt();
    double[] pd = new double[7];
    for (int k = 0; k < pd.length; k++) {
      pd[k] = in.readDouble(); // density, polydispersity, T_p, T, equilibration, t_w, dt
    }
    long blockSize = in.readLong();
    int nCfg = in.readInt();
    int blocks = in.readInt();
    long seed = in.readLong();
    double skin = in.readDouble();
    StressConvention convention = StressConvention.valueOf(in.readUTF());
    byte[] rng = new byte[in.readInt()];
    in.readFully(rng);
    Box box = new Box(in.readDouble(), in.readDouble());
    int n = in.readInt();
    double[] x = doubles(in, 2 * n);
    double[] v = doubles(in, 2 * n);
    double[] d = doubles(in, n);
    int[] images = ints(in, 2 * n);
    int[] order = ints(in, n);
    double[] xb = doubles(in, 2 * n);
    long step = in.readLong();
    long rebuilds = in.readLong();
    long sortPhase = in.readLong();
    String tname = in.readUTF();
    Thermostat t;
    if ("brown-clarke".equals(tname)) {
      t = new BrownClarke(in.readDouble(), in.readBoolean());
    } else if ("nve".equals(tname)) {
      t = new Nve();
    } else {
      throw new IOException(file + ": unknown thermostat " + tname);
    }
    MdOptions o = new MdOptions(in.readDouble(), in.readDouble(), in.readInt(), in.readInt());
    SimulationState s =
        new SimulationState(box, x, v, d, images, order, xb, step, rebuilds, sortPhase, t, o);
    boolean quenched = in.readBoolean();
    int nextFrame = in.readInt();
    int pending = in.readInt();
    List<Configuration> frames = new ArrayList<>(pending);
    List<double[]> raw = new ArrayList<>(pending);
    for (int k = 0; k < pending; k++) {
      long fs = in.readLong();
      double ft = in.readDouble();
      double[] fx = doubles(in, 2 * n);
      int[] fi = ints(in, 2 * n);
      double[] fd = doubles(in, n);
      double[] fv = doubles(in, 2 * n);
      frames.add(new Configuration(box, fx, fi, fd, fv, null, null, fs, ft));
      raw.add(doubles(in, 6));
    }
    PairPotential potential = Potentials.byName(in.readUTF());
    Protocol.Start start =
        version >= 5 && in.readBoolean()
            ? new Protocol.Start(in.readUTF(), in.readUTF(), in.readInt(), in.readBoolean())
            : null;
    Protocol p =
        new Protocol(
            pn,
            pd[0],
            pd[1],
            pd[2],
            pd[3],
            pd[4],
            pd[5],
            pd[6],
            blockSize,
            nCfg,
            blocks,
            seed,
            skin,
            convention,
            potential,
            start);
    return new ProtocolCheckpoint(p, rng, s, quenched, nextFrame, frames, raw);
  }

  private static void doubles(DataOutputStream out, double[] a) throws IOException {
    out.writeInt(a.length);
    for (double v : a) {
      out.writeLong(Double.doubleToRawLongBits(v));
    }
  }

  private static void ints(DataOutputStream out, int[] a) throws IOException {
    out.writeInt(a.length);
    for (int v : a) {
      out.writeInt(v);
    }
  }

  private static double[] doubles(DataInputStream in, int expected) throws IOException {
    int len = in.readInt();
    if (len != expected) {
      throw new IOException("checkpoint array length " + len + ", expected " + expected);
    }
    double[] a = new double[len];
    for (int k = 0; k < len; k++) {
      a[k] = Double.longBitsToDouble(in.readLong());
    }
    return a;
  }

  private static int[] ints(DataInputStream in, int expected) throws IOException {
    int len = in.readInt();
    if (len != expected) {
      throw new IOException("checkpoint array length " + len + ", expected " + expected);
    }
    int[] a = new int[len];
    for (int k = 0; k < len; k++) {
      a[k] = in.readInt();
    }
    return a;
  }
}
