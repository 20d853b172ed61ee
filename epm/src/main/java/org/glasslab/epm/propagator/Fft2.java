package org.glasslab.epm.propagator;

import org.jtransforms.fft.DoubleFFT_2D;
import pl.edu.icm.jlargearrays.ConcurrencyUtils;

/**
 * Two-dimensional discrete Fourier transform of an {@code L x L} periodic field, used to build and
 * apply the Eshelby propagators. Fields are flat arrays {@code [L*L]}, site {@code (x, y)} at index
 * {@code y*L + x}. Forward: {@code F(k) = sum_r f(r) exp(-2 pi i k.r / L)}; inverse carries the
 * {@code 1/L^2} factor. Any L: JTransforms (mixed radix and Bluestein, O(L^2 log L)); it runs
 * single-threaded here because lattice runs parallelise over samples.
 *
 * <p>Not thread-safe: an instance owns its interleaved buffer.
 */
public final class Fft2 {
  static {
    // JTransforms' own thread pool would compete with the sample-parallel runs on few cores
    ConcurrencyUtils.setNumberOfThreads(1);
  }

  private final int size;
  private final DoubleFFT_2D fft;
  private final double[] buf;

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
    this.fft = new DoubleFFT_2D(size, size);
    this.buf = new double[2 * size * size];
  }

  /** Linear size L of the fields this transform accepts. */
  public int size() {
    return size;
  }

  /**
   * Forward transform in place.
   *
   * @param re real parts [L*L], modified
   * @param im imaginary parts [L*L], modified
   */
  public void forward(double[] re, double[] im) {
    pack(re, im);
    fft.complexForward(buf);
    unpack(re, im);
  }

  /**
   * Inverse transform in place, including the {@code 1/L^2} normalisation.
   *
   * @param re real parts [L*L], modified
   * @param im imaginary parts [L*L], modified
   */
  public void inverse(double[] re, double[] im) {
    pack(re, im);
    fft.complexInverse(buf, true);
    unpack(re, im);
  }

  private void pack(double[] re, double[] im) {
    int n = size * size;
    if (re.length != n || im.length != n) {
      throw new IllegalArgumentException(
          "field length " + re.length + "/" + im.length + " does not match L*L = " + n);
    }
    for (int i = 0; i < n; i++) {
      buf[2 * i] = re[i];
      buf[2 * i + 1] = im[i];
    }
  }

  private void unpack(double[] re, double[] im) {
    int n = size * size;
    for (int i = 0; i < n; i++) {
      re[i] = buf[2 * i];
      im[i] = buf[2 * i + 1];
    }
  }
}
