package dev.foodpipeline.model.connect;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.foodpipeline.model.json.Instants;
import dev.foodpipeline.model.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.format.DateTimeParseException;
import java.util.Date;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.errors.DataException;

/**
 * A Connect struct of the contract as a flat JSON object, without the schema: {@code
 * {"order_id":"o-1","total":21.45,"created_at":"2026-03-01T12:00:00.123Z",…}}. Both ends know the
 * schema from the contract ({@link ConnectMappings}, {@link ContractConverter}), so a record does
 * not carry it (JsonConverter's envelope repeats about 1.9 kB of schema in every record).
 *
 * <p>Field types: strings, int32, int64, {@code Decimal} (a JSON number, exact: its scale is the
 * schema's) and {@code Timestamp} (an ISO-8601 instant in UTC, as the orders on {@code food-orders}
 * write theirs). A field the schema marks optional may be null or absent; unknown fields are
 * ignored, so that a producer can add one before its readers know it.
 */
public final class CompactJson {
  private CompactJson() {}

  /** The struct's fields in schema order; a null field is written as null. */
  public static byte[] write(Struct struct) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    try (JsonGenerator json = Json.mapper().getFactory().createGenerator(out)) {
      json.writeStartObject();
      for (Field field : struct.schema().fields()) {
        json.writeFieldName(field.name());
        writeValue(json, field.schema(), struct.get(field));
      }
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + struct.schema().name() + " as JSON", e);
    }
    return out.toByteArray();
  }

  private static void writeValue(JsonGenerator json, Schema schema, Object value)
      throws IOException {
    if (value == null) {
      json.writeNull();
    } else if (Decimal.LOGICAL_NAME.equals(schema.name())) {
      json.writeNumber((BigDecimal) value);
    } else if (Timestamp.LOGICAL_NAME.equals(schema.name())) {
      json.writeString(((Date) value).toInstant().toString());
    } else {
      switch (schema.type()) {
        case STRING -> json.writeString((String) value);
        case INT32 -> json.writeNumber((Integer) value);
        case INT64 -> json.writeNumber((Long) value);
        default -> throw new DataException("unsupported field type " + schema.type());
      }
    }
  }

  /**
   * The struct of {@code schema} that {@code bytes} hold.
   *
   * @throws DataException naming what is wrong: not JSON, not an object, a required field missing
   *     or null, a field of the wrong type
   */
  public static Struct read(Schema schema, byte[] bytes) {
    JsonNode root;
    try {
      root = Json.mapper().readTree(bytes);
    } catch (IOException e) {
      throw new DataException("not JSON: " + e.getMessage().lines().findFirst().orElse(""), e);
    }
    return read(schema, root);
  }

  /**
   * The struct of {@code schema} that a parsed JSON object holds; see {@link #read(Schema,
   * byte[])}.
   */
  public static Struct read(Schema schema, JsonNode root) {
    if (root == null || !root.isObject()) {
      throw new DataException(
          "not a JSON object: " + schema.name() + " is an object of " + fieldNames(schema));
    }
    Struct struct = new Struct(schema);
    for (Field field : schema.fields()) {
      JsonNode node = root.get(field.name());
      if (node == null || node.isNull()) {
        if (!field.schema().isOptional()) {
          throw new DataException(field.name() + " is missing");
        }
        continue;
      }
      struct.put(field, readValue(field, node));
    }
    return struct;
  }

  private static Object readValue(Field field, JsonNode node) {
    Schema schema = field.schema();
    if (Decimal.LOGICAL_NAME.equals(schema.name())) {
      return decimal(field, node);
    }
    if (Timestamp.LOGICAL_NAME.equals(schema.name())) {
      return timestamp(field, node);
    }
    return switch (schema.type()) {
      case STRING -> {
        require(node.isTextual(), field, "a string", node);
        yield node.textValue();
      }
      case INT32 -> {
        require(node.isIntegralNumber() && node.canConvertToInt(), field, "an int32", node);
        yield node.intValue();
      }
      case INT64 -> {
        require(node.isIntegralNumber() && node.canConvertToLong(), field, "an int64", node);
        yield node.longValue();
      }
      default -> throw new DataException("unsupported field type " + schema.type());
    };
  }

  private static BigDecimal decimal(Field field, JsonNode node) {
    require(node.isNumber(), field, "a number", node);
    int scale = Integer.parseInt(field.schema().parameters().get(Decimal.SCALE_FIELD));
    try {
      return node.decimalValue().setScale(scale, RoundingMode.UNNECESSARY);
    } catch (ArithmeticException e) {
      throw new DataException(
          field.name() + " has more than " + scale + " decimal places: " + node, e);
    }
  }

  private static Date timestamp(Field field, JsonNode node) {
    require(node.isTextual(), field, "an ISO-8601 instant", node);
    try {
      return Date.from(Instants.parse(node.textValue()));
    } catch (DateTimeParseException e) {
      throw new DataException(field.name() + " is not an ISO-8601 instant: " + node, e);
    }
  }

  private static void require(boolean ok, Field field, String expected, JsonNode node) {
    if (!ok) {
      String shown = node.toString();
      throw new DataException(
          field.name()
              + " is not "
              + expected
              + ": "
              + (shown.length() > 80 ? shown.substring(0, 80) + "…" : shown));
    }
  }

  private static String fieldNames(Schema schema) {
    return schema.fields().stream().map(Field::name).toList().toString();
  }
}
