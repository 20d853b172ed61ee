package org.glasslab.epm.avalanche;

import org.glasslab.epm.lattice.LatticeParams;

/**
 * Options of a T_c(L) scan (see {@link TcScan}).
 *
 * @param base model parameters; size and temperature are overridden per cell
 * @param sizes lattice sizes L (each ≥ 4)
 * @param temperatures increasing temperatures T (&gt; 0)
 * @param samples independent samples per (L, T) (≥ 2, for bootstrap error bars)
 * @param avalanchesPerSample avalanches recorded per sample (runaways included)
 * @param warmupSweeps events discarded before recording, in units of N
 * @param budgetSweeps maximum recorded events per sample, in units of N (a sample stops early if
 *     exceeded; the avalanches it has count)
 * @param runawayFactor c: runaway when S &gt; c·N (primary criterion)
 * @param extraFactors further c values evaluated on the same avalanches (each ≤ runawayFactor)
 * @param bootstrap bootstrap replicates for the error bars (≥ 10)
 * @param seed base seed; cell seeds are derived from it, L, the T index and the sample index
 * @param threads worker threads (results do not depend on it)
 * @param criterion which runaway fraction defines T_c
 * @param stopAtFirstRunaway end a sample at its first runaway (saves time; biases the per-avalanche
 *     fraction, which is then informational only)
 */
public record TcScanOptions(
    LatticeParams base,
    int[] sizes,
    double[] temperatures,
    int samples,
    int avalanchesPerSample,
    double warmupSweeps,
    double budgetSweeps,
    double runawayFactor,
    double[] extraFactors,
    int bootstrap,
    long seed,
    int threads,
    Criterion criterion,
    boolean stopAtFirstRunaway) {

  /** Operational definition of the runaway fraction whose ½ crossing is T_c [P]. */
  public enum Criterion {
    /**
     * Fraction of freshly prepared samples in which an avalanche exceeds c·N events before {@code
     * avalanchesPerSample} avalanches have ended (default).
     */
    SAMPLE,
    /** Fraction of all recorded avalanches with S &gt; c·N, pooled over samples. */
    AVALANCHE
  }

  /** Validates the options. */
  public TcScanOptions {
    if (base == null) {
      throw new IllegalArgumentException("base parameters must be set");
    }
    if (sizes == null || sizes.length == 0) {
      throw new IllegalArgumentException("give at least one lattice size");
    }
    for (int l : sizes) {
      if (l < 4) {
        throw new IllegalArgumentException("lattice size " + l + " is below 4");
      }
    }
    if (temperatures == null || temperatures.length < 2) {
      throw new IllegalArgumentException("give at least two temperatures to bracket T_c");
    }
    for (int k = 0; k < temperatures.length; k++) {
      if (!(temperatures[k] > 0) || (k > 0 && !(temperatures[k] > temperatures[k - 1]))) {
        throw new IllegalArgumentException("temperatures must be positive and increasing");
      }
    }
    if (samples < 2) {
      throw new IllegalArgumentException("need at least 2 samples per cell, got " + samples);
    }
    if (avalanchesPerSample < 1) {
      throw new IllegalArgumentException("avalanches per sample must be >= 1");
    }
    if (!(warmupSweeps >= 0) || !(budgetSweeps > 0)) {
      throw new IllegalArgumentException("warm-up must be >= 0 and budget > 0 sweeps");
    }
    if (!(runawayFactor > 0)) {
      throw new IllegalArgumentException("runaway factor c must be > 0");
    }
    extraFactors = extraFactors == null ? new double[0] : extraFactors.clone();
    for (double c : extraFactors) {
      if (!(c > 0) || c > runawayFactor) {
        throw new IllegalArgumentException(
            "extra runaway factor " + c + " must lie in (0, c = " + runawayFactor + "]");
      }
    }
    if (bootstrap < 10) {
      throw new IllegalArgumentException("need at least 10 bootstrap replicates");
    }
    if (criterion == null) {
      throw new IllegalArgumentException("criterion must be set");
    }
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1");
    }
    sizes = sizes.clone();
    temperatures = temperatures.clone();
  }

  @Override
  public int[] sizes() {
    return sizes.clone();
  }

  @Override
  public double[] temperatures() {
    return temperatures.clone();
  }

  @Override
  public double[] extraFactors() {
    return extraFactors.clone();
  }

  /** All runaway factors: the primary one first, then the extra ones. */
  public double[] allFactors() {
    double[] f = new double[extraFactors.length + 1];
    f[0] = runawayFactor;
    System.arraycopy(extraFactors, 0, f, 1, extraFactors.length);
    return f;
  }
}
