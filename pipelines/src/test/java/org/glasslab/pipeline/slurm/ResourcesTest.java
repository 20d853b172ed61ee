package org.glasslab.pipeline.slurm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.glasslab.pipeline.engine.PipelineSpec;
import org.glasslab.pipeline.engine.SpecException;
import org.glasslab.pipeline.spec.SpecLoader;
import org.glasslab.pipeline.stages.Stages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Slurm resource values: parsing, per-stage overrides from the spec, the per-job maximum. */
class ResourcesTest {
  @TempDir Path dir;

  @Test
  void slurmTimesAndSizesParse() {
    assertEquals(90, Resources.minutes("90", "t"), 1e-12);
    assertEquals(1.5, Resources.minutes("1:30", "t"), 1e-12);
    assertEquals(150.5, Resources.minutes("2:30:30", "t"), 1e-12);
    assertEquals(1440 + 12 * 60, Resources.minutes("1-12", "t"), 1e-12);
    assertEquals(2 * 1440 + 60 + 1, Resources.minutes("2-01:01:00", "t"), 1e-12);
    assertEquals(4096, Resources.megabytes("4G", "m"));
    assertEquals(2000, Resources.megabytes("2000M", "m"));
    assertEquals(2000, Resources.megabytes("2000", "m"));
    assertEquals(1024 * 1024, Resources.megabytes("1T", "m"));
    var e =
        assertThrows(
            IllegalArgumentException.class, () -> new Resources(null, null, "1h", null, 1));
    assertTrue(e.getMessage().startsWith("time: expected a Slurm time"), e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class, () -> new Resources(null, null, null, "4GB", 1));
    assertTrue(e.getMessage().startsWith("mem: expected a memory size"), e.getMessage());
  }

  @Test
  void aJobAsksForTheLargestOfItsStages() {
    Resources cli = new Resources("p", null, "1:00:00", "2G", 1);
    Resources md = cli.with(new Resources(null, "acc", "1-00:00:00", null, 4));
    Resources modes = cli.with(new Resources(null, null, null, "8G", null));
    Resources job = md.max(modes);
    assertEquals(new Resources("p", "acc", "1-00:00:00", "8G", 4), job);
    assertEquals(
        List.of(
            "--partition=p", "--account=acc", "--time=1-00:00:00", "--mem=8G", "--cpus-per-task=4"),
        job.sbatchArgs());
    assertEquals(List.of("--cpus-per-task=1"), Resources.NONE.sbatchArgs());
    assertEquals(Resources.NONE, Resources.NONE.max(Resources.NONE), "nothing asked: nothing");
    assertEquals(new Resources("p", "acc", "2880", "16384M", 4), job.scaled(2, 2));
    assertEquals(Resources.NONE, Resources.NONE.scaled(2, 2));
    assertEquals(job, Resources.NONE.max(job));
  }

  private PipelineSpec spec(String resources) throws Exception {
    Path f = dir.resolve("s.yaml");
    Files.writeString(
        f,
        """
        name: r
        inputs:
          - generate: simulate
            params: {particles: 64, temperature: 0.3}
        stages: [msd]
        resources: %s
        """
            .formatted(resources));
    return SpecLoader.load(f, Stages.builtin());
  }

  @Test
  void specOverridesPerStageAndRejectsMistakesByField() throws Exception {
    Map<String, Resources> m =
        Resources.ofSpec(spec("{simulate: {time: '2:00:00', cpus: 4}}"), Stages.builtin());
    assertEquals(new Resources(null, null, "2:00:00", null, 4), m.get("simulate"));
    var e =
        assertThrows(
            SpecException.class,
            () -> Resources.ofSpec(spec("{simulat: {cpus: 2}}"), Stages.builtin()));
    assertEquals("s.yaml: resources.simulat: no stage named 'simulat'", e.getMessage());
    e =
        assertThrows(
            SpecException.class,
            () -> Resources.ofSpec(spec("{msd: {memory: 2G}}"), Stages.builtin()));
    assertTrue(e.getMessage().startsWith("s.yaml: resources.msd.memory: unknown"), e.getMessage());
    e =
        assertThrows(
            SpecException.class,
            () -> Resources.ofSpec(spec("{msd: {time: soon}}"), Stages.builtin()));
    assertTrue(e.getMessage().startsWith("s.yaml: resources.msd: time: expected"), e.getMessage());
  }
}
