package dev.foodpipeline.model.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.foodpipeline.model.Order;
import dev.foodpipeline.model.ReasonCode;
import dev.foodpipeline.model.TestOrders;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OrderReaderTest {
  private final OrderReader reader = new OrderReader();

  private static final String VALID =
      """
      {"orderId":"o-1","customerId":"c-1","restaurantId":"r-001",
       "items":[{"menuItemId":"r-001-m01","quantity":2,"unitPrice":12.50}],
       "deliveryAddress":{"street":"1 Main St","city":"Lisbon","postalCode":"1000-001"},
       "createdAt":"2026-11-26T12:00:00Z","extra":"ignored"}
      """;

  private ParsedOrder read(String json) {
    return reader.read(json.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void readsTheDocumentedJsonWithExactDecimals() {
    ParsedOrder parsed = read(VALID);

    assertThat(parsed).isInstanceOf(ParsedOrder.Valid.class);
    Order order = ((ParsedOrder.Valid) parsed).order();
    assertThat(order.orderId()).isEqualTo("o-1");
    assertThat(order.items().get(0).unitPrice()).isEqualByComparingTo(new BigDecimal("12.50"));
    assertThat(order.items().get(0).quantity()).isEqualTo(2);
    assertThat(order.deliveryAddress().postalCode()).isEqualTo("1000-001");
    assertThat(order.createdAt()).isEqualTo(Instant.parse("2026-11-26T12:00:00Z"));
  }

  @Test
  void roundTripsWhatJsonWrites() {
    Order order = TestOrders.validOrder();

    ParsedOrder parsed = reader.read(Json.toBytes(order));

    assertThat(parsed).isEqualTo(new ParsedOrder.Valid(order));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "not json                | MALFORMED_JSON   | not valid JSON",
        "{\"orderId\": \"o-1\"   | MALFORMED_JSON   | not valid JSON",
        "{} {}                   | MALFORMED_JSON   | not valid JSON",
        "[1,2]                   | SCHEMA_VIOLATION | must be a JSON object, not an array",
        "\"text\"                | SCHEMA_VIOLATION | not a string",
        "{\"orderId\":\"o-1\"}   | SCHEMA_VIOLATION | missing field items",
      })
  void rejectsWhatIsNotAnOrderObject(String input, ReasonCode code, String message) {
    ParsedOrder.Invalid invalid = (ParsedOrder.Invalid) read(input);

    assertThat(invalid.rejection().code()).isEqualTo(code);
    assertThat(invalid.rejection().reason()).contains(message);
  }

  @ParameterizedTest(name = "{2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "\"quantity\":2              | \"quantity\":\"two\"     | field items[0].quantity must be an integer, not a string",
        "\"quantity\":2              | \"quantity\":2.5         | field items[0].quantity must be an integer, not a number",
        "\"unitPrice\":12.50         | \"unitPrice\":\"12.50\"  | field items[0].unitPrice must be a number, not a string",
        "\"customerId\":\"c-1\",     | ''                       | missing field customerId",
        "\"customerId\":\"c-1\"      | \"customerId\":7         | field customerId must be a string, not a number",
        "\"customerId\":\"c-1\"      | \"customerId\":\" \"     | field customerId is blank",
        "\"city\":\"Lisbon\",        | ''                       | missing field deliveryAddress.city",
        "2026-11-26T12:00:00Z        | yesterday                | field createdAt is not an ISO-8601 instant: \"yesterday\"",
        "[{\"menuItemId\":\"r-001-m01\",\"quantity\":2,\"unitPrice\":12.50}] | {} | field items must be an array, not an object",
        "[{\"menuItemId\":\"r-001-m01\",\"quantity\":2,\"unitPrice\":12.50}] | [7] | field items[0] must be an object, not a number",
        "{\"street\":\"1 Main St\",\"city\":\"Lisbon\",\"postalCode\":\"1000-001\"} | null | missing field deliveryAddress",
        "{\"street\":\"1 Main St\",\"city\":\"Lisbon\",\"postalCode\":\"1000-001\"} | true | field deliveryAddress must be an object, not a boolean",
      })
  void rejectsMissingAndWronglyTypedFieldsNamingTheField(String from, String to, String message) {
    ParsedOrder parsed = read(VALID.replace(from, to));

    assertThat(parsed).isInstanceOf(ParsedOrder.Invalid.class);
    ParsedOrder.Invalid invalid = (ParsedOrder.Invalid) parsed;
    assertThat(invalid.rejection().code()).isEqualTo(ReasonCode.SCHEMA_VIOLATION);
    assertThat(invalid.rejection().reason()).isEqualTo(message);
    assertThat(invalid.orderId()).isEqualTo("o-1");
  }

  @Test
  void rejectsEmptyAndNullRecordsAsMalformed() {
    assertThat(((ParsedOrder.Invalid) reader.read(null)).rejection().code())
        .isEqualTo(ReasonCode.MALFORMED_JSON);
    assertThat(((ParsedOrder.Invalid) reader.read(new byte[0])).rejection().reason())
        .isEqualTo("the record has no value");
    assertThat(((ParsedOrder.Invalid) read("   ")).rejection().code())
        .isEqualTo(ReasonCode.MALFORMED_JSON);
  }

  @Test
  void rejectsBytesThatAreNotUtf8() {
    byte[] latin1 = "{\"orderId\":\"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1);

    ParsedOrder.Invalid invalid = (ParsedOrder.Invalid) reader.read(latin1);

    assertThat(invalid.rejection().code()).isEqualTo(ReasonCode.MALFORMED_JSON);
    assertThat(invalid.rejection().reason()).isEqualTo("the record is not valid UTF-8 text");
  }

  @Test
  void rejectsRecordsAboveTheSizeLimitBeforeParsing() {
    ParsedOrder.Invalid invalid = (ParsedOrder.Invalid) new OrderReader(100).read(new byte[101]);

    assertThat(invalid.rejection().code()).isEqualTo(ReasonCode.OVERSIZED_ORDER);
    assertThat(invalid.rejection().reason())
        .isEqualTo("the record is 101 bytes, more than the limit of 100");
  }
}
