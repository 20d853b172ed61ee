package org.glasslab.pipeline.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Map;
import org.glasslab.pipeline.store.JsonFiles;
import org.glasslab.topology.RipsOptions;
import picocli.CommandLine;

/**
 * What is left of the old {@code betti} command class: two helpers of {@code bench betti} (in the
 * benchmarks module). The {@code betti} command itself is the {@link
 * org.glasslab.pipeline.task.BettiTask}'s {@link TaskCommand}.
 */
public final class BettiCommand {
  private BettiCommand() {}

  /** Prints a summary as JSON or as aligned {@code key value} lines (arrays in brackets). */
  public static void print(PrintWriter out, Map<String, Object> m, boolean json) {
    if (json) {
      JsonFiles.print(out, m);
      return;
    }
    for (Map.Entry<String, Object> e : m.entrySet()) {
      Object v = e.getValue() instanceof double[] x ? Arrays.toString(x) : e.getValue();
      out.printf("%-30s %s%n", e.getKey(), v);
    }
    out.flush();
  }

  /** Parses {@code --alpha}: a non-negative number or "paper". */
  public static double resolveAlpha(
      CommandLine.Model.CommandSpec spec, String s, double[] diameters) {
    if (s.equals("paper")) {
      return RipsOptions.paperAlpha(diameters);
    }
    double a;
    try {
      a = Double.parseDouble(s);
    } catch (NumberFormatException e) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--alpha must be a number or 'paper', got '" + s + "'");
    }
    if (!(a >= 0) || !Double.isFinite(a)) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--alpha must be finite and >= 0, got " + s);
    }
    return a;
  }
}
