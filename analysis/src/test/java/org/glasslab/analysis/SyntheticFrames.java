package org.glasslab.analysis;

import java.util.SplittableRandom;
import org.glasslab.data.Box;
import org.glasslab.data.Configuration;

/** Seeded synthetic frames for tests: jittered triangular lattices and affine images of them. */
public final class SyntheticFrames {
  private SyntheticFrames() {}

  /**
   * Unwrapped positions of a jittered triangular lattice of nx x ny sites at number density {@code
   * density}; {@code out[0]} = positions [2N], {@code out[1]} = {Lx, Ly}.
   */
  public static double[][] lattice(int nx, int ny, double density, double jitter, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    double a = Math.sqrt(2.0 / (Math.sqrt(3.0) * density));
    double lx = nx * a;
    double ly = ny * a * Math.sqrt(3.0) / 2.0;
    double[] u = new double[2 * nx * ny];
    int k = 0;
    for (int j = 0; j < ny; j++) {
      for (int i = 0; i < nx; i++) {
        u[k++] = (i + 0.5 * (j % 2)) * a + jitter * gauss(rng);
        u[k++] = j * a * Math.sqrt(3.0) / 2.0 + jitter * gauss(rng);
      }
    }
    return new double[][] {u, {lx, ly}};
  }

  /** A standard normal deviate (Box-Muller). */
  public static double gauss(SplittableRandom rng) {
    double u1 = 1.0 - rng.nextDouble();
    double u2 = rng.nextDouble();
    return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  }

  /** A configuration from unwrapped positions: wrapped into {@code box} with images. */
  public static Configuration fromUnwrapped(Box box, double[] unwrapped) {
    double[] x = unwrapped.clone();
    int[] im = new int[x.length];
    box.wrapAll(x, im);
    double[] d = new double[x.length / 2];
    java.util.Arrays.fill(d, 1.0);
    return new Configuration(box, x, im, d, null, null, null, 0, 0.0);
  }

  /** Same, with step and time. */
  public static Configuration fromUnwrapped(Box box, double[] unwrapped, long step, double time) {
    return fromUnwrapped(box, unwrapped).withStepAndTime(step, time);
  }

  /**
   * Applies {@code x -> F x + t} to every position.
   *
   * @param f row-major {Fxx, Fxy, Fyx, Fyy}
   */
  public static double[] affine(double[] u, double[] f, double tx, double ty) {
    double[] out = new double[u.length];
    for (int i = 0; i < u.length; i += 2) {
      out[i] = f[0] * u[i] + f[1] * u[i + 1] + tx;
      out[i + 1] = f[2] * u[i] + f[3] * u[i + 1] + ty;
    }
    return out;
  }
}
