package org.glasslab.pipeline.task;

/**
 * Where a task's parameter values come from: a stage's spec parameters or a command's parsed
 * options. {@link #get} returns the given value, else the parameter's default (possibly null).
 */
public interface Values {
  /** The value of {@code p}, or its default when not given. */
  <T> T get(Param<T> p);

  /** Whether {@code p} was given (not defaulted). */
  default boolean given(Param<?> p) {
    return false;
  }

  /** Only defaults (a task run with nothing given). */
  Values DEFAULTS =
      new Values() {
        @Override
        public <T> T get(Param<T> p) {
          return p.defaultValue();
        }
      };
}
