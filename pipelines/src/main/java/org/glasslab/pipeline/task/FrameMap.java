package org.glasslab.pipeline.task;

/**
 * How a task maps an expensive per-frame function over frames: serially (the command's default) or,
 * in a stage, through the engine's resumable parallel frame loop ({@code StageContext.mapFrames},
 * which persists each finished frame's row so a killed run resumes).
 */
@FunctionalInterface
public interface FrameMap {
  /** The result row of frame {@code k}; a pure function of {@code k} and the inputs. */
  @FunctionalInterface
  interface Row {
    double[] apply(int k) throws Exception;
  }

  /** The rows of frames {@code 0 .. n-1}, in order. */
  double[][] map(int n, Row f) throws Exception;

  /** One frame after the other in the calling thread. */
  FrameMap SERIAL =
      (n, f) -> {
        double[][] r = new double[n][];
        for (int k = 0; k < n; k++) {
          r[k] = f.apply(k);
        }
        return r;
      };
}
