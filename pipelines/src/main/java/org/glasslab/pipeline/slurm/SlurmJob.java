package org.glasslab.pipeline.slurm;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.glasslab.pipeline.stages.Stages;

/**
 * The Java entry point of a GlassLab Slurm job (called by the submission's {@code job.sh}, not by
 * users): runs the instances of one unit task by label, reading everything upstream from the cache.
 * Arguments: submission directory, unit name, task index, CPUs granted (the worker threads).
 */
public final class SlurmJob {
  private SlurmJob() {}

  /** Exit 0 when the task's instances finished, 1 when one failed or its inputs were missing. */
  public static void main(String[] args) {
    PrintWriter err = new PrintWriter(System.err, true);
    int rc;
    try {
      if (args.length != 4) {
        throw new IllegalArgumentException(
            "usage: SlurmJob SUBMISSION_DIR UNIT TASK CPUS (written by glasslab run --executor slurm)");
      }
      rc =
          SlurmExecutor.runJob(
              Path.of(args[0]),
              args[1],
              Integer.parseInt(args[2]),
              Math.max(1, Integer.parseInt(args[3])),
              Stages.builtin(),
              err);
    } catch (OutOfMemoryError e) {
      err.println("glasslab slurm job: " + org.glasslab.data.Limits.outOfMemory(e));
      rc = 1;
    } catch (Exception e) {
      err.println("glasslab slurm job: " + e.getMessage());
      if (System.getenv("GLASSLAB_DEBUG") != null) {
        e.printStackTrace(err);
      }
      rc = 1;
    }
    err.flush();
    System.exit(rc);
  }
}
