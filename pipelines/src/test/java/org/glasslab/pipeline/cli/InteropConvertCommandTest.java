package org.glasslab.pipeline.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.glasslab.data.Configuration;
import org.glasslab.data.MemoryTrajectory;
import org.glasslab.data.Trajectory;
import org.glasslab.data.io.TrajectoryIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The interop options of {@code convert} and the readers: GSD, a run's parameters kept through
 * {@code --frame}, LAMMPS {@code dump atom} files recognised by content, plain XYZ with {@code
 * --box}, diameters binned into LAMMPS types with {@code --bin-diameters}.
 */
class InteropConvertCommandTest {
  @TempDir Path dir;

  @Test
  void gsdConvertsBothWaysWithinSinglePrecision() throws Exception {
    MemoryTrajectory t = InfoConvertCommandTest.sample(100, 3);
    Path a = dir.resolve("a.h5");
    TrajectoryIO.write(a, t);
    Path g = dir.resolve("a.gsd");
    CliRunner r = CliRunner.run("convert", a.toString(), g.toString());
    assertEquals(0, r.exit(), r.err());
    CliRunner info = CliRunner.run("info", g.toString(), "--json");
    assertEquals(0, info.exit(), info.err());
    assertEquals("gsd", Json.mapper().readTree(info.out()).get("format").asText());
    Path back = dir.resolve("b.xyz");
    assertEquals(0, CliRunner.run("convert", g.toString(), back.toString()).exit());
    try (Trajectory b = TrajectoryIO.read(back)) {
      for (int k = 0; k < 3; k++) {
        Configuration c = t.frame(k);
        assertEquals(c.step(), b.frame(k).step());
        assertEquals(c.time(), b.frame(k).time(), 0.0, "times are kept exactly");
        assertArrayEquals(c.unwrappedPositions(), b.frame(k).unwrappedPositions(), 2e-5);
        assertArrayEquals(c.diameters(), b.frame(k).diameters(), 1e-7);
      }
    }
  }

  @Test
  void oneFrameOfARunKeepsItsParameters() throws Exception {
    MemoryTrajectory t =
        InfoConvertCommandTest.sample(50, 3)
            .withPotential("wca")
            .withProvenance(Map.of("T", "0.3", "seed", "7", "dt", "0.003"));
    Path a = dir.resolve("run.h5");
    TrajectoryIO.write(a, t);
    Path one = dir.resolve("one.h5");
    CliRunner r = CliRunner.run("convert", a.toString(), one.toString(), "--frame", "-1");
    assertEquals(0, r.exit(), r.err());
    try (Trajectory b = TrajectoryIO.read(one)) {
      assertEquals(1, b.frameCount());
      assertEquals(Map.of("T", "0.3", "seed", "7", "dt", "0.003"), b.provenance());
      assertEquals("wca", b.potential());
    }
  }

  @Test
  void lammpsDumpAtomIsRecognisedByContent() throws Exception {
    // as LAMMPS' "dump 1 all atom 100 dump.melt" writes it for a 2D box: scaled coordinates
    Path f = dir.resolve("dump.melt");
    Files.writeString(
        f,
        """
        ITEM: TIMESTEP
        100
        ITEM: NUMBER OF ATOMS
        3
        ITEM: BOX BOUNDS pp pp pp
        0.0000000000000000e+00 4.0000000000000000e+00
        0.0000000000000000e+00 5.0000000000000000e+00
        -5.0000000000000000e-01 5.0000000000000000e-01
        ITEM: ATOMS id type xs ys zs
        2 1 0.25 0.5 0.5
        1 2 0.5 0.1 0.5
        3 1 0.75 0.9 0.5
        """);
    CliRunner r = CliRunner.run("info", f.toString(), "--type-diameters", "1=1.0,2=1.4", "--json");
    assertEquals(0, r.exit(), r.err());
    JsonNode j = Json.mapper().readTree(r.out());
    assertEquals("lammps-dump", j.get("format").asText());
    assertEquals(3, j.get("particles").asInt());
    Path out = dir.resolve("melt.xyz");
    assertEquals(
        0,
        CliRunner.run("convert", f.toString(), out.toString(), "--type-diameters", "1=1.0,2=1.4")
            .exit());
    Configuration c = TrajectoryIO.readFrame(out, 0);
    assertArrayEquals(new double[] {2.0, 0.5, 1.0, 2.5, 3.0, 4.5}, c.positions(), 1e-15);
    assertArrayEquals(new double[] {1.4, 1.0, 1.0}, c.diameters());
  }

  @Test
  void plainXyzReadsWithABox() throws Exception {
    Path f = dir.resolve("plain.xyz");
    Files.writeString(
        f, "3\nwritten by some tool\nAr 0.5 1.0 0.0\nAr -0.5 2.0 0.0\nAr 5.5 7.5 0\n");
    CliRunner no = CliRunner.run("info", f.toString(), "--type-diameters", "1=1.0");
    assertEquals(1, no.exit());
    assertTrue(no.err().contains("--box"), no.err());
    Path out = dir.resolve("boxed.h5");
    CliRunner r =
        CliRunner.run(
            "convert", f.toString(), out.toString(), "--box", "4,5", "--type-diameters", "1=1.0");
    assertEquals(0, r.exit(), r.err());
    Configuration c = TrajectoryIO.readFrame(out, 0);
    assertEquals(4.0, c.box().lx());
    assertEquals(5.0, c.box().ly());
    assertArrayEquals(new double[] {0.5, 1.0, 3.5, 2.0, 1.5, 2.5}, c.positions(), 1e-15);
    assertArrayEquals(new int[] {0, 0, -1, 0, 1, 1}, c.images());
    // exit status as for a bad --type-diameters (the same InputOptions path)
    CliRunner bad = CliRunner.run("info", f.toString(), "--box", "4");
    assertTrue(bad.exit() != 0 && bad.err().contains("--box: expected LX,LY"), bad.err());
  }

  @Test
  void continuousDiametersExportToLammpsTypesWhenBinned() throws Exception {
    Path a = dir.resolve("a.h5");
    TrajectoryIO.write(a, InfoConvertCommandTest.sample(300, 1));
    Path data = dir.resolve("a.data");
    CliRunner refused =
        CliRunner.run("convert", a.toString(), data.toString(), "--lammps-style", "atomic");
    assertEquals(1, refused.exit());
    assertTrue(refused.err().contains("--bin-diameters"), refused.err());
    CliRunner r =
        CliRunner.run(
            "convert",
            a.toString(),
            data.toString(),
            "--lammps-style",
            "atomic",
            "--bin-diameters",
            "5");
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.err().contains("largest diameter change"), r.err());
    Configuration orig = TrajectoryIO.readFrame(a, 0);
    try (Trajectory b =
        TrajectoryIO.read(
            data,
            org.glasslab.data.io.Format.LAMMPS_DATA,
            org.glasslab.data.io.ReadOptions.DEFAULTS.withTypeDiameters(
                org.glasslab.data.io.LammpsData.readTypeTable(dir.resolve("a.data.diameters"))))) {
      Configuration c = b.frame(0);
      double lo = Double.POSITIVE_INFINITY;
      double hi = Double.NEGATIVE_INFINITY;
      for (double d : orig.diameters()) {
        lo = Math.min(lo, d);
        hi = Math.max(hi, d);
      }
      double bound = (hi - lo) / (2 * 5);
      for (int i = 0; i < c.size(); i++) {
        assertTrue(Math.abs(c.diameter(i) - orig.diameter(i)) <= bound * (1 + 1e-12));
        assertTrue(c.types()[i] >= 1 && c.types()[i] <= 5);
      }
      assertArrayEquals(orig.positions(), c.positions());
    }
  }
}
