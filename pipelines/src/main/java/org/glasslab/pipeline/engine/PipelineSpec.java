package org.glasslab.pipeline.engine;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;

/**
 * A loaded and validated pipeline spec (see docs/pipelines.md for the YAML format).
 *
 * @param file the spec file
 * @param name the pipeline's name
 * @param seed the master seed; each stage instance derives its own from it, its id and its branch
 * @param runDir the run directory (absolute), where cache, results, manifest and report live
 * @param jobs parallel workers from the spec, or 0 for "not given" (the CLI default is the cores)
 * @param branches the expanded inputs, in spec order
 * @param stages the {@code stages:} entries, in spec order
 * @param report whether {@code glasslab run} builds the HTML report at the end
 * @param title the report title
 * @param tree the spec as parsed (recorded in the manifest)
 */
public record PipelineSpec(
    Path file,
    String name,
    long seed,
    Path runDir,
    int jobs,
    List<BranchSpec> branches,
    List<StageSpec> stages,
    boolean report,
    String title,
    JsonNode tree) {

  /** Copies the lists. */
  public PipelineSpec {
    branches = List.copyOf(branches);
    stages = List.copyOf(stages);
  }

  /** The spec file's name, as used in messages. */
  public String fileName() {
    return file.getFileName().toString();
  }
}
