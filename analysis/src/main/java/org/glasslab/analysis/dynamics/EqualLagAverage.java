package org.glasslab.analysis.dynamics;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.glasslab.data.Configuration;
import org.glasslab.data.Trajectory;

/**
 * The time-origin average of a two-frame quantity at equal lag, shared by the windowed MSD and
 * F_s(k, t): for every frame pair (f0, f1 &gt; f0) with f0 an origin (every {@code originStride}-th
 * frame), the quantity of the unwrapped positions is grouped by the exact step lag S(f1) − S(f0);
 * the lag time of a group is its mean t(f1) − t(f0). Frames are read once, in order; only the
 * origins are kept ([origins x 2N] doubles).
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

  static Result compute(Trajectory trajectory, int originStride, PairQuantity q) {
    int nf = trajectory.frameCount();
    List<double[]> origins = new ArrayList<>();
    List<Long> originSteps = new ArrayList<>();
    List<Double> originTimes = new ArrayList<>();
    TreeMap<Long, double[]> acc = new TreeMap<>(); // lag -> {sum value, sum time, count}
    double[] buf = null;
    for (int f = 0; f < nf; f++) {
      Configuration c = trajectory.frame(f);
      buf = c.box().unwrap(c.positions(), c.images(), buf);
      long s = trajectory.step(f);
      double t = trajectory.time(f);
      for (int o = 0; o < origins.size(); o++) {
        double[] a = acc.computeIfAbsent(s - originSteps.get(o), k -> new double[3]);
        a[0] += q.of(origins.get(o), buf);
        a[1] += t - originTimes.get(o);
        a[2] += 1;
      }
      if (f % originStride == 0) {
        origins.add(buf.clone());
        originSteps.add(s);
        originTimes.add(t);
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
