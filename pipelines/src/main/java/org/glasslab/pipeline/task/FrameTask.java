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
   * The selected frames, read serially (file readers are not thread-safe).
   *
   * @param index their indices in the trajectory
   * @param frames the configurations
   */
  public record Selection(int[] index, Configuration[] frames) {}

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
    Configuration[] c = new Configuration[index.length];
    for (int k = 0; k < c.length; k++) {
      c[k] = t.frame(index[k]);
    }
    return new Selection(index, c);
  }
}
