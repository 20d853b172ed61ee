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
    writeFile(file, trajectory(n, frames, seed));
    return file;
  }

  /**
   * Writes 120 frames of 480 unit disks vibrating around jittered triangular-lattice sites (density
   * 0.9); 25 of them hop by 0.6 diameters at frame {@code hopFrame}. Steps 1000 (f + 1), times 3 f.
   */
  public static Path hopping(Path file, int hopFrame) throws Exception {
    int nx = 20;
    int ny = 24;
    double a = Math.sqrt(2.0 / (Math.sqrt(3.0) * 0.9));
    Box box = new Box(nx * a, ny * a * Math.sqrt(3.0) / 2.0);
    SplittableRandom rng = new SplittableRandom(4);
    int n = nx * ny;
    double[] sites = new double[2 * n];
    for (int j = 0; j < ny; j++) {
      for (int i = 0; i < nx; i++) {
        sites[2 * (j * nx + i)] = (i + 0.5 * (j % 2)) * a + 0.08 * gauss(rng);
        sites[2 * (j * nx + i) + 1] = j * a * Math.sqrt(3.0) / 2.0 + 0.08 * gauss(rng);
      }
    }
    double[] d = new double[n];
    java.util.Arrays.fill(d, 1.0);
    List<Configuration> frames = new ArrayList<>();
    for (int f = 0; f < 120; f++) {
      double[] x = new double[2 * n];
      for (int k = 0; k < x.length; k++) {
        int i = k / 2;
        boolean hops = f >= hopFrame && i % 20 == 7 && i < 500;
        x[k] = sites[k] + 0.04 * gauss(rng) + (hops && (k & 1) == 0 ? 0.6 : 0);
      }
      int[] im = new int[2 * n];
      box.wrapAll(x, im);
      frames.add(new Configuration(box, x, im, d, null, null, null, 1000L * (f + 1), 3.0 * f));
    }
    writeFile(file, MemoryTrajectory.of(frames));
    return file;
  }

  /**
   * Writes {@code t} as one file in the format of the extension: an H5MD sample is one whole file
   * (as another program would write it), never a segmented directory however long.
   */
  static void writeFile(Path file, MemoryTrajectory t) throws Exception {
    if (org.glasslab.data.io.Format.of(file) == org.glasslab.data.io.Format.H5MD) {
      org.glasslab.data.io.H5md.write(file, t);
    } else {
      TrajectoryIO.write(file, t);
    }
  }

  private static double gauss(SplittableRandom rng) {
    return Math.sqrt(-2 * Math.log(1 - rng.nextDouble()))
        * Math.cos(2 * Math.PI * rng.nextDouble());
  }
}
