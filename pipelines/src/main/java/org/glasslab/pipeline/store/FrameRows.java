package org.glasslab.pipeline.store;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.glasslab.data.io.AtomicFile;

/**
 * One finished frame's result row kept on disk so that an interrupted frame loop resumes: a small
 * binary file (magic, version, the row's key, length, doubles), written atomically. A row is read
 * back only under the same key (settings and input digest; "" where the caller's directory is
 * already specific, as the engine's scratch directory is).
 */
public final class FrameRows {
  private static final int MAGIC = 0x474c5257; // "GLRW"
  private static final int VERSION = 1;

  private FrameRows() {}

  /** Writes {@code row} under {@code key} to {@code file}, atomically. */
  public static void write(Path file, String key, double[] row) throws IOException {
    AtomicFile.write(
        file,
        tmp -> {
          try (DataOutputStream o =
              new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp)))) {
            o.writeInt(MAGIC);
            o.writeInt(VERSION);
            o.writeUTF(key);
            o.writeInt(row.length);
            for (double v : row) {
              o.writeDouble(v);
            }
          }
        });
  }

  /** The row stored in {@code file} under {@code key}, or null (absent, another key, damaged). */
  public static double[] read(Path file, String key) {
    if (!Files.isRegularFile(file)) {
      return null;
    }
    try (DataInputStream in =
        new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
      if (in.readInt() != MAGIC || in.readInt() != VERSION || !in.readUTF().equals(key)) {
        return null;
      }
      int len = in.readInt();
      if (len < 0 || 8L * len > Files.size(file)) {
        return null;
      }
      double[] a = new double[len];
      for (int i = 0; i < len; i++) {
        a[i] = in.readDouble();
      }
      return in.read() == -1 ? a : null;
    } catch (IOException e) {
      return null;
    }
  }
}
