package org.glasslab.pipeline.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.glasslab.pipeline.spec.SpecLoader;
import org.glasslab.pipeline.stages.Stages;

/** Runs a spec with the toy stages in a separate JVM (for the kill-and-resume test). */
public final class PipelineChild {
  private PipelineChild() {}

  /** Runs {@code spec} in this JVM with {@code jobs} workers, asserts success, returns the log. */
  static String runHere(Path spec, StageRegistry reg, int jobs) throws Exception {
    StringWriter log = new StringWriter();
    RunResult r =
        new Engine(reg)
            .run(
                SpecLoader.load(spec, reg),
                new Engine.Options(jobs, false, false, new PrintWriter(log, true)));
    assertTrue(r.ok(), log.toString());
    return log.toString();
  }

  /**
   * Runs {@code spec} in a child JVM (output to {@code log}), waits until {@code midway} holds,
   * then kills it with SIGKILL and asserts that it died of it (exit 137), not by finishing.
   *
   * @param builtin physics stages instead of the toy ones
   */
  static void runAndKill(
      Path spec, Path log, boolean builtin, int timeoutSeconds, BooleanSupplier midway)
      throws Exception {
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> cmd = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path")));
    cmd.add(PipelineChild.class.getName());
    cmd.add(spec.toString());
    if (builtin) {
      cmd.add("builtin");
    }
    Process p =
        new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
    boolean reached = false;
    while (System.nanoTime() < deadline && p.isAlive()) {
      if (midway.getAsBoolean()) {
        reached = true;
        break;
      }
      Thread.sleep(20);
    }
    assertTrue(reached, "child never got midway: " + Files.readString(log));
    p.destroyForcibly(); // SIGKILL on Unix
    assertTrue(p.waitFor(20, TimeUnit.SECONDS));
    assertEquals(137, p.exitValue(), "killed by SIGKILL before the end");
  }

  /**
   * {@code args[0]}: spec file; {@code args[1]} (optional): {@code builtin} for the physics stages
   * instead of the toy ones. Exit 0 when every instance finished.
   */
  public static void main(String[] args) throws Exception {
    StageRegistry reg =
        args.length > 1 && args[1].equals("builtin") ? Stages.builtin() : ToyStages.registry();
    var spec = SpecLoader.load(Path.of(args[0]), reg);
    RunResult r =
        new Engine(reg)
            .run(spec, new Engine.Options(2, false, false, new PrintWriter(System.err, true)));
    System.exit(r.ok() ? 0 : 1);
  }
}
