package org.glasslab.bench.peer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The peer runner on POSIX tools that are always present ({@code sh}, {@code cat}). */
class PeerProcessTest {
  @TempDir Path dir;

  @Test
  void capturesStdoutAndStderrSeparatelyAndRunsInTheGivenDirectoryWithStdin() throws Exception {
    Files.writeString(dir.resolve("in.txt"), "fed on stdin\n");
    PeerProcess.Result r =
        PeerProcess.of("/bin/sh", "-c", "pwd; cat; echo oops >&2")
            .directory(dir)
            .stdin(dir.resolve("in.txt"))
            .run();
    assertEquals(dir.toRealPath() + "\nfed on stdin\n", r.stdout());
    assertEquals("oops\n", r.stderr());
    assertTrue(r.wallSeconds() > 0);
  }

  @Test
  void failureNamesTheToolItsExitCodeAndItsLastErrorLine() {
    IOException e =
        assertThrows(
            IOException.class,
            () ->
                PeerProcess.of("mytool", List.of("/bin/sh", "-c", "echo a >&2; echo b >&2; exit 3"))
                    .run());
    assertEquals("mytool exited with 3: b", e.getMessage());
    // without stderr the last stdout line is reported
    e =
        assertThrows(
            IOException.class, () -> PeerProcess.of("/bin/sh", "-c", "echo out; exit 4").run());
    assertEquals("sh exited with 4: out", e.getMessage());
  }

  @Test
  void anErrorLogFileIsPreferredOverStderr() throws Exception {
    Path log = dir.resolve("log");
    IOException e =
        assertThrows(
            IOException.class,
            () ->
                PeerProcess.of("/bin/sh", "-c", "echo 'ERROR: bad pair_coeff' > log; exit 1")
                    .directory(dir)
                    .errorLog(log)
                    .run());
    assertEquals("sh exited with 1: ERROR: bad pair_coeff", e.getMessage());
  }

  @Test
  void missingToolsAreReportedAsNotFoundAndNotAvailable() {
    IOException e =
        assertThrows(
            PeerProcess.ToolNotFoundException.class,
            () -> PeerProcess.of("/no/such/peer-tool", "-h").installHint("install it").run());
    assertEquals(
        "peer-tool not found: cannot run '/no/such/peer-tool'; install it", e.getMessage());
    // a wrapper that cannot find its command exits with 127
    assertThrows(
        PeerProcess.ToolNotFoundException.class,
        () -> PeerProcess.of("/bin/sh", "-c", "no-such-peer-tool-xyz").run());
    assertFalse(PeerProcess.available("/no/such/peer-tool", "-h"));
    assertFalse(PeerProcess.available("/bin/sh", "-c", "exit 1"));
    assertTrue(PeerProcess.available("/bin/sh", "-c", "exit 0"));
  }

  @Test
  void aToolThatOverrunsItsTimeoutIsKilled() {
    long t0 = System.nanoTime();
    IOException e =
        assertThrows(
            IOException.class,
            () ->
                PeerProcess.of("/bin/sh", "-c", "sleep 30").timeout(Duration.ofMillis(300)).run());
    assertTrue(e.getMessage().startsWith("sh did not finish within"), e.getMessage());
    assertTrue((System.nanoTime() - t0) * 1e-9 < 20, "not killed");
  }

  @Test
  void bundledScriptsAreCopiedAndScratchDirectoriesDeleted() throws Exception {
    Path where;
    try (PeerProcess.Scratch s = PeerProcess.Scratch.create("peer-test-")) {
      where = s.dir();
      Path script = PeerProcess.script("scipy_eigsh.py", s.dir());
      assertTrue(Files.readString(script).contains("eigsh"));
      assertThrows(IOException.class, () -> PeerProcess.script("no_such.py", s.dir()));
    }
    assertFalse(Files.exists(where));
  }
}
