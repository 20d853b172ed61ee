package org.glasslab.pipeline.task;

/**
 * A task parameter has an impossible value. Adapters report it in their own words: the stage as the
 * spec key ({@code params.origin_stride}), the command as the option ({@code --origin-stride}).
 */
public final class InvalidParam extends IllegalArgumentException {
  private final transient Param<?> param;

  /** A bad value of {@code param}, described by {@code message} (without the name). */
  public InvalidParam(Param<?> param, String message) {
    super(param.name() + ": " + message);
    this.param = param;
  }

  /** The offending parameter. */
  public Param<?> param() {
    return param;
  }

  /** The message without the parameter name. */
  public String reason() {
    return getMessage().substring(param.name().length() + 2);
  }
}
