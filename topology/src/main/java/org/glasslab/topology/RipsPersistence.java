package org.glasslab.topology;

import java.util.Arrays;
import org.glasslab.data.Box;
import org.glasslab.data.Configuration;

/**
 * Persistent homology (H0 and H1, coefficients in GF(2)) of the Vietoris–Rips filtration of a 2D
 * point cloud up to a threshold alpha, computed the way ripser does (Bauer 2021, "Ripser: efficient
 * computation of Vietoris–Rips persistence barcodes"), re-derived for dimension 1.
 *
 * <ol>
 *   <li>The edges at distance &le; alpha come from a cell list ({@link RipsGraph}); they are
 *       ordered by diameter, ties by descending combinatorial index (reverse colexicographic
 *       order), and 2-simplices are never stored: a triangle is its combinatorial index {@code
 *       C(a,3)+C(b,2)+c} packed with its diameter rank, and the cofacets of an edge come from
 *       intersecting two sorted neighbour lists.
 *   <li>H0: union-find over the edges in filtration order. The edges that merge two components are
 *       H0 deaths; by clearing they are not columns of the H1 reduction.
 *   <li>H1: reduction of the coboundary matrix (persistent cohomology) over the remaining edges in
 *       reverse filtration order. An edge in a zero-persistence apparent pair with its earliest
 *       cofacet is skipped; a column whose earliest cofacet has the same diameter and is not yet a
 *       pivot is an emergent pair and needs no reduction; otherwise its coboundary is assembled in
 *       a heap and reduced with the stored reduction columns (and with apparent pairs, which are
 *       pivots implicitly). Columns that reduce to zero are H1 classes alive at alpha.
 * </ol>
 *
 * <p>Bars of zero length are not reported. Because the persistence diagram of a filtration does not
 * depend on how ties are broken, the barcodes do not depend on the order of the input points. With
 * {@link DistancePrecision#FLOAT32} the distances are bit-identical to ripser's, and so are the
 * barcodes.
 */
public final class RipsPersistence {
  private RipsPersistence() {}

  /** Persistence of the particle positions of a configuration (wrapped, as stored). */
  public static PersistenceResult compute(Configuration configuration, RipsOptions options) {
    return compute(configuration.positions(), configuration.box(), options);
  }

  /**
   * Persistence of a point cloud.
   *
   * @param positions [2N] (x0,y0,x1,y1,...) [length], not modified
   * @param box the periodic box; required for {@link RipsMetric#PERIODIC} (positions must then lie
   *     in it), ignored by the Euclidean metric and may be {@code null}
   * @param options threshold, metric, precision
   */
  public static PersistenceResult compute(double[] positions, Box box, RipsOptions options) {
    if (options == null) {
      throw new IllegalArgumentException("options are required");
    }
    long t0 = System.nanoTime();
    RipsGraph g = RipsGraph.build(positions, box, options);
    long t1 = System.nanoTime();
    Reducer red = new Reducer(g);
    red.h0();
    red.scanEdges(options.countTriangles());
    long t2 = System.nanoTime();
    red.h1();
    long t3 = System.nanoTime();
    PersistenceResult.ReductionStats stats =
        new PersistenceResult.ReductionStats(
            red.mstCount,
            red.apparentCount,
            red.emergentCount,
            red.reducedCount,
            red.additions,
            t1 - t0,
            t2 - t1,
            t3 - t2);
    return new PersistenceResult(
        red.h0Bars.toBarcode(0),
        red.h1Bars.toBarcode(1),
        options,
        g.n,
        g.edgeCount,
        options.countTriangles() ? red.triangles : -1,
        stats);
  }

  /** Growable list of bars. */
  private static final class Bars {
    double[] b = new double[64];
    double[] d = new double[64];
    int size;

    void add(double birth, double death) {
      if (size == b.length) {
        b = Arrays.copyOf(b, 2 * size);
        d = Arrays.copyOf(d, 2 * size);
      }
      b[size] = birth;
      d[size] = death;
      size++;
    }

    Barcode toBarcode(int dim) {
      return new Barcode(dim, Arrays.copyOf(b, size), Arrays.copyOf(d, size));
    }
  }

  /** The H0/H1 computation on one graph. */
  static final class Reducer {
    private final RipsGraph g;
    final Bars h0Bars = new Bars();
    final Bars h1Bars = new Bars();
    private final boolean[] mst;

    /** Key of the earliest cofacet of edge r if it has the edge's diameter, else -1 [E]. */
    private final long[] zeroCofacet;

    /** Whether edge r forms an apparent pair with {@code zeroCofacet[r]} [E]. */
    private final boolean[] apparent;

    long mstCount;
    long apparentCount;
    long emergentCount;
    long reducedCount;
    long additions;
    long triangles;

    Reducer(RipsGraph g) {
      this.g = g;
      this.mst = new boolean[g.edgeCount];
      this.zeroCofacet = new long[g.edgeCount];
      this.apparent = new boolean[g.edgeCount];
    }

    /** Union-find over the edges in filtration order: H0 bars and the cleared (MST) edges. */
    void h0() {
      int n = g.n;
      int[] parent = new int[n];
      byte[] rank = new byte[n];
      for (int v = 0; v < n; v++) {
        parent[v] = v;
      }
      for (int r = 0; r < g.edgeCount; r++) {
        int u = find(parent, g.ea[r]);
        int v = find(parent, g.eb[r]);
        if (u != v) {
          mst[r] = true;
          mstCount++;
          double d = g.diameter(r);
          if (d != 0) {
            h0Bars.add(0.0, d);
          }
          if (rank[u] < rank[v]) {
            parent[u] = v;
          } else if (rank[u] > rank[v]) {
            parent[v] = u;
          } else {
            parent[v] = u;
            rank[u]++;
          }
        }
      }
      for (int v = 0; v < n; v++) {
        if (find(parent, v) == v) {
          h0Bars.add(0.0, Double.POSITIVE_INFINITY);
        }
      }
    }

    private static int find(int[] parent, int v) {
      while (parent[v] != v) {
        parent[v] = parent[parent[v]];
        v = parent[v];
      }
      return v;
    }

    /**
     * For every edge: its earliest cofacet if of equal diameter, whether that makes an apparent
     * pair, and (optionally) the number of triangles.
     */
    void scanEdges(boolean countTriangles) {
      int n = g.n;
      int chunks = n < 512 ? 1 : Math.min(8, Runtime.getRuntime().availableProcessors());
      if (chunks == 1) {
        long[] res = scanVertices(0, 1, countTriangles);
        triangles = res[0];
        apparentCount = res[1];
        return;
      }
      java.util.List<java.util.concurrent.Future<long[]>> futures = new java.util.ArrayList<>();
      for (int c = 1; c < chunks; c++) {
        final int first = c;
        futures.add(
            java.util.concurrent.ForkJoinPool.commonPool()
                .submit(() -> scanVertices(first, chunks, countTriangles)));
      }
      long[] res = scanVertices(0, chunks, countTriangles);
      long tri = res[0];
      long app = res[1];
      for (java.util.concurrent.Future<long[]> f : futures) {
        try {
          long[] x = f.get();
          tri += x[0];
          app += x[1];
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while scanning edges", e);
        } catch (java.util.concurrent.ExecutionException e) {
          throw new IllegalStateException("edge scan failed: " + e.getCause(), e.getCause());
        }
      }
      triangles = tri;
      apparentCount = app;
    }

    /**
     * Scans the edges {i, j} (i &gt; j) of the top vertices {@code i = first, first + stride, ...}:
     * the neighbours of i are stamped with their edge's value rank, then the list of j is walked in
     * descending order, so common neighbours (cofacets) come in descending combinatorial index.
     *
     * @return {triangles counted, apparent pairs}
     */
    private long[] scanVertices(int first, int stride, boolean countTriangles) {
      final int[] off = g.off;
      final int[] nbr = g.nbr;
      final int[] nvr = g.nvr;
      final int[] ned = g.ned;
      int[] stamp = new int[g.n];
      long tri = 0;
      long app = 0;
      for (int i = first; i < g.n; i += stride) {
        int ps = off[i];
        int pe = off[i + 1];
        for (int p = ps; p < pe; p++) {
          stamp[nbr[p]] = nvr[p] + 1;
        }
        // Neighbours j < i sit at the tail of i's descending list.
        for (int p = g.split[i]; p < pe; p++) {
          int r = ned[p];
          tri += scanEdge(i, nbr[p], r, stamp, countTriangles);
          if (apparent[r]) {
            assert !mst[r] : "an edge that merges components cannot be in an apparent pair";
            app++;
          }
        }
        for (int p = ps; p < pe; p++) {
          stamp[nbr[p]] = 0;
        }
      }
      return new long[] {tri, app};
    }

    /**
     * Sets {@code zeroCofacet[r]} and {@code apparent[r]} for edge r = {i, j} (i &gt; j), with the
     * neighbours of i stamped by edge value rank + 1, and returns the number of triangles {i, j, k}
     * with k &lt; j (0 unless counting). A small method, so that the JIT compiles it early.
     */
    private int scanEdge(int i, int j, int r, int[] stamp, boolean countTriangles) {
      final int[] nbr = g.nbr;
      final int[] nvr = g.nvr;
      int v = g.evr[r];
      long zc = -1;
      boolean isApparent = false;
      int qe = g.off[j + 1];
      // Earliest cofacet: the first common neighbour k (descending) closing a triangle of the
      // edge's own diameter.
      for (int q = g.off[j]; q < qe; q++) {
        int k = nbr[q];
        int s = stamp[k];
        if (s == 0) {
          continue;
        }
        int vp = s - 1;
        int vq = nvr[q];
        if (vp <= v && vq <= v) {
          zc = g.triangleKey(i, j, k, v);
          // Apparent iff no facet of smaller combinatorial index has the same diameter.
          if (k > i) {
            isApparent = true;
          } else if (k > j) {
            isApparent = vq < v;
          } else {
            isApparent = vq < v && vp < v;
          }
          break;
        }
      }
      zeroCofacet[r] = zc;
      apparent[r] = isApparent;
      int tri = 0;
      if (countTriangles) {
        // Triangles {i, j, k} with k < j: common neighbours in the tail of j's list.
        for (int x = g.split[j]; x < qe; x++) {
          int s = stamp[nbr[x]];
          tri += (s | -s) >>> 31;
        }
      }
      return tri;
    }

    /** The facet forming an apparent pair with triangle {@code key}, or -1. */
    private int apparentFacet(long key, int[] tmp) {
      g.triangleVertices(key, tmp);
      int a = tmp[0];
      int b = tmp[1];
      int c = tmp[2];
      int vt = g.triangleValueRank(key);
      // Facets in increasing combinatorial index: {b,c}, {a,c}, {a,b}; the first of the
      // triangle's diameter is its youngest facet.
      int p = g.find(b, c);
      if (g.nvr[p] != vt) {
        p = g.find(a, c);
        if (g.nvr[p] != vt) {
          p = g.find(a, b);
        }
      }
      int f = g.ned[p];
      return apparent[f] && zeroCofacet[f] == key ? f : -1;
    }

    private void pushCofacets(int r, LongMinHeap heap) {
      final int[] off = g.off;
      final int[] nbr = g.nbr;
      final int[] nvr = g.nvr;
      int i = g.ea[r];
      int j = g.eb[r];
      int v = g.evr[r];
      int p = off[i];
      int pe = off[i + 1];
      int q = off[j];
      int qe = off[j + 1];
      while (p < pe && q < qe) {
        int a = nbr[p];
        int b = nbr[q];
        if (a > b) {
          p++;
        } else if (a < b) {
          q++;
        } else {
          int vt = Math.max(v, Math.max(nvr[p], nvr[q]));
          heap.push(g.triangleKey(i, j, a, vt));
          p++;
          q++;
        }
      }
    }

    /** The H1 cohomology reduction in reverse filtration order. */
    // State of the H1 reduction: pivot owners, the working coboundary, stored V columns.
    private LongIntMap pivots;

    private final LongMinHeap heap = new LongMinHeap();
    private final int[] tmp = new int[3];
    private int[] colStart = new int[64];
    private int[] colData = new int[1024];
    private int cols;
    private int[] work = new int[64];
    private int w;

    void h1() {
      int e = g.edgeCount;
      // Only columns that are neither cleared nor apparent can own a pivot.
      pivots = new LongIntMap((int) Math.max(16, e - mstCount - apparentCount));
      for (int r = e - 1; r >= 0; r--) {
        if (!mst[r] && !apparent[r]) {
          reduceColumn(r);
        }
      }
    }

    /** Reduces the coboundary column of edge r against the columns of later edges. */
    private void reduceColumn(int r) {
      int v = g.evr[r];
      long z = zeroCofacet[r];
      if (z >= 0 && pivots.get(z) == LongIntMap.MISSING && apparentFacet(z, tmp) < 0) {
        pivots.put(z, -(r + 1));
        emergentCount++;
        return;
      }
      reducedCount++;
      heap.clear();
      w = 0;
      addToWork(r);
      while (true) {
        long t = heap.pivot();
        if (t < 0) {
          h1Bars.add(g.values[v], Double.POSITIVE_INFINITY);
          return;
        }
        int owner = pivots.get(t);
        if (owner != LongIntMap.MISSING) {
          additions++;
          if (owner < 0) {
            addToWork(-owner - 1);
          } else {
            for (int k = colStart[owner]; k < colStart[owner + 1]; k++) {
              addToWork(colData[k]);
            }
          }
          continue;
        }
        int f = apparentFacet(t, tmp);
        if (f >= 0) {
          additions++;
          addToWork(f);
          continue;
        }
        int vt = g.triangleValueRank(t);
        if (vt > v) {
          h1Bars.add(g.values[v], g.values[vt]);
        }
        storeColumn(t);
        return;
      }
    }

    /** Adds edge f to the working V and its coboundary to the working column. */
    private void addToWork(int f) {
      if (w == work.length) {
        work = Arrays.copyOf(work, 2 * w);
      }
      work[w++] = f;
      pushCofacets(f, heap);
    }

    /** Stores the working V (mod 2) as the column owning pivot t. */
    private void storeColumn(long t) {
      w = cancelPairs(work, w);
      if (w == 1) {
        pivots.put(t, -(work[0] + 1));
        return;
      }
      if (cols + 2 > colStart.length) {
        colStart = Arrays.copyOf(colStart, 2 * colStart.length);
      }
      int s = colStart[cols];
      if (s + w > colData.length) {
        colData = Arrays.copyOf(colData, Math.max(2 * colData.length, s + w));
      }
      System.arraycopy(work, 0, colData, s, w);
      colStart[cols + 1] = s + w;
      pivots.put(t, cols);
      cols++;
    }

    /** Sorts {@code a[0..w)} and removes entries occurring an even number of times. */
    private static int cancelPairs(int[] a, int w) {
      if (w <= 1) {
        return w;
      }
      Arrays.sort(a, 0, w);
      int out = 0;
      int k = 0;
      while (k < w) {
        int x = a[k];
        int m = k;
        while (m < w && a[m] == x) {
          m++;
        }
        if (((m - k) & 1) == 1) {
          a[out++] = x;
        }
        k = m;
      }
      return out;
    }
  }
}
