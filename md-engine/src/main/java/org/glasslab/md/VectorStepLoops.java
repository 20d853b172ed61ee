package org.glasslab.md;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * The velocity-Verlet loops of {@link Simulation#step()} in lanes of {@code jdk.incubator.vector}
 * (loaded reflectively with the vector force kernel, see {@link ForceKernel}): the interleaved
 * arrays x, v, f (x0, y0, x1, y1, ...) are processed as flat arrays of 2N doubles. Every
 * per-coordinate operation is the scalar loop's, so positions, velocities and the largest
 * displacement are bit-identical to {@link ForceKernel.StepLoops#SCALAR}; only the velocity sums
 * for the thermostat are added in another order (lane partial sums), so they agree to rounding.
 */
final class VectorStepLoops implements ForceKernel.StepLoops {
  private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
  private static final int L = S.length();
  // lane i takes lane i ^ 1: the partner coordinate of the same particle
  private static final VectorShuffle<Double> SWAP = VectorShuffle.fromOp(S, i -> i ^ 1);
  // lane partial sums of the kick (one instance per Simulation, so no sharing between threads)
  private final double[] buf = new double[2 * L];

  @Override
  public double kickDrift(
      double[] x, double[] v, double[] f, double[] xb, int n, double h, double dt) {
    final int m = 2 * n;
    final int upper = S.loopBound(m);
    DoubleVector vh = DoubleVector.broadcast(S, h);
    DoubleVector vdt = DoubleVector.broadcast(S, dt);
    DoubleVector mx = DoubleVector.zero(S);
    int k = 0;
    for (; k < upper; k += L) {
      DoubleVector vv =
          DoubleVector.fromArray(S, v, k).add(vh.mul(DoubleVector.fromArray(S, f, k)));
      vv.intoArray(v, k);
      DoubleVector p = DoubleVector.fromArray(S, x, k).add(vdt.mul(vv));
      p.intoArray(x, k);
      DoubleVector dd = p.sub(DoubleVector.fromArray(S, xb, k));
      DoubleVector d2 = dd.mul(dd);
      // even lane: dx² + dy² (the scalar loop's sum, same order); odd lane: dy² + dx², equal
      mx = mx.max(d2.add(d2.rearrange(SWAP)));
    }
    // upper is a multiple of the (even) lane count: the tail starts at particle upper / 2
    double maxDisp2 = mx.reduceLanes(VectorOperators.MAX);
    maxDisp2 = ForceKernel.StepLoops.kickDriftRange(x, v, f, xb, upper / 2, n, h, dt, maxDisp2);
    return maxDisp2;
  }

  @Override
  public void kick(double[] v, double[] f, int n, double h, double[] moments) {
    final int m = 2 * n;
    final int upper = S.loopBound(m);
    DoubleVector vh = DoubleVector.broadcast(S, h);
    DoubleVector s1 = DoubleVector.zero(S);
    DoubleVector s2 = DoubleVector.zero(S);
    int k = 0;
    for (; k < upper; k += L) {
      DoubleVector vv =
          DoubleVector.fromArray(S, v, k).add(vh.mul(DoubleVector.fromArray(S, f, k)));
      vv.intoArray(v, k);
      s1 = s1.add(vv);
      s2 = s2.add(vv.mul(vv));
    }
    // lanes summed in a fixed order: reduceLanes(ADD) leaves the order to the implementation,
    // which could differ between the interpreter and compiled code (non-reproducible runs)
    // (stored, not read with lane(i): a variable lane index is not intrinsified)
    final double[] b = buf;
    s1.intoArray(b, 0);
    s2.intoArray(b, L);
    double sx = 0;
    double sy = 0;
    double sq = 0;
    for (int lane = 0; lane < L; lane += 2) {
      sx += b[lane];
      sy += b[lane + 1];
      sq += b[L + lane] + b[L + lane + 1];
    }
    moments[0] = sx;
    moments[1] = sy;
    moments[2] = sq;
    ForceKernel.StepLoops.kickRange(v, f, upper / 2, n, h, moments);
  }
}
