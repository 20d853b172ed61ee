package org.glasslab.pipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.glasslab.data.Limits;
import org.glasslab.data.io.TrajectoryIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A command that runs out of heap ends with one line naming the heap limit and how to raise it
 * (GLASSLAB_HEAP, Slurm memory), exit code 1, no stack trace: shown in a child JVM with a 12 MB
 * heap running {@code modes --count 300} at N = 2000 (300 Lanczos vectors of 4000 doubles).
 */
class OutOfMemoryMessageTest {
  @TempDir Path dir;

  @Test
  void runningOutOfHeapEndsInOneLineNamingHowToRaiseIt() throws Exception {
    Path f = dir.resolve("big.h5");
    TrajectoryIO.write(f, InfoConvertCommandTest.sample(2000, 1));
    String java = ProcessHandle.current().info().command().orElse("java");
    Path log = dir.resolve("err.txt");
    Process p =
        new ProcessBuilder(
                List.of(
                    java,
                    "-Xmx12m",
                    "-cp",
                    System.getProperty("java.class.path"),
                    CliChild.class.getName(),
                    "modes",
                    "--count",
                    "300",
                    f.toString()))
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(log.toFile())
            .start();
    assertTrue(p.waitFor(5, TimeUnit.MINUTES));
    String err = Files.readString(log);
    assertEquals(1, p.exitValue(), err);
    assertEquals(1, err.strip().lines().count(), "one line: " + err);
    assertTrue(err.startsWith("glasslab") && err.contains("out of memory"), err);
    assertTrue(err.contains("Java heap limit") && err.contains("GLASSLAB_HEAP="), err);
    assertFalse(err.contains("\tat "), err);
  }

  @Test
  void theMessageIsFoundThroughWrappers() {
    Throwable wrapped =
        new RuntimeException(new ExecutionException(new OutOfMemoryError("Java heap space")));
    String m = Limits.outOfMemory(wrapped);
    assertTrue(m.startsWith("out of memory (Java heap space; Java heap limit "), m);
    assertTrue(m.contains("GLASSLAB_HEAP=8g"), m);
    assertNull(Limits.outOfMemory(new IllegalStateException("x")));
  }
}
