package org.glasslab.pipeline.engine;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the report says about one accepted parameter of a stage: its name, the default a run uses
 * when the spec does not set it (null: none, the stage decides, as its description says), its unit
 * ("" when dimensionless or unknown) and a one-line description.
 */
public record ParamDoc(String name, String defaultText, String unit, String description) {
  private static final Pattern DEFAULT = Pattern.compile("\\(default:? ([^()]+)\\)");
  private static final Pattern UNIT = Pattern.compile("\\[([^\\]]+)\\]");

  /**
   * The doc of a parameter known only by its one-line help: the default from a "(default X)" in it,
   * the unit from a "[unit]" (none found: no default, no unit).
   */
  public static ParamDoc fromHelp(String name, String help) {
    Matcher d = DEFAULT.matcher(help);
    Matcher u = UNIT.matcher(help);
    return new ParamDoc(name, d.find() ? d.group(1) : null, u.find() ? u.group(1) : "", help);
  }
}
