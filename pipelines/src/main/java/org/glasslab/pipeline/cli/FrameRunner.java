package org.glasslab.pipeline.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import me.tongfei.progressbar.ProgressBar;
import org.glasslab.pipeline.engine.Bars;
import org.glasslab.pipeline.store.FrameRows;
import org.glasslab.pipeline.task.FrameMap;

/**
 * The command's {@link FrameMap}: frames on {@code jobs} threads, a progress bar on stderr, and,
 * with a directory, each finished row stored at once (atomically, {@code frame-NNNNNN.row} with its
 * key) so that a rerun with the same key (settings and input digest) reuses it.
 */
final class FrameRunner implements FrameMap {
  private final int jobs;
  private final Path dir;
  private final boolean progress;
  private final String name;
  private final AtomicInteger resumed = new AtomicInteger();

  /**
   * @param dir where rows are kept, or null
   * @param progress whether to draw a progress bar on stderr
   */
  FrameRunner(String name, int jobs, Path dir, boolean progress) {
    this.name = name;
    this.jobs = jobs;
    this.dir = dir;
    this.progress = progress;
  }

  /** Worker threads. */
  int jobs() {
    return jobs;
  }

  /** Frames reused from the directory by the last {@link #map}. */
  int resumed() {
    return resumed.get();
  }

  @Override
  public double[][] map(int first, int n, IntFunction<String> key, Row f) throws Exception {
    if (dir != null) {
      Files.createDirectories(dir);
    }
    double[][] out = new double[n][];
    ProgressBar bar = progress && n > 0 ? Bars.start(name, n) : null;
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(jobs, n)));
    try {
      List<Future<?>> futures = new ArrayList<>(n);
      for (int k = 0; k < n; k++) {
        final int kk = k;
        final int frame = first + k;
        futures.add(
            pool.submit(
                () -> {
                  String rowKey = key.apply(frame);
                  Path file = dir == null ? null : file(frame);
                  double[] r =
                      file == null ? null : FrameRows.read(file, rowKey == null ? "" : rowKey);
                  if (r != null) {
                    resumed.incrementAndGet();
                  } else {
                    r = f.apply(frame);
                    if (file != null) {
                      FrameRows.write(file, rowKey == null ? "" : rowKey, r);
                    }
                  }
                  out[kk] = r;
                  if (bar != null) {
                    synchronized (bar) {
                      bar.step();
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> fu : futures) {
        try {
          fu.get();
        } catch (ExecutionException e) {
          pool.shutdownNow();
          if (e.getCause() instanceof Exception ex) {
            throw ex;
          }
          throw e;
        }
      }
    } finally {
      pool.shutdown();
      if (bar != null) {
        bar.close();
      }
    }
    return out;
  }

  private Path file(int k) {
    return dir.resolve(String.format(Locale.ROOT, "frame-%06d.row", k));
  }
}
