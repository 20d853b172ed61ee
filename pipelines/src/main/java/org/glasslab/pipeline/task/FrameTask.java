package org.glasslab.pipeline.task;

import java.nio.file.Path;
import java.util.List;
import org.glasslab.data.Configuration;
import org.glasslab.data.Trajectory;
import org.glasslab.data.io.TrajectoryIO;

/**
 * A task whose expensive work is per frame of a trajectory (minimize, modes): it maps its per-frame
 * function through the adapters' {@link FrameMap} (parallel, resumable) and analyses every frame or
 * the one its {@code frame} parameter selects.
 */
public abstract class FrameTask<P extends Record, R> extends AbstractTask<P, Trajectory, R> {
  /** See {@link AbstractTask#AbstractTask(String, String, Input, List)}. */
  protected FrameTask(String name, String description, List<Param<?>> params) {
    super(name, description, Input.TRAJECTORY, params);
  }

  @Override
  public final R run(P p, Trajectory t) throws Exception {
    return run(p, t, FrameMap.SERIAL);
  }

  @Override
  public abstract R run(P p, Trajectory t, FrameMap frames) throws Exception;

  @Override
  public final boolean mapsFrames() {
    return true;
  }

  /**
   * The selected frames of a trajectory, read on demand (never all at once: memory stays O(N) per
   * worker however long the trajectory).
   *
   * @param index their indices in the trajectory
   * @param source the trajectory they are read from
   */
  public record Selection(int[] index, Trajectory source) {
    /** Number of selected frames. */
    public int size() {
      return index.length;
    }

    /** Selected frame {@code k}, read under a lock on the source (readers are not thread-safe). */
    public Configuration frame(int k) {
      synchronized (source) {
        return source.frame(index[k]);
      }
    }
  }

  /** Every frame of {@code t}, or only {@code frame} (negative from the end) when not null. */
  protected static Selection select(Trajectory t, Integer frame, Param<Integer> param) {
    int[] index;
    if (frame == null) {
      index = new int[t.frameCount()];
      for (int k = 0; k < index.length; k++) {
        index[k] = k;
      }
    } else {
      try {
        index = new int[] {TrajectoryIO.frameIndex(t, frame, Path.of("input"))};
      } catch (IllegalArgumentException e) {
        throw param.invalid(e.getMessage());
      }
    }
    return new Selection(index, t);
  }
}
