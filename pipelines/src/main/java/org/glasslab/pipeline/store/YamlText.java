package org.glasslab.pipeline.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * YAML documents (pipeline specs, {@code --config} files) read into a tree, with syntax errors
 * turned into one line saying where (line and column, 1-based) and what the parser expected,
 * instead of the parser's multi-line excerpt.
 */
public final class YamlText {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private YamlText() {}

  /** A YAML document that is not valid YAML; the message is "line L, column C: problem". */
  public static final class Invalid extends Exception {
    private static final long serialVersionUID = 1L;

    Invalid(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** The tree of {@code text} (null for an empty document). */
  public static JsonNode read(String text) throws Invalid {
    try {
      return YAML.readTree(text);
    } catch (JsonProcessingException e) {
      throw new Invalid(where(e), e);
    }
  }

  private static String where(JsonProcessingException e) {
    for (Throwable c = e; c != null; c = c.getCause()) {
      if (c instanceof MarkedYAMLException m && m.getProblemMark() != null) {
        return "line "
            + (m.getProblemMark().getLine() + 1)
            + ", column "
            + (m.getProblemMark().getColumn() + 1)
            + ": not valid YAML: "
            + oneLine(m.getProblem());
      }
    }
    var loc = e.getLocation();
    String m = oneLine(e.getOriginalMessage());
    return (loc == null ? "" : "line " + loc.getLineNr() + ", column " + loc.getColumnNr() + ": ")
        + "not valid YAML: "
        + m;
  }

  private static String oneLine(String s) {
    if (s == null) {
      return "syntax error";
    }
    int i = s.indexOf('\n');
    return (i < 0 ? s : s.substring(0, i)).strip();
  }
}
