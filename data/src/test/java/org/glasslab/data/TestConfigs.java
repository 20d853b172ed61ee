package org.glasslab.data;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Random configurations for tests: awkward doubles, non-zero images, optional extras. */
public final class TestConfigs {
  private TestConfigs() {}

  /** A random configuration of {@code n} particles with images, velocities, ids and types. */
  public static Configuration random(int n, long seed, boolean extras) {
    SplittableRandom r = new SplittableRandom(seed);
    Box box = new Box(Math.sqrt(n / 0.9) * (1 + r.nextDouble() * 1e-3), Math.sqrt(n / 0.9));
    double[] x = new double[2 * n];
    int[] img = new int[2 * n];
    double[] d = new double[n];
    double[] v = new double[2 * n];
    int[] ids = new int[n];
    int[] types = new int[n];
    for (int i = 0; i < n; i++) {
      x[2 * i] = r.nextDouble() * box.lx();
      x[2 * i + 1] = r.nextDouble() * box.ly();
      img[2 * i] = r.nextInt(-3, 4);
      img[2 * i + 1] = r.nextInt(-3, 4);
      d[i] = 1 + 0.11 * r.nextGaussian() * 0.5;
      v[2 * i] = r.nextGaussian();
      v[2 * i + 1] = r.nextGaussian();
      ids[i] = 10 + 3 * i;
      types[i] = 1 + r.nextInt(3);
    }
    if (n > 0) {
      x[0] = 0.0; // the lower edge is inside the box
      x[1] = Math.nextDown(box.ly()); // the largest coordinate below Ly
    }
    return extras
        ? new Configuration(box, x, img, d, v, ids, types, 42, 42 * 0.003)
        : new Configuration(box, x, img, d, null, null, null, 0, 0.0);
  }

  /** A trajectory of {@code frames} random frames of the same particles. */
  public static MemoryTrajectory trajectory(int n, int frames, long seed, boolean extras) {
    Configuration c0 = random(n, seed, extras);
    List<Configuration> list = new ArrayList<>();
    SplittableRandom r = new SplittableRandom(seed + 1);
    for (int k = 0; k < frames; k++) {
      double[] x = c0.positions();
      int[] img = c0.images();
      for (int j = 0; j < x.length; j++) {
        x[j] += 0.3 * r.nextGaussian();
      }
      c0.box().wrapAll(x, img);
      double[] v = extras ? c0.velocities() : null;
      list.add(
          new Configuration(
              c0.box(),
              x,
              img,
              c0.diameters(),
              v,
              c0.ids(),
              c0.types(),
              1L << k,
              (1L << k) * 0.003));
    }
    return MemoryTrajectory.of(list);
  }
}
