package org.glasslab.epm.coarsegrain;

import org.glasslab.data.Box;

/**
 * Maps per-particle values (stress, D²min, strain …) onto an {@code L x L} grid of cells so that
 * particle simulations can be compared with the lattice EPM in the same units (one lattice site =
 * one cell). Cell (cx, cy) covers {@code [cx hx, (cx+1) hx) x [cy hy, (cy+1) hy)} with {@code hx =
 * Lx/L}, {@code hy = Ly/L}; grids are flat arrays {@code [L*L]}, cell (cx, cy) at {@code cy*L +
 * cx}, matching the lattice EPM site order. All periodic arithmetic goes through {@link Box}.
 *
 * <p>Averages ({@link #average}, intensive fields such as D²min) are weighted means {@code Σ_p w_p
 * v_p / Σ_p w_p} over the particles with a finite value; a cell with no weight gets NaN. Densities
 * ({@link #density}, extensive fields such as the stress as virial per area) conserve the total.
 */
public final class CoarseGrainer {
  private final Box box;
  private final CoarseGrainOptions options;
  private final int size;
  private final double hx;
  private final double hy;

  /** A coarse grainer for {@code box} with the given options. */
  public CoarseGrainer(Box box, CoarseGrainOptions options) {
    if (box == null || options == null) {
      throw new IllegalArgumentException("box and options must be set");
    }
    this.box = box;
    this.options = options;
    this.size = options.gridSize();
    this.hx = box.lx() / size;
    this.hy = box.ly() / size;
    if (options.kernel() == Kernel.GAUSSIAN
        && 3 * options.width() > 0.5 * Math.min(box.lx(), box.ly())) {
      throw new IllegalArgumentException(
          "Gaussian cutoff 3w = "
              + 3 * options.width()
              + " exceeds half the box width "
              + 0.5 * Math.min(box.lx(), box.ly())
              + "; use a smaller width");
    }
  }

  /** Grid size L. */
  public int gridSize() {
    return size;
  }

  /** Cell area hx·hy [length^2]: the particle-side area of one lattice site. */
  public double cellArea() {
    return hx * hy;
  }

  /** Cell size along x [length]. */
  public double cellSizeX() {
    return hx;
  }

  /** Cell size along y [length]. */
  public double cellSizeY() {
    return hy;
  }

  private int cellIndex(double x, double y) {
    double wx = box.wrapX(x);
    double wy = box.wrapY(y);
    int cx = Math.min(size - 1, (int) (wx / hx));
    int cy = Math.min(size - 1, (int) (wy / hy));
    return cy * size + cx;
  }

  /**
   * Weighted cell averages of per-particle values.
   *
   * @param positions [2N] (x0,y0,x1,y1,…) [length], not modified (wrapped or not)
   * @param values [N] per-particle values, not modified; non-finite values (e.g. D²min of a
   *     particle without a fit) are skipped
   * @param out [L*L] destination, modified; allocated when null
   * @return {@code out}: cell averages (NaN for cells without weight)
   */
  public double[] average(double[] positions, double[] values, double[] out) {
    int n = values.length;
    if (positions.length != 2 * n) {
      throw new IllegalArgumentException(
          "positions length " + positions.length + " != 2 * values length " + n);
    }
    double[] o = out == null ? new double[size * size] : out;
    double[] w = new double[size * size];
    java.util.Arrays.fill(o, 0);
    if (options.kernel() == Kernel.CELL) {
      for (int p = 0; p < n; p++) {
        if (!Double.isFinite(values[p])) {
          continue;
        }
        int c = cellIndex(positions[2 * p], positions[2 * p + 1]);
        o[c] += values[p];
        w[c] += 1;
      }
    } else {
      Stencil st = new Stencil();
      for (int p = 0; p < n; p++) {
        if (!Double.isFinite(values[p])) {
          continue;
        }
        int m = st.fill(positions[2 * p], positions[2 * p + 1]);
        for (int k = 0; k < m; k++) {
          o[st.cell[k]] += st.weight[k] * values[p];
          w[st.cell[k]] += st.weight[k];
        }
      }
    }
    for (int c = 0; c < o.length; c++) {
      o[c] = w[c] > 0 ? o[c] / w[c] : Double.NaN;
    }
    return o;
  }

  /**
   * Extensive coarse graining (conserves the total): each particle carries {@code values[p] *
   * particleArea} (e.g. its stress times its area = its virial), spread over the cells with weights
   * normalized per particle (cell kernel: all to its own cell; Gaussian: {@code exp(-d^2/2w^2)}
   * over the cells within 3w divided by their sum), and each cell's content is divided by the cell
   * area. Hence {@code Σ_cells out[c] · cellArea = Σ_p values[p] · particleArea} for both kernels
   * (to rounding), and a uniform field of density one particle per {@code particleArea} maps to
   * itself on average. For stresses this is the coarse-grained (Irving–Kirkwood-type) stress:
   * virial in the cell over the cell area.
   *
   * @param positions [2N] (x0,y0,x1,y1,…) [length], not modified (wrapped or not)
   * @param values [N] per-particle densities (e.g. per-particle stress [energy/length^2]), not
   *     modified
   * @param particleArea area carried by each particle [length^2] (e.g. A/N)
   * @param out [L*L] destination [units of values], modified; allocated when null
   * @return {@code out}
   */
  public double[] density(double[] positions, double[] values, double particleArea, double[] out) {
    int n = values.length;
    if (positions.length != 2 * n) {
      throw new IllegalArgumentException(
          "positions length " + positions.length + " != 2 * values length " + n);
    }
    if (!(particleArea > 0) || !Double.isFinite(particleArea)) {
      throw new IllegalArgumentException(
          "particle area must be finite and positive, got " + particleArea);
    }
    double[] o = out == null ? new double[size * size] : out;
    java.util.Arrays.fill(o, 0);
    double inv = particleArea / cellArea();
    if (options.kernel() == Kernel.CELL) {
      for (int p = 0; p < n; p++) {
        o[cellIndex(positions[2 * p], positions[2 * p + 1])] += values[p] * inv;
      }
      return o;
    }
    Stencil st = new Stencil();
    for (int p = 0; p < n; p++) {
      int m = st.fill(positions[2 * p], positions[2 * p + 1]);
      double sum = 0;
      for (int k = 0; k < m; k++) {
        sum += st.weight[k];
      }
      double f = values[p] * inv / sum;
      for (int k = 0; k < m; k++) {
        o[st.cell[k]] += f * st.weight[k];
      }
    }
    return o;
  }

  /** The Gaussian stencil of one particle: cells within 3w and their weights (reused buffers). */
  private final class Stencil {
    final int[] cell = new int[size * size];
    final double[] weight = new double[size * size];

    /** Fills the cells within 3w of (x, y); returns their number (at least the home cell). */
    int fill(double x, double y) {
      double s = options.width();
      double inv2s2 = 1 / (2 * s * s);
      double cut2 = 9 * s * s;
      int rx = (int) Math.ceil(3 * s / hx) + 1;
      int ry = (int) Math.ceil(3 * s / hy) + 1;
      boolean allX = 2 * rx + 1 >= size;
      boolean allY = 2 * ry + 1 >= size;
      int spanX = allX ? size : 2 * rx + 1;
      int spanY = allY ? size : 2 * ry + 1;
      int home = cellIndex(x, y);
      int x0 = allX ? 0 : home % size - rx;
      int y0 = allY ? 0 : home / size - ry;
      int m = 0;
      for (int j = 0; j < spanY; j++) {
        int cy = Math.floorMod(y0 + j, size);
        double ddy = box.minImageY((cy + 0.5) * hy - y);
        for (int i = 0; i < spanX; i++) {
          int cx = Math.floorMod(x0 + i, size);
          double ddx = box.minImageX((cx + 0.5) * hx - x);
          double d2 = ddx * ddx + ddy * ddy;
          if (d2 <= cut2) {
            cell[m] = cy * size + cx;
            weight[m++] = Math.exp(-d2 * inv2s2);
          }
        }
      }
      if (m == 0) {
        cell[0] = home;
        weight[0] = 1;
        m = 1;
      }
      return m;
    }
  }

  /**
   * Number of particles per cell.
   *
   * @param positions [2N] [length], not modified
   */
  public int[] counts(double[] positions) {
    int[] c = new int[size * size];
    for (int p = 0; p < positions.length / 2; p++) {
      c[cellIndex(positions[2 * p], positions[2 * p + 1])]++;
    }
    return c;
  }

  /**
   * Rearranging area: number of cells whose coarse-grained value exceeds {@code threshold}, times
   * the cell area [length^2]. With D²min as the value this is the particle-side counterpart of an
   * EPM avalanche's area (distinct failed sites × cell area).
   *
   * @param grid [L*L] coarse-grained field, not modified (NaN cells never count)
   */
  public double areaAbove(double[] grid, double threshold) {
    int k = 0;
    for (double v : grid) {
      if (v > threshold) {
        k++;
      }
    }
    return k * cellArea();
  }
}
