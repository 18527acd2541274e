package dev.foodpipeline.model;

import java.math.BigDecimal;
import java.util.Objects;

/** A dish on a restaurant's menu, with its current price. */
public record MenuItem(String menuItemId, String name, BigDecimal price) {
  public MenuItem {
    Objects.requireNonNull(menuItemId, "menuItemId");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(price, "price");
  }
}
