package org.glasslab.pipeline.engine;

import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Stages by name. The engine knows stages only through a registry; the stages GlassLab ships are
 * listed in {@code org.glasslab.pipeline.stages.Stages#builtin()} (so the engine imports none).
 */
public final class StageRegistry {
  private final Map<String, Stage> stages = new TreeMap<>();

  /** An empty registry (tests register their own stages). */
  public StageRegistry() {}

  /**
   * Adds {@code stage}; returns this registry for chaining.
   *
   * @throws IllegalArgumentException if the name is taken or malformed
   */
  public StageRegistry register(Stage stage) {
    String n = stage.name();
    if (n == null || !n.matches("[a-z][a-z0-9_-]*")) {
      throw new IllegalArgumentException(
          "stage name '" + n + "' must be lower case letters, digits, '_' or '-'");
    }
    if (stages.containsKey(n)) {
      throw new IllegalArgumentException("stage '" + n + "' is registered twice");
    }
    if (stage.outputs().isEmpty()) {
      throw new IllegalArgumentException("stage '" + n + "' declares no outputs");
    }
    for (String out : stage.outputs()) {
      if (out.equals(Stage.INPUT) || out.contains("/") || out.startsWith(".")) {
        throw new IllegalArgumentException(
            "stage '" + n + "': output name '" + out + "' must be a plain file name, not 'input'");
      }
    }
    stages.put(n, stage);
    return this;
  }

  /** The stage named {@code name}, or null. */
  public Stage get(String name) {
    return stages.get(name);
  }

  /** All stages, sorted by name. */
  public Collection<Stage> all() {
    return Collections.unmodifiableCollection(stages.values());
  }
}
