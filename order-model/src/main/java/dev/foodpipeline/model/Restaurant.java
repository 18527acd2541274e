package dev.foodpipeline.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Reference data on the compacted {@code restaurants} topic (key = {@link #restaurantId()}). */
public record Restaurant(
    String restaurantId,
    String name,
    String cuisine,
    String city,
    int prepMinutes,
    List<MenuItem> menu) {

  public Restaurant {
    Objects.requireNonNull(restaurantId, "restaurantId");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(cuisine, "cuisine");
    Objects.requireNonNull(city, "city");
    menu = List.copyOf(Objects.requireNonNull(menu, "menu"));
  }

  /** The menu item with this id, if the restaurant serves it. */
  public Optional<MenuItem> menuItem(String menuItemId) {
    return menu.stream().filter(item -> item.menuItemId().equals(menuItemId)).findFirst();
  }
}
