package org.glasslab.data.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.glasslab.data.Configuration;
import org.glasslab.data.TestConfigs;
import org.glasslab.data.Trajectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The streaming writer: a short trajectory is one H5MD file, a long one a segmented directory; both
 * read back bit for bit (positions, images, velocities, steps, times, observables), a reference to
 * a directory reads the same frames and refuses changed block files, and the compressed layout is
 * smaller than the old contiguous one.
 */
class H5mdWriterTest {
  @TempDir Path tmp;

  private static final int N = 64;

  /** Frame k: a random configuration of N particles (seed k) at step 3k + 1. */
  private static Configuration frame(Configuration c0, int k, boolean velocities) {
    Configuration r = TestConfigs.random(N, 1000 + k, true);
    return new Configuration(
        c0.box(),
        wrapped(c0, r.positions()),
        r.images(),
        c0.diameters(),
        velocities ? r.velocities() : null,
        null,
        null,
        3L * k + 1,
        (3L * k + 1) * 0.003);
  }

  private static double[] wrapped(Configuration c0, double[] x) {
    double[] out = x.clone();
    for (int i = 0; i < N; i++) {
      out[2 * i] = Math.min(out[2 * i], Math.nextDown(c0.box().lx()));
      out[2 * i + 1] = Math.min(out[2 * i + 1], Math.nextDown(c0.box().ly()));
    }
    return out;
  }

  private static void write(Path out, int frames, boolean velocities) throws Exception {
    Configuration c0 = TestConfigs.random(N, 7, false);
    try (H5mdWriter w =
        new H5mdWriter(out, frames, N, "wca", Map.of("T", "0.3"), List.of("u", "s"))) {
      for (int k = 0; k < frames; k++) {
        w.append(frame(c0, k, velocities), new double[] {k * 0.5}, new double[] {k, -k});
      }
    }
  }

  private static void check(Trajectory t, int frames, boolean velocities) {
    Configuration c0 = TestConfigs.random(N, 7, false);
    assertEquals(frames, t.frameCount());
    assertEquals("wca", t.potential());
    for (int k = 0; k < frames; k += 97) {
      Configuration want = frame(c0, k, velocities);
      Configuration got = t.frame(k);
      assertArrayEquals(want.positions(), got.positions());
      assertArrayEquals(want.images(), got.images());
      assertArrayEquals(want.velocities(), got.velocities());
      assertEquals(want.step(), t.step(k));
      assertEquals(want.time(), t.time(k));
      assertEquals(k * 0.5, t.observables().get("u").values()[k][0]);
      assertArrayEquals(new double[] {k, -k}, t.observables().get("s").values()[k]);
    }
  }

  @Test
  void shortTrajectoryIsOneFile() throws Exception {
    int frames = H5mdWriter.segmentFrames(N);
    Path out = tmp.resolve("short.h5");
    write(out, frames, true);
    assertTrue(Files.isRegularFile(out));
    try (Trajectory t = H5md.read(out, ReadOptions.DEFAULTS)) {
      check(t, frames, true);
      assertEquals("0.3", t.provenance().get("T"));
    }
  }

  @Test
  void longTrajectoryIsSegmentedAndReadsAsOne() throws Exception {
    int per = H5mdWriter.segmentFrames(N);
    int frames = 2 * per + 17;
    Path out = tmp.resolve("long.h5");
    write(out, frames, false);
    assertTrue(Files.isDirectory(out));
    RunDirectoryFormat.Index index = RunDirectoryFormat.readIndex(out);
    assertEquals(3, index.blocks().size());
    assertEquals(17, index.blocks().get(2).frames());
    assertEquals("0.3", index.provenance().get("T"));
    try (Trajectory t = TrajectoryIO.read(out)) {
      check(t, frames, false);
      assertFalse(t.frame(frames - 1).hasVelocities());
    }
    try (Trajectory t = H5md.read(out, ReadOptions.DEFAULTS)) {
      check(t, frames, false);
    }
    // no temporary sibling is left behind
    try (var s = Files.list(tmp)) {
      assertEquals(List.of(out), s.toList());
    }
  }

  @Test
  void fewerFramesThanDeclaredIsAnErrorAndLeavesNothing() throws Exception {
    Path out = tmp.resolve("cut.h5");
    Configuration c0 = TestConfigs.random(N, 7, false);
    H5mdWriter w = new H5mdWriter(out, 3000, N, null, Map.of(), List.of());
    w.append(frame(c0, 0, false));
    IllegalStateException e = assertThrows(IllegalStateException.class, w::close);
    assertTrue(e.getMessage().contains("1 of the declared 3000 frames"), e.getMessage());
    try (var s = Files.list(tmp)) {
      assertEquals(0, s.count());
    }
  }

  @Test
  void referenceReadsTheSameFramesAndRefusesChangedBlocks() throws Exception {
    int frames = 2 * H5mdWriter.segmentFrames(N) + 5;
    Path run = tmp.resolve("run");
    write(run, frames, true);
    Path ref = tmp.resolve("ref");
    RunDirectoryFormat.writeReference(run, ref);
    try (var s = Files.list(ref)) {
      assertEquals(List.of(ref.resolve("run.json")), s.toList()); // no block copied
    }
    RunDirectoryFormat.Index index = RunDirectoryFormat.readIndex(ref);
    assertTrue(index.isReference());
    assertEquals(
        RunDirectoryFormat.sha256(run.resolve("block-000001.h5")), index.blocks().get(1).sha256());
    try (Trajectory t = TrajectoryIO.read(ref)) {
      check(t, frames, true);
    }
    // the referenced run rewrites a block: opening the reference names the file and the hashes
    Files.copy(
        run.resolve("block-000000.h5"),
        run.resolve("block-000001.h5"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    TrajectoryFormatException e =
        assertThrows(TrajectoryFormatException.class, () -> TrajectoryIO.read(ref).close());
    assertTrue(e.getMessage().contains("block-000001.h5"), e.getMessage());
    assertTrue(e.getMessage().contains("content changed"), e.getMessage());
  }

  @Test
  void readerHoldsABoundedNumberOfBlocksOpen() throws Exception {
    int per = H5mdWriter.segmentFrames(N);
    int frames = 7 * per;
    Path out = tmp.resolve("many");
    write(out, frames, false);
    try (Trajectory t = TrajectoryIO.read(out)) {
      // jump between all blocks repeatedly: the reader reopens blocks instead of holding them all
      for (int round = 0; round < 3; round++) {
        for (int b = 0; b < 7; b++) {
          assertEquals(3L * (b * per + 1) + 1, t.frame(b * per + 1).step());
        }
      }
      check(t, frames, false);
    }
  }

  @Test
  void copyDropsVelocitiesWhenAsked() throws Exception {
    Path in = tmp.resolve("in.h5");
    write(in, 10, true);
    Path out = tmp.resolve("out.h5");
    try (Trajectory t = H5md.read(in, ReadOptions.DEFAULTS)) {
      H5mdWriter.copy(out, t, false);
    }
    try (Trajectory t = H5md.read(out, ReadOptions.DEFAULTS)) {
      assertNull(t.frame(3).velocities());
      assertEquals(t.observables().get("u").values()[9][0], 4.5);
    }
  }
}
