package org.glasslab.pipeline.engine;

/**
 * A stage parameter is missing or has the wrong type or value. {@link #key()} names the parameter
 * so that the spec loader can point at the field ({@code spec.yaml: stages[2].params.cutoff: ...}).
 */
public final class ParamException extends IllegalArgumentException {
  private final String key;

  /** A problem with parameter {@code key} described by {@code message}. */
  public ParamException(String key, String message) {
    super(message);
    this.key = key;
  }

  /** The parameter's name, or an empty string for the parameter object as a whole. */
  public String key() {
    return key;
  }
}
