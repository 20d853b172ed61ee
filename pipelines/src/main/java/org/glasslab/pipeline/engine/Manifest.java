package org.glasslab.pipeline.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.glasslab.data.io.AtomicFile;
import org.glasslab.pipeline.engine.RunResult.NodeResult;
import org.glasslab.pipeline.engine.RunResult.Status;
import org.glasslab.pipeline.store.JsonFiles;
import org.glasslab.pipeline.store.Provenance;

/**
 * The run's records: {@code manifest.json} (version, commit, spec, parameters, seeds, input hashes,
 * timings of every instance) written at the end, and one {@code provenance.jsonl} line per instance
 * that ran or failed.
 */
final class Manifest {
  private Manifest() {}

  /** Where the jobs of a shared run directory write their provenance, one directory per job. */
  static final String JOBS_DIR = "provenance.d";

  /** The provenance directory of job {@code job} ({@code provenance.d/JOB}). */
  static Path jobDir(Path runDir, String job) {
    return runDir.resolve(JOBS_DIR).resolve(job.replaceAll("[^A-Za-z0-9._-]", "_"));
  }

  /**
   * Appends the provenance line of instance {@code n} to {@code dir/provenance.jsonl} (the run
   * directory, or a job's directory when {@code shared}).
   */
  static void provenance(
      Path runDir,
      Engine.Shared shared,
      PipelineSpec spec,
      Plan.Node n,
      Status status,
      String key,
      double seconds,
      Map<String, String> inputs,
      Map<String, String> outputs,
      String message)
      throws IOException {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("time", Instant.now().toString());
    o.put("pipeline", spec.name());
    o.put("branch", n.branchId());
    o.put("stage", n.stage().name());
    o.put("version", n.stage().version());
    o.put("status", status.name().toLowerCase());
    o.put("key", key);
    o.put("seconds", Math.round(seconds * 1000) / 1000.0);
    o.put("seed", n.seed());
    o.set("params", Hashes.canonical(n.params().tree()));
    o.set("inputs", JsonFiles.mapper().valueToTree(inputs));
    o.set("outputs", JsonFiles.mapper().valueToTree(outputs));
    if (message != null) {
      o.put("message", message);
    }
    o.put("glasslab", BuildInfo.version());
    if (shared != null) {
      o.put("submission", shared.submission());
      o.put("job", shared.job());
    }
    Files.createDirectories(runDir);
    Provenance.append(runDir, o);
  }

  /**
   * Merges the jobs' provenance files into the run's {@code provenance.jsonl} (each job directory
   * is renamed away first, so concurrent mergers never append one twice), then returns {@code r}
   * with the instances that jobs of {@code submission} ran or failed marked so (instead of cached),
   * with their times: the manifest then describes the whole submission as a local run would.
   */
  static RunResult mergeJobs(Path runDir, String submission, RunResult r) throws IOException {
    Path jobs = runDir.resolve(JOBS_DIR);
    if (Files.isDirectory(jobs)) {
      List<Path> dirs;
      try (Stream<Path> s = Files.list(jobs)) {
        dirs = s.filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
      }
      List<JsonNode> records = new ArrayList<>();
      for (Path d : dirs) {
        Path mine = jobs.resolve(".merging-" + UUID.randomUUID());
        try {
          Files.move(d, mine, StandardCopyOption.ATOMIC_MOVE);
        } catch (NoSuchFileException taken) {
          continue;
        }
        records.addAll(Provenance.read(mine));
        AtomicFile.deleteTree(mine);
      }
      records.sort(Comparator.comparing(o -> o.path("time").asText()));
      for (JsonNode o : records) {
        Provenance.append(runDir, o);
      }
    }
    Map<String, JsonNode> ran = new HashMap<>();
    for (JsonNode o : Provenance.read(runDir)) {
      if (submission.equals(o.path("submission").asText())) {
        ran.put(o.path("branch").asText() + "/" + o.path("stage").asText(), o);
      }
    }
    List<NodeResult> out = new ArrayList<>();
    for (NodeResult n : r.nodes()) {
      JsonNode o = ran.get(n.label());
      if (n.status() == Status.CACHED
          && o != null
          && o.path("status").asText().equals("ran")
          && n.key().equals(o.path("key").asText())) {
        n =
            new NodeResult(
                n.label(),
                n.branch(),
                n.stage(),
                n.version(),
                Status.RAN,
                n.key(),
                n.dir(),
                o.path("seconds").asDouble(),
                n.message(),
                n.seed(),
                n.inputs(),
                n.outputs());
      }
      out.add(n);
    }
    return new RunResult(r.runDir(), out, r.seconds());
  }

  /** Writes {@code manifest.json} of a finished run. */
  static void write(Plan plan, RunResult r, int jobs, ResultCache cache) throws IOException {
    PipelineSpec spec = plan.spec();
    ObjectNode m = JsonNodeFactory.instance.objectNode();
    m.put("format", "glasslab-manifest-1");
    ObjectNode gl = m.putObject("glasslab");
    gl.put("version", BuildInfo.version());
    gl.put("commit", BuildInfo.commit());
    gl.put("java", Runtime.version().toString());
    m.put("created", Instant.now().toString());
    m.put("pipeline", spec.name());
    m.put("title", spec.title());
    m.put("spec_file", spec.file().toString());
    m.set("spec", spec.tree());
    m.put("seed", spec.seed());
    m.put("jobs", jobs);
    m.put("seconds", Math.round(r.seconds() * 1000) / 1000.0);
    ArrayNode branches = m.putArray("branches");
    for (BranchSpec b : spec.branches()) {
      ObjectNode o = branches.addObject();
      o.put("id", b.id());
      if (b.file() != null) {
        o.put("file", b.file().toString());
        o.put("format", b.format().id());
        o.set("read_options", b.readOptionsJson());
        o.put("input_hash", cache.knownInputHash(b.file()));
      } else {
        o.put("generator", b.generator());
        o.set("params", Hashes.canonical(b.params().tree()));
      }
    }
    ArrayNode stages = m.putArray("stages");
    for (NodeResult n : r.nodes()) {
      ObjectNode o = JsonFiles.mapper().valueToTree(n);
      o.set("params", Hashes.canonical(paramsOf(plan, n.label())));
      stages.add(o);
    }
    JsonFiles.write(spec.runDir().resolve(Engine.MANIFEST), m);
  }

  private static JsonNode paramsOf(Plan plan, String label) {
    for (Plan.Node n : plan.nodes()) {
      if (n.label().equals(label)) {
        return n.params().tree();
      }
    }
    return JsonNodeFactory.instance.objectNode();
  }
}
