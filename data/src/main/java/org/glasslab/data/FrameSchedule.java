package org.glasslab.data;

/**
 * Which MD steps are stored as frames, and the conversions frame &harr; step &harr; time.
 *
 * <p>Time is measured from step 0 of the production run: {@code t = step * dt}. Frames are numbered
 * 0, 1, ... in increasing step order.
 */
public sealed interface FrameSchedule permits FrameSchedule.LogBlock, FrameSchedule.Linear {

  /** Number of frames in the schedule. */
  int frameCount();

  /** MD step of frame {@code f} (0 &le; f &lt; frameCount). */
  long step(int f);

  /** MD time step [time]. */
  double dt();

  /** Time of frame {@code f}: {@code step(f) * dt} [time]. */
  default double time(int f) {
    return step(f) * dt();
  }

  /** The last step of the schedule (the run length in steps). */
  default long lastStep() {
    return step(frameCount() - 1);
  }

  /** The frame stored at {@code step}, or -1 if that step is not a frame. */
  int frameOfStep(long step);

  /**
   * The frame stored at time {@code t}, or -1 if no frame lies within half a time step of it. Times
   * are converted with {@code step = round(t / dt)}.
   */
  default int frameOfTime(double t) {
    double s = t / dt();
    long step = Math.round(s);
    if (Math.abs(s - step) > 0.5 || step < 0) {
      return -1;
    }
    return frameOfStep(step);
  }

  /** The paper's schedule with its defaults B = 1 050 000, N_cfg = 21, dt = 0.003. */
  static LogBlock paper(int blocks) {
    return new LogBlock(1_050_000L, 21, 0.003, blocks);
  }

  /**
   * The log-block schedule of Jha &amp; Sengupta eq. 2: frame {@code f = i*nCfg + j} is stored at
   * step {@code S(f) = i*B + 2^j}, {@code 0 <= j < nCfg}, {@code 0 <= i < blocks}.
   *
   * <p>Step {@code i*B} itself (in particular step 0, the start of production) is <em>not</em> a
   * frame, exactly as in the paper's formula; the first frame of a block is one step after the
   * block start. The starting configuration is kept in the MD checkpoint, not in the trajectory.
   *
   * @param blockSize B, steps per block; must satisfy {@code 2^(nCfg-1) <= B}, so that frames
   *     increase monotonically
   * @param nCfg N_cfg, frames per block (1..62)
   * @param dt MD time step [time]
   * @param blocks number of blocks
   */
  record LogBlock(long blockSize, int nCfg, double dt, int blocks) implements FrameSchedule {
    /** Validates the parameters. */
    public LogBlock {
      if (nCfg < 1 || nCfg > 62) {
        throw new IllegalArgumentException("N_cfg must be in 1..62, got " + nCfg);
      }
      if (blockSize < 1L << (nCfg - 1)) {
        throw new IllegalArgumentException(
            "block size B = "
                + blockSize
                + " must be at least 2^(N_cfg-1) = "
                + (1L << (nCfg - 1))
                + " so that frames stay inside their block");
      }
      if (!(dt > 0) || !Double.isFinite(dt)) {
        throw new IllegalArgumentException("dt must be finite and positive, got " + dt);
      }
      if (blocks < 1) {
        throw new IllegalArgumentException("blocks must be >= 1, got " + blocks);
      }
      if ((long) blocks * nCfg > Integer.MAX_VALUE) {
        throw new IllegalArgumentException("too many frames: blocks * N_cfg exceeds 2^31-1");
      }
    }

    @Override
    public int frameCount() {
      return blocks * nCfg;
    }

    @Override
    public long step(int f) {
      if (f < 0 || f >= frameCount()) {
        throw new IndexOutOfBoundsException(
            "frame " + f + " outside 0.." + (frameCount() - 1) + " of the log-block schedule");
      }
      int i = f / nCfg;
      int j = f % nCfg;
      return i * blockSize + (1L << j);
    }

    @Override
    public int frameOfStep(long step) {
      if (step <= 0) {
        return -1;
      }
      long i = step / blockSize;
      long r = step % blockSize;
      if (r == 0) {
        // step i*B is 2^j of block i-1 only when B is itself a power of two within range.
        i -= 1;
        r = blockSize;
      }
      if (i >= blocks || Long.bitCount(r) != 1) {
        return -1;
      }
      int j = Long.numberOfTrailingZeros(r);
      return j < nCfg ? (int) (i * nCfg + j) : -1;
    }

    /** Block index i of frame {@code f}. */
    public int block(int f) {
      return f / nCfg;
    }

    /** Index j within the block of frame {@code f}. */
    public int indexInBlock(int f) {
      return f % nCfg;
    }
  }

  /**
   * Frames every {@code interval} steps: {@code S(f) = first + f * interval}.
   *
   * @param first step of frame 0 (&ge; 0)
   * @param interval steps between frames (&ge; 1)
   * @param dt MD time step [time]
   * @param frames number of frames (&ge; 1)
   */
  record Linear(long first, long interval, double dt, int frames) implements FrameSchedule {
    /** Validates the parameters. */
    public Linear {
      if (first < 0) {
        throw new IllegalArgumentException("first step must be >= 0, got " + first);
      }
      if (interval < 1) {
        throw new IllegalArgumentException("interval must be >= 1 step, got " + interval);
      }
      if (!(dt > 0) || !Double.isFinite(dt)) {
        throw new IllegalArgumentException("dt must be finite and positive, got " + dt);
      }
      if (frames < 1) {
        throw new IllegalArgumentException("frames must be >= 1, got " + frames);
      }
    }

    @Override
    public int frameCount() {
      return frames;
    }

    @Override
    public long step(int f) {
      if (f < 0 || f >= frames) {
        throw new IndexOutOfBoundsException(
            "frame " + f + " outside 0.." + (frames - 1) + " of the linear schedule");
      }
      return first + f * interval;
    }

    @Override
    public int frameOfStep(long step) {
      long d = step - first;
      if (d < 0 || d % interval != 0 || d / interval >= frames) {
        return -1;
      }
      return (int) (d / interval);
    }
  }
}
