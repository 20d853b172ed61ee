package org.glasslab.pipeline.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The parameters of one stage instance: an immutable JSON-like tree (from the spec's {@code
 * params:}) with typed getters. A wrong type or a missing required value throws {@link
 * ParamException} naming the key, so stages validate simply by reading what they need.
 */
public final class Params {
  private final ObjectNode tree;

  private Params(ObjectNode tree) {
    this.tree = tree;
  }

  /** No parameters. */
  public static Params empty() {
    return new Params(JsonNodeFactory.instance.objectNode());
  }

  /**
   * Parameters from a JSON object (null or missing = empty); a copy is kept.
   *
   * @throws ParamException if {@code node} is not an object
   */
  public static Params of(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return empty();
    }
    if (!node.isObject()) {
      throw new ParamException("", "expected a mapping of parameter names to values");
    }
    return new Params(((ObjectNode) node).deepCopy());
  }

  /** A copy of the tree. */
  public ObjectNode tree() {
    return tree.deepCopy();
  }

  /** Canonical JSON of the parameters (sorted keys), the form that enters cache keys. */
  public String canonicalJson() {
    return Hashes.canonicalJson(tree);
  }

  /** Whether {@code key} is present (and not null). */
  public boolean has(String key) {
    JsonNode n = tree.get(key);
    return n != null && !n.isNull();
  }

  /** The raw value of {@code key}, or null. */
  public JsonNode get(String key) {
    JsonNode n = tree.get(key);
    return n == null || n.isNull() ? null : n.deepCopy();
  }

  /** These parameters with {@code key} set to {@code value} (defaults for missing keys, sweeps). */
  public Params with(String key, JsonNode value) {
    ObjectNode copy = tree.deepCopy();
    copy.set(key, value);
    return new Params(copy);
  }

  /** These parameters with every key of {@code other} added or replaced. */
  public Params merge(Params other) {
    ObjectNode copy = tree.deepCopy();
    copy.setAll(other.tree.deepCopy());
    return new Params(copy);
  }

  /** A number, or {@code def} when absent. */
  public double getDouble(String key, double def) {
    return has(key) ? requireDouble(key) : def;
  }

  /** A required finite number. */
  public double requireDouble(String key) {
    JsonNode n = require(key);
    if (!n.isNumber()) {
      throw new ParamException(key, "expected a number, got " + n);
    }
    double d = n.doubleValue();
    if (!Double.isFinite(d)) {
      throw new ParamException(key, "expected a finite number, got " + n);
    }
    return d;
  }

  /** A positive number, or {@code def} when absent. */
  public double getPositive(String key, double def) {
    double d = getDouble(key, def);
    if (!(d > 0)) {
      throw new ParamException(key, "must be positive, got " + d);
    }
    return d;
  }

  /** An integer, or {@code def} when absent. */
  public long getLong(String key, long def) {
    if (!has(key)) {
      return def;
    }
    JsonNode n = tree.get(key);
    if (n.isIntegralNumber() && n.canConvertToLong()) {
      return n.longValue();
    }
    if (n.isNumber() && n.doubleValue() == Math.rint(n.doubleValue())) {
      return (long) n.doubleValue();
    }
    throw new ParamException(key, "expected an integer, got " + n);
  }

  /** An int, or {@code def} when absent. */
  public int getInt(String key, int def) {
    long v = getLong(key, def);
    if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
      throw new ParamException(key, "integer " + v + " is out of range");
    }
    return (int) v;
  }

  /** An int within [{@code min}, {@code max}], or {@code def} when absent. */
  public int getInt(String key, int def, int min, int max) {
    int v = getInt(key, def);
    if (v < min || v > max) {
      throw new ParamException(key, "must be in [" + min + ", " + max + "], got " + v);
    }
    return v;
  }

  /** A string, or {@code def} when absent. */
  public String getString(String key, String def) {
    if (!has(key)) {
      return def;
    }
    JsonNode n = tree.get(key);
    if (!n.isTextual() && !n.isNumber() && !n.isBoolean()) {
      throw new ParamException(key, "expected a string, got " + n);
    }
    return n.asText();
  }

  /** A boolean, or {@code def} when absent. */
  public boolean getBoolean(String key, boolean def) {
    if (!has(key)) {
      return def;
    }
    JsonNode n = tree.get(key);
    if (!n.isBoolean()) {
      throw new ParamException(key, "expected true or false, got " + n);
    }
    return n.booleanValue();
  }

  /** A list of numbers, or {@code def} when absent (a single number reads as a list of one). */
  public double[] getDoubles(String key, double[] def) {
    if (!has(key)) {
      return def == null ? null : def.clone();
    }
    JsonNode n = tree.get(key);
    if (n.isNumber()) {
      return new double[] {n.doubleValue()};
    }
    if (!n.isArray()) {
      throw new ParamException(key, "expected a list of numbers, got " + n);
    }
    double[] out = new double[n.size()];
    for (int i = 0; i < out.length; i++) {
      if (!n.get(i).isNumber()) {
        throw new ParamException(key, "element " + i + ": expected a number, got " + n.get(i));
      }
      out[i] = n.get(i).doubleValue();
    }
    return out;
  }

  /** A list of strings (a single string reads as a list of one); required. */
  public java.util.List<String> getStrings(String key) {
    JsonNode n = require(key);
    java.util.List<String> out = new java.util.ArrayList<>();
    if (n.isTextual()) {
      out.add(n.asText());
      return out;
    }
    if (!n.isArray()) {
      throw new ParamException(key, "expected a list of names, got " + n);
    }
    for (int i = 0; i < n.size(); i++) {
      if (!n.get(i).isTextual()) {
        throw new ParamException(key, "element " + i + ": expected a name, got " + n.get(i));
      }
      out.add(n.get(i).asText());
    }
    return out;
  }

  /** Parameter names present. */
  public java.util.List<String> keys() {
    java.util.List<String> k = new java.util.ArrayList<>();
    tree.fieldNames().forEachRemaining(k::add);
    return k;
  }

  private JsonNode require(String key) {
    if (!has(key)) {
      throw new ParamException(key, "required parameter is missing");
    }
    return tree.get(key);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Params p && canonicalJson().equals(p.canonicalJson());
  }

  @Override
  public int hashCode() {
    return canonicalJson().hashCode();
  }

  @Override
  public String toString() {
    return canonicalJson();
  }
}
