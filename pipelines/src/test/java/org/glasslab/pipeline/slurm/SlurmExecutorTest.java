package org.glasslab.pipeline.slurm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.glasslab.pipeline.cli.CliRunner;
import org.glasslab.pipeline.engine.PipelineSpec;
import org.glasslab.pipeline.engine.StageRegistry;
import org.glasslab.pipeline.spec.SpecLoader;
import org.glasslab.pipeline.stages.Stages;
import org.glasslab.pipeline.store.JsonFiles;
import org.glasslab.pipeline.store.Provenance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Slurm executor on a real one-node Slurm cluster (started with {@code .ci/slurm.sh} when none
 * answers, and stopped again afterwards; skipped with a message when it cannot start): local and
 * Slurm runs give identical caches and manifests; a cancelled MD job resumes from its checkpoint; a
 * failing branch leaves the others and the ensemble finished; concurrent submissions never
 * duplicate work.
 */
@Tag("slurm")
@Tag("validation")
class SlurmExecutorTest {
  @TempDir Path dir;

  private static boolean startedHere;
  private static Path script;

  static final StageRegistry REG = Stages.builtin();

  @BeforeAll
  static void cluster() throws Exception {
    if (Slurm.available()) {
      return;
    }
    script = findScript();
    assumeTrue(
        script != null, "Slurm tests skipped: no cluster answers and .ci/slurm.sh not found");
    Process p =
        new ProcessBuilder(script.toString(), "start")
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    boolean ok = p.waitFor() == 0 && Slurm.available();
    startedHere = ok;
    assumeTrue(
        ok,
        "Slurm tests skipped: '.ci/slurm.sh start' could not start a one-node cluster"
            + " (needs root or sudo and the Debian packages slurmctld slurmd munge)");
  }

  @AfterAll
  static void stopCluster() throws Exception {
    if (startedHere) {
      new ProcessBuilder(script.toString(), "stop")
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .start()
          .waitFor();
    }
  }

  private static Path findScript() {
    for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
      Path s = d.resolve(".ci/slurm.sh");
      if (Files.isExecutable(s)) {
        return s;
      }
    }
    return null;
  }

  static String md(int particles, int blocks) {
    String f =
        "{particles: %d, equilibration_time: 3, waiting_time: 3, block_size: 2000, n_cfg: 11,"
            + " blocks: %d}";
    return f.formatted(particles, blocks);
  }

  /** A tiny sweep: 2 temperatures x 2 replicas, every per-branch stage, ensemble stages. */
  static String sweep(Path run) {
    return """
        name: sweep
        seed: 11
        run_dir: %s
        report: {enabled: true, title: tiny sweep}
        inputs:
          - generate: simulate
            label: T
            params: %s
            sweep: {temperature: [0.3, 0.4]}
            replicas: 2
        stages:
          - observables
          - minimize
          - stress
          - msd
          - events
          - {stage: modes, params: {count: 10}}
          - betti
          - signatures
          - fig1
          - {stage: local, params: {event: "frame:5"}}
          - {stage: softness, params: {event: "frame:5"}}
          - correlate
          - compare-observables
          - lag-fields
          - temperature-ensemble
        """
        .formatted(run, md(64, 3));
  }

  private PipelineSpec write(String name, String text) throws IOException {
    Path f = dir.resolve(name);
    Files.writeString(f, text);
    return SpecLoader.load(f, REG);
  }

  private static SlurmExecutor.Submitted submit(PipelineSpec spec, Resources r) throws IOException {
    return SlurmExecutor.submit(
        spec,
        Files.readString(spec.file()),
        REG,
        new SlurmExecutor.Settings(r, 2, 5),
        new PrintWriter(new StringWriter(), true));
  }

  /** Waits until none of the run's jobs is queued or running. */
  private static void awaitIdle(PipelineSpec spec, int seconds) throws Exception {
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    while (!Slurm.queued(SlurmExecutor.jobName(spec)).isEmpty()) {
      assertTrue(System.nanoTime() < end, "jobs of " + spec.name() + " still queued");
      Thread.sleep(500);
    }
  }

  /**
   * Relative path to bytes of every file under cache/ except engine bookkeeping (dot files); every
   * stage output and done record is compared byte for byte.
   */
  private static Map<String, byte[]> tree(Path cache) throws IOException {
    Map<String, byte[]> m = new TreeMap<>();
    try (Stream<Path> s = Files.walk(cache)) {
      for (Path p : s.filter(Files::isRegularFile).toList()) {
        String rel = cache.relativize(p).toString();
        if (rel.startsWith(".")) {
          continue;
        }
        byte[] b = Files.readAllBytes(p);
        m.put(rel, b);
      }
    }
    return m;
  }

  /** The manifest without what differs by nature between two runs: times, paths, worker count. */
  private static JsonNode manifest(Path run) throws IOException {
    ObjectNode m = (ObjectNode) JsonFiles.read(run.resolve("manifest.json"));
    for (String k : List.of("created", "seconds", "jobs", "spec_file")) {
      m.remove(k);
    }
    ((ObjectNode) m.get("spec")).remove("run_dir");
    for (JsonNode s : (ArrayNode) m.get("stages")) {
      ((ObjectNode) s).remove("seconds");
      ((ObjectNode) s.get("outputs")).remove("minimize.csv"); // wall-clock column, see tree()
    }
    return m;
  }

  @Test
  void slurmRunEqualsLocalRunByteForByte() throws Exception {
    Path local = dir.resolve("local");
    Path slurm = dir.resolve("slurm");
    PipelineSpec ls = write("local.yaml", sweep(local));
    CliRunner r = CliRunner.run("run", ls.file().toString(), "--jobs", "2", "-q", "--no-report");
    assertEquals(0, r.exit(), r.err());

    PipelineSpec ss = write("slurm.yaml", sweep(slurm));
    SlurmExecutor.Submitted sub = submit(ss, new Resources(null, null, "10", "1500M", 1));
    assertEquals(List.of("head", "chain", "finish"), List.copyOf(sub.jobs().keySet()));
    assertEquals(4, sub.tasks().get("head"), "MD: one array task per branch");
    // a second submission while the jobs are queued submits nothing
    SlurmExecutor.Submitted again = submit(ss, Resources.NONE);
    assertTrue(again.jobs().isEmpty(), "nothing resubmitted: " + again.jobs());
    assertEquals(4 * 14 + 2, again.queued() + again.cached());
    awaitIdle(ss, 900);

    Map<String, byte[]> a = tree(local.resolve("cache"));
    Map<String, byte[]> b = tree(slurm.resolve("cache"));
    assertEquals(a.keySet(), b.keySet(), "same cache entries and files");
    for (String k : a.keySet()) {
      assertArrayEquals(a.get(k), b.get(k), k + " identical");
    }
    assertEquals(manifest(local), manifest(slurm), "manifests equal up to times and paths");
    assertTrue(Files.exists(slurm.resolve("report/index.html")), "the finish job built the report");
    Map<String, String> st = SlurmExecutor.status(ss, REG, 0, new PrintWriter(new StringWriter()));
    assertTrue(st.values().stream().allMatch("done"::equals), st.toString());
    // every instance ran once, in a job, and the jobs' provenance was merged
    List<JsonNode> prov = Provenance.read(slurm);
    assertEquals(
        4 * 14 + 2, prov.stream().filter(o -> o.path("status").asText().equals("ran")).count());
    assertFalse(
        Files.exists(slurm.resolve("provenance.d")) && hasFiles(slurm.resolve("provenance.d")));
    // nothing left to do: a rerun submits nothing
    assertTrue(submit(ss, Resources.NONE).jobs().isEmpty());
  }

  private static boolean hasFiles(Path d) throws IOException {
    try (Stream<Path> s = Files.list(d)) {
      return s.findAny().isPresent();
    }
  }

  @Test
  void cancelledMdJobResumesFromItsCheckpoint() throws Exception {
    String text =
        """
        name: resume
        seed: 5
        run_dir: %s
        inputs:
          - generate: simulate
            label: md
            params: {particles: 200, temperature: 0.4, equilibration_time: 30, waiting_time: 60,
                     block_size: 20000, n_cfg: 12, blocks: 30}
        stages: [msd]
        """;
    PipelineSpec killed = write("killed.yaml", text.formatted(dir.resolve("killed")));
    SlurmExecutor.Submitted s = submit(killed, new Resources(null, null, null, "1500M", 1));
    Path cache = dir.resolve("killed/cache");
    long end = System.nanoTime() + 600_000_000_000L;
    while (segments(cache) < 3) {
      assertTrue(System.nanoTime() < end, "MD never reached its third block");
      Thread.sleep(100);
    }
    Slurm.run(List.of("scancel", s.jobs().get("head")), 30);
    awaitIdle(killed, 120);
    Map<String, String> st =
        SlurmExecutor.status(killed, REG, 0, new PrintWriter(new StringWriter()));
    assertTrue(st.get("md/simulate").contains("ended without finishing"), st.toString());

    SlurmExecutor.Submitted again = submit(killed, new Resources(null, null, null, "1500M", 1));
    assertTrue(again.jobs().containsKey("head"), "the MD is resubmitted");
    awaitIdle(killed, 900);
    String log = logOf(again.dir(), "head");
    assertTrue(log.contains("resuming the interrupted MD run at engine step"), log);

    PipelineSpec clean = write("clean.yaml", text.formatted(dir.resolve("clean")));
    CliRunner r = CliRunner.run("run", clean.file().toString(), "--jobs", "1", "-q", "--no-report");
    assertEquals(0, r.exit(), r.err());
    Map<String, byte[]> a = tree(dir.resolve("clean/cache"));
    Map<String, byte[]> b = tree(cache);
    assertEquals(a.keySet(), b.keySet());
    for (String k : a.keySet()) {
      assertArrayEquals(a.get(k), b.get(k), k + ": resumed run equals the uninterrupted one");
    }
  }

  private static String logOf(Path submission, String unit) throws IOException {
    StringBuilder sb = new StringBuilder();
    try (Stream<Path> s = Files.list(submission.resolve("logs"))) {
      for (Path p : s.filter(p -> p.getFileName().toString().startsWith(unit)).toList()) {
        sb.append(Files.readString(p));
      }
    }
    return sb.toString();
  }

  private static long segments(Path cache) {
    if (!Files.isDirectory(cache)) {
      return 0;
    }
    try (Stream<Path> s = Files.walk(cache)) {
      List<Path> all = s.toList();
      boolean checkpoint =
          all.stream().anyMatch(x -> x.getFileName().toString().equals("checkpoint.bin"));
      long blocks =
          all.stream()
              .filter(x -> x.toString().contains("md-segments") && x.toString().endsWith(".h5"))
              .count();
      return checkpoint ? blocks : 0;
    } catch (Exception e) {
      return 0; // files move while we look
    }
  }

  /** Two MD branches and one imported branch whose file is corrupt, plus an ensemble stage. */
  static String withBadBranch(Path run, Path bad) {
    return """
        name: bad-branch
        seed: 3
        run_dir: %s
        report: false
        inputs:
          - generate: simulate
            label: T
            params: %s
            sweep: {temperature: [0.3]}
            replicas: 2
          - files: ["%s"]
            format: lammps-dump
            dt: 0.003
        stages:
          - import
          - observables
          - msd
          - compare-observables
        """
        .formatted(run, md(64, 3), bad);
  }

  @Test
  void aFailingBranchLeavesTheOthersAndTheEnsembleFinished() throws Exception {
    Path bad = dir.resolve("broken.dump");
    Files.writeString(bad, "ITEM: TIMESTEP\n0\nITEM: NUMBER OF ATOMS\nnot a number\n");
    PipelineSpec spec = write("bad.yaml", withBadBranch(dir.resolve("run"), bad));
    SlurmExecutor.Submitted s = submit(spec, new Resources(null, null, null, "1500M", 1));
    assertTrue(s.jobs().containsKey("tail"), "the imported branch runs as a chain without MD");
    awaitIdle(spec, 600);
    Map<String, String> st =
        SlurmExecutor.status(spec, REG, 0, new PrintWriter(new StringWriter()));
    String badImport = "broken/import";
    assertTrue(st.get(badImport).startsWith("failed: "), st.toString());
    assertTrue(st.get(badImport).length() > "failed: ".length() + 5, "with its message: " + st);
    assertTrue(st.get("broken/msd").startsWith("skipped"), st.toString());
    for (var e : st.entrySet()) {
      if (!e.getKey().startsWith("broken/")) {
        assertEquals("done", e.getValue(), e.getKey() + " finished: " + st);
      }
    }
    JsonNode ens = null;
    for (JsonNode n : JsonFiles.read(dir.resolve("run/manifest.json")).get("stages")) {
      if (n.path("label").asText().equals("ensemble/compare-observables")) {
        ens = n;
      }
    }
    assertTrue(ens != null && ens.path("status").asText().equals("RAN"), String.valueOf(ens));
    assertEquals(2, ens.path("inputs").path("observables.csv").asText().split(";").length);
    // the CLI shows the same
    CliRunner r = CliRunner.run("status", spec.file().toString());
    assertTrue(r.out().contains("failed: "), r.out());
  }

  @Test
  void concurrentSubmissionsNeverDuplicateWork() throws Exception {
    String text =
        """
        name: twice
        seed: 2
        run_dir: %s
        report: false
        inputs:
          - generate: simulate
            label: T
            params: %s
            sweep: {temperature: [0.3, 0.4]}
        stages: [observables, msd, compare-observables]
        """
            .formatted(dir.resolve("run"), md(64, 3));
    PipelineSpec spec = write("twice.yaml", text);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    List<Future<SlurmExecutor.Submitted>> f = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      f.add(pool.submit(() -> submit(spec, new Resources(null, null, null, "1500M", 1))));
    }
    int submitted = 0;
    for (var x : f) {
      submitted += x.get().jobs().isEmpty() ? 0 : 1;
    }
    pool.shutdown();
    assertEquals(1, submitted, "one submission submitted, the other found its jobs queued");
    // and a local run on the same run directory at the same time: instances are claimed
    CliRunner r = CliRunner.run("run", spec.file().toString(), "--jobs", "1", "-q", "--no-report");
    awaitIdle(spec, 600);
    Map<String, Integer> ran = new HashMap<>();
    for (JsonNode o : Provenance.read(dir.resolve("run"))) {
      if (o.path("status").asText().equals("ran")) {
        ran.merge(o.path("key").asText(), 1, Integer::sum);
      }
    }
    assertEquals(7, ran.size(), "every instance ran: " + ran + "\n" + r.err());
    assertTrue(ran.values().stream().allMatch(n -> n == 1), "none ran twice: " + ran);
    Map<String, String> st =
        SlurmExecutor.status(spec, REG, 0, new PrintWriter(new StringWriter()));
    assertTrue(st.values().stream().allMatch("done"::equals), st.toString());
  }

  @Test
  void aJobKilledAtItsTimeLimitIsResubmittedAndResumes() throws Exception {
    // One MD branch far longer than Slurm's shortest time limit (1 minute; the MD needs about 20
    // minutes of an idle core): the scheduler ends it with TIMEOUT (slurmctld checks limits every
    // 30 s, KillWait is 5 s: 60-95 s in), the finish job resubmits it with twice the time, and the
    // resubmitted MD resumes from its checkpoint; the test then cancels the run. Nothing depends on
    // the machine's speed (a length sized to finish in the second attempt raced the first kill).
    String text =
        """
        name: timeout
        seed: 9
        run_dir: %s
        report: false
        resources:
          simulate: {time: "1"}
        inputs:
          - generate: simulate
            label: md
            params: {particles: 200, temperature: 0.4, equilibration_time: 30, waiting_time: 60,
                     block_size: 20000, n_cfg: 12, blocks: 4000}
        stages: [msd]
        """
            .formatted(dir.resolve("run"));
    PipelineSpec spec = write("timeout.yaml", text);
    SlurmExecutor.Submitted first = submit(spec, new Resources(null, null, "10", "1500M", 1));
    String head = first.jobs().get("head");
    Path slurmDir = dir.resolve("run/slurm");
    Pattern resume = Pattern.compile("resuming the interrupted MD run at engine step (\\d+)");
    Matcher m = null;
    long end = System.nanoTime() + 900_000_000_000L;
    while (m == null) {
      assertTrue(System.nanoTime() < end, "no resumed MD within 900 s");
      Thread.sleep(1000);
      List<Path> subs = SlurmExecutor.submissions(slurmDir);
      if (subs.size() >= 2 && Files.isDirectory(subs.get(1).resolve("logs"))) {
        Matcher x = resume.matcher(logOf(subs.get(1), "head"));
        m = x.find() ? x : null;
      }
    }
    assertTrue(Long.parseLong(m.group(1)) > 0, "the resumed MD starts past step 0: " + m.group());
    assertEquals("TIMEOUT", Slurm.endStates(head).get(head + "_0"), "the scheduler ended the MD");
    String chain = first.jobs().get("chain");
    assertEquals(
        "CANCELLED",
        Slurm.endStates(chain).get(chain + "_0"),
        "its dependent chain task was cancelled, not left pending");
    String finishLog = logOf(first.dir(), "finish");
    assertTrue(finishLog.contains(head + "_0 TIMEOUT]"), finishLog);
    assertTrue(finishLog.contains("resubmitted (attempt 1 of 2)"), finishLog);
    List<Path> subs = SlurmExecutor.submissions(slurmDir);
    assertEquals(
        "2",
        SlurmExecutor.read(subs.get(1))
            .path("units")
            .path("head")
            .path("resources")
            .path("time")
            .asText(),
        "the resubmitted MD asks for twice the time");
    CliRunner r = CliRunner.run("cancel", spec.file().toString());
    assertEquals(0, r.exit(), r.err());
    awaitIdle(spec, 120);
  }

  @Test
  void cancelStopsEveryJobOfTheRun() throws Exception {
    PipelineSpec spec = write("cancel.yaml", sweep(dir.resolve("run")));
    SlurmExecutor.Submitted s = submit(spec, new Resources(null, null, null, "1500M", 1));
    assertEquals(List.of("head", "chain", "finish"), List.copyOf(s.jobs().keySet()));
    CliRunner r = CliRunner.run("cancel", spec.file().toString());
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().startsWith("cancelled "), r.out());
    awaitIdle(spec, 60);
    Map<String, String> st =
        SlurmExecutor.status(spec, REG, 0, new PrintWriter(new StringWriter()));
    assertTrue(
        st.values().stream().noneMatch(v -> v.startsWith("PENDING") || v.startsWith("RUNNING")),
        st.toString());
    assertTrue(
        st.get("ensemble/temperature-ensemble").contains("ended without finishing"), st.toString());
  }
}
