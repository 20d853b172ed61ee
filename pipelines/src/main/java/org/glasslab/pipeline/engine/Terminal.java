package org.glasslab.pipeline.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

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
   * Linux the answer is where {@code /proc/self/fd/2} points; elsewhere {@code System.console()} is
   * the fallback. Decided once per process.
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
    // no /proc (macOS, Windows): without spawning a shell, the console is the best sign there is
    // (it also needs stdin and stdout on the terminal, so bars may stay off where they could show)
    return System.console() != null;
  }
}
