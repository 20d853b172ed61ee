package org.glasslab.testsupport;

import org.glasslab.data.Box;
import org.glasslab.data.Configuration;
import org.glasslab.data.random.Rng;

/**
 * Seeded synthetic frames for tests, benchmarks and demonstrations: jittered triangular lattices (a
 * dense, solid-like packing with realistic neighbour counts), affine images of them, and
 * reference/current frame pairs with thermal-like displacements. Not a model of a glass: physical
 * samples come from the MD engine.
 */
public final class SyntheticFrames {
  private SyntheticFrames() {}

  /**
   * Unwrapped positions of a jittered triangular lattice of nx x ny sites at number density {@code
   * density}; {@code out[0]} = positions [2N], {@code out[1]} = {Lx, Ly}.
   */
  public static double[][] lattice(int nx, int ny, double density, double jitter, long seed) {
    Rng rng = new Rng(seed);
    double a = Math.sqrt(2.0 / (Math.sqrt(3.0) * density));
    double lx = nx * a;
    double ly = ny * a * Math.sqrt(3.0) / 2.0;
    double[] u = new double[2 * nx * ny];
    int k = 0;
    for (int j = 0; j < ny; j++) {
      for (int i = 0; i < nx; i++) {
        u[k++] = (i + 0.5 * (j % 2)) * a + jitter * rng.nextGaussian();
        u[k++] = j * a * Math.sqrt(3.0) / 2.0 + jitter * rng.nextGaussian();
      }
    }
    return new double[][] {u, {lx, ly}};
  }

  /**
   * A reference/current pair of about {@code n} particles at density 0.9: a triangular lattice
   * jittered by 0.12 (reference) and the same particles displaced by Gaussian noise of 0.05 per
   * axis (current), wrapped into the box with images.
   *
   * @return {reference, current}
   */
  public static Configuration[] framePair(int n, long seed) {
    if (n < 16) {
      throw new IllegalArgumentException("need at least 16 particles, got " + n);
    }
    int nx = (int) Math.round(Math.sqrt(n * 2 / Math.sqrt(3.0)));
    nx += nx % 2;
    int ny = Math.max(4, n / nx + (n / nx) % 2);
    double[][] lat = lattice(nx, ny, 0.9, 0.12, seed);
    Box box = new Box(lat[1][0], lat[1][1]);
    Rng rng = new Rng(seed).derive(1);
    double[] u = lat[0];
    double[] v = new double[u.length];
    for (int k = 0; k < u.length; k++) {
      v[k] = u[k] + 0.05 * rng.nextGaussian();
    }
    return new Configuration[] {fromUnwrapped(box, u), fromUnwrapped(box, v)};
  }

  /**
   * A configuration of unit-diameter particles from unwrapped positions [2N] (not modified),
   * wrapped into {@code box} with images.
   */
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
