package org.glasslab.analysis.stats;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.glasslab.data.stats.Histogram;

/**
 * Ensemble averages of one per-particle field over trajectories, grouped by temperature: one {@link
 * EnsembleHistogram} per temperature on a common binning, plus the mean and standard error (across
 * trajectories) of the per-trajectory means. Temperatures are in units of epsilon / k_B.
 */
public final class TemperatureEnsemble {
  private final double lo;
  private final double hi;
  private final int bins;
  private final TreeMap<Double, EnsembleHistogram> histograms = new TreeMap<>();
  private final TreeMap<Double, org.apache.commons.math3.stat.descriptive.SummaryStatistics> means =
      new TreeMap<>();

  /** An empty ensemble with the given common binning (see {@link Histogram}). */
  public TemperatureEnsemble(double lo, double hi, int bins) {
    new EnsembleHistogram(lo, hi, bins); // validates
    this.lo = lo;
    this.hi = hi;
    this.bins = bins;
  }

  /**
   * Adds one trajectory at temperature {@code t}.
   *
   * @param values the field over that trajectory's particles (and frames), NaN skipped
   */
  public void add(double t, double[] values) {
    if (!Double.isFinite(t)) {
      throw new IllegalArgumentException("temperature must be finite, got " + t);
    }
    histograms.computeIfAbsent(t, k -> new EnsembleHistogram(lo, hi, bins)).add(values);
    means
        .computeIfAbsent(t, k -> new org.apache.commons.math3.stat.descriptive.SummaryStatistics())
        .addValue(Summary.of(values).mean());
  }

  /**
   * Averages at one temperature.
   *
   * @param distribution mean density and its standard error per bin
   * @param mean mean over trajectories of the per-trajectory mean
   * @param meanStderr its standard error (NaN for one trajectory)
   */
  public record Entry(EnsembleHistogram.Result distribution, double mean, double meanStderr) {}

  /** Results by increasing temperature. */
  public Map<Double, Entry> results() {
    Map<Double, Entry> out = new LinkedHashMap<>();
    for (var e : histograms.entrySet()) {
      var s = means.get(e.getKey());
      double se = s.getN() > 1 ? s.getStandardDeviation() / Math.sqrt(s.getN()) : Double.NaN;
      out.put(e.getKey(), new Entry(e.getValue().result(), s.getMean(), se));
    }
    return Collections.unmodifiableMap(out);
  }
}
