package org.glasslab.data.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.glasslab.data.Configuration;
import org.glasslab.data.Trajectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files in the layout GlassLab wrote before compressed storage (test resources {@code old-format/},
 * see its README) still read, and rewriting them in today's layout keeps every number while the
 * per-frame datasets shrink.
 */
class OldFormatTest {
  @TempDir Path tmp;

  private static Path resource(String name) throws Exception {
    return Path.of(OldFormatTest.class.getResource("/old-format/" + name).toURI());
  }

  @Test
  void oldRunDirectoryAndIsFileReadAndRewriteExactlyAndSmaller() throws Exception {
    Path run = resource("run");
    Path is = resource("is.h5");
    try (Trajectory md = TrajectoryIO.read(run);
        Trajectory ist = TrajectoryIO.read(is)) {
      assertEquals(8, md.frameCount());
      assertEquals(8, ist.frameCount());
      assertEquals(16, md.particleCount());
      assertTrue(md.frame(5).hasVelocities());
      assertFalse(ist.frame(5).hasVelocities());
      assertEquals("0.4", md.provenance().get("T"));
      assertEquals(md.step(7), ist.step(7));
      Path copy = tmp.resolve("md.h5");
      H5mdWriter.copy(copy, md, true);
      try (Trajectory c = TrajectoryIO.read(copy)) {
        for (int k = 0; k < 8; k++) {
          Configuration a = md.frame(k);
          Configuration b = c.frame(k);
          assertArrayEquals(a.positions(), b.positions());
          assertArrayEquals(a.images(), b.images());
          assertArrayEquals(a.velocities(), b.velocities());
          assertEquals(a.step(), b.step());
          assertEquals(a.time(), b.time());
        }
        assertEquals(md.observables(), c.observables());
        assertEquals(md.provenance(), c.provenance());
      }
      Path isCopy = tmp.resolve("is.h5");
      H5mdWriter.copy(isCopy, ist, true);
      assertTrue(Files.size(isCopy) < Files.size(is), Files.size(isCopy) + " vs " + Files.size(is));
    }
  }
}
