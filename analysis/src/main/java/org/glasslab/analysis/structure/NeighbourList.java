package org.glasslab.analysis.structure;

import java.util.Arrays;
import org.glasslab.data.Box;

/**
 * A full (both directions) periodic neighbour list of one frame: for every particle i, the
 * particles j with minimum-image distance {@code |X_j - X_i| < cutoff}, together with the
 * minimum-image separation vector {@code X_j - X_i}. Built with a cell list (O(N)); boxes too small
 * for three cells per axis fall back to the O(N^2) double loop.
 *
 * <p>Storage is compressed-row: the neighbours of i are {@code neighbour(k)} for {@code k} in
 * {@code [start(i), start(i+1))}. Preconditions: {@code 0 < cutoff < min(Lx, Ly) / 2}, so that each
 * pair appears at most once per particle (one periodic image).
 */
public final class NeighbourList {
  private final double cutoff;
  private final int n;
  private final int[] offsets;
  private final int[] neighbours;
  private final double[] sepX;
  private final double[] sepY;

  private NeighbourList(
      double cutoff, int n, int[] offsets, int[] neighbours, double[] sepX, double[] sepY) {
    this.cutoff = cutoff;
    this.n = n;
    this.offsets = offsets;
    this.neighbours = neighbours;
    this.sepX = sepX;
    this.sepY = sepY;
  }

  /**
   * Builds the list.
   *
   * @param box the periodic box
   * @param positions [2N] (x0,y0,...) wrapped into the box [length], not modified
   * @param cutoff neighbour distance [length], {@code 0 < cutoff < min(Lx,Ly)/2}
   * @throws IllegalArgumentException if the cutoff is not positive or exceeds half a box edge
   */
  public static NeighbourList build(Box box, double[] positions, double cutoff) {
    checkCutoff(box, cutoff);
    if (positions.length % 2 != 0) {
      throw new IllegalArgumentException(
          "positions must have even length 2N, got " + positions.length);
    }
    int n = positions.length / 2;
    Builder b = new Builder(n, cutoff, box);
    forEachPair(box, positions, cutoff, b);
    return b.finish();
  }

  /** Receives each unordered pair (i &lt; j or j &lt; i) within the cutoff exactly once. */
  interface PairSink {
    /** Pair (i, j) with minimum-image separation {@code X_j - X_i = (dx, dy)}. */
    void pair(int i, int j, double dx, double dy);
  }

  /**
   * Visits every unordered pair within {@code cutoff} once, without storing it (cell list, or the
   * double loop for small boxes).
   */
  static void forEachPair(Box box, double[] positions, double cutoff, PairSink sink) {
    checkCutoff(box, cutoff);
    int ncx = (int) Math.floor(box.lx() / cutoff);
    int ncy = (int) Math.floor(box.ly() / cutoff);
    int n = positions.length / 2;
    if (ncx < 3 || ncy < 3) {
      bruteForce(box, positions, n, cutoff * cutoff, sink);
    } else {
      cells(box, positions, n, cutoff * cutoff, ncx, ncy, sink);
    }
  }

  private static void bruteForce(Box box, double[] pos, int n, double rc2, PairSink sink) {
    for (int i = 0; i < n; i++) {
      double xi = pos[2 * i];
      double yi = pos[2 * i + 1];
      for (int j = i + 1; j < n; j++) {
        double dx = box.minImageX(pos[2 * j] - xi);
        double dy = box.minImageY(pos[2 * j + 1] - yi);
        if (dx * dx + dy * dy < rc2) {
          sink.pair(i, j, dx, dy);
        }
      }
    }
  }

  private static void cells(
      Box box, double[] pos, int n, double rc2, int ncx, int ncy, PairSink sink) {
    int nc = ncx * ncy;
    int[] head = new int[nc];
    Arrays.fill(head, -1);
    int[] next = new int[n];
    for (int i = 0; i < n; i++) {
      int cx = Math.min(ncx - 1, Math.max(0, (int) (pos[2 * i] / box.lx() * ncx)));
      int cy = Math.min(ncy - 1, Math.max(0, (int) (pos[2 * i + 1] / box.ly() * ncy)));
      int c = cx + ncx * cy;
      next[i] = head[c];
      head[c] = i;
    }
    // Half stencil: the cell itself plus 4 of its 8 neighbours, so each pair is visited once.
    int[] ox = {0, 1, 1, 0, -1};
    int[] oy = {0, 0, 1, 1, 1};
    for (int c = 0; c < nc; c++) {
      int cx = c % ncx;
      int cy = c / ncx;
      for (int s = 0; s < 5; s++) {
        int c2 = Math.floorMod(cx + ox[s], ncx) + ncx * Math.floorMod(cy + oy[s], ncy);
        for (int i = head[c]; i >= 0; i = next[i]) {
          double xi = pos[2 * i];
          double yi = pos[2 * i + 1];
          for (int j = s == 0 ? next[i] : head[c2]; j >= 0; j = next[j]) {
            double dx = box.minImageX(pos[2 * j] - xi);
            double dy = box.minImageY(pos[2 * j + 1] - yi);
            if (dx * dx + dy * dy < rc2) {
              sink.pair(i, j, dx, dy);
            }
          }
        }
      }
    }
  }

  /** Validates a cutoff against a box with an actionable message. */
  static void checkCutoff(Box box, double cutoff) {
    if (!(cutoff > 0) || !Double.isFinite(cutoff)) {
      throw new IllegalArgumentException("cutoff must be finite and positive, got " + cutoff);
    }
    double half = 0.5 * Math.min(box.lx(), box.ly());
    if (cutoff >= half) {
      throw new IllegalArgumentException(
          "cutoff "
              + cutoff
              + " must be below half the smallest box edge "
              + half
              + "; use a smaller cutoff or a larger system");
    }
  }

  /** The cutoff distance [length]. */
  public double cutoff() {
    return cutoff;
  }

  /** Number of particles. */
  public int size() {
    return n;
  }

  /** First index of particle {@code i}'s neighbours in the flat arrays. */
  public int start(int i) {
    return offsets[i];
  }

  /** One past the last index of particle {@code i}'s neighbours. */
  public int end(int i) {
    return offsets[i + 1];
  }

  /** Number of neighbours of particle {@code i}. */
  public int count(int i) {
    return offsets[i + 1] - offsets[i];
  }

  /** Total number of (ordered) neighbour entries: twice the number of pairs. */
  public int entries() {
    return offsets[n];
  }

  /** Neighbour index of entry {@code k}. */
  public int neighbour(int k) {
    return neighbours[k];
  }

  /** Minimum-image separation {@code X_j - X_i} along x of entry {@code k} [length]. */
  public double dx(int k) {
    return sepX[k];
  }

  /** Minimum-image separation {@code X_j - X_i} along y of entry {@code k} [length]. */
  public double dy(int k) {
    return sepY[k];
  }

  /** Grows flat arrays while collecting pairs, then sorts them into compressed rows. */
  private static final class Builder implements PairSink {
    private final int n;
    private final double cutoff;
    private int[] pi;
    private int[] pj;
    private double[] px;
    private double[] py;
    private int m;

    Builder(int n, double cutoff, Box box) {
      this.n = n;
      this.cutoff = cutoff;
      int cap = Math.max(16, (int) (n * (Math.PI * cutoff * cutoff * n / box.area() + 4) / 2));
      pi = new int[cap];
      pj = new int[cap];
      px = new double[cap];
      py = new double[cap];
    }

    @Override
    public void pair(int i, int j, double dx, double dy) {
      if (m == pi.length) {
        int cap = pi.length * 2;
        pi = Arrays.copyOf(pi, cap);
        pj = Arrays.copyOf(pj, cap);
        px = Arrays.copyOf(px, cap);
        py = Arrays.copyOf(py, cap);
      }
      pi[m] = i;
      pj[m] = j;
      px[m] = dx;
      py[m] = dy;
      m++;
    }

    NeighbourList finish() {
      int[] offsets = new int[n + 1];
      for (int k = 0; k < m; k++) {
        offsets[pi[k] + 1]++;
        offsets[pj[k] + 1]++;
      }
      for (int i = 0; i < n; i++) {
        offsets[i + 1] += offsets[i];
      }
      int[] fill = Arrays.copyOf(offsets, n);
      int[] nb = new int[2 * m];
      double[] sx = new double[2 * m];
      double[] sy = new double[2 * m];
      for (int k = 0; k < m; k++) {
        int a = fill[pi[k]]++;
        nb[a] = pj[k];
        sx[a] = px[k];
        sy[a] = py[k];
        int b = fill[pj[k]]++;
        nb[b] = pi[k];
        sx[b] = -px[k];
        sy[b] = -py[k];
      }
      // Sort each row by neighbour index so results do not depend on the cell traversal order.
      for (int i = 0; i < n; i++) {
        sortRow(nb, sx, sy, offsets[i], offsets[i + 1]);
      }
      return new NeighbourList(cutoff, n, offsets, nb, sx, sy);
    }

    private static void sortRow(int[] nb, double[] sx, double[] sy, int from, int to) {
      for (int a = from + 1; a < to; a++) {
        int key = nb[a];
        double kx = sx[a];
        double ky = sy[a];
        int b = a - 1;
        while (b >= from && nb[b] > key) {
          nb[b + 1] = nb[b];
          sx[b + 1] = sx[b];
          sy[b + 1] = sy[b];
          b--;
        }
        nb[b + 1] = key;
        sx[b + 1] = kx;
        sy[b + 1] = ky;
      }
    }
  }
}
