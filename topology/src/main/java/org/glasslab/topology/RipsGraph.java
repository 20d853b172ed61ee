package org.glasslab.topology;

import java.util.Arrays;
import org.glasslab.data.Box;
import org.glasslab.data.geometry.CellList;

/**
 * The 1-skeleton of a Vietoris–Rips complex up to a threshold: the sparse set of particle pairs
 * closer than alpha, found with the shared cell list, in the filtration order of ripser.
 *
 * <p>Edges are numbered by their filtration rank {@code r}: ascending diameter, ties broken by
 * descending combinatorial index {@code C(i,2) + j} ({@code i > j}), i.e. the reverse
 * colexicographic order of the vertex numbering given. Diameters are stored as value ranks into
 * {@link #values} (the distinct diameters, ascending) so that a 2-simplex is a single {@code long}
 * key {@code (valueRank << triBits) | (triMax - C(a,3) - C(b,2) - c)} ({@code a > b > c}) whose
 * natural order is the filtration order. Neighbour lists are sorted by descending vertex, so
 * intersecting two of them yields cofacets in descending combinatorial index.
 */
final class RipsGraph {
  final int n;
  final int edgeCount;

  /** Distinct edge diameters, ascending [V] [length]. */
  final double[] values;

  /** Endpoints of edge r, {@code ea[r] > eb[r]} [E]. */
  final int[] ea;

  final int[] eb;

  /** Value rank of edge r [E]. */
  final int[] evr;

  /** Adjacency offsets [n+1] into {@link #nbr}, {@link #nvr}, {@link #ned}. */
  final int[] off;

  /** Neighbour vertex, descending within each vertex's range [2E]. */
  final int[] nbr;

  /** Value rank of the edge to that neighbour [2E]. */
  final int[] nvr;

  /** Filtration rank of the edge to that neighbour [2E]. */
  final int[] ned;

  /** First position in the list of v holding a neighbour smaller than v [n]. */
  final int[] split;

  /** Binomial coefficients {@code C(x,2)} and {@code C(x,3)} for x in [0, n]. */
  final long[] b2;

  final long[] b3;

  /** Number of low bits of a triangle key holding the reversed combinatorial index. */
  final int triBits;

  /** Largest triangle combinatorial index, {@code C(n,3) - 1} (at least 0). */
  final long triMax;

  private RipsGraph(
      int n,
      double[] values,
      int[] ea,
      int[] eb,
      int[] evr,
      int[] off,
      int[] nbr,
      int[] nvr,
      int[] ned) {
    this.n = n;
    this.edgeCount = ea.length;
    this.values = values;
    this.ea = ea;
    this.eb = eb;
    this.evr = evr;
    this.off = off;
    this.nbr = nbr;
    this.nvr = nvr;
    this.ned = ned;
    this.split = new int[n];
    for (int v = 0; v < n; v++) {
      int p = off[v];
      while (p < off[v + 1] && nbr[p] > v) {
        p++;
      }
      split[v] = p;
    }
    this.b2 = new long[n + 1];
    this.b3 = new long[n + 1];
    for (int x = 0; x <= n; x++) {
      b2[x] = (long) x * (x - 1) / 2;
      b3[x] = (long) x * (x - 1) / 2 * (x - 2) / 3;
    }
    this.triMax = Math.max(0, b3[n] - 1);
    this.triBits = Math.max(1, 64 - Long.numberOfLeadingZeros(triMax));
    int vrBits = Math.max(1, 32 - Integer.numberOfLeadingZeros(values.length));
    if (vrBits + triBits > 63) {
      throw new IllegalArgumentException(
          "N = "
              + n
              + " with "
              + values.length
              + " distinct edge lengths is too large for 64-bit triangle keys; lower alpha or N");
    }
  }

  /**
   * Builds the graph of all pairs at distance {@code <= options.threshold()}.
   *
   * @param positions [2N] (x0,y0,x1,y1,...) [length], not modified; wrapped into the box for the
   *     periodic metric
   * @param box the periodic box (required for {@link RipsMetric#PERIODIC}, else may be null)
   */
  static RipsGraph build(double[] positions, Box box, RipsOptions options) {
    if (positions == null || (positions.length & 1) != 0) {
      throw new IllegalArgumentException("positions must be [2N] (x0,y0,x1,y1,...)");
    }
    int n = positions.length / 2;
    for (int k = 0; k < positions.length; k++) {
      if (!Double.isFinite(positions[k])) {
        throw new IllegalArgumentException(
            "coordinate " + (k & 1) + " of point " + (k / 2) + " is not finite");
      }
    }
    boolean periodic = options.metric() == RipsMetric.PERIODIC;
    if (periodic && box == null) {
      throw new IllegalArgumentException("the periodic metric needs a Box");
    }
    if (periodic) {
      for (int k = 0; k < positions.length; k++) {
        double l = box.length(k & 1);
        if (positions[k] < 0 || positions[k] >= l) {
          throw new IllegalArgumentException(
              "coordinate "
                  + (k & 1)
                  + " of point "
                  + (k / 2)
                  + " = "
                  + positions[k]
                  + " is outside the box [0, "
                  + l
                  + "); wrap the positions first (Box.wrapAll)");
        }
      }
    }
    PairCollector pairs = new PairCollector(Math.max(16, n * 8));
    new EdgeMetric(positions, box, options).collect(pairs);
    return fromPairs(n, pairs, options.tieTolerance());
  }

  private static RipsGraph fromPairs(int n, PairCollector pairs, double tieTolerance) {
    int m = pairs.size;
    long eMax = Math.max(1, (long) n * (n - 1) / 2 - 1);
    int eBits = 64 - Long.numberOfLeadingZeros(eMax);
    int rBits = Math.max(1, 32 - Integer.numberOfLeadingZeros(m));
    if (eBits + rBits > 63) {
      throw new IllegalArgumentException("N = " + n + " is too large for 64-bit edge keys");
    }
    final double[] pd = pairs.d;
    final int[] pi = pairs.i;
    final int[] pj = pairs.j;
    // 1. Pairs by distance: one primitive sort on (float(d), pair), then the exact order inside
    // the (rare) runs of equal float; rounding to float is monotone.
    long[] order = new long[m];
    for (int k = 0; k < m; k++) {
      order[k] = ((long) Float.floatToRawIntBits((float) pd[k]) << 32) | k;
    }
    Arrays.sort(order);
    int[] perm = new int[m];
    for (int k = 0; k < m; k++) {
      perm[k] = (int) order[k];
    }
    for (int s = 0; s < m; ) {
      int e = s + 1;
      while (e < m && (order[e] >>> 32) == (order[s] >>> 32)) {
        e++;
      }
      if (e - s > 1) {
        sortRunByDistance(perm, s, e, pd);
      }
      s = e;
    }
    // 2. Runs of distances within tieTolerance (relative) of the run's first value become one
    // value (value rank per filtration position).
    double[] values = new double[Math.max(1, m)];
    int[] evr = new int[m];
    int nv = 0;
    for (int p = 0; p < m; p++) {
      double d = pd[perm[p]];
      if (nv == 0 || d > values[nv - 1] * (1 + tieTolerance)) {
        values[nv++] = d;
      }
      evr[p] = nv - 1;
    }
    values = Arrays.copyOf(values, nv);
    // 3. Equal values: descending combinatorial index (ripser's reverse colexicographic order).
    for (int s = 0; s < m; ) {
      int e = s + 1;
      while (e < m && evr[e] == evr[s]) {
        e++;
      }
      if (e - s > 1) {
        sortRunByIndexDescending(perm, s, e, pi, pj, eMax, rBits);
      }
      s = e;
    }
    int[] ea = new int[m];
    int[] eb = new int[m];
    int[] deg = new int[n + 1];
    long[] keys = order;
    for (int r = 0; r < m; r++) {
      int k = perm[r];
      int i = pi[k];
      int j = pj[k];
      ea[r] = i;
      eb[r] = j;
      deg[i]++;
      deg[j]++;
      keys[r] = (((long) i * (i - 1) / 2 + j) << rBits) | r;
    }
    pairs.release();
    Arrays.sort(keys);
    int[] off = new int[n + 1];
    for (int v = 0; v < n; v++) {
      off[v + 1] = off[v] + deg[v];
    }
    int[] fill = Arrays.copyOf(off, n);
    int[] nbr = new int[2 * m];
    int[] nvr = new int[2 * m];
    int[] ned = new int[2 * m];
    long rMask = (1L << rBits) - 1;
    // Descending combinatorial index: every neighbour list comes out in descending vertex order.
    for (int k = m - 1; k >= 0; k--) {
      int r = (int) (keys[k] & rMask);
      int i = ea[r];
      int j = eb[r];
      int p = fill[i]++;
      nbr[p] = j;
      nvr[p] = evr[r];
      ned[p] = r;
      int q = fill[j]++;
      nbr[q] = i;
      nvr[q] = evr[r];
      ned[q] = r;
    }
    return new RipsGraph(n, values, ea, eb, evr, off, nbr, nvr, ned);
  }

  /**
   * Sorts {@code perm[s..e)} (pair indices whose distances round to the same float) by exact
   * distance. Such doubles differ by less than 2^31 in their raw bits, so one long sort does it.
   */
  private static void sortRunByDistance(int[] perm, int s, int e, double[] pd) {
    long base = Long.MAX_VALUE;
    for (int p = s; p < e; p++) {
      base = Math.min(base, Double.doubleToRawLongBits(pd[perm[p]]));
    }
    long[] tmp = new long[e - s];
    for (int p = s; p < e; p++) {
      int k = perm[p];
      tmp[p - s] = ((Double.doubleToRawLongBits(pd[k]) - base) << 32) | k;
    }
    Arrays.sort(tmp);
    for (int p = s; p < e; p++) {
      perm[p] = (int) tmp[p - s];
    }
  }

  /** Sorts {@code perm[s..e)} by descending combinatorial edge index {@code C(i,2) + j}. */
  private static void sortRunByIndexDescending(
      int[] perm, int s, int e, int[] pi, int[] pj, long eMax, int rBits) {
    long[] tmp = new long[e - s];
    long mask = (1L << rBits) - 1;
    for (int p = s; p < e; p++) {
      int k = perm[p];
      long idx = (long) pi[k] * (pi[k] - 1) / 2 + pj[k];
      tmp[p - s] = ((eMax - idx) << rBits) | k;
    }
    Arrays.sort(tmp);
    for (int p = s; p < e; p++) {
      perm[p] = (int) (tmp[p - s] & mask);
    }
  }

  /** Diameter of edge r [length]. */
  double diameter(int r) {
    return values[evr[r]];
  }

  /** Triangle key of {i, j, k} ({@code i > j}) with value rank {@code vr}. */
  long triangleKey(int i, int j, int k, int vr) {
    long idx;
    if (k > i) {
      idx = b3[k] + b2[i] + j;
    } else if (k > j) {
      idx = b3[i] + b2[k] + j;
    } else {
      idx = b3[i] + b2[j] + k;
    }
    return ((long) vr << triBits) | (triMax - idx);
  }

  /** Value rank of a triangle key. */
  int triangleValueRank(long key) {
    return (int) (key >>> triBits);
  }

  /** Writes the vertices a &gt; b &gt; c of a triangle key into {@code out[0..2]} (modified). */
  void triangleVertices(long key, int[] out) {
    long idx = triMax - (key & ((1L << triBits) - 1));
    int a = largestAtMost(b3, idx);
    idx -= b3[a];
    int b = largestAtMost(b2, idx);
    out[0] = a;
    out[1] = b;
    out[2] = (int) (idx - b2[b]);
  }

  private static int largestAtMost(long[] table, long x) {
    int lo = 0;
    int hi = table.length - 1;
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (table[mid] <= x) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return lo;
  }

  /** Position of neighbour {@code w} in the list of {@code u}, or -1 if {u, w} is no edge. */
  int find(int u, int w) {
    int lo = off[u];
    int hi = off[u + 1] - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      int x = nbr[mid];
      if (x == w) {
        return mid;
      } else if (x > w) {
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return -1;
  }

  /** Growable arrays of candidate pairs (i &gt; j, distance). */
  static final class PairCollector {
    int[] i;
    int[] j;
    double[] d;
    int size;

    PairCollector(int capacity) {
      i = new int[capacity];
      j = new int[capacity];
      d = new double[capacity];
    }

    void add(int a, int b, double dist) {
      if (size == i.length) {
        int c = Math.toIntExact(Math.min(Integer.MAX_VALUE - 8L, 2L * size));
        i = Arrays.copyOf(i, c);
        j = Arrays.copyOf(j, c);
        d = Arrays.copyOf(d, c);
      }
      i[size] = a;
      j[size] = b;
      d[size] = dist;
      size++;
    }

    void release() {
      i = null;
      j = null;
      d = null;
    }
  }

  /**
   * The edge metric (Euclidean or minimum image, double or float32 as ripser) and the search of all
   * pairs within the threshold through the shared {@link CellList}.
   */
  static final class EdgeMetric {
    private final int n;
    private final double[] positions;
    private final double[] x;
    private final double[] y;
    private final float[] fx;
    private final float[] fy;
    private final Box box;
    private final boolean periodic;
    private final boolean single;
    private final double threshold;
    private final float thresholdF;

    EdgeMetric(double[] positions, Box box, RipsOptions o) {
      n = positions.length / 2;
      this.positions = positions;
      x = new double[n];
      y = new double[n];
      for (int k = 0; k < n; k++) {
        x[k] = positions[2 * k];
        y[k] = positions[2 * k + 1];
      }
      this.box = box;
      periodic = o.metric() == RipsMetric.PERIODIC;
      single = o.precision() == DistancePrecision.FLOAT32;
      threshold = o.threshold();
      thresholdF = (float) threshold;
      if (single) {
        fx = new float[n];
        fy = new float[n];
        for (int k = 0; k < n; k++) {
          fx[k] = (float) x[k];
          fy[k] = (float) y[k];
        }
      } else {
        fx = null;
        fy = null;
      }
    }

    /** The distance of points a and b in the configured metric and precision [length]. */
    double distance(int a, int b) {
      if (single) {
        float dx;
        float dy;
        if (periodic) {
          dx = (float) box.minImageX(x[a] - x[b]);
          dy = (float) box.minImageY(y[a] - y[b]);
        } else {
          dx = fx[a] - fx[b];
          dy = fy[a] - fy[b];
        }
        float s = dx * dx + dy * dy;
        return (float) Math.sqrt(s);
      }
      double dx = x[a] - x[b];
      double dy = y[a] - y[b];
      if (periodic) {
        dx = box.minImageX(dx);
        dy = box.minImageY(dy);
      }
      return Math.sqrt(dx * dx + dy * dy);
    }

    private boolean within(double d) {
      return single ? (float) d <= thresholdF : d <= threshold;
    }

    private void tryPair(int a, int b, PairCollector out) {
      double d = distance(a, b);
      if (within(d)) {
        if (a > b) {
          out.add(a, b, d);
        } else {
          out.add(b, a, d);
        }
      }
    }

    /**
     * Adds every pair within the threshold to {@code out}. Candidates come from the cell list at a
     * slightly larger reach (float32 coordinates and the rounding of sqrt cannot lose an edge);
     * each is then measured in this metric. Open clouds are searched in a periodic box more than
     * twice their extent, where the minimum image is the plain separation; a periodic threshold
     * beyond half the box (several images in reach) falls back to all pairs.
     */
    void collect(PairCollector out) {
      if (n < 2) {
        return;
      }
      double minX = Double.POSITIVE_INFINITY;
      double minY = Double.POSITIVE_INFINITY;
      double maxX = Double.NEGATIVE_INFINITY;
      double maxY = Double.NEGATIVE_INFINITY;
      for (int k = 0; k < n; k++) {
        minX = Math.min(minX, x[k]);
        maxX = Math.max(maxX, x[k]);
        minY = Math.min(minY, y[k]);
        maxY = Math.max(maxY, y[k]);
      }
      double scale =
          Math.max(
              Math.max(Math.abs(minX), Math.abs(maxX)), Math.max(Math.abs(minY), Math.abs(maxY)));
      double reach = Math.max(threshold * (1 + 1e-5) + 1e-6 * scale, 1e-100);
      CellList cells;
      double[] search;
      if (periodic) {
        if (reach > 0.5 * Math.min(box.lx(), box.ly())) {
          allPairs(out);
          return;
        }
        cells = CellList.of(box, reach);
        search = positions;
      } else {
        double ex = maxX - minX;
        double ey = maxY - minY;
        cells = CellList.of(new Box(2 * (ex + reach) + 1, 2 * (ey + reach) + 1), reach);
        search = new double[2 * n];
        for (int k = 0; k < n; k++) {
          search[2 * k] = x[k] - minX;
          search[2 * k + 1] = y[k] - minY;
        }
      }
      cells.forEachPair(search, (i, j, dx, dy, r2) -> tryPair(j, i, out));
    }

    private void allPairs(PairCollector out) {
      for (int a = 1; a < n; a++) {
        for (int b = 0; b < a; b++) {
          tryPair(a, b, out);
        }
      }
    }
  }
}
