package org.glasslab.data.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableGroup;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.glasslab.data.TestConfigs;
import org.glasslab.data.Trajectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every reader rejects bad input with a one-line message naming the file, the place and what was
 * expected.
 */
class BadInputTest {
  @TempDir Path dir;

  private static final String XYZ =
      "2\n"
          + "Lattice=\"4.0 0.0 0.0 0.0 5.0 0.0 0.0 0.0 1.0\""
          + " Properties=species:S:1:pos:R:3:diameter:R:1:image:I:2 Step=3 Time=0.009\n"
          + "A 1.0 2.0 0.0 1.0 0 0\n"
          + "A 3.0 4.0 0.0 1.1 0 1\n";

  private static final String DUMP =
      "ITEM: TIMESTEP\n5\nITEM: NUMBER OF ATOMS\n2\nITEM: BOX BOUNDS pp pp pp\n"
          + "0.0 4.0\n0.0 5.0\n-0.5 0.5\nITEM: ATOMS id type x y diameter\n"
          + "1 1 1.0 2.0 1.0\n2 1 3.0 4.0 1.1\n";

  private static final String DATA =
      "LAMMPS data file\n\n2 atoms\n1 atom types\n\n0.0 4.0 xlo xhi\n0.0 5.0 ylo yhi\n"
          + "-0.5 0.5 zlo zhi\n\nAtoms # sphere\n\n1 1 1.0 1.27 1.0 2.0 0.0\n"
          + "2 1 1.1 1.05 3.0 4.0 0.0\n";

  private String fail(String name, String content) throws IOException {
    Path f = dir.resolve(name);
    Files.writeString(f, content, StandardCharsets.UTF_8);
    return failOn(f);
  }

  static String failOn(Path f) {
    IOException e =
        assertThrows(
            IOException.class,
            () -> {
              try (Trajectory t = TrajectoryIO.read(f)) {
                for (int k = 0; k < t.frameCount(); k++) {
                  t.frame(k);
                }
              }
            });
    String m = e.getMessage();
    assertTrue(m.startsWith(f.toString()), "message names the file: " + m);
    assertTrue(!m.contains("\n"), "one line: " + m);
    return m;
  }

  static void assertContains(String message, String... parts) {
    for (String p : parts) {
      assertTrue(message.contains(p), "'" + message + "' should contain '" + p + "'");
    }
  }

  @Test
  void goodSamplesRead() throws IOException {
    for (String[] s : new String[][] {{"a.xyz", XYZ}, {"a.dump", DUMP}, {"a.data", DATA}}) {
      Path f = dir.resolve(s[0]);
      Files.writeString(f, s[1]);
      try (Trajectory t = TrajectoryIO.read(f)) {
        assertTrue(t.frame(0).size() == 2);
      }
    }
  }

  @Test
  void missingFile() {
    for (String name : new String[] {"none.xyz", "none.h5", "none.dump", "none.data"}) {
      assertContains(failOn(dir.resolve(name)), "no such file");
    }
  }

  @Test
  void badGsdFilesFailWithOneLine() throws IOException {
    Path good = dir.resolve("good.gsd");
    Gsd.write(good, org.glasslab.data.TestConfigs.trajectory(20, 2, 3, true));
    byte[] bytes = java.nio.file.Files.readAllBytes(good);
    Path cut = dir.resolve("cut.gsd");
    java.nio.file.Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length / 2));
    assertContains(failOn(cut), "cut.gsd", "truncated or corrupt");
    Path magic = dir.resolve("magic.gsd");
    byte[] m = bytes.clone();
    m[0] = 0;
    java.nio.file.Files.write(magic, m);
    assertContains(failOn(magic), "magic.gsd", "not a GSD file");
    Path tiny = dir.resolve("tiny.gsd");
    java.nio.file.Files.write(tiny, new byte[] {1, 2, 3});
    assertContains(failOn(tiny), "tiny.gsd", "truncated");
  }

  @Test
  void unknownFormat() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Format.of(dir.resolve("a.pdb")));
    assertContains(e.getMessage(), "a.pdb", "unknown format", ".h5");
  }

  @Test
  void truncatedFile() throws IOException {
    assertContains(
        fail("t.xyz", XYZ.substring(0, XYZ.lastIndexOf("A 3.0"))), "truncated", "particle line 2");
    assertContains(
        fail("t.dump", DUMP.substring(0, DUMP.lastIndexOf("2 1 3.0"))), "truncated", "atom line 2");
    assertContains(fail("t.data", DATA.substring(0, DATA.lastIndexOf("2 1 1.1"))), "truncated");
    assertContains(fail("u.dump", DUMP.substring(0, DUMP.indexOf("ITEM: ATOMS"))), "truncated");
    // An HDF5 file cut in half.
    Path good = dir.resolve("good.h5");
    H5md.write(good, TestConfigs.trajectory(200, 3, 1, true));
    byte[] bytes = Files.readAllBytes(good);
    Path cut = dir.resolve("cut.h5");
    Files.write(cut, Arrays.copyOf(bytes, bytes.length / 2));
    assertContains(failOn(cut), "truncated or corrupt");
  }

  @Test
  void wrongColumnCount() throws IOException {
    assertContains(
        fail("c.xyz", XYZ.replace("A 3.0 4.0 0.0 1.1 0 1", "A 3.0 4.0 0.0 1.1 0")),
        "line 4",
        "expected 7 columns");
    assertContains(
        fail("c.dump", DUMP.replace("2 1 3.0 4.0 1.1", "2 1 3.0 4.0")),
        "line 11",
        "expected 5 columns");
    assertContains(
        fail("c.data", DATA.replace("2 1 1.1 1.05 3.0 4.0 0.0", "2 1 1.1 3.0 4.0 0.0")),
        "expected 7 columns");
  }

  @Test
  void nonNumericToken() throws IOException {
    assertContains(
        fail("n.xyz", XYZ.replace("3.0 4.0", "3.0 abc")),
        "line 4",
        "expected a number for y",
        "'abc'");
    assertContains(
        fail("n.dump", DUMP.replace("3.0 4.0", "3.0 x4")), "line 11", "expected a number for y");
    assertContains(fail("n.data", DATA.replace("3.0 4.0", "3.0 four")), "expected a number for y");
  }

  @Test
  void nanOrInfinity() throws IOException {
    assertContains(
        fail("nan.xyz", XYZ.replace("3.0 4.0", "NaN 4.0")), "x of particle #1 is not finite");
    assertContains(
        fail("inf.dump", DUMP.replace("3.0 4.0", "3.0 Infinity")),
        "y of particle id 2 is not finite");
    assertContains(fail("nan.data", DATA.replace("1.0 2.0 0.0", "NaN 2.0 0.0")), "not finite");
    Path h = dir.resolve("nan.h5");
    writeRawH5(h, 3, new double[] {1, 2, 0, Double.NaN, 1, 0}, 4, 5);
    assertContains(failOn(h), "not finite");
  }

  @Test
  void nonPositiveDiameter() throws IOException {
    assertContains(
        fail("d.xyz", XYZ.replace(" 1.1 0 1", " -1.1 0 1")), "diameter", "must be positive");
    assertContains(
        fail("d.dump", DUMP.replace("4.0 1.1", "4.0 0.0")), "diameter", "must be positive");
    assertContains(
        fail("d.data", DATA.replace("2 1 1.1", "2 1 0")), "diameter", "must be positive");
  }

  @Test
  void nonPositiveBox() throws IOException {
    assertContains(
        fail("b.xyz", XYZ.replace("5.0 0.0 0.0 0.0 1.0", "0.0 0.0 0.0 0.0 1.0")),
        "box edges must be finite and positive");
    assertContains(
        fail("b.dump", DUMP.replace("0.0 4.0\n", "4.0 4.0\n")),
        "box edges must be finite and positive");
    assertContains(
        fail("b.data", DATA.replace("0.0 5.0 ylo yhi", "5.0 1.0 ylo yhi")),
        "box edges must be finite and positive");
    Path h = dir.resolve("b.h5");
    writeRawH5(h, 3, new double[] {1, 2, 0, 3, 1, 0}, -4, 5);
    assertContains(failOn(h), "box edges must be finite and positive");
  }

  @Test
  void particleOutsideTheBox() throws IOException {
    assertContains(
        fail("o.xyz", XYZ.replace("3.0 4.0", "3.0 9.0")),
        "y of particle #1 = 9.0 is outside the box");
    assertContains(
        fail("o.dump", DUMP.replace("3.0 4.0", "-3.0 4.0")),
        "x of particle id 2 = -3.0 is outside the box");
    assertContains(fail("o.data", DATA.replace("3.0 4.0 0.0", "13.0 4.0 0.0")), "outside the box");
    Path h = dir.resolve("o.h5");
    writeRawH5(h, 3, new double[] {1, 2, 0, 30, 1, 0}, 4, 5);
    assertContains(failOn(h), "outside the box");
  }

  @Test
  void slightlyOutsideIsWrappedWithImages() throws IOException {
    Path f = dir.resolve("w.dump");
    Files.writeString(f, DUMP.replace("3.0 4.0", "4.1 -0.2"));
    try (Trajectory t = TrajectoryIO.read(f)) {
      var c = t.frame(0);
      assertTrue(Math.abs(c.x(1) - 0.1) < 1e-12 && Math.abs(c.y(1) - 4.8) < 1e-12);
      assertTrue(c.images()[2] == 1 && c.images()[3] == -1);
    }
  }

  @Test
  void particleCountChangesBetweenFrames() throws IOException {
    String second =
        XYZ.replace("2\n", "1\n")
            .replace("A 3.0 4.0 0.0 1.1 0 1\n", "")
            .replace("Step=3", "Step=4");
    assertContains(fail("f.xyz", XYZ + second), "frame 1 has N = 1, frame 0 had N = 2");
    String dump2 =
        DUMP.replace("ATOMS\n2", "ATOMS\n1")
            .replace("2 1 3.0 4.0 1.1\n", "")
            .replace("\n5\n", "\n6\n");
    assertContains(fail("f.dump", DUMP + dump2), "frame 1 has N = 1, frame 0 had N = 2");
  }

  @Test
  void nonTwoDimensionalData() throws IOException {
    assertContains(fail("z.xyz", XYZ.replace("3.0 4.0 0.0", "3.0 4.0 0.5")), "non-2D data");
    String dz =
        DUMP.replace("x y diameter", "x y z diameter")
            .replace("1 1 1.0 2.0 1.0", "1 1 1.0 2.0 0.0 1.0")
            .replace("2 1 3.0 4.0 1.1", "2 1 3.0 4.0 0.7 1.1");
    assertContains(fail("z.dump", dz), "non-2D data");
    assertContains(fail("z.data", DATA.replace("3.0 4.0 0.0", "3.0 4.0 1.0")), "non-2D data");
    Path h = dir.resolve("z.h5");
    writeRawH5(h, 3, new double[] {1, 2, 0, 3, 1, 0.25}, 4, 5);
    assertContains(failOn(h), "non-2D data");
  }

  @Test
  void notAnH5mdFile() throws IOException {
    Path h = dir.resolve("plain.h5");
    try (WritableHdfFile w = HdfFile.write(h)) {
      w.putGroup("stuff").putDataset("x", new double[] {1, 2});
    }
    assertContains(failOn(h), "/h5md", "not an H5MD file");
    Path text = dir.resolve("text.h5");
    Files.writeString(text, "this is not HDF5");
    assertContains(failOn(text), "not a readable HDF5 file");
  }

  /** A minimal H5MD file with one frame of 2 particles in {@code dim} dimensions. */
  private static void writeRawH5(Path f, int dim, double[] pos, double lx, double ly) {
    double[][][] p = new double[1][2][dim];
    for (int i = 0; i < 2; i++) {
      for (int c = 0; c < dim; c++) {
        p[0][i][c] = pos[i * dim + c];
      }
    }
    double[][][] edges = new double[1][dim][dim];
    edges[0][0][0] = lx;
    edges[0][1][1] = ly;
    if (dim == 3) {
      edges[0][2][2] = 1;
    }
    try (WritableHdfFile w = HdfFile.write(f)) {
      WritableGroup h5md = w.putGroup("h5md");
      h5md.putAttribute("version", new int[] {1, 1});
      h5md.putDataset("dummy", new int[] {0});
      WritableGroup all = w.putGroup("particles").putGroup("all");
      WritableGroup box = all.putGroup("box");
      box.putAttribute("dimension", dim);
      WritableGroup e = box.putGroup("edges");
      e.putDataset("value", edges);
      e.putDataset("step", new long[] {0});
      e.putDataset("time", new double[] {0});
      WritableGroup pg = all.putGroup("position");
      pg.putDataset("value", p);
      pg.putDataset("step", new long[] {0});
      pg.putDataset("time", new double[] {0});
      all.putDataset("diameter", new double[] {1, 1});
    }
  }

  @Test
  void coincidentParticlesAreRefusedNamingThePairAndDistance() throws IOException {
    String m = fail("same.xyz", XYZ.replace("A 3.0 4.0 0.0 1.1 0 1", "A 1.0 2.0 0.0 1.1 0 1"));
    assertTrue(m.contains("particles #0 and #1 coincide (distance 0.0"), m);
    // across the periodic edge: x = 0 and x = Lx - 1e-9 are 1e-9 apart
    String edge =
        XYZ.replace("A 1.0 2.0 0.0 1.0 0 0", "A 0.0 2.0 0.0 1.0 0 0")
            .replace("A 3.0 4.0 0.0 1.1 0 1", "A 3.999999999 2.0 0.0 1.1 0 1");
    assertTrue(fail("edge.xyz", edge).contains("coincide (distance 1.0000"), edge);
    String dump = DUMP.replace("2 1 3.0 4.0 1.1", "2 1 1.0 2.0 1.1");
    assertTrue(fail("same.dump", dump).contains("particles id 1 and id 2 coincide"));
  }

  @Test
  void closeButDistinctParticlesAreAccepted() throws IOException {
    Path f = dir.resolve("close.xyz");
    Files.writeString(f, XYZ.replace("A 3.0 4.0 0.0 1.1 0 1", "A 1.0001 2.0 0.0 1.1 0 1"));
    try (Trajectory t = TrajectoryIO.read(f)) {
      assertEquals(2, t.frame(0).size());
    }
  }

  @Test
  void aDataFileWithMoreAtomsLinesThanDeclaredIsRefused() throws IOException {
    String extra = DATA + "3 1 1.0 1.27 2.0 1.0 0.0\n";
    String m = fail("extra.data", extra);
    assertTrue(m.contains("more lines than the header's 2 atoms"), m);
  }

  @Test
  void aDumpWhoseIdsChangeBetweenFramesIsRefused() throws IOException {
    String second =
        DUMP.replace("ITEM: TIMESTEP\n5", "ITEM: TIMESTEP\n6").replace("2 1 3.0", "3 1 3.0");
    String m = fail("ids.dump", DUMP + second);
    assertTrue(m.contains("frame 1 holds atom id 3 where frame 0 holds id 2"), m);
  }

  @Test
  void binaryJunkWithATextExtensionIsNamedAsNotText() throws IOException {
    for (String name : new String[] {"junk.xyz", "junk.dump", "junk.data"}) {
      Path f = dir.resolve(name);
      Files.write(f, new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, 'g', (byte) 0x80, '\n'});
      String m = failOn(f);
      assertTrue(m.contains("line 1") && m.contains("not a text file"), m);
    }
  }
}
