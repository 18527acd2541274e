package dev.foodpipeline.model.rules;

import static dev.foodpipeline.model.TestOrders.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import dev.foodpipeline.model.Address;
import dev.foodpipeline.model.MenuItem;
import dev.foodpipeline.model.Order;
import dev.foodpipeline.model.OrderLine;
import dev.foodpipeline.model.ProcessedItem;
import dev.foodpipeline.model.ProcessedOrder;
import dev.foodpipeline.model.Restaurant;
import dev.foodpipeline.model.SourcePosition;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrderEnricherTest {
  private static final Restaurant RESTAURANT =
      new Restaurant(
          "r-001",
          "Golden Thai Kitchen 1",
          "Thai",
          "Porto",
          15,
          List.of(
              new MenuItem("r-001-m01", "Pad Thai", new BigDecimal("12.99")),
              new MenuItem("r-001-m02", "Spring Rolls", new BigDecimal("4.50"))));
  private static final SourcePosition SOURCE = new SourcePosition("food-orders", 2, 41);
  private static final Instant PROCESSED_AT = NOW.plusSeconds(3);

  private final OrderEnricher enricher = new OrderEnricher();

  private static Order order(int padThai, int springRolls) {
    return new Order(
        "o-9",
        "c-7",
        "r-001",
        List.of(
            new OrderLine("r-001-m01", padThai, new BigDecimal("12.99")),
            new OrderLine("r-001-m02", springRolls, new BigDecimal("4.50"))),
        new Address("2 Rua Nova", "Porto", "4000-001"),
        NOW);
  }

  @Test
  void pricesLinesTaxAndDeliveryExactly() {
    OrderEnricher.Enriched enriched =
        enricher.enrich(order(2, 1), RESTAURANT, SOURCE, PROCESSED_AT);

    ProcessedOrder o = enriched.order();
    // 2 × 12.99 + 1 × 4.50 = 30.48; tax 8 % = 2.4384 -> 2.44; below 40.00 so delivery 2.99.
    assertThat(o.subtotal()).isEqualTo(new BigDecimal("30.48"));
    assertThat(o.tax()).isEqualTo(new BigDecimal("2.44"));
    assertThat(o.deliveryFee()).isEqualTo(new BigDecimal("2.99"));
    assertThat(o.total()).isEqualTo(new BigDecimal("35.91"));
    assertThat(o.itemCount()).isEqualTo(3);
    assertThat(enriched.items())
        .containsExactly(
            new ProcessedItem(
                "o-9",
                1,
                "r-001-m01",
                "Pad Thai",
                2,
                new BigDecimal("12.99"),
                new BigDecimal("25.98")),
            new ProcessedItem(
                "o-9",
                2,
                "r-001-m02",
                "Spring Rolls",
                1,
                new BigDecimal("4.50"),
                new BigDecimal("4.50")));
  }

  @Test
  void waivesDeliveryFromTheThreshold() {
    // 3 × 12.99 + 1 × 4.50 = 43.47 >= 40.00
    ProcessedOrder o = enricher.enrich(order(3, 1), RESTAURANT, SOURCE, PROCESSED_AT).order();

    assertThat(o.deliveryFee()).isEqualTo(new BigDecimal("0.00"));
    assertThat(o.total()).isEqualTo(o.subtotal().add(o.tax()));
  }

  @Test
  void copiesRestaurantAddressTimesAndSourcePosition() {
    ProcessedOrder o = enricher.enrich(order(1, 1), RESTAURANT, SOURCE, PROCESSED_AT).order();

    assertThat(o.restaurantName()).isEqualTo("Golden Thai Kitchen 1");
    assertThat(o.cuisine()).isEqualTo("Thai");
    assertThat(o.city()).isEqualTo("Porto");
    assertThat(o.deliveryStreet()).isEqualTo("2 Rua Nova");
    assertThat(o.deliveryPostalCode()).isEqualTo("4000-001");
    assertThat(o.createdAt()).isEqualTo(NOW);
    assertThat(o.estimatedReadyAt()).isEqualTo(NOW.plus(Duration.ofMinutes(15 + 2)));
    assertThat(o.processedAt()).isEqualTo(PROCESSED_AT);
    assertThat(o.sourcePartition()).isEqualTo(2);
    assertThat(o.sourceOffset()).isEqualTo(41);
  }

  @Test
  void storesTheCatalogueTextsWithoutControlCharactersAndBounded() {
    Restaurant hostile =
        new Restaurant(
            "r-001",
            "Golden\u0000Thai",
            "T".repeat(5000),
            "Porto\u001b[2J",
            15,
            List.of(
                new MenuItem("r-001-m01", "Pad\u0000Thai", new BigDecimal("12.99")),
                new MenuItem("r-001-m02", "Spring Rolls", new BigDecimal("4.50"))));

    OrderEnricher.Enriched enriched = enricher.enrich(order(1, 1), hostile, SOURCE, PROCESSED_AT);

    assertThat(enriched.order().restaurantName()).isEqualTo("Golden\\u0000Thai");
    assertThat(enriched.order().cuisine()).hasSize(OrderEnricher.MAX_CATALOGUE_TEXT_CHARS);
    assertThat(enriched.order().city()).isEqualTo("Porto\\u001b[2J");
    assertThat(enriched.items().get(0).itemName()).isEqualTo("Pad\\u0000Thai");
  }

  @Test
  void roundsTaxHalfEven() {
    Pricing pricing = Pricing.DEFAULTS;

    assertThat(pricing.tax(new BigDecimal("0.5625")))
        .isEqualTo(new BigDecimal("0.04")); // 0.045 -> 0.04
    assertThat(pricing.tax(new BigDecimal("0.6875")))
        .isEqualTo(new BigDecimal("0.06")); // 0.055 -> 0.06
  }
}
