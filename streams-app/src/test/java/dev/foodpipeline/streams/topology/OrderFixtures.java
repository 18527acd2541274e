package dev.foodpipeline.streams.topology;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.foodpipeline.model.Address;
import dev.foodpipeline.model.MenuItem;
import dev.foodpipeline.model.Order;
import dev.foodpipeline.model.OrderLine;
import dev.foodpipeline.model.Restaurant;
import dev.foodpipeline.model.json.Json;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Orders and their JSON for the tests, around a hand-made restaurant with round prices. */
final class OrderFixtures {
  static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
  static final Instant CREATED = NOW.minus(Duration.ofMinutes(10));
  static final Address ADDRESS = new Address("Rua Augusta 10", "Lisbon", "1100-053");

  /** Prices chosen so that totals are easy to check by hand. */
  static final Restaurant TEST_KITCHEN =
      new Restaurant(
          "r-900",
          "Test Kitchen",
          "Testing",
          "Lisbon",
          20,
          List.of(
              new MenuItem("r-900-m01", "Margherita", new BigDecimal("12.50")),
              new MenuItem("r-900-m02", "Tiramisu", new BigDecimal("7.99")),
              new MenuItem("r-900-m03", "Lemonade", new BigDecimal("7.50")),
              new MenuItem("r-900-m04", "Bread", new BigDecimal("2.49"))));

  private OrderFixtures() {}

  static OrderLine line(String menuItemId, int quantity, String unitPrice) {
    return new OrderLine(menuItemId, quantity, new BigDecimal(unitPrice));
  }

  static Order order(String orderId, String restaurantId, List<OrderLine> lines) {
    return new Order(orderId, "c-1", restaurantId, lines, ADDRESS, CREATED);
  }

  static Order testKitchenOrder(String orderId, OrderLine... lines) {
    return order(orderId, TEST_KITCHEN.restaurantId(), List.of(lines));
  }

  /** A valid order of a catalogue restaurant: its first menu item once, its second twice. */
  static Order validOrder(Restaurant restaurant, String orderId) {
    MenuItem first = restaurant.menu().get(0);
    MenuItem second = restaurant.menu().get(1);
    return order(
        orderId,
        restaurant.restaurantId(),
        List.of(
            new OrderLine(first.menuItemId(), 1, first.price()),
            new OrderLine(second.menuItemId(), 2, second.price())));
  }

  /** {@code count} lines of Lemonade, once each. */
  static List<OrderLine> lemonades(int count) {
    List<OrderLine> lines = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      lines.add(line("r-900-m03", 1, "7.50"));
    }
    return lines;
  }

  static byte[] json(Order order) {
    return Json.toBytes(order);
  }

  /** The order's JSON after {@code edit} changed its tree. */
  static byte[] editedJson(Order order, Consumer<ObjectNode> edit) {
    ObjectNode tree = Json.mapper().valueToTree(order);
    edit.accept(tree);
    return Json.toBytes(tree);
  }

  static ObjectNode firstLine(ObjectNode order) {
    return (ObjectNode) ((ArrayNode) order.get("items")).get(0);
  }
}
