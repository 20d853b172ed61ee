package org.glasslab.pipeline.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.glasslab.data.Trajectory;
import org.glasslab.data.io.TrajectoryIO;
import org.glasslab.pipeline.cli.CliRunner;
import org.glasslab.pipeline.report.ReportLinks;
import org.glasslab.pipeline.store.Csv;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The built-in import and observables stages on real files, through the CLI. */
class FilePipelineTest {
  @TempDir Path dir;
  Path spec;

  @BeforeEach
  void setUp() throws Exception {
    Files.createDirectories(dir.resolve("data"));
    Samples.write(dir.resolve("data/a.xyz"), 60, 4, 1);
    Samples.write(dir.resolve("data/b.h5"), 60, 4, 2);
    Samples.write(dir.resolve("data/c.xyz"), 60, 4, 3);
    spec = dir.resolve("files.yaml");
    Files.writeString(
        spec,
        """
        name: files
        run_dir: out
        inputs:
          - files: ["data/*.xyz", "data/b.h5"]
        stages:
          - import
          - stage: observables
        """);
  }

  @Test
  void runStatusReportAndCache() throws Exception {
    CliRunner r = CliRunner.run("run", spec.toString(), "--jobs", "2");
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().contains("ran"), r.out());
    assertTrue(r.err().contains("report at"), r.err());
    Path out = dir.resolve("out");
    try (Trajectory t = TrajectoryIO.read(out.resolve("results/a/import/trajectory.h5"));
        Trajectory orig = TrajectoryIO.read(dir.resolve("data/a.xyz"))) {
      assertEquals(orig.frameCount(), t.frameCount());
      for (int k = 0; k < t.frameCount(); k++) {
        assertEquals(orig.frame(k), t.frame(k));
      }
    }
    Csv.Table obs = Csv.read(out.resolve("results/b/observables/observables.csv"));
    assertEquals(List.of("frame", "step", "time", "energy"), obs.header());
    assertEquals(4, obs.rows().size());
    assertTrue(Files.exists(out.resolve("results/b/observables/observable_energy.png")));

    CliRunner status = CliRunner.run("status", spec.toString());
    assertEquals(0, status.exit(), status.err());
    assertTrue(status.out().contains("6 cached, 0 to run"), status.out());

    CliRunner again = CliRunner.run("run", spec.toString(), "--json");
    assertEquals(0, again.exit());
    assertFalse(again.out().contains("\"ran\""), "second run from cache: " + again.out());

    // Every image and link of every report page resolves.
    CliRunner rep = CliRunner.run("report", out.toString());
    assertEquals(0, rep.exit(), rep.err());
    Path index = Path.of(rep.out().strip());
    assertEquals(out.resolve("report/index.html").toAbsolutePath(), index);
    ReportLinks.Result links = ReportLinks.check(index.getParent());
    // index + one page per branch; only b.h5 carries an observable (extended XYZ stores none):
    // one figure, shown and linked as PNG, and its SVG.
    assertEquals(1 + 3, links.pages().size(), links.pages().toString());
    assertEquals(1, links.images());
    String b = Files.readString(index.resolveSibling("branch/b.html"));
    assertTrue(b.contains("Stage observables"), b);
  }

  @Test
  void corruptInputStopsOnlyItsBranch() throws Exception {
    // Truncate c.xyz in the middle of its second frame.
    Path c = dir.resolve("data/c.xyz");
    byte[] bytes = Files.readAllBytes(c);
    Files.write(c, java.util.Arrays.copyOf(bytes, bytes.length * 3 / 8));
    CliRunner r = CliRunner.run("run", spec.toString(), "--jobs", "2", "--no-report");
    assertEquals(1, r.exit(), r.err());
    assertTrue(
        r.err().contains("[c/import] failed: ") && r.err().contains("c.xyz: line "), r.err());
    assertTrue(r.err().contains("1 stage instance(s) failed, 1 skipped"), r.err());
    Path out = dir.resolve("out");
    assertTrue(Files.exists(out.resolve("results/a/observables/observables.csv")));
    assertTrue(Files.exists(out.resolve("results/b/observables/observables.csv")));
    assertFalse(Files.exists(out.resolve("results/c")), "nothing published for the bad branch");
    try (Stream<Path> s = Files.walk(out)) {
      List<Path> junk =
          s.filter(
                  p ->
                      p.getFileName().toString().startsWith(".tmp-")
                          || p.getFileName().toString().endsWith(".tmp"))
              .toList();
      assertTrue(junk.isEmpty(), "half-written files left: " + junk);
    }
    // Fixing the file makes the next run do exactly the missing branch.
    Samples.write(c, 60, 4, 3);
    CliRunner fixed = CliRunner.run("run", spec.toString(), "--no-report");
    assertEquals(0, fixed.exit(), fixed.err());
    assertEquals(2, fixed.out().lines().filter(l -> l.startsWith("ran ")).count(), fixed.out());
  }

  @Test
  void dryRunWritesNothing() throws Exception {
    CliRunner r = CliRunner.run("run", spec.toString(), "--dry-run");
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().contains("will run"), r.out());
    assertTrue(r.out().contains("0 cached, 6 to run"), r.out());
    assertFalse(Files.exists(dir.resolve("out")));
  }

  @Test
  void badSpecsFailWithOneLineNamingTheField() throws Exception {
    Files.writeString(
        spec,
        "name: x\ninputs:\n  - files: data/a.xyz\nstages:\n  - {stage: import, params: {z: 1}}\n");
    CliRunner r = CliRunner.run("run", spec.toString());
    assertEquals(1, r.exit());
    assertEquals(
        "glasslab run: files.yaml: stages[0].params.z: unknown parameter of stage 'import' (it"
            + " takes none)",
        r.err().strip());
    CliRunner j = CliRunner.run("run", spec.toString(), "--jobs", "0");
    assertEquals(2, j.exit());
  }

  @Test
  void ensembleComparisonOfObservables() throws Exception {
    Samples.write(dir.resolve("data/d.h5"), 30, 6, 4);
    Files.writeString(
        spec,
        """
        name: cmp
        run_dir: cmp
        inputs:
          - files: data/*.h5
        stages: [import, observables, {stage: compare-observables, params: {bins: 5}}]
        """);
    CliRunner r = CliRunner.run("run", spec.toString(), "--no-report");
    assertEquals(0, r.exit(), r.err());
    Path entry = dir.resolve("cmp/results/ensemble/compare-observables");
    Csv.Table t = Csv.read(entry.resolve("observables_summary.csv"));
    assertEquals(List.of("b", "d"), t.rows().stream().map(row -> row[0]).toList());
    try (Trajectory tr = TrajectoryIO.read(dir.resolve("data/d.h5"))) {
      double[] e = tr.observables().get("energy").component(0);
      double mean = java.util.Arrays.stream(e).average().orElseThrow();
      assertEquals(mean, t.doubles("mean")[1], 1e-12);
      assertEquals(6, (int) t.doubles("frames")[1]);
    }
    assertTrue(Files.exists(entry.resolve("series_energy.png")));
    assertTrue(Files.exists(entry.resolve("distribution_energy.svg")));
  }
}
