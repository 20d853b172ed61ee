package org.glasslab.data.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.glasslab.data.Configuration;
import org.glasslab.data.MemoryTrajectory;
import org.glasslab.data.TimeSeries;

/**
 * Writes a trajectory frame by frame with bounded memory. jhdf 0.13 writes whole files and cannot
 * extend a dataset, so frames are buffered in segments of at most {@link #segmentFrames(int)}
 * frames: a trajectory that fits in one segment becomes one H5MD file at the target path (what
 * h5py, MDAnalysis and OVITO open); a longer one becomes a segmented directory at the target path
 * ({@link RunDirectoryFormat}: {@code run.json} listing {@code block-NNNNNN.h5} files, each a
 * complete H5MD file), read back as one trajectory by {@link TrajectoryIO} and {@link H5md#read}.
 * Which of the two a path holds depends only on the declared frame count and N.
 *
 * <p>The output appears atomically at {@link #close()}: the file (or directory) is built under a
 * temporary sibling name and renamed over the target, so a crash leaves the old target or none.
 * Memory: one segment, about {@link #SEGMENT_PARTICLE_FRAMES} particle-frames, whatever the length.
 */
public final class H5mdWriter implements AutoCloseable {
  /**
   * Particle-frames per segment (frames × N): 2^15, 0.5 MB of float64 x and y, so that jhdf's
   * staging of one segment (nested [N][3] arrays and serialised copies of positions, images and
   * velocities) stays near 5 MB.
   */
  public static final int SEGMENT_PARTICLE_FRAMES = 1 << 15;

  private final Path target;
  private final int frames;
  private final int n;
  private final String potential;
  private final Map<String, String> provenance;
  private final int perSegment;
  private final Path tmpDir;
  private final List<Configuration> pending = new ArrayList<>();
  private final Map<String, List<double[]>> pendingObs = new LinkedHashMap<>();
  private final List<RunDirectoryFormat.Block> written = new ArrayList<>();
  private int appended;
  private boolean closed;

  /**
   * A writer of {@code frames} frames of {@code n} particles to {@code target}.
   *
   * @param potential spec of the pair potential the frames were made with (null: none)
   * @param provenance the MD run's parameters (empty when none): a segmented directory lists them
   *     in its index, a single file as {@code /parameters/glasslab} attributes
   * @param observables names of the per-frame observables every {@link #append} gives, in order
   */
  public H5mdWriter(
      Path target,
      int frames,
      int n,
      String potential,
      Map<String, String> provenance,
      List<String> observables)
      throws IOException {
    if (frames < 1 || n < 1) {
      throw new IllegalArgumentException(
          target + ": a trajectory needs frames and particles, got " + frames + " x " + n);
    }
    this.target = target.toAbsolutePath();
    this.frames = frames;
    this.n = n;
    this.potential = potential;
    this.provenance = new LinkedHashMap<>(provenance);
    this.perSegment = segmentFrames(n);
    for (String o : observables) {
      pendingObs.put(o, new ArrayList<>());
    }
    if (segmented(frames, n)) {
      Path parent = this.target.getParent();
      Files.createDirectories(parent);
      tmpDir = parent.resolve("." + this.target.getFileName() + ".tmp-" + UUID.randomUUID());
      Files.createDirectories(tmpDir);
    } else {
      tmpDir = null;
    }
  }

  /** Frames per segment for {@code n} particles (at least 1). */
  public static int segmentFrames(int n) {
    return Math.max(1, SEGMENT_PARTICLE_FRAMES / n);
  }

  /** Whether {@code frames} frames of {@code n} particles are written as a segmented directory. */
  public static boolean segmented(int frames, int n) {
    return frames > segmentFrames(n);
  }

  /**
   * Appends the next frame with its observables (one row per declared observable, in order; the row
   * of an observable has the same length in every frame).
   */
  public void append(Configuration c, double[]... observableRows) throws IOException {
    if (closed) {
      throw new IllegalStateException(target + ": writer closed");
    }
    if (appended == frames) {
      throw new IllegalStateException(target + ": more than the declared " + frames + " frames");
    }
    if (c.size() != n) {
      throw new IllegalArgumentException(
          target + ": frame " + appended + " has " + c.size() + " particles, expected " + n);
    }
    if (observableRows.length != pendingObs.size()) {
      throw new IllegalArgumentException(
          target
              + ": frame "
              + appended
              + " gives "
              + observableRows.length
              + " observables, expected "
              + pendingObs.keySet());
    }
    pending.add(c);
    int o = 0;
    for (List<double[]> rows : pendingObs.values()) {
      rows.add(observableRows[o++].clone());
    }
    appended++;
    if (tmpDir != null && pending.size() == perSegment) {
      flushSegment();
    }
  }

  private MemoryTrajectory pendingTrajectory() {
    long[] steps = new long[pending.size()];
    double[] times = new double[pending.size()];
    for (int k = 0; k < steps.length; k++) {
      steps[k] = pending.get(k).step();
      times[k] = pending.get(k).time();
    }
    Map<String, TimeSeries> obs = new LinkedHashMap<>();
    for (Map.Entry<String, List<double[]>> e : pendingObs.entrySet()) {
      obs.put(
          e.getKey(),
          new TimeSeries(e.getKey(), steps, times, e.getValue().toArray(new double[0][])));
    }
    return new MemoryTrajectory(pending, obs, potential);
  }

  private void flushSegment() throws IOException {
    if (!written.isEmpty() && pending.get(0).step() <= written.get(written.size() - 1).lastStep()) {
      throw new IllegalArgumentException(
          target + ": frame steps do not increase across segment " + written.size());
    }
    int b = written.size();
    String file = RunDirectoryFormat.blockFile(b);
    H5md.write(tmpDir.resolve(file), pendingTrajectory());
    written.add(
        new RunDirectoryFormat.Block(
            b,
            file,
            pending.size(),
            pending.get(0).step(),
            pending.get(pending.size() - 1).step(),
            null));
    pending.clear();
    for (List<double[]> rows : pendingObs.values()) {
      rows.clear();
    }
  }

  /**
   * Writes what is pending and moves the result to the target path.
   *
   * @throws IllegalStateException if fewer frames than declared were appended
   */
  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    try {
      if (appended != frames) {
        throw new IllegalStateException(
            target + ": " + appended + " of the declared " + frames + " frames were written");
      }
      if (tmpDir == null) {
        H5md.write(
            target,
            // the pending frames with the run's provenance (written as attributes)
            new org.glasslab.data.ForwardingTrajectory(pendingTrajectory()) {
              @Override
              public Map<String, String> provenance() {
                return provenance;
              }
            });
        return;
      }
      if (!pending.isEmpty()) {
        flushSegment();
      }
      RunDirectoryFormat.writeIndex(tmpDir, provenance, written, null);
      replace(tmpDir, target);
    } finally {
      if (tmpDir != null && Files.exists(tmpDir)) {
        AtomicFile.deleteTree(tmpDir);
      }
    }
  }

  /**
   * Streams every frame of {@code source} (read one at a time) with its observables, potential and
   * provenance to {@code target}.
   *
   * @param velocities whether to keep the frames' velocities (only a replayable MD run needs them)
   */
  public static void copy(Path target, org.glasslab.data.Trajectory source, boolean velocities)
      throws IOException {
    Map<String, TimeSeries> obs = source.observables();
    try (H5mdWriter w =
        new H5mdWriter(
            target,
            source.frameCount(),
            source.particleCount(),
            source.potential(),
            source.provenance(),
            List.copyOf(obs.keySet()))) {
      TimeSeries[] series = obs.values().toArray(new TimeSeries[0]);
      double[][] rows = new double[series.length][];
      for (int k = 0; k < source.frameCount(); k++) {
        Configuration c = source.frame(k);
        for (int o = 0; o < series.length; o++) {
          rows[o] = series[o].values()[k];
        }
        w.append(velocities || !c.hasVelocities() ? c : c.withVelocities(null), rows);
      }
    }
  }

  /** Renames directory {@code from} to {@code to}, replacing a file or directory there. */
  static void replace(Path from, Path to) throws IOException {
    if (Files.isDirectory(to)) {
      Path old = to.resolveSibling("." + to.getFileName() + ".old-" + UUID.randomUUID());
      Files.move(to, old, StandardCopyOption.ATOMIC_MOVE);
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
      AtomicFile.deleteTree(old);
    } else {
      Files.deleteIfExists(to);
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    }
  }
}
