package org.glasslab.pipeline.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A child JVM runs a spec with a slow stage and is killed with SIGKILL in the middle; the rerun
 * resumes (reusing finished frames) and its outputs equal, byte for byte, those of an uninterrupted
 * run in another directory.
 */
@Tag("validation")
class KillResumeTest {
  @TempDir Path dir;

  static final String SPEC =
      """
      name: killme
      seed: 11
      run_dir: %s
      inputs:
        - generate: count
          params: {n: 40}
          replicas: 2
      stages:
        - stage: sum
        - {stage: square, params: {offset: 0.25, sleep_ms: 60}}
        - stage: stats
        - stage: total
      """;

  @Test
  void killedRunResumesToIdenticalOutputs() throws Exception {
    Path spec = dir.resolve("kill.yaml");
    Files.writeString(spec, SPEC.formatted("killed"));
    Path killed = dir.resolve("killed");
    // Wait until the slow stage has finished some frames but not all, then SIGKILL.
    PipelineChild.runAndKill(
        spec, dir.resolve("child.log"), false, 60, () -> countFrames(killed.resolve("cache")) >= 6);
    assertFalse(Files.exists(killed.resolve("results/ensemble/total")), "killed before the end");

    StageRegistry reg = ToyStages.registry();
    String log = PipelineChild.runHere(spec, reg, 2);
    assertTrue(log.contains("resumed"), "finished frames reused: " + log);

    Path spec2 = dir.resolve("clean.yaml");
    Files.writeString(spec2, SPEC.formatted("clean"));
    PipelineChild.runHere(spec2, reg, 2);

    Map<String, byte[]> a = files(killed.resolve("cache"));
    Map<String, byte[]> b = files(dir.resolve("clean/cache"));
    assertEquals(b.keySet(), a.keySet(), "same cache entries and files");
    for (String k : a.keySet()) {
      assertArrayEquals(b.get(k), a.get(k), "bytes of " + k);
    }
    assertEquals(
        Files.readString(dir.resolve("clean/results/ensemble/total/total.txt")),
        Files.readString(killed.resolve("results/ensemble/total/total.txt")));
  }

  private static long countFrames(Path cache) {
    if (!Files.isDirectory(cache)) {
      return 0;
    }
    try (Stream<Path> s = Files.walk(cache)) {
      return s.filter(x -> x.toString().contains(".partial-") && x.toString().endsWith(".row"))
          .count();
    } catch (java.io.UncheckedIOException | java.io.IOException e) {
      return 0; // entries move while we look
    }
  }

  private static Map<String, byte[]> files(Path root) throws Exception {
    Map<String, byte[]> m = new TreeMap<>();
    try (Stream<Path> s = Files.walk(root)) {
      for (Path f : s.filter(Files::isRegularFile).toList()) {
        m.put(root.relativize(f).toString(), Files.readAllBytes(f));
      }
    }
    return m;
  }
}
