package org.glasslab.epm.propagator;

import org.apache.commons.math3.transform.DftNormalization;
import org.apache.commons.math3.transform.FastFourierTransformer;
import org.apache.commons.math3.transform.TransformType;

/**
 * Two-dimensional discrete Fourier transform of an {@code L x L} periodic field, used to build and
 * apply the Eshelby propagators. Fields are flat arrays {@code [L*L]}, site {@code (x, y)} at index
 * {@code y*L + x}. Forward: {@code F(k) = sum_r f(r) exp(-2 pi i k.r / L)}; inverse carries the
 * {@code 1/L^2} factor. Power-of-two sizes use the commons-math3 radix-2 FFT (O(L^2 log L)); other
 * sizes fall back to a direct separable DFT (O(L^3)), which is exact but slow.
 *
 * <p>Not thread-safe: an instance owns its line buffers.
 */
public final class Fft2 {
  private final int size;
  private final boolean power2;
  private final double[][] line;
  private final double[] cosTable;
  private final double[] sinTable;
  private final double[] tmpRe;
  private final double[] tmpIm;

  /**
   * Creates a transform for {@code size x size} fields.
   *
   * @throws IllegalArgumentException if {@code size < 2}
   */
  public Fft2(int size) {
    if (size < 2) {
      throw new IllegalArgumentException("lattice size must be at least 2, got " + size);
    }
    this.size = size;
    this.power2 = Integer.bitCount(size) == 1;
    this.line = new double[2][size];
    if (power2) {
      cosTable = null;
      sinTable = null;
      tmpRe = null;
      tmpIm = null;
    } else {
      cosTable = new double[size];
      sinTable = new double[size];
      for (int k = 0; k < size; k++) {
        double a = 2 * Math.PI * k / size;
        cosTable[k] = Math.cos(a);
        sinTable[k] = Math.sin(a);
      }
      tmpRe = new double[size];
      tmpIm = new double[size];
    }
  }

  /** Linear size L of the fields this transform accepts. */
  public int size() {
    return size;
  }

  /** Whether the fast radix-2 path is used (L a power of two). */
  public boolean isFast() {
    return power2;
  }

  /**
   * Forward transform in place.
   *
   * @param re real parts [L*L], modified
   * @param im imaginary parts [L*L], modified
   */
  public void forward(double[] re, double[] im) {
    transform(re, im, false);
  }

  /**
   * Inverse transform in place, including the {@code 1/L^2} normalisation.
   *
   * @param re real parts [L*L], modified
   * @param im imaginary parts [L*L], modified
   */
  public void inverse(double[] re, double[] im) {
    transform(re, im, true);
  }

  private void transform(double[] re, double[] im, boolean inverse) {
    int n = size;
    if (re.length != n * n || im.length != n * n) {
      throw new IllegalArgumentException(
          "field length " + re.length + "/" + im.length + " does not match L*L = " + n * n);
    }
    double[] lr = line[0];
    double[] li = line[1];
    // rows (along x)
    for (int y = 0; y < n; y++) {
      int o = y * n;
      System.arraycopy(re, o, lr, 0, n);
      System.arraycopy(im, o, li, 0, n);
      line1d(inverse);
      System.arraycopy(lr, 0, re, o, n);
      System.arraycopy(li, 0, im, o, n);
    }
    // columns (along y)
    for (int x = 0; x < n; x++) {
      for (int y = 0; y < n; y++) {
        lr[y] = re[y * n + x];
        li[y] = im[y * n + x];
      }
      line1d(inverse);
      for (int y = 0; y < n; y++) {
        re[y * n + x] = lr[y];
        im[y * n + x] = li[y];
      }
    }
  }

  /** Unnormalised forward / normalised inverse 1D transform of {@link #line}. */
  private void line1d(boolean inverse) {
    int n = size;
    if (power2) {
      FastFourierTransformer.transformInPlace(
          line, DftNormalization.STANDARD, inverse ? TransformType.INVERSE : TransformType.FORWARD);
      return;
    }
    double[] lr = line[0];
    double[] li = line[1];
    double sign = inverse ? 1.0 : -1.0;
    for (int k = 0; k < n; k++) {
      double sr = 0;
      double si = 0;
      int idx = 0;
      for (int j = 0; j < n; j++) {
        double c = cosTable[idx];
        double s = sign * sinTable[idx];
        sr += lr[j] * c - li[j] * s;
        si += lr[j] * s + li[j] * c;
        idx += k;
        if (idx >= n) {
          idx -= n;
        }
      }
      tmpRe[k] = sr;
      tmpIm[k] = si;
    }
    double f = inverse ? 1.0 / n : 1.0;
    for (int k = 0; k < n; k++) {
      lr[k] = tmpRe[k] * f;
      li[k] = tmpIm[k] * f;
    }
  }
}
