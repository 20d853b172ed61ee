package org.glasslab.pipeline.engine;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Every progress bar of the process (me.tongfei progressbar), drawn in one area at the bottom of
 * stderr, and only when stderr is a terminal ({@link Terminal#stderrIsTerminal}): the one place
 * that decides. {@link #install} routes {@code System.err} through the area, so a log line is
 * printed above the bars (never over them), and a bar that closes leaves its last state as a plain
 * line with its elapsed time stopped.
 */
public final class Bars {
  private static final Object LOCK = new Object();
  private static final List<Consumer> ACTIVE = new ArrayList<>();
  private static PrintStream raw;
  private static int shown;
  private static boolean midLine;

  private Bars() {}

  /** Whether bars are drawn at all: stderr is a terminal. */
  public static boolean shown() {
    return Terminal.stderrIsTerminal();
  }

  /**
   * When stderr is a terminal, replaces {@code System.err} by a stream that prints each log line
   * above the bars; otherwise does nothing. Idempotent.
   */
  public static void install() {
    if (!shown()) {
      return;
    }
    synchronized (LOCK) {
      if (raw != null) {
        return;
      }
      raw =
          new PrintStream(
              new FileOutputStream(FileDescriptor.err), false, Charset.defaultCharset());
      System.setErr(new PrintStream(new LogLines(raw), true, Charset.defaultCharset()));
    }
  }

  /**
   * A started bar named {@code name} with {@code max} units (0: unknown yet), or null when bars are
   * not shown. Close it when its work is done (that stops its clock).
   */
  public static ProgressBar start(String name, long max) {
    return start(name, max, 0);
  }

  /** As {@link #start(String, long)}, counting from {@code from} (a resumed run). */
  public static ProgressBar start(String name, long max, long from) {
    if (!shown()) {
      return null;
    }
    install();
    return new ProgressBarBuilder()
        .setTaskName(name)
        .setInitialMax(max)
        .setStyle(ProgressBarStyle.ASCII)
        .setUpdateIntervalMillis(250)
        .startsFrom(from, Duration.ZERO)
        .setConsumer(new Consumer(raw))
        .build();
  }

  /** Erases the bars (the cursor ends at the start of the first bar's line). */
  private static void erase() {
    if (shown == 0) {
      return;
    }
    raw.print("\r\033[2K");
    for (int i = 1; i < shown; i++) {
      raw.print("\033[1A\033[2K");
    }
    shown = 0;
  }

  /** Draws the active bars, the cursor left at the end of the last one. */
  private static void draw() {
    for (int i = 0; i < ACTIVE.size(); i++) {
      if (i > 0) {
        raw.print('\n');
      }
      raw.print(ACTIVE.get(i).text);
    }
    shown = ACTIVE.size();
  }

  /** A bar's consumer: its rendered line in the area. */
  private static final class Consumer extends ConsoleProgressBarConsumer {
    private String text = "";
    private boolean closed;

    Consumer(PrintStream out) {
      super(out);
      synchronized (LOCK) {
        ACTIVE.add(this);
      }
    }

    @Override
    public void accept(String rendered) {
      synchronized (LOCK) {
        if (closed) {
          return;
        }
        int w = getMaxRenderedLength();
        text = w > 0 && rendered.length() > w ? rendered.substring(0, w) : rendered;
        if (!midLine) {
          erase();
          draw();
          raw.flush();
        }
      }
    }

    @Override
    public void close() {
      synchronized (LOCK) {
        if (closed) {
          return;
        }
        closed = true;
        if (midLine) {
          raw.print('\n');
          midLine = false;
        }
        erase();
        ACTIVE.remove(this);
        raw.print(text);
        raw.print('\n');
        draw();
        raw.flush();
      }
    }
  }

  /** stderr with the bars: each write erases them first; a finished line redraws them. */
  private static final class LogLines extends OutputStream {
    private final OutputStream out;

    LogLines(OutputStream out) {
      this.out = out;
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      if (len == 0) {
        return;
      }
      synchronized (LOCK) {
        if (!midLine) {
          erase();
        }
        out.write(b, off, len);
        midLine = b[off + len - 1] != '\n';
        if (!midLine) {
          draw();
        }
        out.flush();
      }
    }

    @Override
    public void flush() throws IOException {
      synchronized (LOCK) {
        out.flush();
      }
    }
  }
}
