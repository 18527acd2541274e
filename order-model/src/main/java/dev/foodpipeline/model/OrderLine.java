package dev.foodpipeline.model;

import java.math.BigDecimal;
import java.util.Objects;

/** One line of an order: a menu item, how many, and the unit price the customer saw. */
public record OrderLine(String menuItemId, int quantity, BigDecimal unitPrice) {
  public OrderLine {
    Objects.requireNonNull(menuItemId, "menuItemId");
    Objects.requireNonNull(unitPrice, "unitPrice");
  }
}
