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

  /**
   * The parameter a library refused, recognised by how the library's message starts (libraries name
   * values by their symbols, e.g. "T must be positive", "lattice size L ..."), so the error names
   * the option or key the user typed; {@code e} itself when no prefix matches.
   *
   * @param prefixesAndParams pairs of message prefix (String) and {@link Param}
   */
  public static IllegalArgumentException attribute(
      IllegalArgumentException e, Object... prefixesAndParams) {
    String m = e.getMessage();
    for (int i = 0; m != null && i + 1 < prefixesAndParams.length; i += 2) {
      if (m.startsWith((String) prefixesAndParams[i])) {
        InvalidParam ip = ((Param<?>) prefixesAndParams[i + 1]).invalid(m);
        ip.initCause(e);
        return ip;
      }
    }
    return e;
  }
}
