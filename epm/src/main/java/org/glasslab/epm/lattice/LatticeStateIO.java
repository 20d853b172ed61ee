package org.glasslab.epm.lattice;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.glasslab.data.io.AtomicFile;
import org.glasslab.data.random.Rng;
import org.glasslab.epm.propagator.Convention;
import org.glasslab.epm.propagator.Orientation;

/**
 * Binary checkpoint files of a {@link LatticeState} (big-endian, magic "GLEPMLAT", version 4):
 * parameters, seed, counters, generator state ({@link Rng#STATE_BYTES} bytes) and the three site
 * arrays. Versions 1 and 2 hold the former hand-written generator, version 3 predates the reset
 * rule; they are refused. Writes go to a temporary file in the same directory that is then
 * atomically renamed, so a crash never leaves a partial checkpoint.
 */
public final class LatticeStateIO {
  private static final long MAGIC = 0x474C45504D4C4154L; // "GLEPMLAT"
  // version 2 added the extremal cutoff x0 after the unstable rule; version 3 stores
  // Rng.saveState(); version 4 adds the reset rule and its width after x0
  private static final int VERSION = 4;

  private LatticeStateIO() {}

  /** Writes {@code s} to {@code file} atomically. */
  public static void write(Path file, LatticeState s) throws IOException {
    AtomicFile.write(file, tmp -> writeTo(tmp, s));
  }

  private static void writeTo(Path tmp, LatticeState s) throws IOException {
    try (OutputStream os = Files.newOutputStream(tmp);
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(os))) {
      LatticeParams p = s.params();
      out.writeLong(MAGIC);
      out.writeInt(VERSION);
      out.writeInt(p.size());
      out.writeDouble(p.temperature());
      out.writeDouble(p.barrierExponent());
      out.writeDouble(p.attemptRate());
      out.writeDouble(p.thresholdMean());
      out.writeDouble(p.thresholdStd());
      out.writeDouble(p.residualStd());
      out.writeDouble(p.meanStress());
      out.writeDouble(p.initialStressStd());
      out.writeUTF(p.orientation().name());
      out.writeUTF(p.convention().name());
      out.writeBoolean(p.localKernel());
      out.writeLong(p.recenterEvery());
      out.writeUTF(p.protocol().name());
      out.writeDouble(p.dt());
      out.writeUTF(p.unstableRule().name());
      out.writeDouble(p.extremalCutoff());
      out.writeUTF(p.resetRule().name());
      out.writeDouble(p.resetWidth());
      out.writeLong(s.seed());
      out.writeDouble(s.time());
      out.writeLong(s.events());
      out.writeLong(s.steps());
      out.writeLong(s.relaxationEvents());
      out.writeDouble(s.targetMean());
      out.writeLong(s.nextRecenter());
      out.write(s.rngState());
      writeArray(out, s.sigma());
      writeArray(out, s.thresholds());
      writeArray(out, s.plasticStrain());
    }
  }

  private static void writeArray(DataOutputStream out, double[] a) throws IOException {
    out.writeInt(a.length);
    for (double v : a) {
      out.writeDouble(v);
    }
  }

  private static double[] readArray(DataInputStream in, Path file) throws IOException {
    int n = in.readInt();
    if (n < 0 || n > (1 << 26)) {
      throw new IOException(file + ": corrupt checkpoint: array length " + n);
    }
    double[] a = new double[n];
    for (int i = 0; i < n; i++) {
      a[i] = in.readDouble();
    }
    return a;
  }

  /** Reads a checkpoint written by {@link #write}. */
  public static LatticeState read(Path file) throws IOException {
    try (InputStream is = Files.newInputStream(file);
        DataInputStream in = new DataInputStream(new BufferedInputStream(is))) {
      if (in.readLong() != MAGIC) {
        throw new IOException(file + " is not a lattice-EPM checkpoint (bad magic)");
      }
      int version = in.readInt();
      if (version != VERSION) {
        throw new IOException(
            file
                + ": unsupported checkpoint version "
                + version
                + (version < VERSION
                    ? " (written by an earlier GlassLab without the reset rule or with the former"
                        + " random generator; restart)"
                    : ""));
      }
      LatticeParams p =
          new LatticeParams(
              in.readInt(),
              in.readDouble(),
              in.readDouble(),
              in.readDouble(),
              in.readDouble(),
              in.readDouble(),
              in.readDouble(),
              in.readDouble(),
              in.readDouble(),
              Orientation.valueOf(in.readUTF()),
              Convention.valueOf(in.readUTF()),
              in.readBoolean(),
              in.readLong(),
              LatticeProtocol.valueOf(in.readUTF()),
              in.readDouble(),
              UnstableRule.valueOf(in.readUTF()),
              in.readDouble(),
              ResetRule.valueOf(in.readUTF()),
              in.readDouble());
      long seed = in.readLong();
      double time = in.readDouble();
      long events = in.readLong();
      long steps = in.readLong();
      long relax = in.readLong();
      double target = in.readDouble();
      long nextRecenter = in.readLong();
      byte[] rng = new byte[Rng.STATE_BYTES];
      in.readFully(rng);
      double[] sigma = readArray(in, file);
      double[] th = readArray(in, file);
      double[] ep = readArray(in, file);
      if (in.read() != -1) {
        throw new IOException(file + ": corrupt checkpoint: bytes after its end");
      }
      return new LatticeState(
          p, seed, sigma, th, ep, time, events, steps, relax, target, nextRecenter, rng);
    } catch (java.io.EOFException e) {
      throw new IOException(file + ": truncated checkpoint (the file ends before its data)", e);
    } catch (IllegalArgumentException e) {
      throw new IOException(file + ": corrupt checkpoint: " + e.getMessage(), e);
    }
  }
}
