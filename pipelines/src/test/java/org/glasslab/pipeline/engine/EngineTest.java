package org.glasslab.pipeline.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.glasslab.pipeline.spec.SpecLoader;
import org.glasslab.pipeline.store.JsonFiles;
import org.glasslab.pipeline.store.Provenance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EngineTest {
  @TempDir Path dir;

  static String spec(double offset) {
    return """
        name: toy
        seed: 7
        run_dir: run
        inputs:
          - generate: count
            params: {n: 12}
            sweep: {scale: [1.0, 2.0]}
            replicas: 2
        stages:
          - stage: total
          - stage: sum
          - {stage: square, params: {offset: %s}}
          - stage: stats
        """
        .formatted(offset);
  }

  static RunResult run(Path specFile, boolean dry, StringWriter log) throws Exception {
    StageRegistry reg = ToyStages.registry();
    PipelineSpec s = SpecLoader.load(specFile, reg);
    return new Engine(reg).run(s, new Engine.Options(2, dry, false, new PrintWriter(log, true)));
  }

  static Set<String> set(List<String> l) {
    return new TreeSet<>(l);
  }

  @Test
  void cachesAndRerunsExactlyTheChangedStageAndItsDependents() throws Exception {
    Path f = dir.resolve("toy.yaml");
    Files.writeString(f, spec(0.5));
    StringWriter log = new StringWriter();
    RunResult first = run(f, false, log);
    assertTrue(first.ok(), log.toString());
    // 4 branches x (count, square, sum, stats) + 1 ensemble total
    assertEquals(17, first.nodes().size());
    assertEquals(17, first.labels(RunResult.Status.RAN).size());
    Path total = dir.resolve("run/results/ensemble/total/total.txt");
    String t1 = Files.readString(total);
    assertTrue(t1.startsWith("count-scale=1.0-r0 "), t1);
    assertEquals(5, t1.lines().count());

    RunResult second = run(f, false, new StringWriter());
    assertEquals(17, second.labels(RunResult.Status.CACHED).size(), "second run all cached");
    assertEquals(t1, Files.readString(total));

    Files.writeString(f, spec(1.5));
    RunResult dry = run(f, true, new StringWriter());
    Set<String> expected =
        Stream.of(
                "count-scale=1.0-r0",
                "count-scale=1.0-r1",
                "count-scale=2.0-r0",
                "count-scale=2.0-r1")
            .flatMap(b -> Stream.of(b + "/square", b + "/sum"))
            .collect(Collectors.toCollection(TreeSet::new));
    expected.add("ensemble/total");
    assertEquals(expected, set(dry.labels(RunResult.Status.WOULD_RUN)), "dry run plan");
    assertEquals(t1, Files.readString(total), "dry run changes nothing");

    RunResult third = run(f, false, new StringWriter());
    assertEquals(
        expected, set(third.labels(RunResult.Status.RAN)), "exactly square and dependents");
    assertEquals(8, third.labels(RunResult.Status.CACHED).size(), "count and stats cached");
    assertNotEquals(t1, Files.readString(total));

    // Back to the old parameter: everything comes from the content-addressed cache.
    Files.writeString(f, spec(0.5));
    RunResult back = run(f, false, new StringWriter());
    assertEquals(17, back.labels(RunResult.Status.CACHED).size());
    assertEquals(t1, Files.readString(total));
  }

  @Test
  void seedsDifferPerBranchAndReplicasDiffer() throws Exception {
    Path f = dir.resolve("toy.yaml");
    Files.writeString(f, spec(0));
    run(f, false, new StringWriter());
    String a = Files.readString(dir.resolve("run/results/count-scale=1.0-r0/count/numbers.txt"));
    String b = Files.readString(dir.resolve("run/results/count-scale=1.0-r1/count/numbers.txt"));
    assertNotEquals(a, b, "replicas get their own seeds");
    // Same spec seed in another run dir: bit-identical outputs.
    Files.writeString(dir.resolve("toy2.yaml"), spec(0).replace("run_dir: run", "run_dir: run2"));
    run(dir.resolve("toy2.yaml"), false, new StringWriter());
    assertEquals(
        a, Files.readString(dir.resolve("run2/results/count-scale=1.0-r0/count/numbers.txt")));
  }

  @Test
  void manifestAndProvenanceAreWritten() throws Exception {
    Path f = dir.resolve("toy.yaml");
    Files.writeString(f, spec(0));
    RunResult r = run(f, false, new StringWriter());
    Path run = dir.resolve("run");
    JsonNode m = JsonFiles.read(run.resolve(Engine.MANIFEST));
    assertEquals("toy", m.get("pipeline").asText());
    assertEquals(7, m.get("seed").asLong());
    assertTrue(m.get("glasslab").has("commit"));
    assertEquals(4, m.get("branches").size());
    assertEquals(17, m.get("stages").size());
    JsonNode sq = null;
    for (JsonNode s : m.get("stages")) {
      if (s.get("stage").asText().equals("square")) {
        sq = s;
      }
    }
    assertEquals(0, sq.get("params").get("offset").asInt());
    assertEquals(64, sq.get("key").asText().length());
    assertTrue(sq.get("inputs").has("numbers.txt"));
    List<JsonNode> prov = Provenance.read(run);
    assertEquals(r.labels(RunResult.Status.RAN).size(), prov.size());
    assertTrue(prov.stream().allMatch(p -> p.has("key") && p.has("seconds") && p.has("params")));
    // Done record written last inside each entry; no temporaries left.
    try (Stream<Path> s = Files.list(run.resolve("cache"))) {
      List<Path> entries = s.toList();
      assertFalse(entries.isEmpty());
      for (Path e : entries) {
        assertFalse(e.getFileName().toString().startsWith("."), "leftover " + e);
        assertTrue(Files.exists(e.resolve(Engine.DONE)));
      }
    }
  }

  @Test
  void ensembleGathersTheBranchesThatSucceeded() throws Exception {
    Path f = dir.resolve("fail.yaml");
    Files.writeString(
        f,
        """
        name: failing
        run_dir: run
        inputs:
          - generate: count
            sweep: {fail: [false, true]}
        stages: [square, sum, total]
        """);
    StringWriter log = new StringWriter();
    RunResult r = run(f, false, log);
    assertFalse(r.ok());
    assertEquals(List.of("count-fail=true/count"), r.labels(RunResult.Status.FAILED));
    assertEquals(
        set(List.of("count-fail=true/square", "count-fail=true/sum")),
        set(r.labels(RunResult.Status.SKIPPED)));
    assertTrue(r.labels(RunResult.Status.RAN).contains("ensemble/total"));
    assertTrue(
        log.toString().contains("[count-fail=true/count] failed: count was asked to fail"),
        log.toString());
    String total = Files.readString(dir.resolve("run/results/ensemble/total/total.txt"));
    assertTrue(total.startsWith("count-fail=false ") && total.lines().count() == 2, total);
  }

  @Test
  void embeddedSpecAndEnsembleChains() throws Exception {
    StageRegistry reg = ToyStages.registry();
    String yaml =
        """
        name: chain
        run_dir: out
        inputs:
          - {generate: count, params: {n: 3}, replicas: 3}
        stages: [grand, total, sum, square]
        """;
    PipelineSpec s = SpecLoader.load(yaml, dir.resolve("embedded.yaml"), reg);
    assertEquals(dir.resolve("out"), s.runDir());
    Plan plan = Plan.of(s, reg);
    Plan.Node grand = plan.nodes().getLast();
    assertEquals("ensemble/grand", grand.label());
    assertEquals("ensemble/total", grand.single().get("total.txt").label());
    assertEquals(3, grand.gathered().get("numbers.txt").size());
    RunResult r =
        new Engine(reg)
            .run(s, new Engine.Options(2, false, false, new PrintWriter(new StringWriter())));
    assertTrue(r.ok());
    String g = Files.readString(dir.resolve("out/results/ensemble/grand/grand.txt"));
    assertTrue(g.startsWith("total ") && g.endsWith(" over 9 numbers\n"), g);
  }

  @Test
  void aRunDirectoryIsUsedByOneRunAtATime() throws Exception {
    Path f = dir.resolve("toy.yaml");
    Files.writeString(f, spec(0));
    try (var held =
        org.glasslab.data.io.DirectoryLock.acquire(dir.resolve("run"), "glasslab run")) {
      java.io.IOException e =
          org.junit.jupiter.api.Assertions.assertThrows(
              java.io.IOException.class, () -> run(f, false, new StringWriter()));
      assertTrue(e.getMessage().contains("is in use by another glasslab run"), e.getMessage());
    }
    assertTrue(run(f, false, new StringWriter()).ok(), "free again after the other run");
  }
}
