package org.glasslab.epm.meanfield;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.glasslab.data.io.AtomicFile;
import org.glasslab.data.random.Rng;

/**
 * Complete state of a mean-field Gillespie simulation, RNG included: restoring it (see {@link
 * MeanFieldSimulation#restore}) continues the run bit for bit. Binary file format (big-endian):
 * magic "GLMFGIL2", engine name (UTF), α, a, T, seed, N, time, events, the RNG state ({@link
 * Rng#STATE_BYTES} bytes), σ [N], then a flag and, for the lazy engine, the marks [N].
 *
 * @param engine {@link Engine} that produced the state
 * @param model α and a
 * @param temperature T
 * @param seed the run's seed (provenance)
 * @param time simulated time [τ]
 * @param events plastic events so far
 * @param rng generator state ({@link Rng#saveState()})
 * @param sigma [N] stresses; for the lazy engine as last materialised [σ_c]
 * @param marks [N] lazy engine only (else null): the event count up to which each site's kicks are
 *     included in {@code sigma}
 */
public record GillespieState(
    Engine engine,
    BaronBiroliModel model,
    double temperature,
    long seed,
    double time,
    long events,
    byte[] rng,
    double[] sigma,
    long[] marks) {

  // "GLMFGIL2"; "GLMFGIL1" files hold the former hand-written xoshiro256++ state and are refused
  private static final long MAGIC = 0x474C4D4647494C32L;

  private static final long MAGIC_V1 = 0x474C4D4647494C31L;

  /** Validates shapes and copies the arrays (the record is immutable). */
  public GillespieState {
    if (rng.length != Rng.STATE_BYTES) {
      throw new IllegalArgumentException(
          "rng state must have " + Rng.STATE_BYTES + " bytes, got " + rng.length);
    }
    if (engine == Engine.LAZY && (marks == null || marks.length != sigma.length)) {
      throw new IllegalArgumentException("lazy engine state needs marks [N]");
    }
    rng = rng.clone();
    sigma = sigma.clone();
    marks = marks == null ? null : marks.clone();
  }

  /** Number of sites N. */
  public int size() {
    return sigma.length;
  }

  @Override
  public byte[] rng() {
    return rng.clone();
  }

  @Override
  public double[] sigma() {
    return sigma.clone();
  }

  @Override
  public long[] marks() {
    return marks == null ? null : marks.clone();
  }

  /** Writes the state atomically: to a temporary file in the same directory, then renamed. */
  public void write(Path path) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(16 * sigma.length + 256);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeLong(MAGIC);
      out.writeUTF(engine.name());
      out.writeDouble(model.alpha());
      out.writeDouble(model.a());
      out.writeDouble(temperature);
      out.writeLong(seed);
      out.writeInt(sigma.length);
      out.writeDouble(time);
      out.writeLong(events);
      out.write(rng);
      for (double s : sigma) {
        out.writeDouble(s);
      }
      out.writeBoolean(marks != null);
      if (marks != null) {
        for (long m : marks) {
          out.writeLong(m);
        }
      }
    }
    byte[] data = bytes.toByteArray();
    AtomicFile.write(path, tmp -> Files.write(tmp, data));
  }

  /** Reads a state written by {@link #write}. */
  public static GillespieState read(Path path) throws IOException {
    try (InputStream raw = Files.newInputStream(path);
        DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(raw))) {
      long magic = in.readLong();
      if (magic == MAGIC_V1) {
        throw new IOException(
            path
                + " was written by an earlier GlassLab (former random generator); restart the run");
      }
      if (magic != MAGIC) {
        throw new IOException(path + " is not a GlassLab mean-field Gillespie state file");
      }
      Engine engine = Engine.valueOf(in.readUTF());
      BaronBiroliModel model = new BaronBiroliModel(in.readDouble(), in.readDouble());
      double temperature = in.readDouble();
      long seed = in.readLong();
      int n = in.readInt();
      double time = in.readDouble();
      long events = in.readLong();
      byte[] rng = new byte[Rng.STATE_BYTES];
      in.readFully(rng);
      double[] sigma = new double[n];
      for (int i = 0; i < n; i++) {
        sigma[i] = in.readDouble();
      }
      long[] marks = null;
      if (in.readBoolean()) {
        marks = new long[n];
        for (int i = 0; i < n; i++) {
          marks[i] = in.readLong();
        }
      }
      return new GillespieState(engine, model, temperature, seed, time, events, rng, sigma, marks);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof GillespieState g
        && engine == g.engine
        && model.equals(g.model)
        && Double.compare(temperature, g.temperature) == 0
        && seed == g.seed
        && Double.compare(time, g.time) == 0
        && events == g.events
        && Arrays.equals(rng, g.rng)
        && Arrays.equals(sigma, g.sigma)
        && Arrays.equals(marks, g.marks);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(sigma) * 31 + Long.hashCode(events);
  }

  @Override
  public String toString() {
    return "GillespieState[" + engine + ", N=" + sigma.length + ", events=" + events + "]";
  }

  /** The two exact simulation engines of the mean-field dynamics. */
  public enum Engine {
    /**
     * Appendix E literally: all N rates recomputed after every event, selection by binary search on
     * their prefix sums (O(log N)), N Gaussian kicks per event: Θ(N) per event.
     */
    DIRECT,
    /**
     * Uniformisation (ν ≤ 1): propose a uniform site at total rate N, accept with probability ν;
     * the kicks a site has missed are summed into one Gaussian when it is next looked at. Same
     * process in law, expected cost O(1/Γ) per event, independent of N.
     */
    LAZY
  }
}
