package org.glasslab.pipeline.engine;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.glasslab.data.io.Format;
import org.glasslab.data.io.ReadOptions;

/**
 * One branch of a pipeline: one input trajectory and the per-branch stages applied to it. A branch
 * comes either from a file ({@code file} non-null, read as {@code format} with {@code readOptions})
 * or from a generator stage ({@code generator} non-null with {@code params}).
 *
 * @param id unique branch name, used in paths and logs (letters, digits, {@code . _ = -})
 * @param field the spec field the branch comes from, for messages (e.g. {@code inputs[0]})
 * @param file the input file (absolute), or null for a generated branch
 * @param format the input file's format, or null
 * @param readOptions how to read the file (type diameters, dt), or null
 * @param readOptionsJson the read options as given in the spec (part of the input's hash)
 * @param generator the generator stage name, or null for a file branch
 * @param params the generator's parameters (sweep values and {@code replica} merged in)
 */
public record BranchSpec(
    String id,
    String field,
    Path file,
    Format format,
    ReadOptions readOptions,
    JsonNode readOptionsJson,
    String generator,
    Params params) {

  /** Checks that exactly one of file and generator is set. */
  public BranchSpec {
    if ((file == null) == (generator == null)) {
      throw new IllegalArgumentException("a branch has either an input file or a generator");
    }
  }

  /** Whether the branch starts from a generator stage. */
  public boolean generated() {
    return generator != null;
  }
}
