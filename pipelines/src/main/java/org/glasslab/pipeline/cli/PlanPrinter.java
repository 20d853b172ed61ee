package org.glasslab.pipeline.cli;

import java.io.PrintWriter;
import org.glasslab.pipeline.engine.RunResult;

/** Prints a run's (or dry run's) stage instances as a table on stdout. */
final class PlanPrinter {
  private PlanPrinter() {}

  /** The result as a JSON-friendly map (paths as plain strings). */
  static java.util.Map<String, Object> json(RunResult r) {
    java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
    m.put("run_dir", r.runDir().toString());
    m.put("ok", r.ok());
    m.put("seconds", r.seconds());
    m.put("nodes", r.nodes());
    return m;
  }

  static void print(PrintWriter out, RunResult r, boolean dryRun) {
    int w = 10;
    for (RunResult.NodeResult n : r.nodes()) {
      w = Math.max(w, n.label().length());
    }
    String fmt = "%-10s %-" + w + "s %-12s %s%n";
    out.printf(fmt, "STATUS", "INSTANCE", "KEY", dryRun ? "" : "SECONDS / MESSAGE");
    int cached = 0;
    for (RunResult.NodeResult n : r.nodes()) {
      String status =
          switch (n.status()) {
            case CACHED -> "cached";
            case RAN -> "ran";
            case FAILED -> "FAILED";
            case SKIPPED -> "skipped";
            case WOULD_RUN -> "will run";
          };
      if (n.status() == RunResult.Status.CACHED) {
        cached++;
      }
      String key = n.key() == null ? "(pending)" : n.key().substring(0, 12);
      String tail =
          n.message() != null
              ? n.message()
              : n.status() == RunResult.Status.RAN ? String.format("%.2f", n.seconds()) : "";
      out.printf(fmt, status, n.label(), key, tail);
    }
    if (dryRun) {
      out.printf(
          "%d stage instance(s): %d cached, %d to run%n",
          r.nodes().size(), cached, r.nodes().size() - cached);
    } else {
      out.printf(
          "%d stage instance(s): %d ran, %d cached, %d failed, %d skipped (%.2f s)%n",
          r.nodes().size(),
          r.labels(RunResult.Status.RAN).size(),
          cached,
          r.labels(RunResult.Status.FAILED).size(),
          r.labels(RunResult.Status.SKIPPED).size(),
          r.seconds());
    }
    out.flush();
  }
}
