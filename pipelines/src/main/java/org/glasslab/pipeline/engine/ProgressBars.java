package org.glasslab.pipeline.engine;

import java.util.LinkedHashMap;
import java.util.Map;
import me.tongfei.progressbar.ProgressBar;

/**
 * One progress bar per stage name (me.tongfei progressbar, on stderr), aggregating that stage's
 * instances over all branches: an instance counts one unit, or the total it announces through
 * {@link Progress#total}. Disabled (no output at all) when stderr is not a terminal ({@link Bars})
 * or with {@code --quiet}; a stage's bar closes when its last running instance finishes.
 */
final class ProgressBars implements AutoCloseable {
  private final boolean enabled;
  private final Map<String, ProgressBar> bars = new LinkedHashMap<>();
  private final Map<String, Integer> running = new LinkedHashMap<>();

  ProgressBars(boolean enabled) {
    this.enabled = enabled;
  }

  /** Progress of one instance of stage {@code stage}; call {@link Tracker#finish} at its end. */
  synchronized Tracker start(String stage) {
    if (!enabled) {
      return new Tracker(null);
    }
    ProgressBar bar = bars.get(stage);
    if (bar == null) {
      bar = Bars.start(stage, 0);
      if (bar == null) {
        return new Tracker(null);
      }
      bars.put(stage, bar);
      running.put(stage, 0);
    }
    running.merge(stage, 1, Integer::sum);
    synchronized (bar) {
      bar.maxHint(bar.getMax() + 1);
    }
    return new Tracker(this, stage, bar);
  }

  /**
   * An instance of {@code stage} finished: when it was the stage's last running one and the bar is
   * full, the bar closes (its elapsed time stops; a later instance starts a new bar).
   */
  private synchronized void finished(String stage, ProgressBar bar) {
    int left = running.merge(stage, -1, Integer::sum);
    if (left == 0 && bars.get(stage) == bar && bar.getCurrent() >= bar.getMax()) {
      bar.close();
      bars.remove(stage);
      running.remove(stage);
    }
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
    private final ProgressBars owner;
    private final String stage;
    private final ProgressBar bar;
    private long declared = -1;
    private long done;

    Tracker(ProgressBar bar) {
      this(null, null, bar);
    }

    Tracker(ProgressBars owner, String stage, ProgressBar bar) {
      this.owner = owner;
      this.stage = stage;
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
      owner.finished(stage, bar);
    }
  }
}
