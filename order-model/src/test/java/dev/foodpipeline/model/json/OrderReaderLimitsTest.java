package dev.foodpipeline.model.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.foodpipeline.model.ReasonCode;
import dev.foodpipeline.model.Rejection;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The value bounds of {@link InputLimits}, as {@link OrderReader} applies them at the door. */
class OrderReaderLimitsTest {
  private static final String VALID =
      """
      {"orderId":"o-1","customerId":"c-1","restaurantId":"r-001",
       "items":[{"menuItemId":"r-001-m01","quantity":2,"unitPrice":12.50}],
       "deliveryAddress":{"street":"1 Main St","city":"Lisbon","postalCode":"1000-001"},
       "createdAt":"2026-11-26T12:00:00Z"}
      """;

  private final OrderReader reader = new OrderReader();

  private ParsedOrder read(String json) {
    return reader.read(json.getBytes(StandardCharsets.UTF_8));
  }

  private Rejection rejectionOf(String json) {
    ParsedOrder parsed = read(json);
    assertThat(parsed).as(json).isInstanceOf(ParsedOrder.Invalid.class);
    return ((ParsedOrder.Invalid) parsed).rejection();
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "\"unitPrice\":12.50     | \"unitPrice\":1e999999999      | items[0].unitPrice 1E+999999999 has more than 6 digits before the decimal point or 2 after it",
        "\"unitPrice\":12.50     | \"unitPrice\":1e-999999999     | items[0].unitPrice 1E-999999999 has more than 6 digits before the decimal point or 2 after it",
        "\"unitPrice\":12.50     | \"unitPrice\":12.501           | items[0].unitPrice 12.501 has more than 6 digits before the decimal point or 2 after it",
        "\"unitPrice\":12.50     | \"unitPrice\":1000000          | items[0].unitPrice 1000000 has more than 6 digits before the decimal point or 2 after it",
        "\"quantity\":2          | \"quantity\":99999999999       | items[0].quantity does not fit a 32-bit integer",
        "\"customerId\":\"c-1\"  | \"customerId\":\"c-1\\u0000\"  | customerId \"c-1\\u0000\" holds a character outside A-Z a-z 0-9 - _ . : (ids are 1 to 64 of those)",
        "\"orderId\":\"o-1\"     | \"orderId\":\"o 1\"            | orderId \"o 1\" holds a character outside A-Z a-z 0-9 - _ . : (ids are 1 to 64 of those)",
        "\"restaurantId\":\"r-001\" | \"restaurantId\":\"r-ü\"    | restaurantId \"r-ü\" holds a character outside A-Z a-z 0-9 - _ . : (ids are 1 to 64 of those)",
        "\"menuItemId\":\"r-001-m01\" | \"menuItemId\":\"m\\n1\" | items[0].menuItemId \"m\\u000a1\" holds a character outside A-Z a-z 0-9 - _ . : (ids are 1 to 64 of those)",
        "\"street\":\"1 Main St\" | \"street\":\"1 Main\\u0007St\" | deliveryAddress.street holds the control character U+0007",
        "\"street\":\"1 Main St\" | \"street\":\"1 Main \\u009bSt\" | deliveryAddress.street holds the control character U+009B",
        "\"city\":\"Lisbon\"     | \"city\":\"Lisbon\\ud800\"     | deliveryAddress.city holds a lone UTF-16 surrogate (not a character)",
        "\"postalCode\":\"1000-001\" | \"postalCode\":\"1000-001-1000-001-1000\" | deliveryAddress.postalCode is 22 characters long, more than the limit of 20",
      })
  void rejectsValuesOutsideTheBoundsAsInvalidValue(String from, String to, String reason) {
    Rejection rejection = rejectionOf(VALID.replace(from, to));

    assertThat(rejection.code()).isEqualTo(ReasonCode.INVALID_VALUE);
    assertThat(rejection.reason()).isEqualTo(reason);
  }

  @Test
  void anOrderIdLongerThanTheLimitIsNamedByItsLengthAndNotKept() {
    String longId = "o".repeat(3000);

    ParsedOrder.Invalid invalid =
        (ParsedOrder.Invalid) read(VALID.replace("\"o-1\"", "\"" + longId + "\""));

    assertThat(invalid.rejection().code()).isEqualTo(ReasonCode.INVALID_VALUE);
    assertThat(invalid.rejection().reason())
        .isEqualTo("orderId is 3000 characters long, more than the limit of 64");
    assertThat(invalid.orderId()).isNull();
  }

  @Test
  void theKeyMustBeNullOrAValidId() {
    byte[] value = VALID.getBytes(StandardCharsets.UTF_8);

    assertThat(reader.read("o-1", value)).isInstanceOf(ParsedOrder.Valid.class);
    assertThat(reader.read(null, value)).isInstanceOf(ParsedOrder.Valid.class);
    ParsedOrder.Invalid invalid =
        (ParsedOrder.Invalid) reader.read("\uFFFD".repeat(100_000), value);
    assertThat(invalid.rejection().code()).isEqualTo(ReasonCode.INVALID_VALUE);
    assertThat(invalid.rejection().reason())
        .isEqualTo("the record key is 100000 characters long, more than the limit of 64");
    assertThat(invalid.orderId()).isEqualTo("o-1");
    assertThat(((ParsedOrder.Invalid) reader.read("", value)).rejection().reason())
        .isEqualTo("the record key is empty");
  }

  @Test
  void aWrongTypeAnywhereComesBeforeABadValue() {
    String both =
        VALID.replace("\"c-1\"", "\"c\\u0000\"").replace("\"2026-11-26T12:00:00Z\"", "17");

    Rejection rejection = rejectionOf(both);

    assertThat(rejection.code()).isEqualTo(ReasonCode.SCHEMA_VIOLATION);
    assertThat(rejection.reason()).isEqualTo("field createdAt must be a string, not a number");
  }

  @Test
  void theFirstBadValueInReadingOrderGivesTheReason() {
    String two = VALID.replace("12.50", "1e9").replace("\"c-1\"", "\"c 1\"");

    assertThat(rejectionOf(two).reason()).startsWith("items[0].unitPrice");
  }

  @Test
  void valuesAtTheBoundsAreAccepted() {
    String atBounds =
        VALID
            .replace("\"o-1\"", "\"" + "o".repeat(InputLimits.MAX_ID_CHARS) + "\"")
            .replace("\"c-1\"", "\"Aa0-_.:\"")
            .replace("12.50", "999999.990")
            .replace("1 Main St", "Rua de São João 🍕 " + "x".repeat(181))
            .replace("Lisbon", "Zürich");

    ParsedOrder parsed = read(atBounds);

    assertThat(parsed).isInstanceOf(ParsedOrder.Valid.class);
    ParsedOrder.Valid valid = (ParsedOrder.Valid) parsed;
    assertThat(valid.order().items().get(0).unitPrice())
        .isEqualByComparingTo(new BigDecimal("999999.99"));
  }
}
