package org.glasslab.data.geometry;

import java.util.Arrays;
import org.glasslab.data.Box;

/**
 * The pairs of one frame within a cutoff as compressed rows, for callers that want arrays rather
 * than a {@link PairVisitor}: row i lists its neighbours j (ascending) with the minimum-image
 * separation {@code r_j - r_i}. A {@link #full} list has every pair in both rows; a {@link #half}
 * list has each pair once, in the row of its smaller index.
 *
 * <p>Entries of row i are {@code k} in {@code [start(i), end(i))}: neighbour {@link #neighbour(k)},
 * separation {@link #dx(k)}, {@link #dy(k)}.
 */
public final class PairList {
  private final double cutoff;
  private final int n;
  private final int[] offsets;
  private final int[] neighbours;
  private final double[] sepX;
  private final double[] sepY;

  private PairList(
      double cutoff, int n, int[] offsets, int[] neighbours, double[] sepX, double[] sepY) {
    this.cutoff = cutoff;
    this.n = n;
    this.offsets = offsets;
    this.neighbours = neighbours;
    this.sepX = sepX;
    this.sepY = sepY;
  }

  /**
   * Every particle's neighbours closer than {@code cutoff} (each pair in both rows).
   *
   * @param box the periodic box
   * @param positions [2N] (x0,y0,...) [length], wrapped or not, not modified
   * @param cutoff neighbour distance [length], {@code 0 < cutoff <= min(Lx, Ly)/2}
   * @throws IllegalArgumentException if the cutoff is not positive or exceeds half a box edge
   */
  public static PairList full(Box box, double[] positions, double cutoff) {
    return build(box, positions, cutoff, false);
  }

  /**
   * Each pair closer than {@code cutoff} once, in the row of its smaller index (row i lists {@code
   * j > i}).
   *
   * @param box the periodic box
   * @param positions [2N] (x0,y0,...) [length], wrapped or not, not modified
   * @param cutoff neighbour distance [length], {@code 0 < cutoff <= min(Lx, Ly)/2}
   * @throws IllegalArgumentException if the cutoff is not positive or exceeds half a box edge
   */
  public static PairList half(Box box, double[] positions, double cutoff) {
    return build(box, positions, cutoff, true);
  }

  private static PairList build(Box box, double[] positions, double cutoff, boolean half) {
    CellList cells = CellList.of(box, cutoff);
    int n = positions.length / 2;
    Rows rows = new Rows(n, cutoff, box, half);
    cells.forEachNeighbour(positions, rows);
    return rows.finish();
  }

  /** The cutoff distance [length]. */
  public double cutoff() {
    return cutoff;
  }

  /** Number of particles. */
  public int size() {
    return n;
  }

  /** First entry of row {@code i}. */
  public int start(int i) {
    return offsets[i];
  }

  /** One past the last entry of row {@code i}. */
  public int end(int i) {
    return offsets[i + 1];
  }

  /** Number of entries in row {@code i}. */
  public int count(int i) {
    return offsets[i + 1] - offsets[i];
  }

  /** Total number of entries (twice the number of pairs in a full list, once in a half list). */
  public int entries() {
    return offsets[n];
  }

  /** Neighbour index of entry {@code k}. */
  public int neighbour(int k) {
    return neighbours[k];
  }

  /** Minimum-image separation {@code x_j - x_i} of entry {@code k} [length]. */
  public double dx(int k) {
    return sepX[k];
  }

  /** Minimum-image separation {@code y_j - y_i} of entry {@code k} [length]. */
  public double dy(int k) {
    return sepY[k];
  }

  /** Collects rows in visit order (rows arrive whole, i ascending), then sorts each row by j. */
  private static final class Rows implements PairVisitor {
    private final int n;
    private final double cutoff;
    private final boolean half;
    private final int[] offsets;
    private int[] nb;
    private double[] px;
    private double[] py;
    private int m;

    Rows(int n, double cutoff, Box box, boolean half) {
      this.n = n;
      this.cutoff = cutoff;
      this.half = half;
      this.offsets = new int[n + 1];
      double expected = n * (Math.PI * cutoff * cutoff * n / box.area()) * (half ? 0.5 : 1);
      int cap = (int) Math.min(Integer.MAX_VALUE - 8, Math.max(16, 1.2 * expected + 4 * n));
      nb = new int[cap];
      px = new double[cap];
      py = new double[cap];
    }

    @Override
    public void pair(int i, int j, double dx, double dy, double r2) {
      if (half && j < i) {
        return;
      }
      if (m == nb.length) {
        int cap = (int) Math.min(Integer.MAX_VALUE - 8, 2L * m);
        nb = Arrays.copyOf(nb, cap);
        px = Arrays.copyOf(px, cap);
        py = Arrays.copyOf(py, cap);
      }
      nb[m] = j;
      px[m] = dx;
      py[m] = dy;
      m++;
      offsets[i + 1]++;
    }

    PairList finish() {
      for (int i = 0; i < n; i++) {
        offsets[i + 1] += offsets[i];
      }
      // Sort each row by neighbour index so results do not depend on the cell traversal order.
      for (int i = 0; i < n; i++) {
        sortRow(offsets[i], offsets[i + 1]);
      }
      return new PairList(
          cutoff, n, offsets, Arrays.copyOf(nb, m), Arrays.copyOf(px, m), Arrays.copyOf(py, m));
    }

    private void sortRow(int from, int to) {
      for (int a = from + 1; a < to; a++) {
        int key = nb[a];
        double kx = px[a];
        double ky = py[a];
        int b = a - 1;
        while (b >= from && nb[b] > key) {
          nb[b + 1] = nb[b];
          px[b + 1] = px[b];
          py[b + 1] = py[b];
          b--;
        }
        nb[b + 1] = key;
        px[b + 1] = kx;
        py[b + 1] = ky;
      }
    }
  }
}
