package dev.foodpipeline.notify.topology;

import dev.foodpipeline.model.MenuItem;
import dev.foodpipeline.model.ProcessedOrder;
import dev.foodpipeline.model.ReasonCode;
import dev.foodpipeline.model.RejectedOrder;
import dev.foodpipeline.model.Restaurant;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** Orders, rejections and restaurants for the notification tests. */
public final class Fixtures {
  public static final Instant NOW = Instant.parse("2026-12-05T12:00:00Z");

  /** prepMinutes 10: with 4 cooks and a 5-minute window, capacity 2. */
  public static final Restaurant KITCHEN =
      new Restaurant(
          "r-001",
          "Golden Thai Kitchen 1",
          "Thai",
          "Porto",
          10,
          List.of(new MenuItem("r-001-m01", "Pad Thai", new BigDecimal("9.50"))));

  private Fixtures() {}

  public static ProcessedOrder order(String orderId, String customerId, Instant createdAt) {
    return order(orderId, customerId, KITCHEN.restaurantId(), createdAt);
  }

  public static ProcessedOrder order(
      String orderId, String customerId, String restaurantId, Instant createdAt) {
    return new ProcessedOrder(
        orderId,
        customerId,
        restaurantId,
        KITCHEN.name(),
        KITCHEN.cuisine(),
        KITCHEN.city(),
        2,
        new BigDecimal("19.00"),
        new BigDecimal("4.37"),
        new BigDecimal("2.50"),
        new BigDecimal("25.87"),
        "Rua 1",
        "Porto",
        "4000-001",
        createdAt,
        createdAt.plusSeconds(15 * 60),
        createdAt.plusMillis(30),
        1,
        41L);
  }

  public static RejectedOrder rejection(long offset, String raw, ReasonCode code) {
    return new RejectedOrder(
        "food-orders",
        2,
        offset,
        "o-9",
        code,
        "menu item r-001-m77 costs 9.50, the order says 0.01 (raw text quoted here)",
        raw,
        NOW);
  }
}
