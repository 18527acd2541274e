package dev.foodpipeline.model;

import dev.foodpipeline.model.catalog.RestaurantCatalog;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** Orders and restaurants for tests, built from the seeded catalogue. */
public final class TestOrders {
  public static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
  public static final RestaurantCatalog CATALOG = RestaurantCatalog.generate(1);

  private TestOrders() {}

  public static Restaurant restaurant() {
    return CATALOG.get(0);
  }

  /** A valid order of the first restaurant: 2 × its first dish and 1 × its second. */
  public static Order validOrder() {
    Restaurant r = restaurant();
    return order(
        List.of(
            new OrderLine(r.menu().get(0).menuItemId(), 2, r.menu().get(0).price()),
            new OrderLine(r.menu().get(1).menuItemId(), 1, r.menu().get(1).price())));
  }

  public static Order order(List<OrderLine> lines) {
    return new Order(
        "o-1",
        "c-1",
        restaurant().restaurantId(),
        lines,
        new Address("1 Main St", "Lisbon", "1000-001"),
        NOW);
  }

  public static OrderLine line(String menuItemId, int quantity, String unitPrice) {
    return new OrderLine(menuItemId, quantity, new BigDecimal(unitPrice));
  }
}
