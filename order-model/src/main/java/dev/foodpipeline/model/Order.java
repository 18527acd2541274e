package dev.foodpipeline.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A food order as written to {@code food-orders} (key = {@link #orderId()}). The JSON contract is
 * documented in {@code docs/order-contract.md}.
 */
public record Order(
    String orderId,
    String customerId,
    String restaurantId,
    List<OrderLine> items,
    Address deliveryAddress,
    Instant createdAt) {

  public Order {
    Objects.requireNonNull(orderId, "orderId");
    Objects.requireNonNull(customerId, "customerId");
    Objects.requireNonNull(restaurantId, "restaurantId");
    items = List.copyOf(Objects.requireNonNull(items, "items"));
    Objects.requireNonNull(deliveryAddress, "deliveryAddress");
    Objects.requireNonNull(createdAt, "createdAt");
  }

  /** The same order, dated {@code createdAt}. */
  public Order withCreatedAt(Instant createdAt) {
    return new Order(orderId, customerId, restaurantId, items, deliveryAddress, createdAt);
  }
}
