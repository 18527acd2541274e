package dev.foodpipeline.model.rules;

import dev.foodpipeline.model.MenuItem;
import dev.foodpipeline.model.Order;
import dev.foodpipeline.model.OrderLine;
import dev.foodpipeline.model.ReasonCode;
import dev.foodpipeline.model.Rejection;
import dev.foodpipeline.model.Restaurant;
import java.time.Instant;
import java.util.Optional;

/**
 * The stateless business rules of an order, checked in a fixed order so that each order has one
 * reason: empty, oversized, timestamp, restaurant, then line by line quantity, menu item, price.
 */
public final class OrderValidator {
  private final ValidationLimits limits;

  public OrderValidator(ValidationLimits limits) {
    this.limits = limits;
  }

  public OrderValidator() {
    this(ValidationLimits.DEFAULTS);
  }

  /**
   * @param restaurant the catalogue entry for the order's restaurant, or null when there is none
   * @param now the processing time, against which the created-at timestamp is judged
   */
  public Optional<Rejection> validate(Order order, Restaurant restaurant, Instant now) {
    if (order.items().isEmpty()) {
      return reject(ReasonCode.EMPTY_ORDER, "the order has no items");
    }
    if (order.items().size() > limits.maxLines()) {
      return reject(
          ReasonCode.OVERSIZED_ORDER,
          "the order has %d lines, more than the limit of %d",
          order.items().size(),
          limits.maxLines());
    }
    if (order.createdAt().isBefore(now.minus(limits.maxAge()))) {
      return reject(
          ReasonCode.TIMESTAMP_OUT_OF_RANGE,
          "createdAt %s is more than %s before the processing time %s",
          order.createdAt(),
          limits.maxAge(),
          now);
    }
    if (order.createdAt().isAfter(now.plus(limits.maxClockSkew()))) {
      return reject(
          ReasonCode.TIMESTAMP_OUT_OF_RANGE,
          "createdAt %s is more than %s after the processing time %s",
          order.createdAt(),
          limits.maxClockSkew(),
          now);
    }
    if (restaurant == null) {
      return reject(
          ReasonCode.UNKNOWN_RESTAURANT,
          "restaurant %s is not in the catalogue",
          order.restaurantId());
    }
    for (int i = 0; i < order.items().size(); i++) {
      Optional<Rejection> rejection = validateLine(i + 1, order.items().get(i), restaurant);
      if (rejection.isPresent()) {
        return rejection;
      }
    }
    return Optional.empty();
  }

  private Optional<Rejection> validateLine(int lineNo, OrderLine line, Restaurant restaurant) {
    if (line.quantity() < 1 || line.quantity() > limits.maxQuantity()) {
      return reject(
          ReasonCode.BAD_QUANTITY,
          "line %d: quantity %d is not between 1 and %d",
          lineNo,
          line.quantity(),
          limits.maxQuantity());
    }
    Optional<MenuItem> menuItem = restaurant.menuItem(line.menuItemId());
    if (menuItem.isEmpty()) {
      return reject(
          ReasonCode.UNKNOWN_MENU_ITEM,
          "line %d: menu item %s is not on the menu of %s",
          lineNo,
          line.menuItemId(),
          restaurant.restaurantId());
    }
    if (line.unitPrice().compareTo(menuItem.get().price()) != 0) {
      // toString, not toPlainString: a few characters whatever the exponent of the price.
      return reject(
          ReasonCode.PRICE_MISMATCH,
          "line %d: unit price %s of %s differs from the menu price %s",
          lineNo,
          line.unitPrice().toString(),
          line.menuItemId(),
          menuItem.get().price().toString());
    }
    return Optional.empty();
  }

  private static Optional<Rejection> reject(ReasonCode code, String format, Object... args) {
    return Optional.of(Rejection.of(code, format, args));
  }
}
