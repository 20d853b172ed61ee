package org.glasslab.md;

import java.util.Arrays;
import org.glasslab.data.Box;
import org.glasslab.data.geometry.CellList;

/**
 * A half Verlet list (each pair once, Newton's third law) with a skin, built on the shared {@link
 * CellList} (its binning and its image stencil): it lists every pair image closer than {@code rList
 * = cutoff + skin} at build time and stays valid until some particle has moved more than {@code
 * skin/2} since the build. The build loop itself stays here: it is the MD hot path (per-pair
 * cutoffs, packed image codes, branch-free appends).
 *
 * <p>Periodic images are stored, not recomputed: each entry packs the neighbour index {@code j} and
 * a shift code, so the separation is {@code x_i - x_j + shift} without any minimum-image arithmetic
 * in the force loop. This is exact as long as the positions handed to the force loop are the
 * build-time positions plus continuous displacements (not re-wrapped in between), which is how
 * {@link Simulation} uses it. Because every image within {@code rList} is listed, boxes with fewer
 * than three cells per side (one cell on that axis) are handled correctly: the half stencil then
 * reaches the same cell through different images, each listed exactly once.
 *
 * <p>Errors are never silent: a cutoff of half the box or more, {@code cutoff + skin} exceeding the
 * box, or a particle with more than {@code maxNeighbours} listed neighbours (a collapsed or
 * overlapping configuration) throw.
 */
public final class NeighbourList {
  /** Bits of a packed entry used by the shift code; the neighbour index is {@code entry >>> 4}. */
  public static final int SHIFT_BITS = 4;

  private static final int SHIFT_MASK = (1 << SHIFT_BITS) - 1;

  private final Box box;
  private final int n;
  private final double cutoff;
  private final double skin;
  private final double rList2;
  private final double halfSkin2;
  private final int maxNeighbours;
  private final CellList cells;
  private final double[] shiftX = new double[9];
  private final double[] shiftY = new double[9];

  private final int[] stencilCell = new int[4];
  private final int[] stencilCode = new int[4];
  private final int[] start;
  private int[] entries;
  private final double[] xBuild;
  private long builds;

  /**
   * Creates an empty list; call {@link #build} before use.
   *
   * @param box the periodic box
   * @param n number of particles
   * @param cutoff the largest interaction range of any pair [length]
   * @param skin extra range kept in the list [length], &ge; 0
   * @param maxNeighbours the largest number of half-list entries one particle may have before the
   *     configuration is declared collapsed (error)
   * @throws IllegalArgumentException for an impossible cutoff/box/skin combination
   */
  public NeighbourList(Box box, int n, double cutoff, double skin, int maxNeighbours) {
    if (n < 1) {
      throw new IllegalArgumentException("particle number must be positive, got " + n);
    }
    if (n > (Integer.MAX_VALUE >>> SHIFT_BITS)) {
      throw new IllegalArgumentException("too many particles for the packed neighbour list: " + n);
    }
    if (!(cutoff > 0) || !Double.isFinite(cutoff)) {
      throw new IllegalArgumentException("cutoff must be finite and positive, got " + cutoff);
    }
    if (!(skin >= 0) || !Double.isFinite(skin)) {
      throw new IllegalArgumentException("skin must be finite and >= 0, got " + skin);
    }
    if (maxNeighbours < 1) {
      throw new IllegalArgumentException("maxNeighbours must be >= 1, got " + maxNeighbours);
    }
    double lmin = Math.min(box.lx(), box.ly());
    if (!(cutoff < 0.5 * lmin)) {
      throw new IllegalArgumentException(
          "cutoff "
              + cutoff
              + " must be smaller than half the box width "
              + 0.5 * lmin
              + "; use more particles or a larger box");
    }
    double rList = cutoff + skin;
    if (rList > lmin) {
      throw new IllegalArgumentException(
          "cutoff + skin = "
              + rList
              + " exceeds the box width "
              + lmin
              + "; reduce the skin below "
              + (lmin - cutoff));
    }
    this.box = box;
    this.n = n;
    this.cutoff = cutoff;
    this.skin = skin;
    this.rList2 = rList * rList;
    this.halfSkin2 = 0.25 * skin * skin;
    this.maxNeighbours = maxNeighbours;
    this.cells = CellList.withImages(box, rList);
    for (int ky = -1; ky <= 1; ky++) {
      for (int kx = -1; kx <= 1; kx++) {
        int code = CellList.imageCode(kx, ky);
        // entry with image (kx, ky) of j: x_i - (x_j + kx*Lx) = x_i - x_j + shiftX
        shiftX[code] = -kx * box.lx();
        shiftY[code] = -ky * box.ly();
      }
    }
    this.start = new int[n + 1];
    this.entries = new int[Math.max(16, 4 * n)];
    this.xBuild = new double[2 * n];
  }

  /** The periodic box. */
  public Box box() {
    return box;
  }

  /** Number of particles. */
  public int size() {
    return n;
  }

  /** The interaction range the list was sized for [length]. */
  public double cutoff() {
    return cutoff;
  }

  /** The skin [length]. */
  public double skin() {
    return skin;
  }

  /** Cells along x. */
  public int cellsX() {
    return cells.cellsX();
  }

  /** Cells along y. */
  public int cellsY() {
    return cells.cellsY();
  }

  /** Number of builds so far. */
  public long builds() {
    return builds;
  }

  /**
   * Start offsets [N+1] into {@link #entries()}: particle i owns {@code [start[i], start[i+1])}.
   */
  public int[] start() {
    return start;
  }

  /**
   * Packed entries (live array, not a copy; longer than used): {@code j = e >>> SHIFT_BITS}, shift
   * code {@code e & 15} indexing {@link #shiftX()}/{@link #shiftY()}.
   */
  public int[] entries() {
    return entries;
  }

  /** Shift table x [9] [length]: separation = x_i - x_j + shiftX[code]. Live array. */
  public double[] shiftX() {
    return shiftX;
  }

  /** Shift table y [9] [length]. Live array. */
  public double[] shiftY() {
    return shiftY;
  }

  /** Number of entries (pairs) in the list. */
  public int pairCount() {
    return start[n];
  }

  /** Cell index of a position (x, y) [length] in the list's cell grid. */
  int cellIndex(double x, double y) {
    return cells.cellIndex(x, y);
  }

  /**
   * Rebuilds the list from wrapped positions and remembers them as the reference for {@link
   * #needsRebuild}. A pair image is listed when closer than its own range {@code
   * potential.cutoff(d_i, d_j) + skin} (per-pair radii keep polydisperse lists short; the skin/2
   * rebuild rule stays exact because it holds pair by pair).
   *
   * @param x [2N] positions wrapped into the box [length], not modified
   * @param d [N] diameters [length], not modified
   * @param potential the pair kernel whose per-pair cutoff sets the list radius
   * @throws IllegalStateException if a particle has more than {@code maxNeighbours} entries
   */
  public void build(double[] x, double[] d, PairPotential potential) {
    System.arraycopy(x, 0, xBuild, 0, 2 * n);
    final double skin = this.skin;
    cells.bin(x);
    final int[] cellOf = cells.cellOf();
    final int[] cellStart = cells.cellStart();
    final int[] cellParticles = cells.cellParticles();
    final double[] sx = shiftX;
    final double[] sy = shiftY;
    final int[] nbCell = stencilCell;
    final int[] nbCode = stencilCode;
    int cursor = 0;
    for (int i = 0; i < n; i++) {
      start[i] = cursor;
      final double xi = x[2 * i];
      final double yi = x[2 * i + 1];
      final double di = d[i];
      final int c = cellOf[i];
      int candidates = cellStart[c + 1] - cellStart[c];
      cells.halfStencil(c, nbCell, nbCode);
      for (int s = 0; s < 4; s++) {
        candidates += cellStart[nbCell[s] + 1] - cellStart[nbCell[s]];
      }
      if (entries.length - cursor < candidates) {
        entries = Arrays.copyOf(entries, Math.max(entries.length * 3 / 2, cursor + candidates));
      }
      final int[] ent = entries;
      // Appends are branch-free: write the entry, advance the cursor by 0 or 1.
      // own cell: j > i, no shift
      for (int k = cellStart[c], e = cellStart[c + 1]; k < e; k++) {
        final int j = cellParticles[k];
        final double dx = xi - x[2 * j];
        final double dy = yi - x[2 * j + 1];
        final double r = potential.cutoff(di, d[j]) + skin;
        final int take = (dx * dx + dy * dy < r * r ? 1 : 0) & ((i - j) >>> 31);
        ent[cursor] = (j << SHIFT_BITS) | CellList.NO_SHIFT;
        cursor += take;
      }
      for (int s = 0; s < 4; s++) {
        final int code = nbCode[s];
        final int nc = nbCell[s];
        final double ox = xi + sx[code];
        final double oy = yi + sy[code];
        for (int k = cellStart[nc], e = cellStart[nc + 1]; k < e; k++) {
          final int j = cellParticles[k];
          final double dx = ox - x[2 * j];
          final double dy = oy - x[2 * j + 1];
          final double r = potential.cutoff(di, d[j]) + skin;
          // a particle's own image is never within the cutoff (cutoff < L/2): skip j == i
          final int take = (dx * dx + dy * dy < r * r ? 1 : 0) & ((-(i ^ j)) >>> 31);
          ent[cursor] = (j << SHIFT_BITS) | code;
          cursor += take;
        }
      }
      if (cursor - start[i] > maxNeighbours) {
        throw overflow(i);
      }
    }
    start[n] = cursor;
    builds++;
  }

  private IllegalStateException overflow(int i) {
    return new IllegalStateException(
        "neighbour list overflow: particle "
            + i
            + " has more than "
            + maxNeighbours
            + " neighbours within "
            + Math.sqrt(rList2)
            + "; the configuration has collapsed (overlapping particles or a blown-up"
            + " integration; try a smaller dt) or maxNeighbours is too small");
  }

  /**
   * True when some particle has moved more than {@code skin/2} since the last build (or the list
   * was never built).
   *
   * @param x [2N] current positions, continuous since the build [length], not modified
   */
  public boolean needsRebuild(double[] x) {
    if (builds == 0) {
      return true;
    }
    return maxDisplacementSquared(x) > halfSkin2;
  }

  /** Largest squared displacement since the last build [length^2]. */
  public double maxDisplacementSquared(double[] x) {
    double m = 0;
    final double[] xb = xBuild;
    for (int k = 0; k < 2 * n; k += 2) {
      double dx = x[k] - xb[k];
      double dy = x[k + 1] - xb[k + 1];
      double d2 = dx * dx + dy * dy;
      if (d2 > m) {
        m = d2;
      }
    }
    return m;
  }

  /** {@code (skin/2)^2} [length^2]: the displacement threshold for a rebuild. */
  public double halfSkinSquared() {
    return halfSkin2;
  }

  /** The positions at the last build [2N] [length]; live array, do not modify. */
  double[] buildPositionsLive() {
    return xBuild;
  }

  /** The positions at the last build [2N] [length]; a copy. */
  public double[] buildPositions() {
    return xBuild.clone();
  }
}
