package org.glasslab.data.io;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.util.Locale;

/**
 * Enum values in the JSON GlassLab writes spelled as on the command line ({@code IMPOSED_STRESS} →
 * {@code "imposed-stress"}), so that a value copied from a result file is a valid option value.
 */
public final class JsonEnums {
  private JsonEnums() {}

  /** The CLI spelling of {@code e}: lower case, underscores as hyphens. */
  public static String cliName(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** A Jackson module serialising every enum (as a value or a map key) by {@link #cliName}. */
  @SuppressWarnings({"rawtypes", "unchecked"})
  public static Module module() {
    SimpleModule m = new SimpleModule("glasslab-enums");
    m.addSerializer(
        (Class) Enum.class,
        new JsonSerializer<Enum<?>>() {
          @Override
          public void serialize(Enum<?> value, JsonGenerator gen, SerializerProvider sp)
              throws IOException {
            gen.writeString(cliName(value));
          }
        });
    m.addKeySerializer(
        (Class) Enum.class,
        new JsonSerializer<Enum<?>>() {
          @Override
          public void serialize(Enum<?> value, JsonGenerator gen, SerializerProvider sp)
              throws IOException {
            gen.writeFieldName(cliName(value));
          }
        });
    return m;
  }
}
