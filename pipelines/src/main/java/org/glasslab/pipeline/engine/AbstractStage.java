package org.glasslab.pipeline.engine;

import java.util.List;
import java.util.Map;

/**
 * A {@link Stage} whose identity (name, version, scope, artifacts, description, parameter names) is
 * fixed by its constructor, so that a stage class only adds {@link #validate} and {@link #run}:
 *
 * <pre>{@code
 * public final class MsdStage extends AbstractStage {
 *   public MsdStage() {
 *     super("msd", 1, Scope.BRANCH, List.of("trajectory.h5"), List.of("msd.csv"),
 *         "mean-squared displacement vs frame",
 *         Map.of("reference", "reference frame index (default 0)"));
 *   }
 *   public void run(StageContext ctx) throws Exception { ... }
 * }
 * }</pre>
 */
public abstract class AbstractStage implements Stage {
  private final String name;
  private final int version;
  private final Scope scope;
  private final List<String> inputs;
  private final List<String> outputs;
  private final String description;
  private final Map<String, String> parameters;

  /**
   * @param name registry name
   * @param version algorithm/output version (part of the cache key)
   * @param scope per branch or ensemble
   * @param inputs artifact names read
   * @param outputs artifact names written
   * @param description one line for {@code --list-stages}
   * @param parameters accepted parameter names with descriptions (units)
   */
  protected AbstractStage(
      String name,
      int version,
      Scope scope,
      List<String> inputs,
      List<String> outputs,
      String description,
      Map<String, String> parameters) {
    this.name = name;
    this.version = version;
    this.scope = scope;
    this.inputs = List.copyOf(inputs);
    this.outputs = List.copyOf(outputs);
    this.description = description;
    this.parameters = Map.copyOf(parameters);
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final int version() {
    return version;
  }

  @Override
  public final Scope scope() {
    return scope;
  }

  @Override
  public final List<String> inputs() {
    return inputs;
  }

  @Override
  public final List<String> outputs() {
    return outputs;
  }

  @Override
  public final String description() {
    return description;
  }

  @Override
  public final Map<String, String> parameters() {
    return parameters;
  }
}
