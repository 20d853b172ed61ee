package org.glasslab.pipeline.engine;

import java.io.Console;

/** Whether the process talks to a terminal (for progress bars). */
public final class Terminal {
  private Terminal() {}

  /**
   * True when a console is attached and, on JDK 22+, {@code Console.isTerminal()} says so. Output
   * redirected to a file or pipe gives false, so logs stay free of bar redraws.
   */
  public static boolean stderrIsTerminal() {
    if (System.getenv("CI") != null) {
      return false;
    }
    Console c = System.console();
    if (c == null) {
      return false;
    }
    try {
      return (Boolean) Console.class.getMethod("isTerminal").invoke(c);
    } catch (ReflectiveOperationException e) {
      return true;
    }
  }
}
