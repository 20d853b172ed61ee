package org.glasslab.pipeline.engine;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.glasslab.data.Box;
import org.glasslab.data.Configuration;
import org.glasslab.data.MemoryTrajectory;
import org.glasslab.data.TimeSeries;
import org.glasslab.data.io.TrajectoryIO;

/** Small random trajectories with an observable, written in any format, for pipeline tests. */
public final class Samples {
  private Samples() {}

  /** {@code frames} frames of {@code n} particles with observable {@code energy}; seeded. */
  public static MemoryTrajectory trajectory(int n, int frames, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    Box box = Box.square(n, 0.9);
    double[] d = new double[n];
    for (int i = 0; i < n; i++) {
      d[i] = 1 + 0.1 * r.nextGaussian();
    }
    List<Configuration> list = new ArrayList<>();
    long[] steps = new long[frames];
    double[] times = new double[frames];
    double[] energy = new double[frames];
    for (int k = 0; k < frames; k++) {
      double[] x = new double[2 * n];
      int[] img = new int[2 * n];
      for (int j = 0; j < 2 * n; j++) {
        x[j] = r.nextDouble() * box.lx();
      }
      steps[k] = 10L * k;
      times[k] = 0.03 * k;
      energy[k] = -2 + 0.1 * r.nextGaussian();
      list.add(new Configuration(box, x, img, d, null, null, null, steps[k], times[k]));
    }
    return new MemoryTrajectory(
        list, Map.of("energy", TimeSeries.scalar("energy", steps, times, energy)));
  }

  /** Writes a sample trajectory to {@code file} (format from the extension). */
  public static Path write(Path file, int n, int frames, long seed) throws Exception {
    TrajectoryIO.write(file, trajectory(n, frames, seed));
    return file;
  }
}
