package org.glasslab.topology;

import java.util.function.IntConsumer;
import org.glasslab.data.Configuration;
import org.glasslab.data.TimeSeries;
import org.glasslab.data.Trajectory;

/**
 * The paper's beta_1 along a trajectory (Jha &amp; Sengupta, Fig. 1f): one Vietoris–Rips
 * persistence computation per frame, holding one frame at a time.
 */
public final class BettiSeries {
  private BettiSeries() {}

  /**
   * beta_1 of every frame.
   *
   * @param trajectory frames to analyse (read one at a time)
   * @param options threshold, metric and precision, the same for every frame
   * @param onFrameDone called with the frame index after each frame (e.g. a progress bar), or null
   * @return beta_1 per frame [frames]
   */
  public static int[] betti1(Trajectory trajectory, RipsOptions options, IntConsumer onFrameDone) {
    int nf = trajectory.frameCount();
    int[] out = new int[nf];
    for (int k = 0; k < nf; k++) {
      Configuration c = trajectory.frame(k);
      out[k] = RipsPersistence.compute(c, options.withCountTriangles(false)).betti1();
      if (onFrameDone != null) {
        onFrameDone.accept(k);
      }
    }
    return out;
  }

  /**
   * beta_1 per frame as a {@link TimeSeries} named {@code beta1} (steps and times of the frames).
   */
  public static TimeSeries series(
      Trajectory trajectory, RipsOptions options, IntConsumer onFrameDone) {
    int[] b = betti1(trajectory, options, onFrameDone);
    int nf = b.length;
    long[] steps = new long[nf];
    double[] times = new double[nf];
    double[] values = new double[nf];
    for (int k = 0; k < nf; k++) {
      steps[k] = trajectory.step(k);
      times[k] = trajectory.time(k);
      values[k] = b[k];
    }
    return TimeSeries.scalar("beta1", steps, times, values);
  }
}
