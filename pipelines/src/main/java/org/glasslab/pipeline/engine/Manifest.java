package org.glasslab.pipeline.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
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

  /** Appends the provenance line of instance {@code n}. */
  static void provenance(
      Path runDir,
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
    Provenance.append(runDir, o);
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
