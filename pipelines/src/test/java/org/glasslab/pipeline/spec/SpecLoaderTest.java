package org.glasslab.pipeline.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.glasslab.data.io.Format;
import org.glasslab.pipeline.engine.BranchSpec;
import org.glasslab.pipeline.engine.PipelineSpec;
import org.glasslab.pipeline.engine.Plan;
import org.glasslab.pipeline.engine.SpecException;
import org.glasslab.pipeline.engine.StageRegistry;
import org.glasslab.pipeline.engine.ToyStages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpecLoaderTest {
  @TempDir Path dir;
  final StageRegistry reg = ToyStages.registry();

  private PipelineSpec load(String yaml) throws Exception {
    Path f = dir.resolve("p.yaml");
    Files.writeString(f, yaml);
    return SpecLoader.load(f, reg);
  }

  private void fails(String expected, String yaml) {
    SpecException e = assertThrows(SpecException.class, () -> Plan.of(load(yaml), reg));
    assertEquals(expected, e.getMessage());
  }

  @Test
  void filesGlobsAndReadOptions() throws Exception {
    Files.createDirectories(dir.resolve("d/sub"));
    for (String n : List.of("d/x.dump", "d/y.dump", "d/sub/x.dump", "d/z.txt")) {
      Files.writeString(dir.resolve(n), "");
    }
    PipelineSpec s =
        load(
            """
            name: g
            jobs: 3
            inputs:
              - files: "d/**.dump"
                type_diameters: {1: 0.9, 2: 1.1}
                dt: 0.005
            stages: [import]
            """);
    assertEquals(3, s.jobs());
    assertEquals(dir.resolve("runs/g"), s.runDir());
    assertEquals(List.of("x", "x-2", "y"), s.branches().stream().map(BranchSpec::id).toList());
    assertEquals(dir.resolve("d/sub/x.dump"), s.branches().get(0).file());
    BranchSpec b = s.branches().get(2);
    assertEquals(Format.LAMMPS_DUMP, b.format());
    assertEquals(0.005, b.readOptions().dt());
    assertEquals(1.1, b.readOptions().typeDiameters().get(2));
    assertNull(b.generator());
  }

  @Test
  void runDirectoriesAreInputsAndPlainDirectoriesAreNot() throws Exception {
    for (String d : List.of("runs/T0.3", "runs/T0.5", "runs/junk")) {
      Files.createDirectories(dir.resolve(d));
    }
    Files.writeString(dir.resolve("runs/T0.3/run.json"), "{}");
    Files.writeString(dir.resolve("runs/T0.5/run.json"), "{}");
    PipelineSpec s =
        load(
            """
            name: r
            inputs:
              - files: "runs/*"
            stages: [import]
            """);
    assertEquals(List.of("T0.3", "T0.5"), s.branches().stream().map(BranchSpec::id).toList());
    assertEquals(Format.RUN_DIR, s.branches().get(0).format());
    assertEquals(dir.resolve("runs/T0.3"), s.branches().get(0).file());
    fails(
        "p.yaml: inputs[0].files: 'runs/junk' is a directory without run.json (name files or"
            + " globs, or a run directory of glasslab simulate)",
        """
        name: r
        inputs:
          - files: runs/junk
        stages: [import]
        """);
  }

  @Test
  void generatorSweepsAndReplicas() throws Exception {
    PipelineSpec s =
        load(
            """
            name: t
            seed: 3
            inputs:
              - generate: count
                label: T
                params: {n: 5}
                sweep: {scale: [0.3, 0.5], n: [2, 4]}
                replicas: 2
            stages: [square]
            """);
    assertEquals(8, s.branches().size());
    assertEquals("T-scale=0.3-n=2-r0", s.branches().get(0).id());
    assertEquals(4, s.branches().get(2).params().getInt("n", 0));
    assertEquals(0.5, s.branches().get(7).params().getDouble("scale", 0));
    Plan p = Plan.of(s, reg);
    assertEquals(16, p.nodes().size());
    assertTrue(p.nodes().get(0).seed() != p.nodes().get(2).seed(), "seed per branch");
  }

  @Test
  void oneLineErrorsNamingFileAndField() {
    fails(
        "p.yaml: inputs: expected a non-empty list of {files: ...} or {generate: STAGE} entries",
        "name: a\nstages: []\n");
    fails("p.yaml: name: missing", "inputs: [{generate: count}]\n");
    fails(
        "p.yaml: colour: unknown field (allowed: inputs, jobs, name, profiles, report, resources, run_dir, seed, stages)",
        "name: a\ncolour: red\ninputs: [{generate: count}]\n");
    fails(
        "p.yaml: inputs[0].files: 'nope/*.xyz' matches no file (paths are relative to " + dir + ")",
        "name: a\ninputs: [{files: nope/*.xyz}]\nstages: [import]\n");
    SpecException unknown =
        assertThrows(
            SpecException.class,
            () -> load("name: a\ninputs: [{generate: count}]\nstages: [sum, squar]\n"));
    assertTrue(
        unknown
            .getMessage()
            .matches(
                "p\\.yaml: stages\\[1\\]\\.stage: unknown stage 'squar' \\(known: .*square.*\\)"),
        unknown.getMessage());
    fails(
        "p.yaml: stages[0].params.offset: expected a number, got \"abc\"",
        "name: a\ninputs: [{generate: count}]\nstages: [{stage: square, params: {offset: abc}}]\n");
    fails(
        "p.yaml: inputs[0].params.n: must be in [1, 100000], got 0",
        "name: a\ninputs: [{generate: count, params: {n: 0}}]\n");
    fails(
        "p.yaml: stages[0].stage: 'count' is a generator; use it under inputs: as 'generate: count'",
        "name: a\ninputs: [{generate: count}]\nstages: [count]\n");
    fails(
        "p.yaml: stages[1].stage: 'square' is already listed at stages[0]",
        "name: a\ninputs: [{generate: count}]\nstages: [square, square]\n");
    fails(
        "p.yaml: jobs: must be between 1 and 1024, got 0",
        "name: a\njobs: 0\ninputs: [{generate: count}]\n");
    fails(
        "p.yaml: stages[0].stage: 'observables' reads [trajectory.h5] but no branch provides all of them (produced: numbers.txt)",
        "name: a\ninputs: [{generate: count}]\nstages: [observables]\n");
    assertThrows(SpecException.class, () -> load("name: [unclosed\n"));
  }

  @Test
  void fileInputsNeedAReader() throws Exception {
    Files.writeString(dir.resolve("a.xyz"), "");
    fails(
        "p.yaml: inputs[0]: no stage reads the input file of branch 'a'; add '- stage: import' to stages",
        "name: a\ninputs: [{files: a.xyz}]\nstages: []\n");
  }

  @Test
  void profilesMergeOverTheSpec() throws Exception {
    String yaml =
        """
        name: p
        inputs:
          - generate: count
            params: {n: 1000, scale: 2}
            sweep: {scale: [1, 2, 3]}
            replicas: 12
        stages: [square, {stage: sum}]
        profiles:
          ci:
            inputs:
              - params: {n: 5}
                sweep: {scale: [1, 2]}
                replicas: 3
            stages: {square: {offset: 1}}
          bad: {stages: {total: {x: 1}}}
        """;
    Path f = dir.resolve("p.yaml");
    Files.writeString(f, yaml);
    PipelineSpec full = SpecLoader.load(f, reg);
    assertEquals(36, full.branches().size());
    assertEquals(dir.resolve("runs/p"), full.runDir());
    PipelineSpec ci = SpecLoader.load(f, reg, "ci");
    assertEquals("p-ci", ci.name());
    assertEquals(dir.resolve("runs/p-ci"), ci.runDir());
    assertEquals(6, ci.branches().size());
    assertEquals(5, ci.branches().get(0).params().getInt("n", 0));
    assertEquals(2.0, ci.branches().get(5).params().getDouble("scale", 0));
    assertEquals(1.0, ci.stages().get(0).params().getDouble("offset", 0));
    assertEquals("sum", ci.stages().get(1).name());
    SpecException none = assertThrows(SpecException.class, () -> SpecLoader.load(f, reg, "gpu"));
    assertEquals("p.yaml: profiles: no profile 'gpu' (known: ci, bad)", none.getMessage());
    SpecException bad = assertThrows(SpecException.class, () -> SpecLoader.load(f, reg, "bad"));
    assertEquals(
        "p.yaml: profiles.bad.stages.total: stage 'total' is not in the spec's stages",
        bad.getMessage());
  }
}
