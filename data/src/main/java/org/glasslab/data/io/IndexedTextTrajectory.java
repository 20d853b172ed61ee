package org.glasslab.data.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.glasslab.data.Box;
import org.glasslab.data.Configuration;
import org.glasslab.data.MemoryTrajectory;
import org.glasslab.data.Trajectory;

/**
 * A text trajectory (extended XYZ, LAMMPS dump) read frame by frame: one pass parses and checks
 * every frame and keeps only where each begins (byte offset and line), its step and time, and frame
 * 0; {@link #frame} parses a frame again from there. Memory is O(N) plus 32 bytes per frame, so
 * converting or importing a long text trajectory runs in constant memory. Reading frames in order
 * continues the open reader; the file is held open until {@link #close}, so a file replaced
 * meanwhile (same name) does not change what is read.
 */
final class IndexedTextTrajectory implements Trajectory {

  /** One frame parsed from its first line, and the first non-blank line after it. */
  record Parsed(Configuration config, String next) {}

  /** Parses one frame of a format. */
  @FunctionalInterface
  interface Parser {
    /**
     * Parses frame {@code k} whose first line {@code first} was just read from {@code r}.
     *
     * @param frame0 frame 0, or {@code null} while parsing it
     */
    Parsed parse(LineReader r, String first, int k, Configuration frame0) throws IOException;
  }

  private final Path file;
  private final FileChannel channel;
  private final Parser parser;
  private final Configuration frame0;
  private final int count;
  private final long[] offsets;
  private final int[] lines;
  private final long[] steps;
  private final double[] times;
  private final String potential;
  private final Map<String, String> provenance;
  private LineReader reader; // positioned after frame `last`, its next frame's first line read
  private String pending;
  private int last = -1;
  private Configuration lastFrame;

  /**
   * Indexes {@code file} with {@code parser}: parses and checks every frame (the same checks and
   * messages as a {@link MemoryTrajectory}).
   *
   * @param empty the message for a file without frames
   * @param labels gives the potential and provenance once the file has been parsed (from frame 0's
   *     header, say); called after the pass
   * @throws TrajectoryFormatException naming the file, the line and what was expected
   */
  static IndexedTextTrajectory index(
      Path file, Parser parser, String empty, java.util.function.Supplier<Labels> labels)
      throws IOException {
    FileChannel ch = LineReader.open(file);
    try {
      long[] offsets = new long[16];
      int[] lines = new int[16];
      long[] steps = new long[16];
      double[] times = new double[16];
      int n = 0;
      Configuration frame0 = null;
      LineReader r = new LineReader(file, ch, 0, 0);
      String first = r.nextNonBlank();
      if (first == null) {
        throw new TrajectoryFormatException(file, "", empty);
      }
      while (first != null) {
        if (n == offsets.length) {
          offsets = Arrays.copyOf(offsets, 2 * n);
          lines = Arrays.copyOf(lines, 2 * n);
          steps = Arrays.copyOf(steps, 2 * n);
          times = Arrays.copyOf(times, 2 * n);
        }
        offsets[n] = r.lineStart();
        lines[n] = r.lineNumber() - 1;
        Parsed p = parser.parse(r, first, n, frame0);
        Configuration c = p.config();
        if (frame0 == null) {
          frame0 = c;
        } else {
          try {
            MemoryTrajectory.checkFrame(n, frame0, steps[n - 1], c);
          } catch (IllegalArgumentException e) {
            throw new TrajectoryFormatException(file, "", e.getMessage(), e);
          }
        }
        steps[n] = c.step();
        times[n] = c.time();
        n++;
        first = p.next();
      }
      Labels l = labels.get();
      return new IndexedTextTrajectory(
          file,
          ch,
          parser,
          frame0,
          n,
          Arrays.copyOf(offsets, n),
          Arrays.copyOf(lines, n),
          Arrays.copyOf(steps, n),
          Arrays.copyOf(times, n),
          l.potential(),
          l.provenance());
    } catch (IOException | RuntimeException e) {
      ch.close();
      throw e;
    }
  }

  /** What the file records beside its frames: the potential spec (or null) and provenance. */
  record Labels(String potential, Map<String, String> provenance) {
    static final Labels NONE = new Labels(null, Map.of());
  }

  private IndexedTextTrajectory(
      Path file,
      FileChannel channel,
      Parser parser,
      Configuration frame0,
      int count,
      long[] offsets,
      int[] lines,
      long[] steps,
      double[] times,
      String potential,
      Map<String, String> provenance) {
    this.file = file;
    this.channel = channel;
    this.parser = parser;
    this.frame0 = frame0;
    this.count = count;
    this.offsets = offsets;
    this.lines = lines;
    this.steps = steps;
    this.times = times;
    this.potential = potential;
    this.provenance = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(provenance));
  }

  @Override
  public int frameCount() {
    return count;
  }

  @Override
  public int particleCount() {
    return frame0.size();
  }

  @Override
  public Box box() {
    return frame0.box();
  }

  @Override
  public long step(int k) {
    return steps[k];
  }

  @Override
  public double time(int k) {
    return times[k];
  }

  @Override
  public double[] diameters() {
    return frame0.diameters();
  }

  @Override
  public String potential() {
    return potential;
  }

  @Override
  public Map<String, String> provenance() {
    return provenance;
  }

  @Override
  public synchronized Configuration frame(int k) {
    java.util.Objects.checkIndex(k, count);
    if (k == 0) {
      return frame0;
    }
    if (k == last) {
      return lastFrame;
    }
    try {
      if (reader == null || k != last + 1) {
        reader = new LineReader(file, channel, offsets[k], lines[k]);
        pending = reader.next();
      }
      Parsed p = parser.parse(reader, pending, k, frame0);
      pending = p.next();
      last = k;
      lastFrame = p.config();
      return lastFrame;
    } catch (IOException e) {
      reader = null;
      throw new UncheckedIOException(file + ": frame " + k + " cannot be read again", e);
    }
  }

  @Override
  public synchronized void close() throws IOException {
    reader = null;
    channel.close();
  }
}
