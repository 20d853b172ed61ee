package org.glasslab.md;

import java.util.Arrays;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The SIMD WCA force loop ({@link ForceKernel#VECTOR}), laid out so that lanes need no gathers.
 * Once per list build the half list is re-laid out in jagged-diagonal order within blocks of 1024
 * particles: the particles of a block get consecutive ranks by descending number of entries
 * (stable, so spatial order is kept within a count), and column c of the block holds the c-th entry
 * of every ranked particle that has one. The owners of consecutive pairs are then consecutive
 * ranks. Per step, positions are copied into rank order; then per run of pairs (one column of one
 * block, in pieces of 512 that stay in L1) a scalar pass gathers the neighbours' positions into a
 * buffer, the pair force {@code -U'(r)/r} runs in lanes of the preferred {@code DoubleVector}
 * species with the owners' positions loaded and their forces accumulated as contiguous vectors, and
 * a scalar pass subtracts the pair forces from the neighbours (Newton's third law); forces are
 * copied back from rank order. No loop has a data-dependent trip count (the scalar kernel's inner
 * loop over 0–7 neighbours mispredicts its exit), and the Vector API's gathers (slower than scalar
 * loads on this JDK and CPU) are not used.
 *
 * <p>Forces differ from the scalar kernel's in the last bits (another summation order); the pair
 * arithmetic is the scalar loop's, lane by lane. Deterministic: the order depends on the list only.
 *
 * <p>Loaded only reflectively (by {@link ForceKernel}), so nothing else needs the incubator module.
 * The diameters passed to {@link #forces} must be those the list was built with (the per-pair
 * diameter is decoded once per build, as the list's own per-pair ranges are).
 */
final class VectorWcaForces implements ForceKernel.WcaKernel {
  private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
  private static final int L = S.length();
  // pairs per block: the two 8-byte buffers of BLOCK entries stay in L1
  private static final int BLOCK = 512;

  // particles per rank block: ranking is local to blocks of the storage (spatial) order, so
  // neighbours stay near in memory at every N
  private static final int RANK_BLOCK = 1024;

  private NeighbourList decodedList;
  private long decodedBuild = -1;
  private int n;
  // perm[r] = the particle of rank r; within each block of RANK_BLOCK particles ranks run by
  // descending entry count (stable). Run u: the pairs [runK[u], runK[u] + runM[u]), owned by
  // the ranks runR[u], runR[u] + 1, ... (one column of one block: every particle of the block
  // with more than c entries contributes its c-th entry)
  private int[] perm = new int[0];
  private int[] rank = new int[0];
  private int runs;
  private int[] runK = new int[0];
  private int[] runR = new int[0];
  private int[] runM = new int[0];
  // per pair k: the neighbour's rank, the image shift, the pair diameter
  private int[] nbr = new int[0];
  private double[] shx = new double[0];
  private double[] shy = new double[0];
  private double[] sig = new double[0];
  // per rank: position and force
  private double[] xr = new double[0];
  private double[] yr = new double[0];
  private double[] fxr = new double[0];
  private double[] fyr = new double[0];
  private final double[] bx = new double[BLOCK];
  private final double[] by = new double[BLOCK];
  private final double[] lanes = new double[L];

  VectorWcaForces() {}

  /** Lanes of the preferred double species on this CPU. */
  static int lanes() {
    return L;
  }

  private void decode(NeighbourList list, double[] d) {
    final int n = list.size();
    final int[] start = list.start();
    final int[] entries = list.entries();
    final double[] sx = list.shiftX();
    final double[] sy = list.shiftY();
    final int p = start[n];
    int maxCount = 0;
    for (int i = 0; i < n; i++) {
      maxCount = Math.max(maxCount, start[i + 1] - start[i]);
    }
    if (rank.length < n) {
      rank = new int[n];
      perm = new int[n];
      xr = new double[n];
      yr = new double[n];
      fxr = new double[n];
      fyr = new double[n];
    }
    if (nbr.length < p) {
      int cap = Math.max(p, nbr.length * 5 / 4);
      nbr = new int[cap];
      shx = new double[cap];
      shy = new double[cap];
      sig = new double[cap];
    }
    int maxRuns = ((n + RANK_BLOCK - 1) / RANK_BLOCK) * maxCount;
    if (runK.length < maxRuns) {
      runK = new int[maxRuns];
      runR = new int[maxRuns];
      runM = new int[maxRuns];
    }
    final int[] first = new int[maxCount + 2];
    final int[] colStart = new int[maxCount + 1];
    int u = 0;
    int k = 0;
    for (int b0 = 0; b0 < n; b0 += RANK_BLOCK) {
      final int b1 = Math.min(n, b0 + RANK_BLOCK);
      // ranks b0 ... b1-1 by descending entry count, stable
      Arrays.fill(first, 0);
      for (int i = b0; i < b1; i++) {
        first[maxCount - (start[i + 1] - start[i]) + 1]++;
      }
      for (int c = 0; c <= maxCount; c++) {
        first[c + 1] += first[c];
      }
      for (int i = b0; i < b1; i++) {
        final int r = b0 + first[maxCount - (start[i + 1] - start[i])]++;
        rank[i] = r;
        perm[r] = i;
      }
      // column c: the block's particles with more than c entries (a prefix of its ranks)
      int rows = b1 - b0;
      for (int c = 0; c < maxCount; c++) {
        while (rows > 0 && start[perm[b0 + rows - 1] + 1] - start[perm[b0 + rows - 1]] <= c) {
          rows--;
        }
        colStart[c] = k;
        if (rows > 0) {
          runK[u] = k;
          runR[u] = b0;
          runM[u] = rows;
          u++;
        }
        k += rows;
      }
    }
    runs = u;
    // pairs: the c-th entry of the particle of rank r (block b0) goes to its column's slot
    for (int b0 = 0, v = 0; b0 < n; b0 += RANK_BLOCK) {
      final int b1 = Math.min(n, b0 + RANK_BLOCK);
      for (int c = 0; c < maxCount && v < runs && runR[v] == b0; c++, v++) {
        colStart[c] = runK[v];
      }
      for (int r = b0; r < b1; r++) {
        final int i = perm[r];
        for (int q = start[i], e = start[i + 1]; q < e; q++) {
          final int entry = entries[q];
          final int j = entry >>> NeighbourList.SHIFT_BITS;
          final int code = entry & 15;
          final int a = colStart[q - start[i]] + (r - b0);
          nbr[a] = rank[j];
          shx[a] = sx[code];
          shy[a] = sy[code];
          sig[a] = 0.5 * d[i] + 0.5 * d[j];
        }
      }
    }
    this.n = n;
    decodedList = list;
    decodedBuild = list.builds();
  }

  @Override
  public void forces(NeighbourList list, double[] x, double[] d, double[] f) {
    evaluate(list, x, d, f, false);
  }

  @Override
  public double forcesAndEnergy(NeighbourList list, double[] x, double[] d, double[] f) {
    return evaluate(list, x, d, f, true);
  }

  private double evaluate(NeighbourList list, double[] x, double[] d, double[] f, boolean energy) {
    if (list != decodedList || list.builds() != decodedBuild) {
      decode(list, d);
    }
    final int n = this.n;
    final int[] perm = this.perm;
    final double[] xr = this.xr;
    final double[] yr = this.yr;
    for (int r = 0; r < n; r++) {
      final int i = perm[r];
      xr[r] = x[2 * i];
      yr[r] = x[2 * i + 1];
    }
    Arrays.fill(fxr, 0, n, 0.0);
    Arrays.fill(fyr, 0, n, 0.0);
    double u = 0;
    for (int v = 0; v < runs; v++) {
      for (int off = 0, e = runM[v]; off < e; off += BLOCK) {
        final int m = Math.min(BLOCK, e - off);
        final int k0 = runK[v] + off;
        neighbourPositions(k0, m);
        u += pairForces(k0, runR[v] + off, m, energy);
        reactions(k0, m);
      }
    }
    final double[] fxr = this.fxr;
    final double[] fyr = this.fyr;
    for (int r = 0; r < n; r++) {
      final int i = perm[r];
      f[2 * i] = fxr[r];
      f[2 * i + 1] = fyr[r];
    }
    return u;
  }

  /** {@code bx, by} = positions of the neighbours of pairs {@code [k0, k0+m)}. */
  private void neighbourPositions(int k0, int m) {
    final int[] nbr = this.nbr;
    final double[] xr = this.xr;
    final double[] yr = this.yr;
    final double[] bx = this.bx;
    final double[] by = this.by;
    for (int q = 0; q < m; q++) {
      final int j = nbr[k0 + q];
      bx[q] = xr[j];
      by[q] = yr[j];
    }
  }

  /**
   * Pair forces of pairs {@code [k0, k0+m)} (owners: ranks {@code r0, r0+1, ...}): added to the
   * owners' forces, and left in {@code bx, by} for {@link #reactions}.
   *
   * @return with {@code energy}, the pairs' potential energy (lanes summed in a fixed order), else
   *     0
   */
  private double pairForces(int k0, int r0, int m, boolean energy) {
    final double c2 = Wca.CUTOFF_SQUARED_FACTOR;
    final double[] bx = this.bx;
    final double[] by = this.by;
    final double[] xr = this.xr;
    final double[] yr = this.yr;
    final double[] fxr = this.fxr;
    final double[] fyr = this.fyr;
    final double[] shx = this.shx;
    final double[] shy = this.shy;
    final double[] sig = this.sig;
    final DoubleVector zero = DoubleVector.zero(S);
    final DoubleVector one = DoubleVector.broadcast(S, 1.0);
    final int bound = S.loopBound(m);
    DoubleVector uv = zero;
    int q = 0;
    for (; q < bound; q += L) {
      final int k = k0 + q;
      final int r = r0 + q;
      final DoubleVector dx =
          DoubleVector.fromArray(S, xr, r)
              .sub(DoubleVector.fromArray(S, bx, q))
              .add(DoubleVector.fromArray(S, shx, k));
      final DoubleVector dy =
          DoubleVector.fromArray(S, yr, r)
              .sub(DoubleVector.fromArray(S, by, q))
              .add(DoubleVector.fromArray(S, shy, k));
      final DoubleVector r2 = dx.mul(dx).add(dy.mul(dy));
      final DoubleVector s = DoubleVector.fromArray(S, sig, k);
      final DoubleVector s2 = s.mul(s);
      final DoubleVector ir2 = one.div(r2);
      final DoubleVector sr2 = s2.mul(ir2);
      final DoubleVector sr6 = sr2.mul(sr2).mul(sr2);
      final DoubleVector fr0 = sr6.mul(24.0).mul(sr6.mul(2.0).sub(1.0)).mul(ir2);
      final VectorMask<Double> in = r2.compare(VectorOperators.LT, s2.mul(c2));
      final DoubleVector fr = zero.blend(fr0, in);
      if (energy) {
        uv = uv.add(zero.blend(sr6.mul(4.0).mul(sr6.sub(1.0)).add(1.0), in));
      }
      final DoubleVector fx = fr.mul(dx);
      final DoubleVector fy = fr.mul(dy);
      DoubleVector.fromArray(S, fxr, r).add(fx).intoArray(fxr, r);
      DoubleVector.fromArray(S, fyr, r).add(fy).intoArray(fyr, r);
      fx.intoArray(bx, q);
      fy.intoArray(by, q);
    }
    double u = 0;
    if (energy) {
      final double[] t = lanes;
      uv.intoArray(t, 0);
      for (int a = 0; a < L; a++) {
        u += t[a];
      }
    }
    for (; q < m; q++) {
      final int k = k0 + q;
      final int r = r0 + q;
      final double dx = xr[r] - bx[q] + shx[k];
      final double dy = yr[r] - by[q] + shy[k];
      final double r2 = dx * dx + dy * dy;
      final double fr = PairForces.wcaForceOverR(r2, sig[k]);
      if (energy) {
        u += energy(r2, sig[k]);
      }
      final double fx = fr * dx;
      final double fy = fr * dy;
      fxr[r] += fx;
      fyr[r] += fy;
      bx[q] = fx;
      by[q] = fy;
    }
    return u;
  }

  /** Newton's third law: subtracts the pair forces in {@code bx, by} from the neighbours. */
  private void reactions(int k0, int m) {
    final int[] nbr = this.nbr;
    final double[] fxr = this.fxr;
    final double[] fyr = this.fyr;
    final double[] bx = this.bx;
    final double[] by = this.by;
    for (int q = 0; q < m; q++) {
      final int j = nbr[k0 + q];
      fxr[j] -= bx[q];
      fyr[j] -= by[q];
    }
  }

  /** The WCA pair energy as the lanes compute it ({@code s}: pair diameter) [energy]. */
  private static double energy(double r2, double s) {
    final double s2 = s * s;
    final double sr2 = s2 * (1.0 / r2);
    final double sr6 = sr2 * sr2 * sr2;
    return r2 < Wca.CUTOFF_SQUARED_FACTOR * s2 ? 4.0 * sr6 * (sr6 - 1.0) + 1.0 : 0.0;
  }
}
