package org.glasslab.pipeline.stages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.glasslab.pipeline.cli.CliRunner;
import org.glasslab.pipeline.report.ReportLinks;
import org.glasslab.pipeline.store.Csv;
import org.glasslab.pipeline.store.Hdf5Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * lag-fields and temperature-ensemble on 2 temperatures x 3 replicas of 32 particles: the curves,
 * bands and means equal an independent numpy pooling of the same per-particle files with the
 * recorded bootstrap draws (src/test/resources/reference/ensemble_pool.py); the report has one page
 * per branch and per temperature and every image and link of every page resolves.
 */
class TemperatureEnsembleTest {
  @TempDir static Path dir;
  static Path run;
  static CliRunner result;

  static final String SPEC =
      """
      name: ens
      seed: 3
      inputs:
        - generate: simulate
          label: T
          params: {particles: 32, equilibration_time: 1, waiting_time: 1, block_size: 64,
                   n_cfg: 5, blocks: 4}
          sweep: {temperature: [0.3, 0.45]}
          replicas: 3
      stages:
        - minimize
        # lenient thresholds, so that these short runs of 32 particles catalogue events
        - {stage: events, params: {move_threshold: 0.05, min_cluster_size: 1, z_threshold: 0.5,
                                   min_same_lag: 2}}
        - lag-fields
        - event-fields
        - {stage: temperature-ensemble, params: {bootstrap: 100, bins: 12, per_decade: 6}}
        - {stage: event-ensemble, params: {bootstrap: 100, bins: 12, per_decade: 6}}
      """;

  @BeforeAll
  static void runSmallEnsemble() throws Exception {
    Path spec = dir.resolve("ens.yaml");
    Files.writeString(spec, SPEC);
    result = CliRunner.run("run", spec.toString(), "--jobs", "2", "-q");
    run = dir.resolve("runs/ens");
  }

  /**
   * Runs the numpy pooling of {@code kind} (lag or events) on {@code run}; skips without python3,
   * numpy or h5py.
   */
  static void assertNumpyPoolingAgrees(Path run, String kind, int curves) throws Exception {
    Path py = Path.of("/usr/bin/python3");
    assumeTrue(Files.isExecutable(py), "no /usr/bin/python3");
    Path script = Path.of("src/test/resources/reference/ensemble_pool.py").toAbsolutePath();
    Process p =
        new ProcessBuilder(py.toString(), script.toString(), run.toString(), kind)
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes());
    int code = p.waitFor();
    assumeTrue(code != 77, "numpy/h5py not installed: " + out);
    assertEquals(0, code, out);
    assertTrue(out.contains("checked " + curves + " curves"), out);
  }

  @Test
  void lagFieldsHoldEveryPairOfTheLongestRepeatedLag() throws Exception {
    assertEquals(0, result.exit(), result.out() + result.err());
    Path f = run.resolve("results/T-temperature=0.3-r1/lag-fields/" + LagFieldsStage.FILE);
    // blocks of 64 steps, frames at steps iB + 2^j, j < 5 (1, 2, 4, 8, 16, 65, ...): lags 1, 2,
    // 4, 8 in a block, 49 from one block to the next; the longest lag found twice is 49, from
    // frame 4 to 5, 9 to 10 and 14 to 15: 3 pairs per trajectory
    assertEquals(49L, (long) TemperatureEnsembleStage.number(Hdf5Arrays.attribute(f, "lag_steps")));
    assertEquals(0.3, TemperatureEnsembleStage.number(Hdf5Arrays.attribute(f, "temperature")));
    for (String field : LagFieldsStage.FIELDS) {
      double[][] v = (double[][]) Hdf5Arrays.read(f, field);
      assertEquals(3, v.length, field);
      assertEquals(32, v[0].length, field);
    }
    int[] a = (int[]) Hdf5Arrays.read(f, "frame_a");
    assertEquals(List.of(4, 9, 14), List.of(a[0], a[1], a[2]));
  }

  @Test
  void ensembleCurvesEqualAnIndependentNumpyPooling() throws Exception {
    assertEquals(0, result.exit(), result.out() + result.err());
    Csv.Table means =
        Csv.read(
            run.resolve("results/ensemble/temperature-ensemble/" + TemperatureEnsembleStage.MEANS));
    assertEquals(2 * LagFieldsStage.FIELDS.size(), means.rows().size());
    for (double r : means.doubles("replicas")) {
      assertEquals(3, r);
    }
    assertNumpyPoolingAgrees(run, "lag", 2 * LagFieldsStage.FIELDS.size());
  }

  /**
   * The event ensemble of {@code run}: every branch's {@code event_fields.h5} holds its catalogue's
   * events (AVALANCHE or MULTIPLE rows of events.csv) as before/after pairs, each pair's fields
   * equal the strain task on that IS pair (checked on the first pair), the tables list the
   * temperatures with at least one event, and they equal the numpy pooling.
   *
   * @return the number of temperatures with at least one event
   */
  static int assertEventEnsemble(Path run, int branches) throws Exception {
    java.util.Map<Double, Integer> events = new java.util.TreeMap<>();
    int files = 0;
    try (var dirs = Files.list(run.resolve("results"))) {
      for (Path b : dirs.filter(d -> !d.getFileName().toString().equals("ensemble")).toList()) {
        Path f = b.resolve("event-fields/" + EventFieldsStage.FILE);
        Csv.Table list = Csv.read(b.resolve("events/event_list.csv"));
        int pairs = (int) TemperatureEnsembleStage.number(Hdf5Arrays.attribute(f, "pairs"));
        assertEquals(list.rows().size(), pairs, f.toString());
        double t = TemperatureEnsembleStage.number(Hdf5Arrays.attribute(f, "temperature"));
        events.merge(t, pairs, Integer::sum);
        files++;
        if (pairs > 0) {
          int[] a = (int[]) Hdf5Arrays.read(f, "frame_a");
          assertEquals((int) list.doubles("frame")[0], a[0]);
          Path is = b.resolve("minimize/is.h5");
          org.glasslab.data.Configuration ref;
          org.glasslab.data.Configuration cur;
          try (var tr = org.glasslab.data.io.TrajectoryIO.read(is)) {
            ref = tr.frame(a[0]);
            cur = tr.frame(a[0] + 1);
          }
          var p =
              new org.glasslab.pipeline.task.StrainTask.Params(
                  org.glasslab.pipeline.task.StrainTask.INSTANCE
                      .parameters(org.glasslab.pipeline.task.Values.DEFAULTS)
                      .fit(),
                  true);
          var r =
              org.glasslab.pipeline.task.StrainTask.INSTANCE.run(
                  p, new org.glasslab.pipeline.task.FramePair(ref, cur));
          double[][] d2 = (double[][]) Hdf5Arrays.read(f, "d2min");
          org.junit.jupiter.api.Assertions.assertArrayEquals(r.fit().columns().get("d2min"), d2[0]);
          double[][] m = (double[][]) Hdf5Arrays.read(f, "m");
          org.junit.jupiter.api.Assertions.assertArrayEquals(r.mobility(), m[0]);
        }
      }
    }
    assertEquals(branches, files);
    int withEvents = (int) events.values().stream().filter(n -> n > 0).count();
    System.out.println("event pairs per temperature: " + events);
    Csv.Table means =
        Csv.read(
            run.resolve("results/ensemble/event-ensemble/" + TemperatureEnsembleStage.EVENT_MEANS));
    assertEquals(withEvents * LagFieldsStage.FIELDS.size(), means.rows().size());
    assertNumpyPoolingAgrees(run, "events", withEvents * LagFieldsStage.FIELDS.size());
    return withEvents;
  }

  @Test
  void eventEnsembleEqualsAnIndependentNumpyPooling() throws Exception {
    assertEquals(0, result.exit(), result.out() + result.err());
    assertEventEnsemble(run, 6);
  }

  /**
   * Checks every link of the report of a run of 2 temperatures {@code t0}, {@code t1} x 3 replicas:
   * index, 6 branch pages, 2 temperature pages; returns the link check's result.
   */
  static ReportLinks.Result assertReport(Path run, String t0, String t1) throws Exception {
    Path report = run.resolve("report");
    ReportLinks.Result links = ReportLinks.check(report);
    List<String> pages = links.pages().stream().map(p -> report.relativize(p).toString()).toList();
    assertEquals(1 + 6 + 2, pages.size(), pages.toString());
    assertTrue(pages.contains("ensemble/T=" + t0 + ".html"), pages.toString());
    assertTrue(pages.contains("ensemble/T=" + t1 + ".html"), pages.toString());
    assertTrue(pages.contains("branch/T-temperature=" + t0 + "-r0.html"), pages.toString());
    String t = Files.readString(report.resolve("ensemble/T=" + t0 + ".html"));
    assertTrue(t.contains("T-temperature=" + t0 + "-r2") && t.contains("d2min"), t);
    return links;
  }

  @Test
  void reportHasAPagePerBranchAndTemperatureAndEveryLinkResolves() throws Exception {
    assertEquals(0, result.exit(), result.err());
    // 7 ensemble thumbnails on the index, the minimize figures on the branch pages
    int images = assertReport(run, "0.3", "0.45").images();
    assertTrue(images >= 7 + 6, "images: " + images);
  }
}
