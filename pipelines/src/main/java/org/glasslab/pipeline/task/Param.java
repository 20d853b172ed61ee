package org.glasslab.pipeline.task;

import java.util.Arrays;
import java.util.List;

/**
 * One parameter of a {@link Task}, declared once: its spec key (e.g. {@code origin_stride}, the CLI
 * option is {@code --origin-stride}), its Java type, its default, its unit and a one-line
 * description. Both the stage's accepted parameters and the command's options are derived from it.
 *
 * @param name spec key: lower case, digits and '_'
 * @param type Integer, Long, Double, Boolean, String, double[] or List (of String)
 * @param defaultValue used when the parameter is absent; null = "none given" (the task decides,
 *     e.g. an automatic cutoff, and documents that in {@code description})
 * @param unit e.g. {@code diameters}, or empty for dimensionless
 * @param label the CLI's value placeholder, e.g. {@code S}
 * @param description one line, without the default (added by {@link #help()})
 * @param <T> the value type
 */
public record Param<T>(
    String name,
    Class<T> type,
    T defaultValue,
    String unit,
    String label,
    String description,
    List<String> cliNames) {

  /** A parameter whose CLI option is derived from its name. */
  public Param(
      String name, Class<T> type, T defaultValue, String unit, String label, String description) {
    this(name, type, defaultValue, unit, label, description, List.of());
  }

  /** Checks the name and type. */
  public Param {
    cliNames = List.copyOf(cliNames);
    if (!name.matches("[a-z][a-z0-9_]*")) {
      throw new IllegalArgumentException("parameter name '" + name + "' must be snake_case");
    }
    if (!List.of(
                Integer.class,
                Long.class,
                Double.class,
                Boolean.class,
                String.class,
                double[].class)
            .contains(type)
        && type != List.class) {
      throw new IllegalArgumentException(name + ": unsupported parameter type " + type);
    }
  }

  /** An integer parameter. */
  public static Param<Integer> integer(
      String name, Integer def, String unit, String label, String description) {
    return new Param<>(name, Integer.class, def, unit, label, description);
  }

  /** A long integer parameter (seeds, step and event counts). */
  public static Param<Long> longInt(
      String name, Long def, String unit, String label, String description) {
    return new Param<>(name, Long.class, def, unit, label, description);
  }

  /** Name of the seed parameter: a stage supplies its own seed when the spec gives none. */
  public static final String SEED = "seed";

  /**
   * The seed of a stochastic task ({@code --seed S}, default 1); its stage is stochastic and, when
   * the spec does not set {@code seed}, runs with the engine's stage seed (recorded in the
   * manifest).
   */
  public static Param<Long> seed(String description) {
    return longInt(SEED, 1L, "", "S", description);
  }

  /** A real parameter; {@code def} null means "automatic" (say how in the description). */
  public static Param<Double> real(
      String name, Double def, String unit, String label, String description) {
    return new Param<>(name, Double.class, def, unit, label, description);
  }

  /** A switch, false unless given. */
  public static Param<Boolean> flag(String name, String description) {
    return new Param<>(name, Boolean.class, false, "", "", description);
  }

  /** A switch, true unless turned off ({@code --no-NAME}; spec {@code NAME: false}). */
  public static Param<Boolean> on(String name, String description) {
    return new Param<>(name, Boolean.class, true, "", "", description);
  }

  /** A string parameter (a name from a fixed set, or a number-or-keyword). */
  public static Param<String> text(String name, String def, String label, String description) {
    return new Param<>(name, String.class, def, "", label, description);
  }

  /** A list of reals (the CLI takes it comma-separated). */
  public static Param<double[]> reals(
      String name, double[] def, String unit, String label, String description) {
    return new Param<>(name, double[].class, def, unit, label, description);
  }

  /** A list of names (the CLI takes it comma-separated). */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static Param<List<String>> names(
      String name, List<String> def, String label, String description) {
    return new Param<>(name, (Class) List.class, def, "", label, description);
  }

  /**
   * This parameter with its own CLI option names (kept from before the task layer, e.g. {@code
   * --tol} for {@code tolerance}); the first is the one named in messages.
   */
  public Param<T> cli(String... names) {
    return new Param<>(name, type, defaultValue, unit, label, description, List.of(names));
  }

  /** The CLI option: {@code --} and the name with '-' for '_', unless {@link #cli} says else. */
  public String option() {
    return cliNames.isEmpty() ? "--" + name.replace('_', '-') : cliNames.get(0);
  }

  /** All CLI names of the option. */
  public String[] options() {
    return cliNames.isEmpty() ? new String[] {option()} : cliNames.toArray(new String[0]);
  }

  /** The default as text, or null when there is none. */
  public String defaultText() {
    if (defaultValue == null) {
      return null;
    }
    if (defaultValue instanceof double[] d) {
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < d.length; i++) {
        sb.append(i > 0 ? "," : "").append(d[i]);
      }
      return sb.toString();
    }
    if (defaultValue instanceof List<?> l) {
      return String.join(",", l.stream().map(String::valueOf).toList());
    }
    return String.valueOf(defaultValue);
  }

  /**
   * Description, unit and default in one line, e.g. {@code Bin width [diameters] (default 0.02).}
   */
  public String help() {
    String text = description.replaceFirst("\\.$", "");
    String u = unit.isEmpty() ? "" : " [" + unit + "]";
    String d =
        type == Boolean.class
            ? (Boolean.TRUE.equals(defaultValue) ? " (default on)" : "")
            : defaultValue == null ? "" : " (default " + defaultText() + ")";
    return text + u + d + ".";
  }

  /** The error "{@code name}: {@code message}" for a bad value of this parameter. */
  public InvalidParam invalid(String message) {
    return new InvalidParam(this, message);
  }

  /** Throws {@link #invalid} with {@code message} unless {@code ok}. */
  public void require(boolean ok, String message) {
    if (!ok) {
      throw invalid(message);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Param<?> p && p.name.equals(name);
  }

  @Override
  public int hashCode() {
    return name.hashCode();
  }

  @Override
  public String toString() {
    return name
        + ":"
        + type.getSimpleName()
        + "="
        + (defaultValue instanceof double[] d ? Arrays.toString(d) : defaultValue);
  }
}
