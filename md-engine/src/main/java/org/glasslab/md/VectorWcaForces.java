package org.glasslab.md;

import java.util.Arrays;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The SIMD WCA force loop ({@link ForceKernel#VECTOR}): the pair arithmetic of the scalar loop in
 * {@link PairForces} runs over the flattened half list in lanes of the preferred {@code
 * DoubleVector} species (positions gathered by index; per-pair diameters and image shifts decoded
 * once per list build, since they are fixed while the list is), then one scalar pass adds the pair
 * forces to both particles in the scalar loop's order. Every lane performs the scalar loop's IEEE
 * operations in the same order (no fused multiply-add), so forces are bit identical to the scalar
 * kernel, and so are trajectories.
 *
 * <p>Loaded only reflectively (by {@link ForceKernel}), so nothing else needs the incubator module.
 * Per list build it decodes the packed entries into flat arrays (owner and neighbour indices, image
 * shift, pair diameter; 48 bytes per listed pair with the pair-force buffer), so the diameters
 * passed to {@link #forces} must be those the list was built with (as for the list's own per-pair
 * ranges).
 */
final class VectorWcaForces implements ForceKernel.WcaKernel {
  private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
  private static final int L = S.length();
  // particles per block: ~2.9 listed pairs each, 16 bytes of pair force per pair, well inside L1
  private static final int BLOCK = 256;

  private NeighbourList decodedList;
  private long decodedBuild = -1;
  private int pairs;
  // per entry k: 2i, 2j (gather indices) and the image shift
  private int[] own2 = new int[0];
  private int[] nb2 = new int[0];
  private double[] shx = new double[0];
  private double[] shy = new double[0];
  // per entry k: the pair diameter 0.5 d_i + 0.5 d_j (fixed while the list is: the list's per-pair
  // ranges were built from the same diameters)
  private double[] sig = new double[0];
  // per entry k: the pair force on the owner, (fx, fy)
  private double[] fxs = new double[0];
  private double[] fys = new double[0];

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
    if (own2.length < p) {
      int cap = Math.max(p, own2.length * 3 / 2);
      own2 = new int[cap];
      nb2 = new int[cap];
      shx = new double[cap];
      shy = new double[cap];
      sig = new double[cap];
      fxs = new double[cap];
      fys = new double[cap];
    }
    for (int i = 0; i < n; i++) {
      for (int k = start[i], e = start[i + 1]; k < e; k++) {
        final int entry = entries[k];
        final int j = entry >>> NeighbourList.SHIFT_BITS;
        final int c = entry & 15;
        own2[k] = 2 * i;
        nb2[k] = 2 * j;
        shx[k] = sx[c];
        shy[k] = sy[c];
        sig[k] = 0.5 * d[i] + 0.5 * d[j];
      }
    }
    pairs = p;
    decodedList = list;
    decodedBuild = list.builds();
  }

  @Override
  public void forces(NeighbourList list, double[] x, double[] d, double[] f) {
    if (list != decodedList || list.builds() != decodedBuild) {
      decode(list, d);
    }
    final int n = list.size();
    final int[] start = list.start();
    Arrays.fill(f, 0, 2 * n, 0.0);
    // particle blocks, so that the pair forces of a block are still in L1 when they are added
    for (int i0 = 0; i0 < n; i0 += BLOCK) {
      final int i1 = Math.min(n, i0 + BLOCK);
      pairForces(x, start[i0], start[i1]);
      accumulate(start, f, i0, i1);
    }
  }

  /** Pair forces (on the owner) of entries {@code [k0, k1)} into {@code fxs}, {@code fys}. */
  private void pairForces(double[] x, int k0, int k1) {
    final double c2 = Wca.CUTOFF_SQUARED_FACTOR;
    final double[] fx = fxs;
    final double[] fy = fys;
    final int bound = k0 + S.loopBound(k1 - k0);
    final DoubleVector zero = DoubleVector.zero(S);
    final DoubleVector one = DoubleVector.broadcast(S, 1.0);
    int k = k0;
    for (; k < bound; k += L) {
      final DoubleVector xi = DoubleVector.fromArray(S, x, 0, own2, k);
      final DoubleVector yi = DoubleVector.fromArray(S, x, 1, own2, k);
      final DoubleVector xj = DoubleVector.fromArray(S, x, 0, nb2, k);
      final DoubleVector yj = DoubleVector.fromArray(S, x, 1, nb2, k);
      final DoubleVector dx = xi.sub(xj).add(DoubleVector.fromArray(S, shx, k));
      final DoubleVector dy = yi.sub(yj).add(DoubleVector.fromArray(S, shy, k));
      final DoubleVector r2 = dx.mul(dx).add(dy.mul(dy));
      final DoubleVector s = DoubleVector.fromArray(S, sig, k);
      final DoubleVector s2 = s.mul(s);
      final DoubleVector ir2 = one.div(r2);
      final DoubleVector sr2 = s2.mul(ir2);
      final DoubleVector sr6 = sr2.mul(sr2).mul(sr2);
      final DoubleVector fr0 = sr6.mul(24.0).mul(sr6.mul(2.0).sub(1.0)).mul(ir2);
      // the scalar loop multiplies by 1.0 or 0.0 (sign bit of r2 - c2 s^2): the same here
      final VectorMask<Double> in = r2.sub(s2.mul(c2)).compare(VectorOperators.LT, 0.0);
      final DoubleVector fr = fr0.mul(zero.blend(one, in));
      fr.mul(dx).intoArray(fx, k);
      fr.mul(dy).intoArray(fy, k);
    }
    for (; k < k1; k++) {
      final int a = own2[k];
      final int b = nb2[k];
      final double dx = x[a] - x[b] + shx[k];
      final double dy = x[a + 1] - x[b + 1] + shy[k];
      final double fr = PairForces.wcaForceOverR(dx * dx + dy * dy, sig[k]);
      fx[k] = fr * dx;
      fy[k] = fr * dy;
    }
  }

  /** Adds the pair forces of particles {@code [i0, i1)} exactly as the scalar loop does. */
  private void accumulate(int[] start, double[] f, int i0, int i1) {
    final double[] fx = fxs;
    final double[] fy = fys;
    final int[] j2 = nb2;
    for (int i = i0; i < i1; i++) {
      double fxi = 0;
      double fyi = 0;
      for (int q = start[i], e = start[i + 1]; q < e; q++) {
        final double a = fx[q];
        final double b = fy[q];
        final int jj = j2[q];
        fxi += a;
        fyi += b;
        f[jj] -= a;
        f[jj + 1] -= b;
      }
      f[2 * i] += fxi;
      f[2 * i + 1] += fyi;
    }
  }
}
