package org.glasslab.pipeline.stages;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.glasslab.data.Configuration;
import org.glasslab.data.MemoryTrajectory;
import org.glasslab.data.Trajectory;
import org.glasslab.data.io.TrajectoryIO;
import org.glasslab.data.random.Rng;
import org.glasslab.pipeline.cli.CliRunner;
import org.glasslab.pipeline.engine.AbstractStage;
import org.glasslab.pipeline.engine.Engine;
import org.glasslab.pipeline.engine.RunResult;
import org.glasslab.pipeline.engine.Samples;
import org.glasslab.pipeline.engine.StageContext;
import org.glasslab.pipeline.engine.StageRegistry;
import org.glasslab.pipeline.report.RunReport;
import org.glasslab.pipeline.spec.SpecLoader;
import org.glasslab.pipeline.store.Csv;
import org.glasslab.pipeline.store.Hdf5Arrays;
import org.glasslab.pipeline.store.JsonFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stages that look at catalogue events: {@code signatures} (command = stage, a planted
 * λ_smallest drop found, shown in the report), {@code snapshots} on the event's equal-time pairs,
 * and MD/IS trajectories that do not match refused with one line naming both files and nothing
 * written.
 */
class EventStagesTest {
  @TempDir Path dir;

  static final int HOP = 60;

  /** Stands in for {@code minimize}: the trajectory itself, or without its last frame. */
  static final class FakeIs extends AbstractStage {
    private final boolean truncate;

    FakeIs(boolean truncate) {
      super(
          "fake_is",
          1,
          Scope.BRANCH,
          List.of("trajectory.h5"),
          List.of("is.h5"),
          "the trajectory as inherent structures (test)",
          Map.of());
      this.truncate = truncate;
    }

    @Override
    public void run(StageContext ctx) throws Exception {
      try (Trajectory t = TrajectoryIO.read(ctx.input("trajectory.h5"))) {
        List<Configuration> frames = new ArrayList<>();
        for (int k = 0; k < t.frameCount() - (truncate ? 1 : 0); k++) {
          frames.add(t.frame(k));
        }
        TrajectoryIO.write(ctx.output("is.h5"), MemoryTrajectory.of(frames));
      }
    }
  }

  /**
   * Stands in for {@code modes} and {@code betti}: λ_smallest noise with a drop of 0.5 (50 noise
   * standard deviations) across the hop, β₁ integer noise; both on the IS steps.
   */
  static final class FakeSeries extends AbstractStage {
    FakeSeries() {
      super(
          "fake_series",
          1,
          Scope.BRANCH,
          List.of("is.h5"),
          List.of("modes.csv", "betti.csv"),
          "synthetic lambda_smallest and beta_1 (test)",
          Map.of());
    }

    @Override
    public void run(StageContext ctx) throws Exception {
      long[] steps;
      try (Trajectory t = TrajectoryIO.read(ctx.input("is.h5"))) {
        steps = StageSupport.steps(t);
      }
      int nf = steps.length;
      Rng rng = new Rng(3);
      double[] lam = new double[nf];
      int[] beta = new int[nf];
      for (int k = 0; k < nf; k++) {
        lam[k] = 1 + 0.01 * rng.nextGaussian() - (k >= HOP ? 0.5 : 0);
        beta[k] = 100 + rng.nextInt(7);
      }
      Csv.write(
          ctx.output("modes.csv"),
          List.of("frame", "step", "lambda_smallest"),
          StageSupport.frames(nf),
          steps,
          lam);
      Csv.write(
          ctx.output("betti.csv"),
          List.of("frame", "step", "beta1"),
          StageSupport.frames(nf),
          steps,
          beta);
    }
  }

  RunResult run(String name, boolean truncate, String stages) throws Exception {
    Path spec = dir.resolve(name + ".yaml");
    Files.writeString(
        spec,
        "name: "
            + name
            + "\nrun_dir: "
            + name
            + "\ninputs:\n  - files: hop.h5\nstages:\n  - import\n  - fake_is\n  - events\n"
            + "  - {stage: stress, params: {temperature: 0}}\n  - fake_series\n"
            + stages);
    StageRegistry reg = Stages.builtin().register(new FakeIs(truncate)).register(new FakeSeries());
    return new Engine(reg)
        .run(
            SpecLoader.load(spec, reg),
            new Engine.Options(1, false, false, new PrintWriter(new StringWriter())));
  }

  @Test
  void signaturesAndSnapshotsOfTheCatalogueEvent() throws Exception {
    Path hop = Samples.hopping(dir.resolve("hop.h5"), HOP);
    // a refined event directory inside the event [59, 60] (steps 60000..61000)
    Path ok = refined(dir.resolve("refined"), hop, 60_100, 250);
    RunResult r =
        run(
            "ev",
            false,
            "  - signatures\n  - {stage: snapshots, params: {pixels: 200}}\n"
                + "  - {stage: local, params: {rc: 2.4, refined: '"
                + ok
                + "'}}\n");
    assertTrue(r.ok(), r.toString());
    Path res = dir.resolve("ev/results/hop");

    // one event, [HOP-1, HOP], five series; the planted drop stands out, the others do not
    Csv.Table sig = Csv.read(res.resolve("signatures/signatures.csv"));
    assertEquals(5, sig.rows().size());
    List<String> h = sig.header();
    for (String[] row : sig.rows()) {
      assertEquals(HOP - 1, Integer.parseInt(row[h.indexOf("frame")]));
      assertEquals("AVALANCHE", row[h.indexOf("kind")]);
      assertEquals(118, Integer.parseInt(row[h.indexOf("references")])); // the other intervals
      double z = Double.parseDouble(row[h.indexOf("z")]);
      if (row[h.indexOf("series")].equals("lambda_smallest")) {
        assertEquals(-0.5, Double.parseDouble(row[h.indexOf("jump")]), 0.05);
        assertTrue(z < -20, "planted drop z = " + z);
      } else if (row[h.indexOf("series")].equals("beta1")) {
        assertTrue(Math.abs(z) < 4, "beta_1 noise z = " + z);
      }
    }
    JsonNode json = JsonFiles.read(res.resolve("signatures/signatures.json"));
    assertEquals(1, json.get("intervals").size());
    assertTrue(json.get("intervals").get(0).get("series").has("sxy"));

    // the command on the same tables writes the same table
    Path out = dir.resolve("sig.csv");
    CliRunner c =
        CliRunner.run(
            "signatures",
            res.resolve("events/events.csv").toString(),
            "--series",
            String.join(
                ",",
                res.resolve("stress/stress.csv").toString(),
                res.resolve("fake_series/modes.csv").toString(),
                res.resolve("fake_series/betti.csv").toString()),
            "--out",
            out.toString());
    assertEquals(0, c.exit(), c.err());
    assertEquals(Files.readString(res.resolve("signatures/signatures.csv")), Files.readString(out));

    // a series table of another trajectory (steps shifted): one line naming it, nothing written
    Path shifted = dir.resolve("other-modes.csv");
    Files.writeString(
        shifted,
        Files.readString(res.resolve("fake_series/modes.csv"))
            .replaceAll(",(\\d+)000,", ",$1001,"));
    Path out2 = dir.resolve("sig2.csv");
    CliRunner bad =
        CliRunner.run(
            "signatures",
            res.resolve("events/events.csv").toString(),
            "--series",
            shifted.toString(),
            "--columns",
            "lambda_smallest",
            "--out",
            out2.toString());
    assertEquals(1, bad.exit(), bad.out());
    assertEquals(1, bad.err().strip().split("\n").length, bad.err());
    assertTrue(
        bad.err().contains("other-modes.csv has no frame at step 60000")
            && bad.err().contains("different trajectories"),
        bad.err());
    assertFalse(Files.exists(out2));

    // the branch's report page shows the signature table
    String html =
        Files.readString(RunReport.build(dir.resolve("ev")).resolveSibling("branch/hop.html"));
    assertTrue(html.contains("Per-event signatures") && html.contains("lambda_smallest"), html);
    assertTrue(html.contains("Frame pairs before/at/after") && html.contains("d2min_median"), html);

    // snapshots: the MD displacement over each pair of the event (linear schedule: lag 1 frame)
    Path disp = res.resolve("snapshots/displacement.h5");
    assertArrayEquals(
        new int[][] {{HOP - 2, HOP - 1}, {HOP - 1, HOP}, {HOP, HOP + 1}},
        (int[][]) Hdf5Arrays.read(disp, "frames"));
    double[][] u = (double[][]) Hdf5Arrays.read(disp, "displacement");
    try (Trajectory t = TrajectoryIO.read(dir.resolve("hop.h5"))) {
      double[] r0 = t.frame(HOP - 1).unwrappedPositions();
      double[] r1 = t.frame(HOP).unwrappedPositions();
      for (int j = 0; j < r0.length; j++) {
        assertEquals(r1[j] - r0[j], u[1][j], 0.0);
      }
    }
    assertTrue(Files.exists(res.resolve("snapshots/snapshot_at.png")));

    // local on the refined frames: before 0 -> 1, at 1 -> 2, after 2 -> 3; the pair at the
    // refined event holds the hop, so its table is the strain command's on frames 59 -> 60
    Path local = res.resolve("local/local.h5");
    assertArrayEquals(new long[] {60_350, 60_600}, (long[]) Hdf5Arrays.read(local, "at/steps"));
    assertArrayEquals(new int[] {2, 3}, (int[]) Hdf5Arrays.read(local, "after/frames"));
    Path strain = dir.resolve("strain.csv");
    CliRunner s =
        CliRunner.run(
            "strain",
            hop.toString(),
            hop.toString(),
            "--ref-frame",
            "59",
            "--cur-frame",
            "60",
            "--rc",
            "2.4",
            "--out",
            strain.toString());
    assertEquals(0, s.exit(), s.err());
    assertEquals(Files.readString(strain), Files.readString(res.resolve("local/local.csv")));

    // the refined files' content is part of local's cache key: refined again into the same
    // directory, the same spec recomputes local from the new frames (never stale by path)
    refined(ok, hop, 60_200, 200);
    RunResult again =
        run(
            "ev",
            false,
            "  - signatures\n  - {stage: snapshots, params: {pixels: 200}}\n"
                + "  - {stage: local, params: {rc: 2.4, refined: '"
                + ok
                + "'}}\n");
    assertTrue(again.ok(), again.toString());
    assertArrayEquals(new long[] {60_400, 60_600}, (long[]) Hdf5Arrays.read(local, "at/steps"));
  }

  /** A refined event directory: frames 59, 59, 60, 60 of the hop file at 4 equal steps. */
  static Path refined(Path dir, Path hop, long first, long spacing) throws Exception {
    Files.createDirectories(dir);
    try (Trajectory t = TrajectoryIO.read(hop)) {
      int[] from = {HOP - 1, HOP - 1, HOP, HOP};
      List<Configuration> frames = new ArrayList<>();
      for (int k = 0; k < 4; k++) {
        Configuration c = t.frame(from[k]);
        long step = first + k * spacing;
        frames.add(
            new Configuration(
                c.box(),
                c.positions(),
                c.images(),
                c.diameters(),
                null,
                null,
                null,
                step,
                0.003 * step));
      }
      TrajectoryIO.write(dir.resolve("is.h5"), MemoryTrajectory.of(frames));
      TrajectoryIO.write(dir.resolve("md.h5"), MemoryTrajectory.of(frames));
    }
    return dir;
  }

  @Test
  void mdAndIsThatDoNotMatchAreRefusedNamingBothFilesAndNothingIsWritten() throws Exception {
    Path hop = Samples.hopping(dir.resolve("hop.h5"), HOP);
    Path outside = refined(dir.resolve("outside"), hop, 70_000, 100);
    RunResult r =
        run(
            "bad",
            true,
            "  - signatures\n  - snapshots\n  - {stage: local, params: {refined: '"
                + outside
                + "'}}\n");
    assertFalse(r.ok());
    // a refined directory outside the chosen event is refused too, naming the key
    String m0 =
        r.nodes().stream()
            .filter(x -> x.stage().equals("local"))
            .findFirst()
            .orElseThrow()
            .message();
    assertTrue(
        m0.startsWith("parameter 'refined': ") && m0.contains("outside the chosen event"), m0);
    for (String stage : List.of("signatures", "snapshots")) {
      RunResult.NodeResult n =
          r.nodes().stream().filter(x -> x.stage().equals(stage)).findFirst().orElseThrow();
      assertEquals(RunResult.Status.FAILED, n.status(), stage);
      String m = n.message();
      assertEquals(1, m.strip().split("\n").length, m);
      assertTrue(
          m.contains("trajectory.h5") && m.contains("is.h5") && m.contains("120 vs 119 frames"), m);
      assertFalse(Files.exists(dir.resolve("bad/results/hop/" + stage)), stage + " wrote");
    }
  }
}
