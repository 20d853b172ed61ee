package org.glasslab.pipeline.slurm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The Slurm client commands GlassLab uses ({@code sbatch}, {@code squeue}, {@code scancel}, {@code
 * scontrol}, {@code sacct}), run as processes with a time limit; a failing command becomes an
 * {@link IOException} with its stderr. Works without accounting (slurmdbd): {@code sacct} is only a
 * fallback.
 */
public final class Slurm {
  /** Scheduler-side end states after which a job is resubmitted (it did not fail on its own). */
  public static final List<String> RETRY_STATES =
      List.of("TIMEOUT", "NODE_FAIL", "PREEMPTED", "OUT_OF_MEMORY", "BOOT_FAIL");

  /** States of a job that is still queued or running. */
  public static final List<String> ACTIVE_STATES =
      List.of(
          "PENDING",
          "RUNNING",
          "CONFIGURING",
          "COMPLETING",
          "SUSPENDED",
          "REQUEUED",
          "RESIZING",
          "SIGNALING",
          "STAGE_OUT");

  private Slurm() {}

  /** Whether the Slurm clients are installed and a controller answers. */
  public static boolean available() {
    try {
      run(List.of("squeue", "-h", "-o", "%i", "-u", System.getProperty("user.name")), 10);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** Runs {@code cmd}, returns its stdout; fails with its stderr on a non-zero exit. */
  static String run(List<String> cmd, int timeoutSeconds) throws IOException {
    Process p;
    try {
      ProcessBuilder pb = new ProcessBuilder(cmd);
      // Called from inside a job (the finish job resubmitting): the job's own SLURM_* variables
      // must not leak into the new submission.
      pb.environment().keySet().removeIf(k -> k.startsWith("SLURM_") && !k.equals("SLURM_CONF"));
      p = pb.start();
    } catch (IOException e) {
      throw new IOException(cmd.get(0) + ": not found (is this a Slurm login node?)", e);
    }
    try {
      p.getOutputStream().close();
      var out = p.getInputStream();
      var err = p.getErrorStream();
      byte[][] bufs = new byte[2][];
      Thread t =
          new Thread(
              () -> {
                try {
                  bufs[1] = err.readAllBytes();
                } catch (IOException e) {
                  bufs[1] = new byte[0];
                }
              });
      t.start();
      bufs[0] = out.readAllBytes();
      if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IOException(cmd.get(0) + ": no answer within " + timeoutSeconds + " s");
      }
      t.join();
      String stdout = new String(bufs[0], StandardCharsets.UTF_8);
      if (p.exitValue() != 0) {
        String e = new String(bufs[1], StandardCharsets.UTF_8).strip();
        throw new IOException(
            String.join(" ", cmd.subList(0, Math.min(2, cmd.size())))
                + " failed (exit "
                + p.exitValue()
                + "): "
                + (e.isEmpty() ? stdout.strip() : e.lines().findFirst().orElse("")));
      }
      return stdout;
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while running " + cmd.get(0), e);
    }
  }

  /** Submits with {@code sbatch --parsable ARGS SCRIPT SCRIPT_ARG}; returns the job id. */
  static String sbatch(List<String> args, String script, String scriptArg) throws IOException {
    List<String> cmd = new ArrayList<>(List.of("sbatch", "--parsable"));
    cmd.addAll(args);
    cmd.add(script);
    cmd.add(scriptArg);
    String out = run(cmd, 60).strip();
    int semi = out.indexOf(';'); // "JOBID;CLUSTER" on federated clusters
    return semi < 0 ? out : out.substring(0, semi);
  }

  /**
   * The queued or running tasks of the jobs named {@code name} (one {@code squeue} call): {@code
   * JOBID_TASK} (array task) or {@code JOBID} to state.
   */
  static Map<String, String> queued(String name) throws IOException {
    String out = run(List.of("squeue", "-h", "-r", "-n", name, "-o", "%i|%T"), 30);
    Map<String, String> m = new HashMap<>();
    for (String line : out.split("\n")) {
      int bar = line.indexOf('|');
      if (bar > 0) {
        m.put(line.substring(0, bar).strip(), line.substring(bar + 1).strip());
      }
    }
    return m;
  }

  /**
   * End states of the tasks of job {@code jobId}, {@code JOBID_TASK} or {@code JOBID} to state,
   * from {@code scontrol show job} (the controller remembers jobs for {@code MinJobAge} seconds),
   * else from {@code sacct} (when accounting is on); empty when neither knows the job.
   */
  static Map<String, String> endStates(String jobId) {
    Map<String, String> m = new HashMap<>();
    try {
      for (String line : run(List.of("scontrol", "-o", "show", "job", jobId), 30).split("\n")) {
        String id = field(line, "JobId");
        String array = field(line, "ArrayJobId");
        String task = field(line, "ArrayTaskId");
        String state = field(line, "JobState");
        if (id != null && state != null) {
          m.put(array != null && task != null ? array + "_" + task : id, state);
        }
      }
      return m;
    } catch (IOException e) {
      // purged from the controller: ask accounting
    }
    try {
      String out = run(List.of("sacct", "-n", "-P", "-X", "-j", jobId, "-o", "JobID,State"), 30);
      for (String line : out.split("\n")) {
        String[] f = line.split("\\|");
        if (f.length == 2) {
          m.put(f[0].strip(), f[1].strip().split(" ")[0]);
        }
      }
    } catch (IOException e) {
      // no accounting on this cluster: the state stays unknown
    }
    return m;
  }

  private static String field(String line, String name) {
    for (String kv : line.split(" ")) {
      if (kv.startsWith(name + "=")) {
        return kv.substring(name.length() + 1);
      }
    }
    return null;
  }

  /** Cancels the given jobs or array tasks ({@code JOB} or {@code JOB_TASK}); none: no call. */
  static void cancelTasks(java.util.Collection<String> ids) throws IOException {
    if (!ids.isEmpty()) {
      List<String> cmd = new java.util.ArrayList<>(List.of("scancel"));
      cmd.addAll(ids);
      run(cmd, 30);
    }
  }

  /** Cancels every job named {@code name}; returns scancel's output. */
  static void cancel(String name) throws IOException {
    run(List.of("scancel", "-n", name, "-u", System.getProperty("user.name")), 30);
  }
}
