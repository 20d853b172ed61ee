package org.glasslab.data.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.glasslab.data.Configuration;
import org.glasslab.data.MemoryTrajectory;
import org.glasslab.data.TestConfigs;
import org.glasslab.data.TimeSeries;
import org.glasslab.data.Trajectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RoundTripTest {
  @TempDir Path dir;

  static void assertSameFrame(Configuration a, Configuration b, boolean extras) {
    assertEquals(a.box(), b.box());
    assertArrayEquals(a.positions(), b.positions(), "positions to the last bit");
    assertArrayEquals(a.images(), b.images());
    assertArrayEquals(a.diameters(), b.diameters(), "diameters to the last bit");
    assertEquals(a.step(), b.step());
    assertEquals(a.time(), b.time());
    if (extras) {
      assertArrayEquals(a.velocities(), b.velocities());
      assertArrayEquals(a.ids(), b.ids());
      assertArrayEquals(a.types(), b.types());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"t.h5", "t.xyz", "t.dump"})
  void multiFrameFormatsRoundTripBitForBit(String name) throws Exception {
    for (boolean extras : new boolean[] {false, true}) {
      MemoryTrajectory t = TestConfigs.trajectory(257, 4, 7, extras);
      Path f = dir.resolve((extras ? "x" : "p") + name);
      TrajectoryIO.write(f, t);
      try (Trajectory back = TrajectoryIO.read(f)) {
        assertEquals(4, back.frameCount());
        for (int k = 0; k < 4; k++) {
          assertSameFrame(t.frame(k), back.frame(k), extras);
        }
      }
    }
  }

  @Test
  void gsdRoundTripsInSinglePrecisionKeepingStepsTimesImagesTypesIds() throws Exception {
    for (boolean extras : new boolean[] {false, true}) {
      MemoryTrajectory t = TestConfigs.trajectory(100, 3, 7, extras);
      Path f = dir.resolve((extras ? "x" : "p") + ".gsd");
      TrajectoryIO.write(f, t);
      try (Trajectory back = TrajectoryIO.read(f)) {
        assertEquals(3, back.frameCount());
        assertEquals((float) t.box().lx(), (float) back.box().lx());
        for (int k = 0; k < 3; k++) {
          Configuration a = t.frame(k);
          Configuration b = back.frame(k);
          assertEquals(a.step(), b.step());
          assertEquals(a.time(), b.time());
          assertArrayEquals(a.unwrappedPositions(), b.unwrappedPositions(), 1e-5);
          for (int i = 0; i < a.size(); i++) {
            assertEquals((float) a.diameter(i), (float) b.diameter(i));
          }
          assertArrayEquals(a.ids(), b.ids());
          assertArrayEquals(a.types(), b.types());
          if (extras) {
            for (int j = 0; j < 2 * a.size(); j++) {
              assertEquals((float) a.velocities()[j], (float) b.velocities()[j]);
            }
          } else {
            assertNull(b.velocities());
          }
        }
      }
    }
  }

  @Test
  void xyzKeepsThePotentialAndTheRunsParameters() throws Exception {
    Map<String, String> run = Map.of("T", "0.3", "seed", "7", "replay", "exact: \"reset\" a=b");
    MemoryTrajectory t =
        TestConfigs.trajectory(10, 2, 3, false).withPotential("lj:cutoff=2.5").withProvenance(run);
    Path f = dir.resolve("p.xyz");
    TrajectoryIO.write(f, t);
    try (Trajectory back = TrajectoryIO.read(f)) {
      assertEquals("lj:cutoff=2.5", back.potential());
      assertEquals(
          Map.of("T", "0.3", "seed", "7", "replay", "exact: 'reset' a=b"), back.provenance());
    }
  }

  @Test
  void xyzWithoutExtrasKeepsOptionalFieldsAbsent() throws Exception {
    MemoryTrajectory t = TestConfigs.trajectory(10, 1, 3, false);
    Path f = dir.resolve("a.xyz");
    TrajectoryIO.write(f, t);
    Configuration c = TrajectoryIO.readFrame(f, 0);
    assertNull(c.velocities());
    assertNull(c.ids());
    assertNull(c.types());
  }

  @ParameterizedTest
  @ValueSource(strings = {"SPHERE", "ATOMIC"})
  void lammpsDataRoundTripsBitForBit(String style) throws Exception {
    Configuration c = TestConfigs.random(100, 11, true);
    if (style.equals("ATOMIC")) {
      // atom_style atomic needs one diameter per type.
      double[] d = c.diameters();
      int[] types = c.types();
      for (int i = 0; i < d.length; i++) {
        d[i] = 0.8 + 0.1 * types[i];
      }
      c =
          new Configuration(
              c.box(),
              c.positions(),
              c.images(),
              d,
              c.velocities(),
              c.ids(),
              types,
              c.step(),
              c.time());
    }
    Path f = dir.resolve("c.data");
    LammpsData.write(f, c, LammpsData.Style.valueOf(style));
    ReadOptions opt = ReadOptions.DEFAULTS;
    if (style.equals("ATOMIC")) {
      opt = opt.withTypeDiameters(LammpsData.readTypeTable(dir.resolve("c.data.diameters")));
    }
    Configuration back = LammpsData.read(f, opt);
    assertSameFrame(c, back, true);
  }

  @Test
  void observablesRoundTripThroughH5md() throws Exception {
    MemoryTrajectory t0 = TestConfigs.trajectory(50, 3, 5, true);
    long[] steps = {1, 2, 4};
    double[] times = {0.003, 0.006, 0.012};
    TimeSeries pe = TimeSeries.scalar("potential_energy", steps, times, new double[] {1.5, 2, -3});
    TimeSeries stress =
        new TimeSeries(
            "stress", steps, times, new double[][] {{1, 2, 3, 4}, {5, 6, 7, 8}, {9, 10, 11, 12}});
    MemoryTrajectory t =
        new MemoryTrajectory(
            List.of(t0.frame(0), t0.frame(1), t0.frame(2)),
            Map.of("potential_energy", pe, "stress", stress));
    Path f = dir.resolve("obs.h5");
    H5md.write(f, t);
    try (Trajectory back = H5md.read(f, ReadOptions.DEFAULTS)) {
      assertEquals(pe, back.observables().get("potential_energy"));
      assertEquals(stress, back.observables().get("stress"));
    }
  }

  @Test
  void chainXyzH5DumpXyzPreservesEverything() throws Exception {
    MemoryTrajectory t = TestConfigs.trajectory(300, 3, 9, true);
    Path a = dir.resolve("a.xyz");
    Path b = dir.resolve("b.h5");
    Path c = dir.resolve("c.lammpstrj");
    Path d = dir.resolve("d.xyz");
    TrajectoryIO.write(a, t);
    try (Trajectory ta = TrajectoryIO.read(a)) {
      TrajectoryIO.write(b, ta);
    }
    try (Trajectory tb = TrajectoryIO.read(b)) {
      TrajectoryIO.write(c, tb);
    }
    try (Trajectory tc = TrajectoryIO.read(c)) {
      TrajectoryIO.write(d, tc);
    }
    try (Trajectory td = TrajectoryIO.read(d)) {
      for (int k = 0; k < t.frameCount(); k++) {
        assertSameFrame(t.frame(k), td.frame(k), true);
      }
    }
  }
}
