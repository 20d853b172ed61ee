package org.glasslab.analysis.events;

import java.util.List;
import java.util.TreeSet;
import org.apache.commons.math3.analysis.solvers.BrentSolver;
import org.glasslab.analysis.events.EventCatalog.Interval;

/**
 * How much of a catalogue sits at the longest lags of the schedule, against what the lag alone
 * predicts — the check that separates physics from the log-block schedule (a detector that measures
 * the schedule puts every event at a block end).
 *
 * <p>"Long" intervals are those whose lag is one of the {@value #LONG_LAGS} longest distinct lags
 * of the trajectory (on the log-block schedule the frames 2^{N_cfg−3} → 2^{N_cfg−2} → 2^{N_cfg−1}
 * of every block). For a set of flagged intervals (those where the IS changed, or the events) the
 * observed share at long lags is compared with two predictions: <em>by count</em>, the share of
 * long intervals among all judged ones (what a lag-blind false-positive rate gives, and what the
 * equal-lag z-score should give under the null of no events); and <em>by time</em>, a constant-rate
 * Poisson process in elapsed time, with the rate r fitted by maximum likelihood to whether each
 * interval was flagged, P(flagged | lag Δ) = 1 − exp(−rΔ), share = Σ_long P / Σ_all P.
 */
public final class ScheduleCheck {
  /** How many of the longest distinct lags count as "long". */
  public static final int LONG_LAGS = 2;

  /**
   * One comparison.
   *
   * @param flagged how many intervals were flagged
   * @param atLong how many of them have a long lag
   * @param observedShare atLong / flagged (NaN when nothing was flagged)
   * @param shareByCount long intervals / all intervals
   * @param shareByTime the constant-rate prediction (NaN when nothing or everything was flagged)
   * @param rate the fitted rate r [1/step] (NaN as above)
   */
  public record Share(
      int flagged,
      int atLong,
      double observedShare,
      double shareByCount,
      double shareByTime,
      double rate) {}

  /**
   * The comparison for the intervals where the IS changed at all and for the events.
   *
   * @param intervals all intervals
   * @param longLag the shortest lag counted as long [steps]
   * @param changed for intervals whose kind is not QUIET
   * @param events for AVALANCHE and MULTIPLE intervals
   */
  public record Result(List<Interval> intervals, long longLag, Share changed, Share events) {}

  private ScheduleCheck() {}

  /** The check on a catalogue's intervals. */
  public static Result of(List<Interval> intervals) {
    TreeSet<Long> lags = new TreeSet<>();
    for (Interval i : intervals) {
      lags.add(i.lag());
    }
    long longLag =
        lags.isEmpty()
            ? 0
            : lags.descendingSet().stream().limit(LONG_LAGS).reduce((a, b) -> b).orElseThrow();
    long[] lag = new long[intervals.size()];
    boolean[] changed = new boolean[lag.length];
    boolean[] event = new boolean[lag.length];
    for (int k = 0; k < lag.length; k++) {
      Interval i = intervals.get(k);
      lag[k] = i.lag();
      changed[k] = i.kind() != EventCatalog.Kind.QUIET;
      event[k] = i.isEvent();
    }
    return new Result(intervals, longLag, share(lag, changed, longLag), share(lag, event, longLag));
  }

  static Share share(long[] lag, boolean[] flagged, long longLag) {
    int n = lag.length;
    int nFlagged = 0;
    int atLong = 0;
    int nLong = 0;
    for (int k = 0; k < n; k++) {
      boolean isLong = lag[k] >= longLag;
      if (isLong) {
        nLong++;
      }
      if (flagged[k]) {
        nFlagged++;
        if (isLong) {
          atLong++;
        }
      }
    }
    double observed = nFlagged == 0 ? Double.NaN : (double) atLong / nFlagged;
    double byCount = n == 0 ? Double.NaN : (double) nLong / n;
    double rate = nFlagged == 0 || nFlagged == n ? Double.NaN : fitRate(lag, flagged);
    double byTime = Double.NaN;
    if (!Double.isNaN(rate)) {
      double all = 0;
      double lng = 0;
      for (int k = 0; k < n; k++) {
        double p = -Math.expm1(-rate * lag[k]);
        all += p;
        if (lag[k] >= longLag) {
          lng += p;
        }
      }
      byTime = lng / all;
    }
    return new Share(nFlagged, atLong, observed, byCount, byTime, rate);
  }

  /**
   * Maximum-likelihood rate of a constant-rate process flagging intervals of lags {@code lag}: the
   * root of the score Σ_flagged Δ e^{−rΔ}/(1 − e^{−rΔ}) − Σ_unflagged Δ, which decreases in r
   * (solved in ln r; at least one interval flagged and one not).
   */
  static double fitRate(long[] lag, boolean[] flagged) {
    long minLag = Long.MAX_VALUE;
    long maxLag = 0;
    for (long l : lag) {
      minLag = Math.min(minLag, Math.max(1, l));
      maxLag = Math.max(maxLag, l);
    }
    double lo = Math.log(1e-6 / maxLag);
    double hi = Math.log(50.0 / minLag);
    if (score(lag, flagged, Math.exp(lo)) <= 0) {
      return Math.exp(lo);
    }
    if (score(lag, flagged, Math.exp(hi)) >= 0) {
      return Math.exp(hi);
    }
    double lnR =
        new BrentSolver(1e-12).solve(200, lnr -> score(lag, flagged, Math.exp(lnr)), lo, hi);
    return Math.exp(lnR);
  }

  private static double score(long[] lag, boolean[] flagged, double r) {
    double s = 0;
    for (int k = 0; k < lag.length; k++) {
      double d = lag[k];
      if (flagged[k]) {
        double e = -Math.expm1(-r * d);
        s += d * Math.exp(-r * d) / e;
      } else {
        s -= d;
      }
    }
    return s;
  }
}
