package org.glasslab.md;

import java.io.IOException;
import org.glasslab.data.MemoryTrajectory;

/**
 * Runs a {@link ProtocolRun} into a {@link RunDirectory}: writes each completed block, a checkpoint
 * after every frame and every {@code checkpointEvery} engine steps, and reports progress. Resuming
 * from the checkpoint produces the same files bit for bit.
 */
public final class ProtocolDriver {
  /** Progress callback: engine step done, total engine steps. */
  @FunctionalInterface
  public interface Progress {
    /** Called after each chunk of steps. */
    void update(long step, long total);
  }

  /** Hook after each recorded frame (after its checkpoint); tests use it to simulate a crash. */
  @FunctionalInterface
  public interface FrameHook {
    /** Called with the frame index just recorded. */
    void afterFrame(int f) throws IOException;
  }

  private ProtocolDriver() {}

  /**
   * Runs {@code run} to completion.
   *
   * @param run the run (fresh or restored)
   * @param out the output directory
   * @param checkpointEvery engine steps between time-based checkpoints (&ge; 1)
   * @param progress progress sink (may be {@code null})
   * @param hook frame hook (may be {@code null})
   */
  public static void run(
      ProtocolRun run, RunDirectory out, long checkpointEvery, Progress progress, FrameHook hook)
      throws IOException {
    if (checkpointEvery < 1) {
      throw new IllegalArgumentException("checkpointEvery must be >= 1, got " + checkpointEvery);
    }
    long total = run.protocol().totalSteps();
    long chunk =
        Math.max(1, Math.min(checkpointEvery, Math.max(1000, 2_000_000 / run.protocol().n())));
    ProtocolRun.Listener listener =
        new ProtocolRun.Listener() {
          @Override
          public void onBlock(ProtocolRun r, int block, MemoryTrajectory frames)
              throws IOException {
            out.writeBlock(r.protocol(), block, frames);
          }

          @Override
          public void onFrame(ProtocolRun r, int f) throws IOException {
            out.writeCheckpoint(r.checkpoint());
            if (hook != null) {
              hook.afterFrame(f);
            }
          }
        };
    long sinceCheckpoint = 0;
    while (!run.finished()) {
      long done = run.advance(chunk, listener);
      sinceCheckpoint += done;
      if (sinceCheckpoint >= checkpointEvery && !run.finished()) {
        out.writeCheckpoint(run.checkpoint());
        sinceCheckpoint = 0;
      }
      if (progress != null) {
        progress.update(run.engineStep(), total);
      }
    }
  }
}
