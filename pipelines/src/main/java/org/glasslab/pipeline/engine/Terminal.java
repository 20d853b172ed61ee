package org.glasslab.pipeline.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Whether this process's stderr is a terminal: the one decision behind every progress bar (bars
 * only where a person watches; a redirected or piped stderr stays free of bar redraws).
 */
public final class Terminal {
  private static volatile Boolean stderr;

  private Terminal() {}

  /**
   * True when file descriptor 2 is a terminal. Stdin and stdout do not matter ({@code
   * System.console()} looks at those, so it got both {@code 2>log} and {@code | less} wrong). On
   * Linux the answer is where {@code /proc/self/fd/2} points; elsewhere {@code test -t 2} is asked
   * with stderr inherited. Decided once per process.
   */
  public static boolean stderrIsTerminal() {
    Boolean s = stderr;
    if (s == null) {
      s = decide();
      stderr = s;
    }
    return s;
  }

  private static boolean decide() {
    Path fd = Path.of("/proc/self/fd/2");
    if (Files.isSymbolicLink(fd)) {
      try {
        String target = Files.readSymbolicLink(fd).toString();
        return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
      } catch (IOException e) {
        return false;
      }
    }
    if (System.getProperty("os.name", "").startsWith("Windows")) {
      return false;
    }
    try {
      Process p =
          new ProcessBuilder("sh", "-c", "test -t 2")
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .redirectError(ProcessBuilder.Redirect.INHERIT)
              .start();
      return p.waitFor(5, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
