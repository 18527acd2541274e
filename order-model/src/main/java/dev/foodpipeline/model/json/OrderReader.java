package dev.foodpipeline.model.json;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.foodpipeline.model.Address;
import dev.foodpipeline.model.Order;
import dev.foodpipeline.model.OrderLine;
import dev.foodpipeline.model.ReasonCode;
import dev.foodpipeline.model.Rejection;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the bytes of a {@code food-orders} record into an {@link Order}, strictly: every failure is
 * a {@link Rejection} with a stable code and a message naming the field, never an exception. The
 * values are held to {@link InputLimits}.
 */
public final class OrderReader {
  /** Records above this size are rejected before parsing. */
  public static final int DEFAULT_MAX_RECORD_BYTES = 64 * 1024;

  private final int maxRecordBytes;

  public OrderReader() {
    this(DEFAULT_MAX_RECORD_BYTES);
  }

  public OrderReader(int maxRecordBytes) {
    this.maxRecordBytes = maxRecordBytes;
  }

  /** Reads a record without a key. */
  public ParsedOrder read(byte[] bytes) {
    return read(null, bytes);
  }

  /**
   * Reads a record: size, UTF-8, JSON, the types of the fields ({@code SCHEMA_VIOLATION}), their
   * values ({@code INVALID_VALUE}, see {@link InputLimits}), then the key, which must be null or a
   * valid id ({@code INVALID_VALUE}).
   *
   * @param key the record key as text, or null
   */
  public ParsedOrder read(String key, byte[] bytes) {
    if (bytes == null || bytes.length == 0) {
      return invalid(ReasonCode.MALFORMED_JSON, null, "the record has no value");
    }
    if (bytes.length > maxRecordBytes) {
      return invalid(
          ReasonCode.OVERSIZED_ORDER,
          null,
          "the record is %d bytes, more than the limit of %d",
          bytes.length,
          maxRecordBytes);
    }
    if (RawText.decodeUtf8(bytes).isEmpty()) {
      return invalid(ReasonCode.MALFORMED_JSON, null, "the record is not valid UTF-8 text");
    }
    JsonNode root;
    try {
      root = Json.mapper().readTree(bytes);
    } catch (JacksonException e) {
      return invalid(ReasonCode.MALFORMED_JSON, null, "not valid JSON: %s", e.getOriginalMessage());
    } catch (IOException e) {
      return invalid(ReasonCode.MALFORMED_JSON, null, "not valid JSON: %s", e.getMessage());
    }
    if (root == null || root.isMissingNode()) {
      return invalid(ReasonCode.MALFORMED_JSON, null, "the record holds no JSON value");
    }
    if (!root.isObject()) {
      return invalid(
          ReasonCode.SCHEMA_VIOLATION,
          null,
          "an order must be a JSON object, not %s",
          describe(root));
    }
    String orderId =
        root.path("orderId").isTextual()
            ? InputLimits.validIdOrNull(root.get("orderId").asText())
            : null;
    ValueProblems values = new ValueProblems();
    Order order;
    try {
      order = toOrder(root, values);
    } catch (FieldException e) {
      return new ParsedOrder.Invalid(
          new Rejection(ReasonCode.SCHEMA_VIOLATION, e.getMessage()), orderId);
    }
    if (key != null) {
      values.note(InputLimits.idProblem("the record key", key));
    }
    return values
        .first()
        .<ParsedOrder>map(
            problem ->
                new ParsedOrder.Invalid(new Rejection(ReasonCode.INVALID_VALUE, problem), orderId))
        .orElseGet(() -> new ParsedOrder.Valid(order));
  }

  private static Order toOrder(JsonNode root, ValueProblems values) {
    JsonNode items = field(root, "items", "items");
    if (!items.isArray()) {
      throw FieldException.wrongType("items", "an array", items);
    }
    List<OrderLine> lines = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      lines.add(toLine(items.get(i), "items[" + i + "]", values));
    }
    JsonNode address = field(root, "deliveryAddress", "deliveryAddress");
    if (!address.isObject()) {
      throw FieldException.wrongType("deliveryAddress", "an object", address);
    }
    return new Order(
        id(root, "orderId", "orderId", values),
        id(root, "customerId", "customerId", values),
        id(root, "restaurantId", "restaurantId", values),
        lines,
        new Address(
            boundedText(
                address, "street", "deliveryAddress.street", InputLimits.MAX_STREET_CHARS, values),
            boundedText(
                address, "city", "deliveryAddress.city", InputLimits.MAX_CITY_CHARS, values),
            boundedText(
                address,
                "postalCode",
                "deliveryAddress.postalCode",
                InputLimits.MAX_POSTAL_CODE_CHARS,
                values)),
        instant(root, "createdAt", "createdAt"));
  }

  private static OrderLine toLine(JsonNode line, String path, ValueProblems values) {
    if (!line.isObject()) {
      throw FieldException.wrongType(path, "an object", line);
    }
    JsonNode quantity = field(line, "quantity", path + ".quantity");
    if (!quantity.isIntegralNumber()) {
      throw FieldException.wrongType(path + ".quantity", "an integer", quantity);
    }
    if (!quantity.canConvertToInt()) {
      values.note(Optional.of(path + ".quantity does not fit a 32-bit integer"));
    }
    JsonNode price = field(line, "unitPrice", path + ".unitPrice");
    if (!price.isNumber()) {
      throw FieldException.wrongType(path + ".unitPrice", "a number", price);
    }
    BigDecimal unitPrice = price.decimalValue();
    values.note(InputLimits.priceProblem(path + ".unitPrice", unitPrice));
    return new OrderLine(
        id(line, "menuItemId", path + ".menuItemId", values), quantity.intValue(), unitPrice);
  }

  private static String id(JsonNode parent, String name, String path, ValueProblems values) {
    String id = text(parent, name, path);
    values.note(InputLimits.idProblem(path, id));
    return id;
  }

  private static String boundedText(
      JsonNode parent, String name, String path, int maxChars, ValueProblems values) {
    String text = text(parent, name, path);
    values.note(InputLimits.textProblem(path, text, maxChars));
    return text;
  }

  private static JsonNode field(JsonNode parent, String name, String path) {
    JsonNode value = parent.get(name);
    if (value == null || value.isNull()) {
      throw new FieldException("missing field " + path);
    }
    return value;
  }

  private static String text(JsonNode parent, String name, String path) {
    JsonNode value = field(parent, name, path);
    if (!value.isTextual()) {
      throw FieldException.wrongType(path, "a string", value);
    }
    if (value.asText().isBlank()) {
      throw new FieldException("field " + path + " is blank");
    }
    return value.asText();
  }

  private static Instant instant(JsonNode parent, String name, String path) {
    String text = text(parent, name, path);
    try {
      return Instants.parse(text);
    } catch (DateTimeParseException e) {
      throw new FieldException("field " + path + " is not an ISO-8601 instant: \"" + text + "\"");
    }
  }

  private static String describe(JsonNode node) {
    return switch (node.getNodeType()) {
      case ARRAY -> "an array";
      case BOOLEAN -> "a boolean";
      case NUMBER -> "a number";
      case STRING -> "a string";
      case NULL -> "null";
      case OBJECT -> "an object";
      default -> node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    };
  }

  private static ParsedOrder invalid(
      ReasonCode code, String orderId, String format, Object... args) {
    return new ParsedOrder.Invalid(Rejection.of(code, format, args), orderId);
  }

  /**
   * The first value out of bounds met while reading (an INVALID_VALUE), kept while the reading goes
   * on so that a wrong type anywhere (a SCHEMA_VIOLATION) takes precedence.
   */
  private static final class ValueProblems {
    private String first;

    void note(Optional<String> problem) {
      if (first == null) {
        first = problem.orElse(null);
      }
    }

    Optional<String> first() {
      return Optional.ofNullable(first);
    }
  }

  /** A field that is missing or of the wrong type; becomes a SCHEMA_VIOLATION. */
  private static final class FieldException extends RuntimeException {
    FieldException(String message) {
      super(message, null, false, false);
    }

    static FieldException wrongType(String path, String expected, JsonNode actual) {
      return new FieldException(
          "field " + path + " must be " + expected + ", not " + describe(actual));
    }
  }
}
