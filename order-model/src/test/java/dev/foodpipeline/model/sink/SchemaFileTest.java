package dev.foodpipeline.model.sink;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * connect/sql/schema.sql is the DDL the description renders; {@code -Dschema.write=true} writes it
 * (the command is {@link SinkSchema#REGENERATE}).
 */
class SchemaFileTest {
  private static final Path FILE = Path.of("..").resolve(SinkSchema.DDL_FILE);

  @Test
  void theSchemaFileIsTheRenderedDdl() throws IOException {
    if (Boolean.getBoolean("schema.write")) {
      Files.writeString(FILE, SinkSchema.ddl(), StandardCharsets.UTF_8);
    }
    assertThat(Files.readString(FILE, StandardCharsets.UTF_8))
        .as(
            "%s differs from what order-model's SinkSchema renders: regenerate it with%n  %s%n",
            SinkSchema.DDL_FILE, SinkSchema.REGENERATE)
        .isEqualTo(SinkSchema.ddl());
  }
}
