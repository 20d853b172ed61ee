package org.glasslab.data.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.glasslab.data.Box;
import org.glasslab.data.Configuration;
import org.glasslab.data.MemoryTrajectory;
import org.glasslab.data.TestConfigs;
import org.glasslab.data.TimeSeries;
import org.glasslab.data.Trajectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run directory written by hand in md-engine's layout (H5MD per block + {@code run.json}) reads
 * as one trajectory, bit for bit, and every inconsistency is a one-line error naming the file and
 * field.
 */
class RunDirectoryFormatTest {
  @TempDir Path tmp;

  private static final int N = 37;
  private static final int FRAMES = 4;
  private static final long B = 1000;

  /**
   * Block b of a run (frames b*FRAMES.. of one random trajectory of n particles) at steps b*B +
   * 2^j, with a scalar observable "u" = step/10; rewrapped into {@code box} if not null.
   */
  private static MemoryTrajectory block(int b, int n, Box box) {
    MemoryTrajectory all = TestConfigs.trajectory(n, 3 * FRAMES, 11, true);
    List<Configuration> frames = new ArrayList<>();
    long[] steps = new long[FRAMES];
    double[] times = new double[FRAMES];
    double[] u = new double[FRAMES];
    for (int k = 0; k < FRAMES; k++) {
      Configuration c = all.frame(b * FRAMES + k);
      steps[k] = b * B + (1L << k);
      times[k] = steps[k] * 0.003;
      u[k] = steps[k] / 10.0;
      Configuration s = c.withStepAndTime(steps[k], times[k]);
      if (box != null) {
        double[] x = s.positions();
        int[] img = s.images();
        box.wrapAll(x, img);
        s =
            new Configuration(
                box, x, img, s.diameters(), s.velocities(), null, null, steps[k], times[k]);
      }
      frames.add(s);
    }
    return new MemoryTrajectory(frames, Map.of("u", TimeSeries.scalar("u", steps, times, u)));
  }

  private static String index(int blocks) {
    StringBuilder sb = new StringBuilder();
    sb.append("{\n  \"format\" : \"glasslab-md-segments\",\n  \"version\" : 1,\n");
    sb.append("  \"provenance\" : { \"N\" : \"").append(N).append("\", \"seed\" : \"7\" },\n");
    sb.append("  \"blocks\" : [");
    for (int b = 0; b < blocks; b++) {
      sb.append(b == 0 ? " " : ", ")
          .append("{ \"block\" : ")
          .append(b)
          .append(", \"file\" : \"")
          .append(RunDirectoryFormat.blockFile(b))
          .append("\", \"frames\" : ")
          .append(FRAMES)
          .append(", \"first_step\" : ")
          .append(b * B + 1)
          .append(", \"last_step\" : ")
          .append(b * B + (1L << (FRAMES - 1)))
          .append(" }");
    }
    return sb.append(" ]\n}\n").toString();
  }

  /** Writes {@code blocks} blocks and an index listing {@code listed} of them. */
  private Path run(String name, int blocks, int listed) throws IOException {
    Path dir = tmp.resolve(name);
    Files.createDirectories(dir);
    for (int b = 0; b < blocks; b++) {
      H5md.write(dir.resolve(RunDirectoryFormat.blockFile(b)), block(b, N, null));
    }
    Files.writeString(dir.resolve("run.json"), index(listed));
    Files.write(dir.resolve("checkpoint.bin"), new byte[] {1, 2, 3});
    return dir;
  }

  @Test
  void theRunProvenanceTravelsThroughTheDirectoryIntoAnH5mdCopy() throws Exception {
    Path dir = run("prov", 2, 2);
    Path copy = tmp.resolve("copy.h5");
    try (Trajectory t = TrajectoryIO.read(dir)) {
      assertEquals("7", t.provenance().get("seed"));
      H5md.write(copy, t);
    }
    try (Trajectory c = H5md.read(copy, ReadOptions.DEFAULTS)) {
      assertEquals("7", c.provenance().get("seed"));
      assertEquals(RunDirectoryFormat.readIndex(dir).provenance(), c.provenance());
    }
    try (Trajectory plain =
        H5md.read(dir.resolve(RunDirectoryFormat.blockFile(0)), ReadOptions.DEFAULTS)) {
      assertTrue(plain.provenance().isEmpty(), "a block file records no run provenance");
    }
  }

  @Test
  void readsTheListedBlocksAsOneTrajectoryBitForBit() throws Exception {
    Path dir = run("ok", 3, 3);
    assertEquals(Format.RUN_DIR, Format.of(dir));
    assertEquals(Format.RUN_DIR, Format.parse("run-dir"));
    RunDirectoryFormat.Index idx = RunDirectoryFormat.readIndex(dir);
    assertEquals("7", idx.provenance().get("seed"));
    assertEquals(3 * FRAMES, idx.frameCount());
    assertEquals(4, idx.files().size());
    try (Trajectory t = TrajectoryIO.read(dir)) {
      assertEquals(3 * FRAMES, t.frameCount());
      assertEquals(N, t.particleCount());
      TimeSeries u = t.observables().get("u");
      assertEquals(3 * FRAMES, u.steps().length);
      for (int b = 0; b < 3; b++) {
        try (Trajectory one =
            H5md.read(dir.resolve(RunDirectoryFormat.blockFile(b)), ReadOptions.DEFAULTS)) {
          for (int k = 0; k < FRAMES; k++) {
            int g = b * FRAMES + k;
            RoundTripTest.assertSameFrame(one.frame(k), t.frame(g), false);
            assertArrayEquals(one.frame(k).velocities(), t.frame(g).velocities());
            assertEquals(one.step(k), t.step(g));
            assertEquals(one.time(k), t.time(g));
            assertEquals(b * B + (1L << k), u.steps()[g]);
            assertEquals(one.observables().get("u").values()[k][0], u.values()[g][0]);
          }
        }
      }
    }
  }

  @Test
  void aRunInProgressIsReadableUpToItsLastListedBlock() throws Exception {
    Path dir = run("progress", 3, 2);
    try (Trajectory t = TrajectoryIO.read(dir)) {
      assertEquals(2 * FRAMES, t.frameCount());
      assertEquals(B + (1L << (FRAMES - 1)), t.step(t.frameCount() - 1));
    }
  }

  @Test
  void runDirectoriesAreNotWritable() throws Exception {
    Path dir = run("w", 1, 1);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                TrajectoryIO.write(
                    tmp.resolve("x"), Format.RUN_DIR, block(0, N, null), LammpsData.Style.SPHERE));
    assertTrue(e.getMessage().contains("glasslab simulate"), e.getMessage());
    assertTrue(dir.toFile().isDirectory());
  }

  // ---- bad input: one line naming the file (and field) ----

  private static String failOn(Path dir) {
    return BadInputTest.failOn(dir);
  }

  private static void assertContains(String message, String... parts) {
    BadInputTest.assertContains(message, parts);
  }

  @Test
  void aDirectoryWithoutIndexIsRejected() throws Exception {
    Path dir = tmp.resolve("empty");
    Files.createDirectories(dir);
    IOException io = assertThrows(IOException.class, () -> RunDirectoryFormat.readIndex(dir));
    assertContains(io.getMessage(), dir.toString(), "no run.json");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Format.of(dir));
    assertContains(e.getMessage(), dir.toString(), "without run.json");
  }

  @Test
  void anIndexNamingAMissingBlockIsRejected() throws Exception {
    Path dir = run("missing", 3, 3);
    Files.delete(dir.resolve("block-000001.h5"));
    assertContains(failOn(dir), "run.json", "blocks[1].file", "block-000001.h5", "does not exist");
  }

  @Test
  void aTruncatedBlockIsRejected() throws Exception {
    // block files differ in size (compressed), so each cut is measured on the file it truncates
    long size = Files.size(run("size", 3, 3).resolve("block-000002.h5"));
    for (long cut : new long[] {1, 64, size / 4, size / 2, size - 4096, size - 1}) {
      Path dir = run("trunc" + cut, 3, 3);
      Path f = dir.resolve("block-000002.h5");
      assertEquals(size, Files.size(f));
      try (FileChannel ch = FileChannel.open(f, StandardOpenOption.WRITE)) {
        ch.truncate(cut);
      }
      assertContains(failOn(dir), "block-000002.h5", "truncated");
    }
  }

  @Test
  void aBlockWithFewerFramesThanListedIsRejected() throws Exception {
    Path dir = run("short", 2, 2);
    MemoryTrajectory b1 = block(1, N, null);
    H5md.write(
        dir.resolve("block-000001.h5"),
        MemoryTrajectory.of(List.of(b1.frame(0), b1.frame(1), b1.frame(2))));
    assertContains(failOn(dir), "block-000001.h5", "holds 3 frame(s)", "lists 4");
  }

  @Test
  void blocksOfDifferentSystemsAreRejected() throws Exception {
    Path dir = run("n", 2, 2);
    H5md.write(dir.resolve("block-000001.h5"), block(1, N + 1, null));
    assertContains(failOn(dir), "block-000001.h5", "38 particles", "block-000000.h5 has 37");

    Path dir2 = run("box", 2, 2);
    Box other = new Box(9.5, 6.25);
    H5md.write(dir2.resolve("block-000001.h5"), block(1, N, other));
    assertContains(failOn(dir2), "block-000001.h5", "box 9.5 x 6.25", "block-000000.h5 has");
  }

  @Test
  void anUnreadableIndexIsRejected() throws Exception {
    Path dir = run("json", 1, 1);
    Files.writeString(dir.resolve("run.json"), "{ \"format\" : \"glasslab-md-segments\", ");
    assertContains(failOn(dir), "run.json", "unreadable index");

    Files.writeString(dir.resolve("run.json"), index(1).replace("glasslab-md-segments", "other"));
    assertContains(failOn(dir), "run.json", "field format", "glasslab-md-segments");

    Files.writeString(
        dir.resolve("run.json"), index(1).replace("\"version\" : 1", "\"version\" : 9"));
    assertContains(failOn(dir), "run.json", "field version");

    Files.writeString(
        dir.resolve("run.json"), index(1).replace("\"frames\" : 4", "\"frames\" : \"4\""));
    assertContains(failOn(dir), "run.json", "field blocks[0].frames", "expected an integer");

    Files.writeString(
        dir.resolve("run.json"), index(1).replace("block-000000.h5", "../elsewhere.h5"));
    assertContains(failOn(dir), "run.json", "field blocks[0].file", "not a plain file name");

    Files.writeString(
        dir.resolve("run.json"),
        "{\"format\":\"glasslab-md-segments\",\"version\":1,\"provenance\":{},\"blocks\":[]}");
    assertContains(failOn(dir), "run.json", "field blocks", "no completed block");
  }

  @Test
  void anIndexOutOfOrderIsRejected() throws Exception {
    Path dir = run("order", 2, 2);
    String twisted = index(2).replace("\"block\" : 1", "\"block\" : 5");
    Files.writeString(dir.resolve("run.json"), twisted);
    assertContains(failOn(dir), "run.json", "field blocks[1].block", "expected block 1");

    String steps = index(2).replace("\"first_step\" : 1001", "\"first_step\" : 5");
    Files.writeString(dir.resolve("run.json"), steps);
    assertContains(failOn(dir), "run.json", "field blocks[1].first_step");
  }

  @Test
  void aBlockWhoseStepsDisagreeWithTheIndexIsRejected() throws Exception {
    Path dir = run("steps", 2, 2);
    Files.copy(
        dir.resolve("block-000000.h5"),
        dir.resolve("block-000001.h5"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    assertContains(failOn(dir), "block-000001.h5", "holds steps 1..8", "lists 1001..1008");
  }
}
