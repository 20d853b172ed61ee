package org.glasslab.pipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.glasslab.data.io.DirectoryLock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A command writing an output directory (--out DIR) holds the directory's lock while it runs: a
 * second one on the same DIR is refused at once and leaves it alone; a failed run removes the
 * directory it created.
 */
class OutputDirectoryLockTest {
  @TempDir Path tmp;

  @Test
  void aDirectoryInUseIsRefusedAndLeftAlone() throws Exception {
    Path out = tmp.resolve("lat");
    try (DirectoryLock held = DirectoryLock.acquire(out, "test")) {
      CliRunner r =
          CliRunner.run(
              "epm",
              "lattice",
              "--size",
              "8",
              "--temperature",
              "0.3",
              "--events",
              "50",
              "--out",
              out.toString());
      assertEquals(1, r.exit(), r.err());
      assertTrue(r.err().contains(out + " is in use by another glasslab epm lattice"), r.err());
      try (Stream<Path> s = Files.list(out)) {
        assertEquals(List.of(out.resolve(DirectoryLock.FILE)), s.toList());
      }
    }
  }

  @Test
  void aFailedRunRemovesTheDirectoryItCreated() throws Exception {
    Path state = tmp.resolve("state.bin");
    Files.write(state, new byte[0]);
    Path out = tmp.resolve("lat");
    CliRunner r =
        CliRunner.run("epm", "lattice", "--restore", state.toString(), "--out", out.toString());
    assertEquals(1, r.exit(), r.err());
    assertTrue(r.err().contains("truncated checkpoint"), r.err());
    assertFalse(Files.exists(out), "no directory left behind");
  }
}
