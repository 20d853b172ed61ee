package org.glasslab.pipeline.engine;

import java.util.LinkedHashMap;
import java.util.Map;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * One progress bar per stage name (me.tongfei progressbar, on stderr), aggregating that stage's
 * instances over all branches: an instance counts one unit, or the total it announces through
 * {@link Progress#total}. Disabled (no output at all) when stderr is not a terminal or with {@code
 * --quiet}.
 */
final class ProgressBars implements AutoCloseable {
  private final boolean enabled;
  private final Map<String, ProgressBar> bars = new LinkedHashMap<>();

  ProgressBars(boolean enabled) {
    this.enabled = enabled;
  }

  /** Progress of one instance of stage {@code stage}; call {@link Tracker#finish} at its end. */
  synchronized Tracker start(String stage) {
    if (!enabled) {
      return new Tracker(null);
    }
    ProgressBar bar =
        bars.computeIfAbsent(
            stage,
            s ->
                new ProgressBarBuilder()
                    .setTaskName(s)
                    .setInitialMax(0)
                    .setStyle(ProgressBarStyle.ASCII)
                    .setUpdateIntervalMillis(250)
                    .continuousUpdate()
                    .build());
    synchronized (bar) {
      bar.maxHint(bar.getMax() + 1);
    }
    return new Tracker(bar);
  }

  @Override
  public synchronized void close() {
    for (ProgressBar b : bars.values()) {
      b.close();
    }
    bars.clear();
  }

  /** The progress of one instance, feeding its stage's bar. */
  static final class Tracker implements Progress {
    private final ProgressBar bar;
    private long declared = -1;
    private long done;

    Tracker(ProgressBar bar) {
      this.bar = bar;
    }

    @Override
    public void total(long units) {
      if (bar == null || units < 0) {
        return;
      }
      synchronized (bar) {
        long add = declared < 0 ? units - 1 : units;
        declared = declared < 0 ? units : declared + units;
        bar.maxHint(bar.getMax() + add);
      }
    }

    @Override
    public void step(long units) {
      if (bar == null) {
        return;
      }
      synchronized (bar) {
        done += units;
        bar.stepBy(units);
      }
    }

    /** Completes this instance's share of the bar. */
    void finish() {
      if (bar == null) {
        return;
      }
      synchronized (bar) {
        long want = declared < 0 ? 1 : declared;
        if (done < want) {
          bar.stepBy(want - done);
          done = want;
        }
      }
    }
  }
}
