package org.glasslab.pipeline.stages;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.glasslab.data.Box;
import org.glasslab.data.Configuration;
import org.glasslab.epm.coarsegrain.CalibratedComparison;
import org.glasslab.epm.coarsegrain.LocalYieldStatistics;
import org.glasslab.epm.coarsegrain.Measurement;
import org.glasslab.pipeline.engine.ParamException;
import org.glasslab.pipeline.engine.Params;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The particle-lattice adapter: lattice files, the event-rate lag, geometry and bad input. */
class ParticleLatticeStageTest {
  private static Params params(String json) throws Exception {
    return Params.of(new ObjectMapper().readTree(json));
  }

  @Test
  void readsTheLatticeBranchPersistenceAvalanchesAndTemperature(@TempDir Path dir)
      throws Exception {
    Path p = dir.resolve("epm_persistence.csv");
    Files.writeString(
        p, "lag,p,chi4,windows\n0.1,nan,nan,0\n1,0.9,2,40\n10,0.2,5,40\n100,0.01,1,40\n");
    Files.writeString(
        dir.resolve("epm_avalanches.csv"),
        "start_time,S,S_unstable,released,area,D,D_time,runaway\n"
            + "1,1,0,0.1,1,1,0,0\n2,5,4,0.5,3,2,0.1,0\n3,900,899,9,256,9,1,1\n");
    // no site snapshots: no yield statistics; no centroid columns: facilitation not measured
    Files.writeString(
        dir.resolve("done.json"), "{\"params\": {\"temperature\": 0.1, \"size\": 16}}");
    CalibratedComparison.LatticeSide l =
        ParticleLatticeStage.lattice(
            "lat", p, dir.resolve("epm_avalanches.csv"), null, 0.25, 50, 1);
    assertTrue(l.facilitation().note().startsWith("not measured"), l.facilitation().note());
    assertEquals(null, l.yield());
    assertEquals(0.1, l.temperature());
    assertEquals(256, l.sites());
    assertEquals(40, l.windows());
    assertTrue(Double.isNaN(l.persistence()[0]));
    assertEquals(List.of(1.0, 3.0), List.of(l.cascadeAreas()[0], l.cascadeAreas()[1]));
    assertEquals(2, l.cascadeAreas().length); // the runaway is left out
    Files.writeString(dir.resolve("done.json"), "{\"params\": {}}");
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> ParticleLatticeStage.lattice("lat", p, null, null, 0.25, 50, 1));
    assertTrue(e.getMessage().startsWith("lat: done.json"), e.getMessage());
  }

  private static CalibratedComparison.LatticeSide site(double t) {
    return new CalibratedComparison.LatticeSide(
        t,
        new double[] {1},
        new double[] {1},
        new double[] {0},
        1,
        4,
        new double[0],
        Measurement.notMeasured("test"),
        null);
  }

  @Test
  void nearestLatticeBranchAndPeriodicCentroid() {
    CalibratedComparison.LatticeSide a = site(0.1);
    CalibratedComparison.LatticeSide b = site(0.3);
    assertEquals("b", ParticleLatticeStage.nearest(Map.of("a", a, "b", b), 0.25));
    Box box = new Box(10, 10);
    Configuration c =
        Configuration.of(box, new double[] {9.5, 5, 0.5, 5, 9.9, 5.2}, new double[] {1, 1, 1});
    double[] m = ParticleLatticeStage.centroid(c, new int[] {0, 1});
    assertEquals(0.0, Math.min(m[0], 10 - m[0]), 1e-9); // across the boundary, not at 5
    assertEquals(5.0, m[1], 1e-9);
    assertEquals(
        0.5,
        ParticleLatticeStage.interpolateLog(new double[] {1, 100}, new double[] {1, 0}, 10),
        1e-12);
  }

  @Test
  void badParametersAreNamed() throws Exception {
    ParticleLatticeStage s = new ParticleLatticeStage();
    for (String[] bad :
        new String[][] {
          {"{\"cell_size\": -1}", "cell_size"},
          {"{\"k\": 0}", "k"},
          {"{\"min_events\": 0}", "min_events"},
          {"{\"rate_max_lag\": -2}", "rate_max_lag"},
          {"{\"min_origins\": 0}", "min_origins"},
          {"{\"pseudogap_fraction\": 1.5}", "pseudogap_fraction"},
          {"{\"pseudogap_bootstrap\": 5}", "pseudogap_bootstrap"}
        }) {
      ParamException e = assertThrows(ParamException.class, () -> s.validate(params(bad[0])));
      assertEquals(bad[1], e.key(), e.getMessage());
    }
    s.validate(params("{}"));
  }

  /**
   * Lattice facilitation from the avalanche centroids of epm_avalanches.csv (runaways left out):
   * uniformly random centroids give a ratio of 1 within 3 s.e., a planted walk of adjacent
   * centroids a ratio far below 1.
   */
  @Test
  void latticeFacilitationFromAvalancheCentroids(@TempDir Path dir) throws Exception {
    Path p = dir.resolve("epm_persistence.csv");
    Files.writeString(p, "lag,p,chi4,windows\n1,0.9,2,40\n10,0.2,5,40\n");
    Files.writeString(
        dir.resolve("done.json"), "{\"params\": {\"temperature\": 0.1, \"size\": 16}}");
    java.util.SplittableRandom r = new java.util.SplittableRandom(11);
    StringBuilder uniform = new StringBuilder("area,runaway,epicentre,centroid_x,centroid_y\n");
    StringBuilder walk = new StringBuilder("area,runaway,epicentre,centroid_x,centroid_y\n");
    double wx = 3;
    double wy = 3;
    for (int k = 0; k < 600; k++) {
      uniform.append(
          String.format(
              java.util.Locale.ROOT,
              "1,0,0,%.6f,%.6f%n",
              16 * r.nextDouble(),
              16 * r.nextDouble()));
      wx = (wx + (r.nextBoolean() ? 1 : -1) + 16) % 16; // one site at a time, periodic
      wy = (wy + (r.nextBoolean() ? 1 : -1) + 16) % 16;
      walk.append(
          String.format(
              java.util.Locale.ROOT, "1,%d,0,%.1f,%.1f%n", k % 100 == 99 ? 1 : 0, wx, wy));
    }
    Path u = dir.resolve("u.csv");
    Path w = dir.resolve("w.csv");
    Files.writeString(u, uniform);
    Files.writeString(w, walk);
    Measurement mu = ParticleLatticeStage.lattice("lat", p, u, null, 0.25, 50, 1).facilitation();
    assertEquals(1.0, mu.value(), 3 * mu.error(), mu.note());
    assertTrue(mu.error() > 0 && mu.error() < 0.05, mu.note());
    Measurement mw = ParticleLatticeStage.lattice("lat", p, w, null, 0.25, 50, 1).facilitation();
    // successive distance sqrt(2) sites (or a jump over a dropped runaway) against 0.383 L = 6.1
    assertTrue(mw.value() < 0.3, mw.note());
    assertTrue(mw.note().contains("centroids"), mw.note());
  }

  /**
   * The lattice θ and ⟨x⟩ from epm_sites.csv: only the snapshots of the later half of the run (the
   * early ones, planted at x = 0.5, are the transient) enter; x sampled from a power law with θ = 1
   * gives θ = 1 within 3 errors and ⟨x⟩ = 2/3.
   */
  @Test
  void latticeYieldFromTheSiteSnapshotsOfTheLaterHalf(@TempDir Path dir) throws Exception {
    java.util.SplittableRandom r = new java.util.SplittableRandom(5);
    StringBuilder sb = new StringBuilder("snapshot,events,time,site,sigma,threshold,x\n");
    for (int s = 0; s < 10; s++) {
      for (int i = 0; i < 256; i++) {
        double x = s < 5 ? 0.5 : Math.sqrt(r.nextDouble());
        sb.append(
            String.format(java.util.Locale.ROOT, "%d,%d,1,%d,0,1,%.8f%n", s, 100 * (s + 1), i, x));
      }
    }
    Path f = dir.resolve("epm_sites.csv");
    Files.writeString(f, sb);
    LocalYieldStatistics y = ParticleLatticeStage.siteYield(f, 0.25, 200, 3);
    assertEquals(1.0, y.theta().value(), 3 * y.theta().error(), y.theta().note());
    assertTrue(y.theta().note().contains("6 snapshots"), y.theta().note()); // events >= 500
    assertEquals(2.0 / 3, y.meanX().value(), 0.03, y.meanX().note());
    Files.writeString(f, "snapshot,events,time,site,sigma,threshold\n0,1,1,0,0,1\n");
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> ParticleLatticeStage.siteYield(f, 0.25, 50, 1));
    assertTrue(e.getMessage().contains("no column 'x'"), e.getMessage());
  }

  /** Calibration outputs with a missing field: one-line errors naming the field and file. */
  @Test
  void calibrationOutputsWithAMissingFieldAreNamed(@TempDir Path dir) throws Exception {
    Path fit = dir.resolve("elastic_fit.json");
    Files.writeString(fit, "{\"amplitude\": 0.1}");
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> ParticleLatticeStage.cellSize(Map.of("b", fit), 2.5));
    assertTrue(e.getMessage().contains("'suggested_cell_size_sigma'"), e.getMessage());
    assertEquals(1, e.getMessage().lines().count());
    Files.writeString(fit, "{\"suggested_cell_size_sigma\": \"not enough data\"}");
    ParticleLatticeStage.CellSize none = ParticleLatticeStage.cellSize(Map.of("b", fit), 2.5);
    assertEquals(2.5, none.sigma());
    assertTrue(none.source().contains("found no r*"), none.source());
    Path fit2 = dir.resolve("elastic_fit2.json");
    Files.writeString(fit2, "{\"suggested_cell_size_sigma\": 6.5}");
    ParticleLatticeStage.CellSize got =
        ParticleLatticeStage.cellSize(Map.of("b", fit, "c", fit2), 2.5);
    assertEquals(6.5, got.sigma());
    assertTrue(got.source().contains("r* (mean of 1 of 2"), got.source());
    assertTrue(ParticleLatticeStage.cellSize(Map.of(), 3).source().contains("no epm-elastic"));

    Path patches = dir.resolve("local_yield_patches.csv");
    Path summary = dir.resolve("local_yield_summary.json");
    Files.writeString(patches, "patch,cx,cy,free,x\n0,1,1,20,0.3\n1,5,1,20,NaN\n");
    Files.writeString(summary, "{\"parameters\": {\"orientations\": 2}}");
    ParticleLatticeStage.Branch b = branch(100, new double[0], new double[0]);
    e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                ParticleLatticeStage.localYield(
                    List.of(b), Map.of("T-r0", patches), Map.of("T-r0", summary), 0.25, 50, 1));
    assertTrue(e.getMessage().contains("'parameters.radius_sigma'"), e.getMessage());
    Files.writeString(summary, "{\"parameters\": {\"orientations\": 2, \"radius_sigma\": 4}}");
    LocalYieldStatistics y =
        ParticleLatticeStage.localYield(
            List.of(b), Map.of("T-r0", patches), Map.of("T-r0", summary), 0.25, 50, 1);
    assertTrue(y.theta().note().startsWith("not enough data"), y.theta().note());
    assertTrue(y.meanX().note().startsWith("not enough data"), y.meanX().note()); // 1 yielded
    Files.writeString(patches, "patch,cx,cy\n0,1,1\n");
    e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                ParticleLatticeStage.localYield(
                    List.of(b), Map.of("T-r0", patches), Map.of("T-r0", summary), 0.25, 50, 1));
    assertTrue(e.getMessage().contains("no column 'x'"), e.getMessage());
    assertEquals(
        null,
        ParticleLatticeStage.localYield(List.of(b), Map.of(), Map.of(), 0.25, 50, 1),
        "no calibration: null (the rows say not measured)");
  }

  /**
   * The rate counts rearranged particles, an intensive count, on the lags where a particle rarely
   * rearranges twice: the longest lag up to which no interval moved more than 5 % of its particles.
   */
  @Test
  void rateLagsStopWhereMoreThanFivePercentRearranged() {
    ParticleLatticeStage.Branch a =
        branch(100, new double[] {1, 2, 4, 8}, new double[] {1, 3, 5, 20});
    ParticleLatticeStage.Branch b =
        branch(1000, new double[] {1, 2, 4, 8}, new double[] {9, 30, 40, 90});
    assertEquals(4.0, ParticleLatticeStage.autoMaxLag(List.of(a, b)));
    ParticleLatticeStage.Branch c = branch(1000, new double[] {1, 2}, new double[] {60, 90});
    assertEquals(1.0, ParticleLatticeStage.autoMaxLag(List.of(c)), "the shortest lag at least");
  }

  /** P(S >= s) of 1..4: 1, 3/4, 1/2, 1/4, scaled; too few values give no curve. */
  @Test
  void survivalIsTheEmpiricalCcdf() {
    double[][] c = ParticleLatticeStage.survival(new double[] {3, 1, 4, 2}, 2);
    assertArrayEquals(new double[] {2, 4, 6, 8}, c[0], 0);
    assertArrayEquals(new double[] {1, 0.75, 0.5, 0.25}, c[1], 1e-15);
    assertEquals(200, ParticleLatticeStage.survival(new double[5000], 1)[0].length);
    assertNull(ParticleLatticeStage.survival(new double[] {1}, 1));
  }

  private static ParticleLatticeStage.Branch branch(int n, double[] lag, double[] moved) {
    return new ParticleLatticeStage.Branch(
        "T-r0",
        0.3,
        n,
        0.9,
        1,
        new Box(10, 10),
        lag,
        moved,
        1,
        1,
        1,
        1,
        1,
        new double[0],
        new double[0],
        new double[0],
        new double[0],
        new double[0]);
  }
}
