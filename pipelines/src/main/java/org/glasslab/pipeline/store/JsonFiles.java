package org.glasslab.pipeline.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.glasslab.data.io.AtomicFile;
import org.glasslab.data.io.JsonEnums;

/**
 * Pretty JSON: files (manifest, done records, figure lists) written atomically, and the CLI's
 * {@code --json} output.
 */
public final class JsonFiles {
  private static final ObjectMapper MAPPER =
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .registerModule(JsonEnums.module());

  private JsonFiles() {}

  /** The shared mapper. */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /** Writes {@code value} (a tree, record or map) as pretty JSON, atomically. */
  public static void write(Path file, Object value) throws IOException {
    byte[] bytes = MAPPER.writeValueAsBytes(value);
    AtomicFile.write(file, tmp -> Files.write(tmp, bytes));
  }

  /**
   * Prints {@code value} as pretty JSON and a newline on {@code out} (the CLI's {@code --json}
   * output), flushed.
   */
  public static void print(PrintWriter out, Object value) {
    try {
      out.println(MAPPER.writeValueAsString(value));
      out.flush();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
    }
  }

  /** Reads a JSON file. */
  public static JsonNode read(Path file) throws IOException {
    return MAPPER.readTree(file.toFile());
  }
}
