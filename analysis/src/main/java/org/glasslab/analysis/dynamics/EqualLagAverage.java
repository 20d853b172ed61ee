package org.glasslab.analysis.dynamics;

import java.util.TreeMap;
import org.glasslab.data.Configuration;
import org.glasslab.data.Trajectory;

/**
 * The time-origin average of a two-frame quantity at equal lag, shared by the windowed MSD and
 * F_s(k, t): for every frame pair (f0, f1 &gt; f0) with f0 an origin (every {@code originStride}-th
 * frame), the quantity of the unwrapped positions is grouped by the exact step lag S(f1) − S(f0);
 * the lag time of a group is its mean t(f1) − t(f0). Frames are read in order, once per block of
 * origins; only a block of origins is kept.
 */
final class EqualLagAverage {
  private EqualLagAverage() {}

  /** A quantity of two unwrapped frames (origin first), neither modified. */
  interface PairQuantity {
    double of(double[] origin, double[] later);
  }

  /**
   * Averages per exact lag.
   *
   * @param lagSteps [L] increasing
   * @param lagTimes [L] mean lag time [time]
   * @param values [L] mean quantity
   * @param pairs [L] frame pairs at each lag
   */
  record Result(long[] lagSteps, double[] lagTimes, double[] values, int[] pairs) {}

  /**
   * Averages per exact lag, holding the origins in blocks of at most an eighth of the heap ({@code
   * 16 N} bytes per origin): memory O(N x block), not O(frames x N).
   */
  static Result compute(Trajectory trajectory, int originStride, PairQuantity q) {
    long perOrigin = 16L * Math.max(1, trajectory.particleCount());
    long fit = Runtime.getRuntime().maxMemory() / 8 / perOrigin;
    return compute(
        trajectory, originStride, q, (int) Math.max(1, Math.min(Integer.MAX_VALUE, fit)));
  }

  /**
   * As {@link #compute(Trajectory, int, PairQuantity)} holding at most {@code block} origins at a
   * time; the trajectory is read once per block from the block's first origin on (the result is the
   * same up to the order of floating-point sums).
   */
  static Result compute(Trajectory trajectory, int originStride, PairQuantity q, int block) {
    int nf = trajectory.frameCount();
    int origins = (nf + originStride - 1) / originStride;
    int nb = Math.max(1, Math.min(block, origins));
    double[][] held = new double[nb][];
    long[] heldSteps = new long[nb];
    double[] heldTimes = new double[nb];
    TreeMap<Long, double[]> acc = new TreeMap<>(); // lag -> {sum value, sum time, count}
    double[] buf = null;
    for (int first = 0; first < origins; first += nb) {
      int lastFrame = Math.min(first + nb, origins) * originStride - originStride;
      int h = 0;
      for (int f = first * originStride; f < nf; f++) {
        Configuration c = trajectory.frame(f);
        buf = c.box().unwrap(c.positions(), c.images(), buf);
        long s = trajectory.step(f);
        double t = trajectory.time(f);
        for (int o = 0; o < h; o++) {
          double[] a = acc.computeIfAbsent(s - heldSteps[o], k -> new double[3]);
          a[0] += q.of(held[o], buf);
          a[1] += t - heldTimes[o];
          a[2] += 1;
        }
        if (f % originStride == 0 && f <= lastFrame) {
          if (held[h] == null) {
            held[h] = buf.clone();
          } else {
            System.arraycopy(buf, 0, held[h], 0, buf.length);
          }
          heldSteps[h] = s;
          heldTimes[h] = t;
          h++;
        }
      }
    }
    int nl = acc.size();
    long[] lags = new long[nl];
    double[] lt = new double[nl];
    double[] v = new double[nl];
    int[] pairs = new int[nl];
    int k = 0;
    for (var e : acc.entrySet()) {
      double[] a = e.getValue();
      lags[k] = e.getKey();
      lt[k] = a[1] / a[2];
      v[k] = a[0] / a[2];
      pairs[k] = (int) a[2];
      k++;
    }
    return new Result(lags, lt, v, pairs);
  }
}
