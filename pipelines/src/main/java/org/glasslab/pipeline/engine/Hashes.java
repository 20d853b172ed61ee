package org.glasslab.pipeline.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * SHA-256 content hashes of files, directories and canonical JSON, the building blocks of the cache
 * keys. Canonical JSON sorts object keys and writes integral numbers as integers, so that {@code
 * {b: 1.0, a: 2}} and {@code {a: 2, b: 1}} hash the same.
 */
public final class Hashes {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Hashes() {}

  /** A fresh SHA-256 digest. */
  public static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available in this JVM", e);
    }
  }

  /** Lower-case hex SHA-256 of a UTF-8 string. */
  public static String of(String s) {
    return HexFormat.of().formatHex(sha256().digest(s.getBytes(StandardCharsets.UTF_8)));
  }

  /** Hex SHA-256 of a file's bytes. */
  public static String ofFile(Path file) throws IOException {
    MessageDigest md = sha256();
    byte[] buf = new byte[1 << 16];
    try (InputStream in = Files.newInputStream(file)) {
      int r;
      while ((r = in.read(buf)) > 0) {
        md.update(buf, 0, r);
      }
    }
    return HexFormat.of().formatHex(md.digest());
  }

  /**
   * Hex SHA-256 of a file, or of a directory as the sorted list of its regular files' relative
   * paths and content hashes.
   */
  public static String ofPath(Path p) throws IOException {
    if (!Files.isDirectory(p)) {
      return ofFile(p);
    }
    List<Path> files;
    try (Stream<Path> s = Files.walk(p)) {
      files = new ArrayList<>(s.filter(Files::isRegularFile).sorted().toList());
    }
    return ofFiles(p, files);
  }

  /**
   * Hex SHA-256 of the listed files under {@code base}, in the given order, as their relative paths
   * and content hashes (the form {@link #ofPath} uses for a whole directory).
   */
  public static String ofFiles(Path base, List<Path> files) throws IOException {
    StringBuilder sb = new StringBuilder("dir\n");
    for (Path f : files) {
      sb.append(base.relativize(f).toString().replace('\\', '/'))
          .append(' ')
          .append(ofFile(f))
          .append('\n');
    }
    return of(sb.toString());
  }

  /** The canonical form of a JSON tree: sorted keys, integral numbers as integers. */
  public static JsonNode canonical(JsonNode node) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    if (node == null || node.isNull() || node.isMissingNode()) {
      return f.nullNode();
    }
    if (node.isObject()) {
      TreeMap<String, JsonNode> sorted = new TreeMap<>();
      Iterator<Map.Entry<String, JsonNode>> it = node.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        sorted.put(e.getKey(), canonical(e.getValue()));
      }
      ObjectNode o = f.objectNode();
      sorted.forEach(o::set);
      return o;
    }
    if (node.isArray()) {
      ArrayNode a = f.arrayNode();
      for (JsonNode c : node) {
        a.add(canonical(c));
      }
      return a;
    }
    if (node.isNumber()) {
      if (node.isIntegralNumber()) {
        return node.canConvertToLong() ? f.numberNode(node.longValue()) : f.textNode(node.asText());
      }
      double d = node.doubleValue();
      if (d == Math.rint(d) && Math.abs(d) < 1e15) {
        return f.numberNode((long) d);
      }
      return f.numberNode(d);
    }
    return node;
  }

  /** Canonical JSON text of a tree (see {@link #canonical}). */
  public static String canonicalJson(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(canonical(node));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise parameters", e);
    }
  }
}
