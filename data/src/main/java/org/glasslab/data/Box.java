package org.glasslab.data;

/**
 * A periodic rectangular 2D box {@code [0,Lx) x [0,Ly)}: the one place where periodic arithmetic
 * (minimum image, wrapping, unwrapping with integer images) is done.
 *
 * <p>Lengths are in units of the mean particle diameter. A position is stored wrapped into the box
 * together with an integer image per axis; the unwrapped coordinate is {@code x + ix * Lx}. The
 * minimum-image convention returns separations in {@code [-L/2, L/2]}.
 */
public final class Box {
  private final double lx;
  private final double ly;
  private final double invLx;
  private final double invLy;

  /**
   * Creates a box with edge lengths {@code lx} and {@code ly} [length].
   *
   * @throws IllegalArgumentException if an edge is not finite and positive
   */
  public Box(double lx, double ly) {
    if (!(lx > 0) || !Double.isFinite(lx)) {
      throw new IllegalArgumentException("box edge Lx must be finite and positive, got " + lx);
    }
    if (!(ly > 0) || !Double.isFinite(ly)) {
      throw new IllegalArgumentException("box edge Ly must be finite and positive, got " + ly);
    }
    this.lx = lx;
    this.ly = ly;
    this.invLx = 1.0 / lx;
    this.invLy = 1.0 / ly;
  }

  /** A square box holding {@code n} particles at number density {@code density}. */
  public static Box square(int n, double density) {
    if (n <= 0) {
      throw new IllegalArgumentException("particle number must be positive, got " + n);
    }
    if (!(density > 0) || !Double.isFinite(density)) {
      throw new IllegalArgumentException("density must be finite and positive, got " + density);
    }
    double l = Math.sqrt(n / density);
    return new Box(l, l);
  }

  /** Edge length along x [length]. */
  public double lx() {
    return lx;
  }

  /** Edge length along y [length]. */
  public double ly() {
    return ly;
  }

  /** Edge length along axis {@code d} (0 = x, 1 = y). */
  public double length(int d) {
    return d == 0 ? lx : ly;
  }

  /** Area {@code Lx * Ly} [length^2]. */
  public double area() {
    return lx * ly;
  }

  /** Minimum image of an x separation: the periodic copy of {@code dx} in {@code [-Lx/2, Lx/2]}. */
  public double minImageX(double dx) {
    return dx - lx * Math.rint(dx * invLx);
  }

  /** Minimum image of a y separation: the periodic copy of {@code dy} in {@code [-Ly/2, Ly/2]}. */
  public double minImageY(double dy) {
    return dy - ly * Math.rint(dy * invLy);
  }

  /** Minimum image along axis {@code d} (0 = x, 1 = y). */
  public double minImage(double delta, int d) {
    return d == 0 ? minImageX(delta) : minImageY(delta);
  }

  /**
   * The whole number of box lengths nearest to {@code dx / Lx} (an integer-valued double): {@code
   * minImageX(dx) == dx - Lx * imagesX(dx)}. The image shift that maps a pair separation onto its
   * minimum image is {@code -imagesX(dx)}.
   */
  public double imagesX(double dx) {
    return Math.rint(dx * invLx);
  }

  /** The whole number of box lengths nearest to {@code dy / Ly}; see {@link #imagesX}. */
  public double imagesY(double dy) {
    return Math.rint(dy * invLy);
  }

  /** An x coordinate wrapped into {@code [0, Lx)}. */
  public double wrapX(double x) {
    return x >= 0 && x < lx ? x : wrapped(x, 0);
  }

  /** A y coordinate wrapped into {@code [0, Ly)}. */
  public double wrapY(double y) {
    return y >= 0 && y < ly ? y : wrapped(y, 1);
  }

  private double wrapped(double coordinate, int d) {
    double[] out = new double[1];
    wrap(coordinate, d, out);
    return out[0];
  }

  /**
   * Wraps a coordinate along axis {@code d} into {@code [0, L)} and returns how many box lengths
   * were subtracted (the image shift); the wrapped value is written to {@code out[0]}.
   */
  public int wrap(double coordinate, int d, double[] out) {
    double l = length(d);
    double inv = d == 0 ? invLx : invLy;
    if (coordinate >= 0 && coordinate < l) {
      out[0] = coordinate;
      return 0;
    }
    int shift = (int) Math.floor(coordinate * inv);
    double w = coordinate - shift * l;
    // Rounding can land exactly on L (or a hair below 0): fold it back into [0, L).
    if (w >= l) {
      w -= l;
      shift++;
    } else if (w < 0) {
      w += l;
      shift--;
    }
    if (w >= l) {
      w = 0;
    }
    out[0] = w;
    return shift;
  }

  /**
   * Wraps every position into the box in place and adds the shifts to {@code images}.
   *
   * @param positions [2N] (x0,y0,x1,y1,...) [length], modified
   * @param images [2N] integer images, modified
   */
  public void wrapAll(double[] positions, int[] images) {
    double[] tmp = new double[1];
    for (int k = 0; k < positions.length; k++) {
      int shift = wrap(positions[k], k & 1, tmp);
      positions[k] = tmp[0];
      images[k] += shift;
    }
  }

  /**
   * Unwrapped positions {@code x + image * L}.
   *
   * @param positions [2N] wrapped [length], not modified
   * @param images [2N], not modified
   * @param out [2N] output, may be {@code null} to allocate
   * @return the unwrapped positions [2N] [length]
   */
  public double[] unwrap(double[] positions, int[] images, double[] out) {
    double[] u = out == null ? new double[positions.length] : out;
    for (int k = 0; k < positions.length; k++) {
      u[k] = positions[k] + images[k] * ((k & 1) == 0 ? lx : ly);
    }
    return u;
  }

  /** True when both edges are equal to the other box's bit for bit. */
  @Override
  public boolean equals(Object o) {
    return o instanceof Box b
        && Double.doubleToLongBits(b.lx) == Double.doubleToLongBits(lx)
        && Double.doubleToLongBits(b.ly) == Double.doubleToLongBits(ly);
  }

  @Override
  public int hashCode() {
    return Double.hashCode(lx) * 31 + Double.hashCode(ly);
  }

  @Override
  public String toString() {
    return "Box[" + lx + " x " + ly + "]";
  }
}
