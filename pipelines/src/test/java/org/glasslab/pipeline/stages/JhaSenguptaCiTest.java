package org.glasslab.pipeline.stages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.glasslab.pipeline.cli.CliRunner;
import org.glasslab.pipeline.report.ReportLinks;
import org.glasslab.pipeline.store.Csv;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * examples/jha-sengupta.yaml run as documented, CI-sized ({@code --profile ci}: 2 temperatures x 3
 * replicas of 64 particles, about 2 minutes on 2 busy cores, hence the validation tier that CI
 * runs): every stage runs; the per-temperature ensemble curves and means, over equal-lag IS pairs
 * and over the before/after pairs of catalogued events, equal an independent numpy pooling of the
 * same per-particle files with the recorded bootstrap draws
 * (src/test/resources/reference/ensemble_pool.py); every page of the report resolves its images and
 * links, with one page per branch and per temperature.
 */
@Tag("validation")
class JhaSenguptaCiTest {
  @TempDir static Path dir;
  static Path run;
  static CliRunner result;

  @BeforeAll
  static void runCiProfile() throws Exception {
    Path examples = Path.of("..", "examples").toAbsolutePath().normalize();
    Path spec = dir.resolve("jha-sengupta.yaml");
    Files.copy(examples.resolve("jha-sengupta.yaml"), spec);
    result = CliRunner.run("run", spec.toString(), "--profile", "ci", "--jobs", "2", "-q");
    run = dir.resolve("runs/jha-sengupta-ci");
  }

  @Test
  void everyStageRunsOnTwoTemperaturesTimesThreeReplicas() throws Exception {
    assertEquals(0, result.exit(), result.out() + result.err());
    int ran = 0;
    for (String line : result.out().split("\n")) {
      if (line.startsWith("ran ")) {
        ran++;
      }
    }
    assertEquals(6 * 14 + 3, ran, result.out());
    Csv.Table means =
        Csv.read(
            run.resolve("results/ensemble/temperature-ensemble/" + TemperatureEnsembleStage.MEANS));
    for (double s : means.doubles("stderr")) {
      assertTrue(s > 0 && Double.isFinite(s), "bootstrap stderr " + s);
    }
    // compare-observables: one row per temperature and observable, the mean over the replicas of
    // each replica's mean, its standard error across replicas
    Csv.Table obs =
        Csv.read(run.resolve("results/ensemble/compare-observables/observables_summary.csv"));
    int checked = 0;
    for (int i = 0; i < obs.rows().size(); i++) {
      String[] row = obs.rows().get(i);
      assertTrue(row[0].equals("T-temperature=0.3") || row[0].equals("T-temperature=0.4"), row[0]);
      assertEquals(3, obs.doubles("replicas")[i]);
      double[] m = new double[3];
      for (int r = 0; r < 3; r++) {
        double[] v =
            Csv.read(run.resolve("results/" + row[0] + "-r" + r + "/observables/observables.csv"))
                .doubles(row[1]);
        m[r] = java.util.Arrays.stream(v).average().orElseThrow();
      }
      double mean = (m[0] + m[1] + m[2]) / 3;
      double var = 0;
      for (double x : m) {
        var += (x - mean) * (x - mean) / 2;
      }
      assertEquals(mean, obs.doubles("mean")[i], 1e-12 * Math.max(1, Math.abs(mean)), row[1]);
      // rounding-level spreads (the isokinetic kinetic energy) compare absolutely
      double tol = 1e-12 * Math.max(1, Math.abs(mean));
      assertEquals(Math.sqrt(var / 3), obs.doubles("stderr")[i], tol, row[1]);
      checked++;
    }
    assertTrue(checked >= 2 * 2, "rows " + checked);
  }

  @Test
  void ensembleCurvesEqualAnIndependentNumpyPooling() throws Exception {
    assertEquals(0, result.exit(), result.err());
    TemperatureEnsembleTest.assertNumpyPoolingAgrees(run, "lag", 2 * LagFieldsStage.FIELDS.size());
  }

  /**
   * The event ensemble: the before/after IS pairs of every catalogued event, pooled per
   * temperature, equal the numpy pooling; both temperatures have events.
   */
  @Test
  void eventEnsembleEqualsAnIndependentNumpyPooling() throws Exception {
    assertEquals(0, result.exit(), result.err());
    assertEquals(2, TemperatureEnsembleTest.assertEventEnsemble(run, 6));
  }

  @Test
  void reportHasAPagePerBranchAndTemperatureAndEveryLinkResolves() throws Exception {
    assertEquals(0, result.exit(), result.err());
    Path report = run.resolve("report");
    ReportLinks.Result links = TemperatureEnsembleTest.assertReport(run, "0.3", "0.4");
    assertTrue(links.images() > 6 * 10, "images: " + links.images());
    // thumbnails only for the ensemble figures; branch figures are linked, not copied
    long size;
    try (Stream<Path> s = Files.walk(report)) {
      size = s.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
    }
    try (Stream<Path> s = Files.walk(report)) {
      assertEquals(0, s.filter(f -> f.toString().endsWith(".svg")).count(), "no figure copied");
    }
    long html;
    try (Stream<Path> s = Files.walk(report)) {
      html =
          s.filter(f -> f.toString().endsWith(".html")).mapToLong(f -> f.toFile().length()).sum();
    }
    long linked = 0;
    for (Path f : links.targets()) {
      if (!f.startsWith(report)) {
        linked += Files.size(f);
      }
    }
    System.out.printf(
        "CI-sized jha-sengupta report: %d pages, %d bytes in report/ (%d of HTML), %d bytes of"
            + " figures linked%n",
        links.pages().size(), size, html, linked);
    assertTrue(size < 2_000_000, "report size " + size);
  }
}
