package org.glasslab.data.geometry;

import java.util.Arrays;
import org.glasslab.data.Box;

/**
 * The one periodic cell list of the project: particles binned into a grid of cells at least as wide
 * as a range, so every pair closer than the range sits in the same or in adjacent cells. Analyses
 * visit pairs through it ({@link #forEachPair} each pair once, {@link #forEachNeighbour} each
 * particle's neighbours, {@link PairList} as arrays); md-engine's Verlet list builds on its binning
 * and its {@link #halfStencil image stencil}.
 *
 * <p>Grid: {@code floor(L / range)} cells per axis (a hair fewer, so that rounding in the binning
 * can never separate a pair by two cells), at most {@value #MAX_CELLS_PER_SIDE} per axis and
 * {@value #MAX_CELLS} in all. An axis that would get fewer than three cells gets one: adjacent
 * cells are then all distinct, and the visits stay correct for small and narrow boxes (down to the
 * plain double loop when both axes have one cell).
 *
 * <p>Positions may be wrapped or not: binning wraps through {@link Box}, and separations are {@link
 * Box#minImageX minimum images} of {@code x_j - x_i}, bit for bit what a double loop over all pairs
 * computes. A pair is listed when {@code r^2 < range^2} (strictly). Not thread-safe: a visit
 * re-bins into the list's own arrays (no allocation once they have grown to N).
 */
public final class CellList {
  /** Most cells along one axis. */
  public static final int MAX_CELLS_PER_SIDE = 4096;

  /** Most cells in all (4 MB of cell offsets). */
  public static final int MAX_CELLS = 1 << 20;

  /** Image code of a neighbour listed without a periodic shift; see {@link #imageCode}. */
  public static final int NO_SHIFT = 4;

  // Cells are made wider than the range by this relative margin: positions within a few ulps of
  // a cell edge may be binned to the other side, which then still is an adjacent cell.
  private static final double MARGIN = 1e-9;
  // Half stencil besides the own cell: four of the eight neighbours, so each pair of cells is
  // visited from one side only.
  private static final int[] HALF_X = {1, 1, 0, -1};
  private static final int[] HALF_Y = {0, 1, 1, 1};

  private final Box box;
  private final double range;
  private final double range2;
  private final int ncx;
  private final int ncy;
  private final double scaleX;
  private final double scaleY;
  private final int[] cellStart;
  private final int[] fill;
  private final int[] stencil = new int[9];
  private int n;
  private int[] cellOf = new int[0];
  private int[] cellParticles = new int[0];

  private CellList(Box box, double range) {
    this.box = box;
    this.range = range;
    this.range2 = range * range;
    int nx = cellsAlong(box.lx(), range);
    int ny = cellsAlong(box.ly(), range);
    if ((long) nx * ny > MAX_CELLS) {
      double f = Math.sqrt((double) MAX_CELLS / ((long) nx * ny));
      nx = Math.max(1, (int) (nx * f));
      ny = Math.max(1, (int) (ny * f));
    }
    this.ncx = nx < 3 ? 1 : nx;
    this.ncy = ny < 3 ? 1 : ny;
    this.scaleX = ncx / box.lx();
    this.scaleY = ncy / box.ly();
    this.cellStart = new int[ncx * ncy + 1];
    this.fill = new int[ncx * ncy];
  }

  private static int cellsAlong(double length, double range) {
    double c = Math.floor(length / (range * (1 + MARGIN)));
    return (int) Math.max(1, Math.min(MAX_CELLS_PER_SIDE, c));
  }

  private static void checkRange(double range, String name) {
    if (!(range > 0) || !Double.isFinite(range)) {
      throw new IllegalArgumentException(name + " must be finite and positive, got " + range);
    }
  }

  /**
   * A cell list for minimum-image pair search up to {@code cutoff}: with {@code cutoff <= L/2} on
   * both axes each pair has at most one periodic image closer than the cutoff.
   *
   * @param box the periodic box
   * @param cutoff pair distance [length], {@code 0 < cutoff <= min(Lx, Ly) / 2}
   * @throws IllegalArgumentException if the cutoff is not positive or exceeds half a box edge
   */
  public static CellList of(Box box, double cutoff) {
    checkRange(cutoff, "cutoff");
    double half = 0.5 * Math.min(box.lx(), box.ly());
    if (!(cutoff <= half)) {
      throw new IllegalArgumentException(
          "cutoff "
              + cutoff
              + " exceeds half the smallest box edge "
              + half
              + " (box "
              + box.lx()
              + " x "
              + box.ly()
              + "); use a smaller cutoff or a larger system");
    }
    return new CellList(box, cutoff);
  }

  /**
   * A cell list for lists that store periodic images themselves ({@link #halfStencil}), such as a
   * Verlet list: the range may reach the box width, and several images of one pair can then be in
   * range.
   *
   * @param box the periodic box
   * @param range listing distance [length], {@code 0 < range <= min(Lx, Ly)}
   * @throws IllegalArgumentException if the range is not positive or exceeds a box edge
   */
  public static CellList withImages(Box box, double range) {
    checkRange(range, "range");
    double lmin = Math.min(box.lx(), box.ly());
    if (!(range <= lmin)) {
      throw new IllegalArgumentException(
          "range "
              + range
              + " exceeds the box width "
              + lmin
              + " (box "
              + box.lx()
              + " x "
              + box.ly()
              + ")");
    }
    return new CellList(box, range);
  }

  /** The periodic box. */
  public Box box() {
    return box;
  }

  /** The range the grid was sized for [length]; visits list pairs with {@code r < range}. */
  public double range() {
    return range;
  }

  /** Cells along x (1 or at least 3). */
  public int cellsX() {
    return ncx;
  }

  /** Cells along y (1 or at least 3). */
  public int cellsY() {
    return ncy;
  }

  /** Number of particles of the last {@link #bin}. */
  public int size() {
    return n;
  }

  /**
   * Cell index {@code cx + cellsX * cy} of a position (x, y) [length], wrapped or not (wrapped
   * positions take a branch-light fast path).
   */
  public int cellIndex(double x, double y) {
    int cx = (int) (x * scaleX);
    int cy = (int) (y * scaleY);
    if (cx >= ncx || x < 0) {
      cx = Math.min(ncx - 1, (int) (box.wrapX(x) * scaleX));
    }
    if (cy >= ncy || y < 0) {
      cy = Math.min(ncy - 1, (int) (box.wrapY(y) * scaleY));
    }
    return cx + ncx * cy;
  }

  /**
   * Bins particles into cells (a stable counting sort: within a cell, particles ascend by index).
   * Afterwards {@link #cellOf}, {@link #cellStart} and {@link #cellParticles} describe the grid.
   *
   * @param x [2N] positions (x0,y0,x1,y1,...) [length], wrapped or not, not modified
   */
  public void bin(double[] x) {
    if ((x.length & 1) != 0) {
      throw new IllegalArgumentException("positions must have even length 2N, got " + x.length);
    }
    int count = x.length / 2;
    if (cellOf.length < count) {
      cellOf = new int[count];
      cellParticles = new int[count];
    }
    n = count;
    final int[] of = cellOf;
    final int[] start = cellStart;
    final int nCells = ncx * ncy;
    Arrays.fill(start, 0);
    for (int i = 0; i < count; i++) {
      int c = cellIndex(x[2 * i], x[2 * i + 1]);
      of[i] = c;
      start[c + 1]++;
    }
    for (int c = 0; c < nCells; c++) {
      start[c + 1] += start[c];
    }
    System.arraycopy(start, 0, fill, 0, nCells);
    for (int i = 0; i < count; i++) {
      cellParticles[fill[of[i]]++] = i;
    }
  }

  /** Cell of each particle [N] after {@link #bin}; live array, do not modify. */
  public int[] cellOf() {
    return cellOf;
  }

  /**
   * Cell offsets [cells + 1] after {@link #bin}: cell c holds {@code cellParticles[cellStart[c] ..
   * cellStart[c+1])}. Live array, do not modify.
   */
  public int[] cellStart() {
    return cellStart;
  }

  /** Particle indices grouped by cell [N] after {@link #bin}; live array, do not modify. */
  public int[] cellParticles() {
    return cellParticles;
  }

  /**
   * Image code of a neighbour taken at its periodic image {@code (x_j + kx Lx, y_j + ky Ly)}, for
   * {@code kx, ky} in {-1, 0, 1}: {@code (kx + 1) + 3 (ky + 1)}, in [0, 9).
   */
  public static int imageCode(int kx, int ky) {
    return (kx + 1) + 3 * (ky + 1);
  }

  /**
   * The four neighbour cells of the half stencil of cell {@code c} with the periodic image of each,
   * for lists that store images. Together with the own cell (pairs {@code j > i}, {@link
   * #NO_SHIFT}), visiting these from every particle lists each pair image within the range exactly
   * once, for any grid (on a one-cell axis the same cell appears with different images; a
   * particle's own image can then be listed and is for the caller to skip).
   *
   * @param c a cell index
   * @param cells [4] the neighbour cells, overwritten
   * @param codes [4] their {@link #imageCode image codes}, overwritten
   */
  public void halfStencil(int c, int[] cells, int[] codes) {
    final int cx = c % ncx;
    final int cy = c / ncx;
    for (int s = 0; s < 4; s++) {
      int nx = cx + HALF_X[s];
      int ny = cy + HALF_Y[s];
      int kx = 0;
      int ky = 0;
      if (nx >= ncx) {
        nx -= ncx;
        kx = 1;
      } else if (nx < 0) {
        nx += ncx;
        kx = -1;
      }
      if (ny >= ncy) {
        ny -= ncy;
        ky = 1;
      }
      codes[s] = imageCode(kx, ky);
      cells[s] = nx + ncx * ny;
    }
  }

  /**
   * Distinct cells to search from cell c for minimum-image visits: the half stencil without the own
   * cell, or with {@code full} the own cell and all eight neighbours; offsets along a one-cell axis
   * are dropped (that cell is the own one).
   */
  private int neighbourCells(int c, boolean full, int[] out) {
    final int cx = c % ncx;
    final int cy = c / ncx;
    int m = 0;
    for (int oy = -1; oy <= 1; oy++) {
      for (int ox = -1; ox <= 1; ox++) {
        boolean half = oy > 0 || (oy == 0 && ox > 0);
        if ((!full && !half) || (ox != 0 && ncx == 1) || (oy != 0 && ncy == 1)) {
          continue;
        }
        out[m++] = Math.floorMod(cx + ox, ncx) + ncx * Math.floorMod(cy + oy, ncy);
      }
    }
    return m;
  }

  /**
   * Visits every unordered pair closer than the range once, as {@code (i, j)} with {@code i < j}
   * and the minimum-image separation {@code r_j - r_i}. Re-bins {@code x} first.
   *
   * @param x [2N] positions [length], wrapped or not, not modified
   * @param visitor receives the pairs
   */
  public void forEachPair(double[] x, PairVisitor visitor) {
    bin(x);
    final int[] nb = stencil;
    final int[] start = cellStart;
    final int[] members = cellParticles;
    for (int i = 0; i < n; i++) {
      final double xi = x[2 * i];
      final double yi = x[2 * i + 1];
      final int c = cellOf[i];
      for (int k = start[c], e = start[c + 1]; k < e; k++) {
        final int j = members[k];
        if (j > i) {
          visit(x, i, j, xi, yi, visitor);
        }
      }
      final int m = neighbourCells(c, false, nb);
      for (int s = 0; s < m; s++) {
        for (int k = start[nb[s]], e = start[nb[s] + 1]; k < e; k++) {
          visit(x, i, members[k], xi, yi, visitor);
        }
      }
    }
  }

  /**
   * Tests pair (i, j) and reports it as (min, max) with the separation of the larger minus the
   * smaller.
   */
  private void visit(double[] x, int i, int j, double xi, double yi, PairVisitor visitor) {
    final double xj = x[2 * j];
    final double yj = x[2 * j + 1];
    final boolean up = i < j;
    // the same subtraction as a double loop over a < b (no -0.0 from negating a zero separation)
    final double dx = box.minImageX(up ? xj - xi : xi - xj);
    final double dy = box.minImageY(up ? yj - yi : yi - yj);
    final double r2 = dx * dx + dy * dy;
    if (r2 < range2) {
      visitor.pair(up ? i : j, up ? j : i, dx, dy, r2);
    }
  }

  /**
   * Visits, for every particle i in ascending order, each neighbour j closer than the range (every
   * pair twice, once from each side) with the minimum-image separation {@code r_j - r_i}. Within
   * one i the neighbours come in cell order, not sorted. Re-bins {@code x} first.
   *
   * @param x [2N] positions [length], wrapped or not, not modified
   * @param visitor receives (i, j) pairs
   */
  public void forEachNeighbour(double[] x, PairVisitor visitor) {
    bin(x);
    final int[] nb = stencil;
    final int[] start = cellStart;
    final int[] members = cellParticles;
    for (int i = 0; i < n; i++) {
      final double xi = x[2 * i];
      final double yi = x[2 * i + 1];
      final int c = cellOf[i];
      final int m = neighbourCells(c, true, nb);
      for (int s = 0; s < m; s++) {
        for (int k = start[nb[s]], e = start[nb[s] + 1]; k < e; k++) {
          final int j = members[k];
          if (j != i) {
            final double dx = box.minImageX(x[2 * j] - xi);
            final double dy = box.minImageY(x[2 * j + 1] - yi);
            final double r2 = dx * dx + dy * dy;
            if (r2 < range2) {
              visitor.pair(i, j, dx, dy, r2);
            }
          }
        }
      }
    }
  }
}
