package org.glasslab.analysis.dynamics;

import java.util.TreeMap;
import org.glasslab.data.Box;
import org.glasslab.data.Configuration;
import org.glasslab.data.Trajectory;

/**
 * Persistence of inherent-structure (IS) positions: p(f0, f1) is the fraction of particles that did
 * not move by more than {@code threshold} (minimum image) between any two consecutive IS frames in
 * [f0, f1], the particle analogue of the lattice persistence (a site that has not yielded). Every
 * frame is an origin; pairs are grouped by the exact step lag and the lag time is their mean t(f1)
 * − t(f0). Per lag: ⟨p⟩ over origins and χ4 = N (⟨p²⟩ − ⟨p⟩²). Hops that return within one IS
 * interval are not seen, so on long intervals p is an upper bound.
 */
public final class IsPersistence {
  private IsPersistence() {}

  /**
   * Persistence per lag.
   *
   * @param lagSteps [L] exact step lags, increasing
   * @param lagTimes [L] mean lag time [time]
   * @param persistence [L] ⟨p⟩ over origins
   * @param chi4 [L] N var(p) over origins [particles]
   * @param origins [L] origins averaged at each lag
   */
  public record Result(
      long[] lagSteps, double[] lagTimes, double[] persistence, double[] chi4, int[] origins) {}

  /**
   * p(t) and χ4(t) of an IS trajectory.
   *
   * @param threshold a particle moved in an interval when its displacement exceeds this [length]
   */
  public static Result compute(Trajectory is, double threshold) {
    if (!(threshold > 0) || !Double.isFinite(threshold)) {
      throw new IllegalArgumentException(
          "threshold: must be finite and positive, got " + threshold);
    }
    int nf = is.frameCount();
    int n = is.particleCount();
    Box box = is.box();
    int[][] moved = new int[Math.max(0, nf - 1)][];
    double t2 = threshold * threshold;
    Configuration prev = nf > 0 ? is.frame(0) : null;
    int[] buf = new int[n];
    for (int f = 1; f < nf; f++) {
      Configuration c = is.frame(f);
      double[] a = prev.positions();
      double[] b = c.positions();
      int m = 0;
      for (int i = 0; i < n; i++) {
        double dx = box.minImageX(b[2 * i] - a[2 * i]);
        double dy = box.minImageY(b[2 * i + 1] - a[2 * i + 1]);
        if (dx * dx + dy * dy > t2) {
          buf[m++] = i;
        }
      }
      moved[f - 1] = java.util.Arrays.copyOf(buf, m);
      prev = c;
    }
    TreeMap<Long, double[]> acc = new TreeMap<>(); // lag -> {sum p, sum p², sum time, count}
    boolean[] gone = new boolean[n];
    for (int f0 = 0; f0 < nf - 1; f0++) {
      java.util.Arrays.fill(gone, false);
      int alive = n;
      for (int f1 = f0 + 1; f1 < nf; f1++) {
        for (int i : moved[f1 - 1]) {
          if (!gone[i]) {
            gone[i] = true;
            alive--;
          }
        }
        double p = (double) alive / n;
        double[] s = acc.computeIfAbsent(is.step(f1) - is.step(f0), key -> new double[4]);
        s[0] += p;
        s[1] += p * p;
        s[2] += is.time(f1) - is.time(f0);
        s[3] += 1;
      }
    }
    int nl = acc.size();
    long[] lags = new long[nl];
    double[] lt = new double[nl];
    double[] pm = new double[nl];
    double[] chi = new double[nl];
    int[] cnt = new int[nl];
    int k = 0;
    for (var e : acc.entrySet()) {
      double[] s = e.getValue();
      lags[k] = e.getKey();
      pm[k] = s[0] / s[3];
      chi[k] = n * Math.max(0, s[1] / s[3] - pm[k] * pm[k]);
      lt[k] = s[2] / s[3];
      cnt[k] = (int) s[3];
      k++;
    }
    return new Result(lags, lt, pm, chi, cnt);
  }
}
