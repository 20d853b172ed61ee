package org.glasslab.pipeline.slurm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.glasslab.pipeline.engine.Engine;
import org.glasslab.pipeline.engine.Hashes;
import org.glasslab.pipeline.engine.InstanceClaim;
import org.glasslab.pipeline.engine.PipelineSpec;
import org.glasslab.pipeline.engine.Plan;
import org.glasslab.pipeline.engine.RunResult;
import org.glasslab.pipeline.engine.RunResult.NodeResult;
import org.glasslab.pipeline.engine.RunResult.Status;
import org.glasslab.pipeline.engine.StageRegistry;
import org.glasslab.pipeline.store.JsonFiles;

/**
 * Runs a pipeline on a Slurm cluster by submitting jobs and exiting (no controller process): the
 * cache is the truth, every job re-reads it. Per submission:
 *
 * <ul>
 *   <li>{@code head}: an array with one task per branch whose generator (MD) must run;
 *   <li>{@code chain}: an array with the rest of each such branch, task i starting when head task i
 *       ended successfully ({@code aftercorr}; cancelled if it failed, {@code
 *       kill-on-invalid-dep});
 *   <li>{@code tail}: an array for branches whose generator is cached but whose chain is not;
 *   <li>{@code finish}: one job after every branch job ended ({@code afterany}) that resubmits
 *       branches the scheduler killed (TIMEOUT, NODE_FAIL, PREEMPTED, OUT_OF_MEMORY), a bounded
 *       number of times, and otherwise runs the ensemble stages over the branches that succeeded,
 *       merges the jobs' provenance, writes the manifest and the report.
 * </ul>
 *
 * Records live in {@code RUN/slurm/SUBMISSION/}: {@code submission.json} (units, tasks and their
 * {@code branch/stage} labels, job ids), {@code job.sh}, {@code logs/} and {@code exit/} (one exit
 * file per job task, written by the job script).
 */
public final class SlurmExecutor {
  /** Directory of the Slurm records inside the run directory. */
  public static final String DIR = "slurm";

  private static final String SUBMISSION = "submission.json";
  private static final String HEAD = "head";
  private static final String CHAIN = "chain";
  private static final String TAIL = "tail";
  private static final String FINISH = "finish";

  /**
   * How to submit.
   *
   * @param resources run-wide resources (the spec's per-stage {@code resources:} override them)
   * @param retries how many times a branch killed by the scheduler is resubmitted
   * @param latencyWaitSeconds how long a job waits for another job's result to appear on the shared
   *     filesystem before failing [s]
   * @param timeFactor multiplies every job's wall time (doubled per resubmission after TIMEOUT)
   * @param memFactor multiplies every job's memory (doubled per resubmission after OUT_OF_MEMORY)
   */
  public record Settings(
      Resources resources,
      int retries,
      double latencyWaitSeconds,
      double timeFactor,
      double memFactor) {
    /** Validates. */
    public Settings {
      if (retries < 0) {
        throw new IllegalArgumentException("--retries must be at least 0, got " + retries);
      }
      if (latencyWaitSeconds < 0) {
        throw new IllegalArgumentException("--latency-wait must be at least 0");
      }
    }

    /** A first submission: resources as given. */
    public Settings(Resources resources, int retries, double latencyWaitSeconds) {
      this(resources, retries, latencyWaitSeconds, 1, 1);
    }
  }

  /**
   * What a submission did.
   *
   * @param dir the submission's record directory, or null if nothing was submitted
   * @param jobs unit name to Slurm job id
   * @param tasks unit name to number of tasks
   * @param cached instances already in the cache
   * @param queued instances left to jobs already queued or running
   */
  public record Submitted(
      Path dir, Map<String, String> jobs, Map<String, Integer> tasks, int cached, int queued) {}

  private SlurmExecutor() {}

  /** The Slurm job name of every job of {@code spec}'s run (its name and run-directory hash). */
  public static String jobName(PipelineSpec spec) {
    return "gl-" + spec.name() + "-" + Hashes.of(spec.runDir().toString()).substring(0, 8);
  }

  /** Submits what of {@code spec} is neither done nor queued; returns at once. */
  public static Submitted submit(
      PipelineSpec spec, String specText, StageRegistry reg, Settings s, PrintWriter log)
      throws IOException {
    return submit(spec, specText, reg, s, null, 0, null, Set.of(), log);
  }

  private static Submitted submit(
      PipelineSpec spec,
      String specText,
      StageRegistry reg,
      Settings s,
      String root,
      int attempt,
      Set<String> onlyBranches,
      Set<String> ignoreJobs,
      PrintWriter log)
      throws IOException {
    Path slurmDir = spec.runDir().resolve(DIR);
    Files.createDirectories(slurmDir);
    Map<String, Resources> perStage = Resources.ofSpec(spec, reg);
    // One submitter at a time per run directory (two concurrent `glasslab run` must not both
    // submit the same branches); held seconds at most.
    InstanceClaim lock;
    try {
      lock = InstanceClaim.acquire(slurmDir, "submit", () -> false);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
    try (lock) {
      String name = jobName(spec);
      RunResult dry = new Engine(reg).run(spec, new Engine.Options(1, true, false, log));
      Map<String, Status> status = new HashMap<>();
      for (NodeResult n : dry.nodes()) {
        status.put(n.label(), n.status());
      }
      // squeue's view, without the jobs of the submission being replaced (a resubmission from its
      // finish job: their tasks have ended or were just cancelled, but squeue lists a task killed
      // at its time limit as COMPLETING while its processes are cleaned up, after sacct already
      // reports TIMEOUT, which counted the branch as still queued and resubmitted nothing)
      Map<String, String> active = new HashMap<>(Slurm.queued(name));
      active
          .keySet()
          .removeIf(k -> ignoreJobs.contains(k.contains("_") ? k.substring(0, k.indexOf('_')) : k));
      Map<String, String> queuedLabels = queuedLabels(slurmDir, active);
      Plan plan = Plan.of(spec, reg);
      Map<String, List<Plan.Node>> byBranch = new LinkedHashMap<>();
      List<Plan.Node> ensemble = new ArrayList<>();
      for (Plan.Node n : plan.nodes()) {
        if (n.branch() == null) {
          ensemble.add(n);
        } else {
          byBranch.computeIfAbsent(n.branchId(), k -> new ArrayList<>()).add(n);
        }
      }
      List<Task> head = new ArrayList<>();
      List<Task> chain = new ArrayList<>();
      List<Task> tail = new ArrayList<>();
      // per unit, the largest request among its stages (NONE is the identity of max)
      Resources rHead = Resources.NONE;
      Resources rChain = Resources.NONE;
      Resources rTail = Resources.NONE;
      int cached = 0;
      int queued = 0;
      for (var e : byBranch.entrySet()) {
        List<Plan.Node> nodes = e.getValue();
        long done = nodes.stream().filter(n -> status.get(n.label()) == Status.CACHED).count();
        cached += (int) done;
        if (done == nodes.size() || (onlyBranches != null && !onlyBranches.contains(e.getKey()))) {
          continue;
        }
        if (nodes.stream().anyMatch(n -> queuedLabels.containsKey(n.label()))) {
          queued += nodes.size() - (int) done;
          continue;
        }
        Plan.Node first = nodes.get(0);
        boolean generated = first.branch().generated();
        List<String> rest = new ArrayList<>();
        for (Plan.Node n : nodes.subList(generated ? 1 : 0, nodes.size())) {
          rest.add(n.label());
        }
        if (generated && status.get(first.label()) != Status.CACHED) {
          head.add(new Task(head.size(), e.getKey(), List.of(first.label())));
          rHead = rHead.max(stageResources(s, perStage, first));
          if (!rest.isEmpty()) {
            chain.add(new Task(chain.size(), e.getKey(), rest));
            for (Plan.Node n : nodes.subList(1, nodes.size())) {
              rChain = rChain.max(stageResources(s, perStage, n));
            }
          }
        } else {
          tail.add(new Task(tail.size(), e.getKey(), rest));
          for (Plan.Node n : nodes.subList(generated ? 1 : 0, nodes.size())) {
            rTail = rTail.max(stageResources(s, perStage, n));
          }
        }
      }
      boolean branchWork = !head.isEmpty() || !tail.isEmpty();
      boolean ensembleDone =
          ensemble.stream().allMatch(n -> status.get(n.label()) == Status.CACHED);
      boolean finishQueued =
          queuedLabels.containsKey(FINISH + "@")
              || ensemble.stream().anyMatch(n -> queuedLabels.containsKey(n.label()));
      boolean finish = branchWork || (!ensembleDone && !finishQueued);
      for (Plan.Node n : ensemble) {
        if (status.get(n.label()) == Status.CACHED) {
          cached++;
        } else if (!finish) {
          queued++;
        }
      }
      if (!finish) {
        return new Submitted(null, Map.of(), Map.of(), cached, queued);
      }
      Resources rFinish = ensemble.isEmpty() ? s.resources() : Resources.NONE;
      List<String> ensLabels = new ArrayList<>();
      for (Plan.Node n : ensemble) {
        ensLabels.add(n.label());
        rFinish = rFinish.max(stageResources(s, perStage, n));
      }
      rHead = rHead.scaled(s.timeFactor(), s.memFactor());
      rChain = rChain.scaled(s.timeFactor(), s.memFactor());
      rTail = rTail.scaled(s.timeFactor(), s.memFactor());
      rFinish = rFinish.scaled(s.timeFactor(), s.memFactor());

      String id =
          DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss")
                  .withZone(ZoneOffset.UTC)
                  .format(Instant.now())
              + "-"
              + UUID.randomUUID().toString().substring(0, 6);
      Path dir = slurmDir.resolve(id);
      Files.createDirectories(dir.resolve("logs"));
      Files.createDirectories(dir.resolve("exit"));
      ObjectNode sub = JsonNodeFactory.instance.objectNode();
      sub.put("format", "glasslab-slurm-submission-1");
      sub.put("id", id);
      sub.put("root", root == null ? id : root);
      sub.put("attempt", attempt);
      sub.put("retries", s.retries());
      sub.put("latency_wait", s.latencyWaitSeconds());
      sub.put("time_factor", s.timeFactor());
      sub.put("mem_factor", s.memFactor());
      sub.put("job_name", name);
      sub.put("spec_file", spec.file().toString());
      sub.put("spec_text", specText);
      sub.set("resources", JsonFiles.mapper().valueToTree(s.resources()));
      ObjectNode units = sub.putObject("units");
      putUnit(units, HEAD, head, rHead);
      putUnit(units, CHAIN, chain, rChain);
      putUnit(units, TAIL, tail, rTail);
      putUnit(units, FINISH, List.of(new Task(0, "ensemble", ensLabels)), rFinish);
      JsonFiles.write(dir.resolve(SUBMISSION), sub);
      Path script = writeScript(dir);

      Map<String, String> jobs = new LinkedHashMap<>();
      Map<String, Integer> tasks = new LinkedHashMap<>();
      List<String> common =
          List.of("--job-name=" + name, "--chdir=" + spec.runDir(), "--kill-on-invalid-dep=yes");
      if (!head.isEmpty()) {
        jobs.put(HEAD, sbatch(dir, script, HEAD, head.size(), rHead, common, null));
        tasks.put(HEAD, head.size());
        if (!chain.isEmpty()) {
          jobs.put(
              CHAIN,
              sbatch(
                  dir, script, CHAIN, chain.size(), rChain, common, "aftercorr:" + jobs.get(HEAD)));
          tasks.put(CHAIN, chain.size());
        }
      }
      if (!tail.isEmpty()) {
        jobs.put(TAIL, sbatch(dir, script, TAIL, tail.size(), rTail, common, null));
        tasks.put(TAIL, tail.size());
      }
      Set<String> after = new LinkedHashSet<>(jobs.values());
      for (String a : active.keySet()) {
        after.add(a.contains("_") ? a.substring(0, a.indexOf('_')) : a);
      }
      jobs.put(
          FINISH,
          sbatch(
              dir,
              script,
              FINISH,
              0,
              rFinish,
              common,
              after.isEmpty() ? null : "afterany:" + String.join(":", after)));
      tasks.put(FINISH, 1);
      for (var e : jobs.entrySet()) {
        ((ObjectNode) units.get(e.getKey())).put("job", e.getValue());
      }
      JsonFiles.write(dir.resolve(SUBMISSION), sub);
      return new Submitted(dir, jobs, tasks, cached, queued);
    }
  }

  private static Resources stageResources(
      Settings s, Map<String, Resources> perStage, Plan.Node n) {
    Resources r = perStage.get(n.stage().name());
    return r == null ? s.resources() : s.resources().with(r);
  }

  private record Task(int index, String branch, List<String> labels) {}

  private static void putUnit(ObjectNode units, String name, List<Task> tasks, Resources r) {
    if (tasks.isEmpty()) {
      return;
    }
    ObjectNode u = units.putObject(name);
    u.set("resources", JsonFiles.mapper().valueToTree(r));
    ArrayNode a = u.putArray("tasks");
    for (Task t : tasks) {
      ObjectNode o = a.addObject();
      o.put("index", t.index());
      o.put("branch", t.branch());
      ArrayNode l = o.putArray("labels");
      t.labels().forEach(l::add);
    }
  }

  private static String sbatch(
      Path dir,
      Path script,
      String unit,
      int arrayTasks,
      Resources r,
      List<String> common,
      String dependency)
      throws IOException {
    List<String> args = new ArrayList<>(common);
    args.addAll(r.sbatchArgs());
    if (arrayTasks > 0) {
      args.add("--array=0-" + (arrayTasks - 1));
      args.add("--output=" + dir.resolve("logs").resolve(unit + "-%A_%a.out"));
    } else {
      args.add("--output=" + dir.resolve("logs").resolve(unit + "-%j.out"));
    }
    if (dependency != null) {
      args.add("--dependency=" + dependency);
    }
    return Slurm.sbatch(args, script.toString(), unit);
  }

  /** The batch script: heap and threads from what Slurm granted, then the job's Java entry. */
  private static Path writeScript(Path dir) throws IOException {
    String java = ProcessHandle.current().info().command().orElse("java");
    String cp = System.getProperty("java.class.path");
    StringBuilder sb = new StringBuilder();
    sb.append("#!/bin/bash\n");
    sb.append("# Written by 'glasslab run --executor slurm'; argument: the unit name.\n");
    sb.append("unit=\"$1\"\n");
    sb.append("sub=").append(quote(dir.toString())).append('\n');
    sb.append("cpus=${SLURM_CPUS_PER_TASK:-1}\n");
    sb.append("mem=${SLURM_MEM_PER_NODE:-}\n");
    sb.append(
        "if [ -z \"$mem\" ] && [ -n \"${SLURM_MEM_PER_CPU:-}\" ]; then"
            + " mem=$((SLURM_MEM_PER_CPU * cpus)); fi\n");
    sb.append(
        "# heap: 3/4 of the job's memory (the rest: JVM metaspace, threads, HDF5 buffers);\n");
    sb.append("# without a memory request, the launcher's rule (GLASSLAB_HEAP, default 2g)\n");
    sb.append("heap=(\"-Xmx${GLASSLAB_HEAP:-2g}\")\n");
    sb.append("if [ -n \"$mem\" ]; then heap=(\"-Xmx$((mem * 3 / 4))m\"); fi\n");
    sb.append("task=${SLURM_ARRAY_TASK_ID:-0}\n");
    sb.append("id=${SLURM_ARRAY_JOB_ID:-$SLURM_JOB_ID}_$task\n");
    sb.append(quote(java))
        .append(" -XX:+UseParallelGC -Xss8m \"${heap[@]}\" -XX:ActiveProcessorCount=$cpus")
        // the SIMD MD kernel when this JVM has it (the launcher adds it for 'run')
        .append(
            ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()
                ? " --add-modules jdk.incubator.vector"
                : "")
        .append(" ${GLASSLAB_JAVA_OPTS:-} -cp ")
        .append(quote(cp))
        .append(' ')
        .append(SlurmJob.class.getName())
        .append(" \"$sub\" \"$unit\" \"$task\" \"$cpus\"\n");
    sb.append("rc=$?\n");
    sb.append(
        "printf '{\"job\": \"%s\", \"unit\": \"%s\", \"task\": %s, \"exit\": %d}\\n'"
            + " \"$id\" \"$unit\" \"$task\" \"$rc\" > \"$sub/exit/.$id.tmp\""
            + " && mv \"$sub/exit/.$id.tmp\" \"$sub/exit/$id.json\"\n");
    sb.append("exit $rc\n");
    Path script = dir.resolve("job.sh");
    Files.writeString(script, sb.toString(), StandardCharsets.UTF_8);
    try {
      Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    } catch (UnsupportedOperationException e) {
      // not POSIX: sbatch runs it with bash anyway
    }
    return script;
  }

  private static String quote(String s) {
    return "'" + s.replace("'", "'\\''") + "'";
  }

  /** Every submission directory of the run, oldest first. */
  static List<Path> submissions(Path slurmDir) throws IOException {
    if (!Files.isDirectory(slurmDir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(slurmDir)) {
      return s.filter(p -> Files.exists(p.resolve(SUBMISSION))).sorted().toList();
    }
  }

  static JsonNode read(Path submissionDir) throws IOException {
    return JsonFiles.read(submissionDir.resolve(SUBMISSION));
  }

  /** The Slurm task id ({@code JOBID_TASK}) of unit task {@code t}. */
  static String taskId(String job, JsonNode t) {
    return job + "_" + t.path("index").asInt();
  }

  /**
   * Labels held by queued or running tasks ({@code active}: squeue's view), to the task id; a
   * queued finish job adds the pseudo-label {@code finish@}.
   */
  private static Map<String, String> queuedLabels(Path slurmDir, Map<String, String> active)
      throws IOException {
    Map<String, String> m = new HashMap<>();
    for (Path d : submissions(slurmDir)) {
      JsonNode sub = read(d);
      for (var it = sub.path("units").fields(); it.hasNext(); ) {
        var u = it.next();
        String job = u.getValue().path("job").asText("");
        if (job.isEmpty()) {
          continue;
        }
        for (JsonNode t : u.getValue().path("tasks")) {
          String tid = taskId(job, t);
          if (active.containsKey(tid) || active.containsKey(job)) {
            if (u.getKey().equals(FINISH)) {
              m.put(FINISH + "@", job);
            }
            for (JsonNode l : t.path("labels")) {
              m.put(l.asText(), active.containsKey(tid) ? tid : job);
            }
          }
        }
      }
    }
    return m;
  }

  /** Runs one unit task inside a Slurm job; returns the exit code (0: its instances finished). */
  static int runJob(Path dir, String unit, int task, int cpus, StageRegistry reg, PrintWriter log)
      throws IOException {
    JsonNode sub = read(dir);
    PipelineSpec spec =
        org.glasslab.pipeline.spec.SpecLoader.load(
            sub.path("spec_text").asText(), Path.of(sub.path("spec_file").asText()), reg);
    JsonNode u = sub.path("units").path(unit);
    JsonNode t = null;
    for (JsonNode x : u.path("tasks")) {
      if (x.path("index").asInt() == task) {
        t = x;
      }
    }
    if (t == null) {
      log.println("glasslab slurm job: no task " + task + " of unit '" + unit + "' in " + dir);
      return 1;
    }
    boolean finish = unit.equals(FINISH);
    if (finish && resubmitKilled(dir, sub, spec, reg, log)) {
      return 0;
    }
    Set<String> labels = new LinkedHashSet<>();
    t.path("labels").forEach(l -> labels.add(l.asText()));
    String job =
        System.getenv().getOrDefault("SLURM_ARRAY_JOB_ID", System.getenv("SLURM_JOB_ID"))
            + "_"
            + task;
    Engine.Shared shared =
        new Engine.Shared(
            sub.path("root").asText(),
            job == null ? "job-" + UUID.randomUUID() : job,
            labels,
            sub.path("latency_wait").asDouble(),
            finish);
    log.printf("glasslab slurm job %s: %s task %d, %d CPUs: %s%n", job, unit, task, cpus, labels);
    RunResult r = new Engine(reg).run(spec, new Engine.Options(cpus, false, false, log, shared));
    if (finish && spec.report() && r.nodes().stream().anyMatch(x -> x.dir() != null)) {
      Path index = org.glasslab.pipeline.report.RunReport.build(spec.runDir());
      log.println("glasslab slurm job: report at " + index);
    }
    boolean ok =
        r.nodes().stream()
            .filter(n -> labels.contains(n.label()))
            .allMatch(n -> n.status() == Status.RAN || n.status() == Status.CACHED);
    return ok ? 0 : 1;
  }

  /**
   * In the finish job: resubmits the branches of this submission whose job the scheduler ended (no
   * exit file, and a state in {@link Slurm#RETRY_STATES}) while attempts remain; returns whether it
   * did (then the new submission's finish job takes over).
   */
  private static boolean resubmitKilled(
      Path dir, JsonNode sub, PipelineSpec spec, StageRegistry reg, PrintWriter log)
      throws IOException {
    Set<String> branches = new LinkedHashSet<>();
    List<String> why = new ArrayList<>();
    Set<String> ownJobs = new LinkedHashSet<>();
    for (String unit : List.of(HEAD, CHAIN, TAIL)) {
      JsonNode u = sub.path("units").path(unit);
      String job = u.path("job").asText("");
      if (job.isEmpty()) {
        continue;
      }
      ownJobs.add(job);
      Map<String, String> states = null;
      for (JsonNode t : u.path("tasks")) {
        String tid = taskId(job, t);
        Path exit = dir.resolve("exit").resolve(tid + ".json");
        int code = Files.exists(exit) ? JsonFiles.read(exit).path("exit").asInt() : -1;
        if (code > 0 && code < 128) {
          // GlassLab's own failure (exit 1): not retried
          log.println("glasslab slurm job: " + tid + " exited " + code);
          continue;
        }
        // No exit file, a JVM ended by a signal (143: SIGTERM at the time limit or scancel; 137:
        // SIGKILL), or even exit 0 with a TIMEOUT state (the time limit struck after the work was
        // published, and the branch's chain was cancelled): the scheduler's state decides; the
        // resubmission submits only what is not done.
        if (states == null) {
          states = settledStates(job, tid);
        }
        String st = states.getOrDefault(tid, "UNKNOWN");
        if (Slurm.RETRY_STATES.contains(st)) {
          branches.add(t.path("branch").asText());
          why.add(tid + " " + st);
        } else if (!st.equals("COMPLETED")) {
          log.println("glasslab slurm job: " + tid + " ended " + st + " (not retried)");
        }
      }
    }
    if (branches.isEmpty()) {
      return false;
    }
    int attempt = sub.path("attempt").asInt();
    int retries = sub.path("retries").asInt();
    if (attempt >= retries) {
      log.println(
          "glasslab slurm job: "
              + why
              + " ended by the scheduler; no retries left ("
              + retries
              + "), finishing with the other branches");
      return false;
    }
    // A job that hit its time limit gets twice the time, one killed for memory twice the memory.
    boolean timeout = why.stream().anyMatch(w -> w.endsWith(" TIMEOUT"));
    boolean oom = why.stream().anyMatch(w -> w.endsWith(" OUT_OF_MEMORY"));
    Settings s =
        new Settings(
            JsonFiles.mapper().treeToValue(sub.path("resources"), Resources.class),
            retries,
            sub.path("latency_wait").asDouble(),
            sub.path("time_factor").asDouble(1) * (timeout ? 2 : 1),
            sub.path("mem_factor").asDouble(1) * (oom ? 2 : 1));
    // The chain tasks of the killed branches wait on a dependency that can no longer be satisfied
    // (kill-on-invalid-dep cancels them at the controller's next check): cancel them now, so that
    // they can neither run nor be mistaken for queued work by the resubmission.
    Map<String, String> listed = Slurm.queued(sub.path("job_name").asText());
    List<String> leftovers = new ArrayList<>();
    for (String unit : List.of(HEAD, CHAIN, TAIL)) {
      JsonNode u = sub.path("units").path(unit);
      String job = u.path("job").asText("");
      for (JsonNode t : u.path("tasks")) {
        String tid = taskId(job, t);
        if (branches.contains(t.path("branch").asText())
            && Slurm.ACTIVE_STATES.contains(listed.getOrDefault(tid, ""))
            && !listed.get(tid).equals("COMPLETING")) {
          leftovers.add(tid);
        }
      }
    }
    try {
      Slurm.cancelTasks(leftovers);
    } catch (IOException e) {
      // the controller cancelled them in between (kill-on-invalid-dep): nothing left to do
      log.println("glasslab slurm job: cancelling " + leftovers + ": " + e.getMessage());
    }
    Submitted again =
        submit(
            spec,
            sub.path("spec_text").asText(),
            reg,
            s,
            sub.path("root").asText(),
            attempt + 1,
            branches,
            ownJobs,
            log);
    log.println(
        "glasslab slurm job: "
            + why
            + " ended by the scheduler; resubmitted (attempt "
            + (attempt + 1)
            + " of "
            + retries
            + ") as "
            + again.jobs());
    return true;
  }

  /**
   * The end states of {@code job}'s tasks once task {@code tid} has left the states of a live job:
   * an {@code afterany} dependant may start while its parent is still {@code COMPLETING} (its
   * processes being killed at the time limit), when the final state is not shown yet; a controller
   * that does not answer is asked again a few times. Waits at most two minutes.
   */
  private static Map<String, String> settledStates(String job, String tid) {
    Map<String, String> m = Slurm.endStates(job);
    for (int i = 0;
        i < 60
            && (Slurm.ACTIVE_STATES.contains(m.getOrDefault(tid, ""))
                || (i < 5 && !m.containsKey(tid)));
        i++) {
      try {
        Thread.sleep(2000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      m = Slurm.endStates(job);
    }
    return m;
  }

  /** Cancels every queued or running job of the run; returns how many tasks were active. */
  public static int cancel(PipelineSpec spec) throws IOException {
    String name = jobName(spec);
    int n = Slurm.queued(name).size();
    if (n > 0) {
      Slurm.cancel(name);
    }
    return n;
  }

  /**
   * The scheduler's view of the run's jobs for {@code glasslab status}: one {@code squeue} call,
   * reused for {@code minIntervalSeconds} (a status loop does not flood the controller).
   */
  static Map<String, String> queuedRateLimited(PipelineSpec spec, double minIntervalSeconds)
      throws IOException {
    Path f = spec.runDir().resolve(DIR).resolve("squeue.json");
    if (Files.exists(f)) {
      double age = (System.currentTimeMillis() - Files.getLastModifiedTime(f).toMillis()) / 1000.0;
      if (age < minIntervalSeconds) {
        Map<String, String> m = new HashMap<>();
        JsonFiles.read(f).fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue().asText()));
        return m;
      }
    }
    Map<String, String> m = Slurm.queued(jobName(spec));
    Files.createDirectories(f.getParent());
    JsonFiles.write(f, m);
    return m;
  }

  /**
   * One line per instance: {@code done}, {@code failed: MESSAGE}, {@code skipped: ...}, the state
   * of the job that will run it ({@code PENDING (job 12_3)}), how its job ended, or {@code not
   * submitted}. The cache's done records are the truth; the scheduler only explains the rest.
   */
  public static Map<String, String> status(
      PipelineSpec spec, StageRegistry reg, double squeueInterval, PrintWriter log)
      throws IOException {
    Engine.Shared view = new Engine.Shared("status", "status", Set.of(), 0, false);
    RunResult r = new Engine(reg).run(spec, new Engine.Options(1, true, false, log, view));
    Path slurmDir = spec.runDir().resolve(DIR);
    List<Path> subs = submissions(slurmDir);
    Map<String, String> active =
        subs.isEmpty() ? Map.of() : queuedRateLimited(spec, squeueInterval);
    // label -> (submission dir, job, task) of its latest submission
    Map<String, String[]> where = new HashMap<>();
    for (Path d : subs) {
      JsonNode sub = read(d);
      for (var it = sub.path("units").fields(); it.hasNext(); ) {
        var u = it.next();
        String job = u.getValue().path("job").asText("");
        for (JsonNode t : u.getValue().path("tasks")) {
          for (JsonNode l : t.path("labels")) {
            where.put(l.asText(), new String[] {d.toString(), job, taskId(job, t)});
          }
        }
      }
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (NodeResult n : r.nodes()) {
      String line =
          switch (n.status()) {
            case CACHED -> "done";
            case FAILED -> "failed: " + n.message();
            case SKIPPED -> "skipped: " + n.message();
            default -> {
              String[] w = where.get(n.label());
              if (w == null || w[1].isEmpty()) {
                yield "not submitted";
              }
              String st = active.containsKey(w[2]) ? active.get(w[2]) : active.get(w[1]);
              if (st != null) {
                yield st + " (job " + w[2] + ")";
              }
              Path exit = Path.of(w[0]).resolve("exit").resolve(w[2] + ".json");
              if (Files.exists(exit)) {
                yield "job "
                    + w[2]
                    + " ended with exit "
                    + JsonFiles.read(exit).path("exit").asInt();
              }
              yield "job "
                  + w[2]
                  + " ended without finishing it (cancelled or killed by the scheduler)";
            }
          };
      out.put(n.label(), line);
    }
    return out;
  }
}
