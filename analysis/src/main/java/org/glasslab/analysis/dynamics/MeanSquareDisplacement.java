package org.glasslab.analysis.dynamics;

import org.glasslab.data.Configuration;
import org.glasslab.data.Trajectory;

/**
 * Mean-square displacement along a trajectory from unwrapped positions ({@code x + image * L}).
 *
 * <p>First-frame reference: {@code MSD(f) = (1/N) sum_i |U_i(f) - U_i(0)|^2} for every frame f
 * (frame 0 is the reference, MSD(0) = 0). Time-origin averaged ("windowed"): for every pair of
 * frames (f0, f1 &gt; f0) with f0 an origin (every {@code originStride}-th frame), the squared
 * displacements are grouped by the exact step lag {@code S(f1) - S(f0)} and averaged over origins
 * and particles; with a log-block schedule and originStride = frames per block this is the usual
 * block-origin average. Preconditions (freud): unwrapped positions (images stored) and a constant
 * box, both guaranteed by {@link Trajectory}. Frames are read one at a time; the windowed variant
 * keeps a block of origins ([block x 2N] doubles, see {@link #computeWindowed(Trajectory)}).
 */
public final class MeanSquareDisplacement {
  private final int originStride;

  /**
   * First-frame MSD.
   *
   * @param frames [F] frame indices
   * @param steps [F] MD steps
   * @param times [F] times [time]
   * @param msd [F] MSD [length^2]
   */
  public record Result(int[] frames, long[] steps, double[] times, double[] msd) {
    /** Copies the arrays. */
    public Result {
      frames = frames.clone();
      steps = steps.clone();
      times = times.clone();
      msd = msd.clone();
    }

    @Override
    public double[] msd() {
      return msd.clone();
    }

    @Override
    public long[] steps() {
      return steps.clone();
    }

    @Override
    public double[] times() {
      return times.clone();
    }

    @Override
    public int[] frames() {
      return frames.clone();
    }
  }

  /**
   * Time-origin averaged MSD.
   *
   * @param lagSteps [L] step lags, increasing
   * @param lagTimes [L] time lags [time] (mean over the contributing pairs)
   * @param msd [L] MSD [length^2]
   * @param pairs [L] number of (origin, frame) pairs averaged per lag
   * @param originStride every originStride-th frame is an origin
   */
  public record WindowedResult(
      long[] lagSteps, double[] lagTimes, double[] msd, int[] pairs, int originStride) {
    /** Copies the arrays. */
    public WindowedResult {
      lagSteps = lagSteps.clone();
      lagTimes = lagTimes.clone();
      msd = msd.clone();
      pairs = pairs.clone();
    }

    @Override
    public long[] lagSteps() {
      return lagSteps.clone();
    }

    @Override
    public double[] lagTimes() {
      return lagTimes.clone();
    }

    @Override
    public double[] msd() {
      return msd.clone();
    }

    @Override
    public int[] pairs() {
      return pairs.clone();
    }
  }

  /**
   * An MSD analysis.
   *
   * @param originStride origin spacing in frames for the windowed variant (&ge; 1)
   */
  public MeanSquareDisplacement(int originStride) {
    if (originStride < 1) {
      throw new IllegalArgumentException("origin stride must be >= 1, got " + originStride);
    }
    this.originStride = originStride;
  }

  /** An analysis with origin stride 1 (every frame is an origin). */
  public MeanSquareDisplacement() {
    this(1);
  }

  /** Origin stride in frames. */
  public int originStride() {
    return originStride;
  }

  /** MSD with the first frame as reference. */
  public Result compute(Trajectory trajectory) {
    int nf = trajectory.frameCount();
    double[] ref = trajectory.frame(0).unwrappedPositions();
    double[] buf = new double[ref.length];
    int[] frames = new int[nf];
    long[] steps = new long[nf];
    double[] times = new double[nf];
    double[] msd = new double[nf];
    for (int f = 0; f < nf; f++) {
      Configuration c = trajectory.frame(f);
      c.box().unwrap(c.positions(), c.images(), buf);
      frames[f] = f;
      steps[f] = trajectory.step(f);
      times[f] = trajectory.time(f);
      msd[f] = meanSquare(ref, buf);
    }
    return new Result(frames, steps, times, msd);
  }

  /**
   * MSD averaged over time origins, grouped by exact step lag. The origins are held in blocks of at
   * most an eighth of the heap ({@code 16 N} bytes each), and the trajectory is read once per block
   * from the block's first origin on: memory O(N x block), not O(frames x N).
   */
  public WindowedResult computeWindowed(Trajectory trajectory) {
    EqualLagAverage.Result r =
        EqualLagAverage.compute(trajectory, originStride, MeanSquareDisplacement::meanSquare);
    return new WindowedResult(r.lagSteps(), r.lagTimes(), r.values(), r.pairs(), originStride);
  }

  /**
   * As {@link #computeWindowed(Trajectory)} holding at most {@code block} origins at a time (the
   * result is the same up to the order of floating-point sums).
   */
  WindowedResult computeWindowed(Trajectory trajectory, int block) {
    EqualLagAverage.Result r =
        EqualLagAverage.compute(
            trajectory, originStride, MeanSquareDisplacement::meanSquare, block);
    return new WindowedResult(r.lagSteps(), r.lagTimes(), r.values(), r.pairs(), originStride);
  }

  /**
   * Mean over particles of {@code |b_i - a_i|^2}.
   *
   * @param a [2N] [length], not modified
   * @param b [2N] [length], not modified
   */
  public static double meanSquare(double[] a, double[] b) {
    double s = 0;
    for (int k = 0; k < a.length; k++) {
      double d = b[k] - a[k];
      s += d * d;
    }
    return s / (a.length / 2);
  }
}
