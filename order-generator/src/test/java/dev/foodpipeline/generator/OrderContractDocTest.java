package dev.foodpipeline.generator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.foodpipeline.model.Order;
import dev.foodpipeline.model.ReasonCode;
import dev.foodpipeline.model.Rejection;
import dev.foodpipeline.model.catalog.RestaurantCatalog;
import dev.foodpipeline.model.json.Json;
import dev.foodpipeline.model.json.OrderReader;
import dev.foodpipeline.model.json.ParsedOrder;
import dev.foodpipeline.model.rules.OrderValidator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps docs/order-contract.md honest: every example marked {@code <!-- example: CODE -->} is run
 * through order-model's reader and validator, as the Streams app runs a record, and must come out
 * with that code.
 */
class OrderContractDocTest {
  private static final Path DOC = Path.of("..", "docs", "order-contract.md");
  private static final Pattern EXAMPLE =
      Pattern.compile("<!-- example: (\\w+) -->\\s*```\\w*\\n(.*?)\\n```", Pattern.DOTALL);

  /** The processing time the doc's examples are judged at. */
  private static final Instant PROCESSED_AT = Instant.parse("2025-06-01T12:01:00Z");

  private static final RestaurantCatalog CATALOGUE = RestaurantCatalog.generate(42);

  private static String doc;
  private static Map<String, String> examples;

  @BeforeAll
  static void readTheDoc() throws IOException {
    doc = Files.readString(DOC);
    examples = new LinkedHashMap<>();
    Matcher matcher = EXAMPLE.matcher(doc);
    while (matcher.find()) {
      examples.put(matcher.group(1), matcher.group(2));
    }
  }

  private static Optional<ReasonCode> judge(String example) {
    ParsedOrder parsed = new OrderReader().read(example.getBytes(StandardCharsets.UTF_8));
    if (parsed instanceof ParsedOrder.Invalid invalid) {
      return Optional.of(invalid.rejection().code());
    }
    Order order = ((ParsedOrder.Valid) parsed).order();
    return new OrderValidator()
        .validate(order, CATALOGUE.find(order.restaurantId()).orElse(null), PROCESSED_AT)
        .map(Rejection::code);
  }

  @Test
  void theValidExampleIsAccepted() {
    assertThat(judge(examples.get("VALID"))).isEmpty();
  }

  @Test
  void everyRejectionExampleGetsItsCode() {
    assertThat(examples.keySet())
        .contains(
            "MALFORMED_JSON",
            "SCHEMA_VIOLATION",
            "UNKNOWN_RESTAURANT",
            "UNKNOWN_MENU_ITEM",
            "PRICE_MISMATCH",
            "BAD_QUANTITY",
            "EMPTY_ORDER",
            "TIMESTAMP_OUT_OF_RANGE");
    examples.forEach(
        (code, example) -> {
          if (!code.equals("VALID") && !code.equals("RESTAURANT")) {
            assertThat(judge(example)).as(code).contains(ReasonCode.valueOf(code));
          }
        });
  }

  @Test
  void everyReasonCodeIsDocumented() {
    for (ReasonCode code : ReasonCode.values()) {
      assertThat(doc).contains("### `" + code + "`");
    }
  }

  @Test
  void theRestaurantExampleIsTheSeed42Catalogue() {
    JsonNode shown =
        Json.fromBytes(examples.get("RESTAURANT").getBytes(StandardCharsets.UTF_8), JsonNode.class);
    assertThat(shown).isEqualTo(Json.mapper().valueToTree(CATALOGUE.get(0)));
  }
}
