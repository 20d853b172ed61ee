package org.glasslab.data.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A write that fails half way (a full disk) leaves the old file and no temporary, and its message
 * names the file with the root cause, not a writer's "I/O error writing PNG file!".
 */
class AtomicFileTest {
  @TempDir Path dir;

  @Test
  void aFailedWriteKeepsTheOldFileNamesItAndLeavesNoTemporary() throws Exception {
    Path target = dir.resolve("table.csv");
    Files.writeString(target, "old");
    IOException e =
        assertThrows(
            IOException.class,
            () ->
                AtomicFile.write(
                    target,
                    tmp -> {
                      Files.writeString(tmp, "half");
                      throw new IOException(
                          "I/O error writing PNG file!",
                          new IOException("No space left on device"));
                    }));
    assertEquals(target.toAbsolutePath() + ": No space left on device", e.getMessage());
    assertEquals("old", Files.readString(target));
    try (Stream<Path> s = Files.list(dir)) {
      assertEquals(List.of(target), s.toList());
    }
  }

  @Test
  void aBugInTheWriterIsNotDisguisedAsAnIoError() {
    Path target = dir.resolve("x.csv");
    assertThrows(
        IllegalStateException.class,
        () ->
            AtomicFile.write(
                target,
                tmp -> {
                  throw new IllegalStateException("bug");
                }));
  }
}
