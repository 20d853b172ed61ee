package org.glasslab.pipeline.engine;

/**
 * An invalid pipeline spec. The message is one line naming the spec file and the field, e.g. {@code
 * demo.yaml: stages[1].params.cutoff: expected a number, got "abc"}.
 */
public final class SpecException extends IllegalArgumentException {
  /** A problem at {@code field} of {@code file} described by {@code message}. */
  public SpecException(String file, String field, String message) {
    super(file + ": " + (field.isEmpty() ? "" : field + ": ") + message);
  }
}
