package org.glasslab.pipeline.stages;

import java.io.IOException;
import java.nio.file.Path;
import org.glasslab.data.Configuration;
import org.glasslab.data.Trajectory;
import org.glasslab.data.io.H5md;
import org.glasslab.data.io.ReadOptions;
import org.glasslab.md.PairPotential;
import org.glasslab.md.Potentials;
import org.glasslab.pipeline.engine.ParamException;
import org.glasslab.pipeline.engine.Params;
import org.glasslab.pipeline.store.Csv;
import org.glasslab.pipeline.task.PhysicsParams;

/** Small helpers shared by the physics stages: frame reading, index columns, avalanche frames. */
final class StageSupport {
  private StageSupport() {}

  /**
   * The pair potential of a stage whose input is {@code h5}: the {@code potential} key checked
   * against the potential the file records ({@link Potentials#resolve}).
   */
  static PairPotential potential(Params p, Path h5) throws IOException {
    String recorded;
    try (Trajectory t = H5md.read(h5, ReadOptions.DEFAULTS)) {
      recorded = t.potential();
    }
    return potential(p, recorded, h5.getFileName().toString());
  }

  /** The {@code potential} key resolved against {@code recorded} ({@code null}: none). */
  static PairPotential potential(Params p, String recorded, String source) {
    try {
      return Potentials.resolve(p.getString("potential", null), recorded, source);
    } catch (IllegalArgumentException e) {
      throw new ParamException("potential", e.getMessage());
    }
  }

  /** The stress {@code convention} key ({@link PhysicsParams#convention(String)}). */
  static org.glasslab.md.StressConvention convention(Params p) {
    return checked(
        "convention", () -> PhysicsParams.convention(p.getString("convention", "consistent")));
  }

  /** Every frame of an H5MD file, read serially (jhdf readers are not thread-safe). */
  static Configuration[] readAll(Path h5) throws IOException {
    try (Trajectory t = H5md.read(h5, ReadOptions.DEFAULTS)) {
      Configuration[] c = new Configuration[t.frameCount()];
      for (int k = 0; k < c.length; k++) {
        c[k] = t.frame(k);
      }
      return c;
    }
  }

  /** {@code 0, 1, ..., n-1} as ints (the frame column of per-frame tables). */
  static int[] frames(int n) {
    int[] f = new int[n];
    for (int k = 0; k < n; k++) {
      f[k] = k;
    }
    return f;
  }

  /** {@code 0, 1, ..., n-1} as doubles (x axis of series plots). */
  static double[] axis(int n) {
    double[] f = new double[n];
    for (int k = 0; k < n; k++) {
      f[k] = k;
    }
    return f;
  }

  /** Steps of the frames. */
  static long[] steps(Configuration[] c) {
    long[] s = new long[c.length];
    for (int k = 0; k < c.length; k++) {
      s[k] = c[k].step();
    }
    return s;
  }

  /**
   * The selected avalanche frame recorded by {@code avalanches} in {@code avalanches.csv} (the row
   * with {@code selected = 1}).
   */
  static int avalancheFrame(Path avalanchesCsv) throws IOException {
    Csv.Table t = Csv.read(avalanchesCsv);
    double[] frame = t.doubles("frame");
    double[] sel = t.doubles("selected");
    for (int r = 0; r < frame.length; r++) {
      if (sel[r] == 1) {
        return (int) frame[r];
      }
    }
    throw new IOException(avalanchesCsv + ": no row with selected = 1");
  }

  /** Reads and range-checks a non-negative double parameter. */
  static double nonNegative(Params p, String key, double def) {
    double v = p.getDouble(key, def);
    if (!(v >= 0) || !Double.isFinite(v)) {
      throw new ParamException(key, "must be finite and >= 0, got " + v);
    }
    return v;
  }

  /**
   * {@code body.get()}, with an {@link IllegalArgumentException} from a module's validation turned
   * into a {@link ParamException} for {@code key} ("" = the parameters as a whole) so that the spec
   * loader names the field.
   */
  static <T> T checked(String key, java.util.function.Supplier<T> body) {
    try {
      return body.get();
    } catch (ParamException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      throw new ParamException(key, e.getMessage());
    }
  }

  /** Clamps frame {@code k} into {@code [0, nf-1]}. */
  static int clamp(int k, int nf) {
    return Math.max(0, Math.min(nf - 1, k));
  }
}
