package org.glasslab.pipeline.task;

import java.util.function.IntFunction;

/**
 * How a task maps an expensive per-frame function over frames: in the stage through the engine's
 * resumable parallel frame loop ({@code StageContext.mapFrames}), in the command on {@code --jobs}
 * threads with a progress bar, resuming rows stored in the task's {@link Task#frameDirectory} when
 * their key (settings and input digest) matches.
 */
@FunctionalInterface
public interface FrameMap {
  /** The result row of frame {@code k}; a pure function of {@code k} and the inputs. */
  @FunctionalInterface
  interface Row {
    double[] apply(int k) throws Exception;
  }

  /**
   * The rows of frames {@code first .. first+n-1}, in order ({@code f} and {@code key} get the
   * frame index, the result is indexed from 0). A task maps a long trajectory in such windows so
   * that only one window's rows are in memory.
   *
   * @param key what row {@code k} depends on (settings and a digest of its input); a stored row is
   *     reused only under the same key
   */
  double[][] map(int first, int n, IntFunction<String> key, Row f) throws Exception;

  /** The rows of frames {@code 0 .. n-1}, in order. */
  default double[][] map(int n, IntFunction<String> key, Row f) throws Exception {
    return map(0, n, key, f);
  }

  /** One frame after the other in the calling thread, nothing stored. */
  FrameMap SERIAL =
      (first, n, key, f) -> {
        double[][] r = new double[n][];
        for (int k = 0; k < n; k++) {
          r[k] = f.apply(first + k);
        }
        return r;
      };
}
