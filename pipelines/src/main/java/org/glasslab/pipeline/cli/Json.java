package org.glasslab.pipeline.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import org.glasslab.pipeline.store.JsonFiles;

/**
 * The {@code bench} commands' JSON output, kept only until they move to {@code benchmarks}: it
 * delegates to {@link JsonFiles}, the one JSON writer. New code uses {@link JsonFiles} directly.
 */
public final class Json {
  private Json() {}

  /** {@link JsonFiles#mapper()}. */
  public static ObjectMapper mapper() {
    return JsonFiles.mapper();
  }

  /** {@link JsonFiles#print}. */
  public static void print(PrintWriter out, Object value) {
    JsonFiles.print(out, value);
  }
}
