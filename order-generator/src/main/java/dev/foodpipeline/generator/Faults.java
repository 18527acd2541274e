package dev.foodpipeline.generator;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.foodpipeline.model.Address;
import dev.foodpipeline.model.MenuItem;
import dev.foodpipeline.model.Order;
import dev.foodpipeline.model.OrderLine;
import dev.foodpipeline.model.Restaurant;
import dev.foodpipeline.model.catalog.RestaurantCatalog;
import dev.foodpipeline.model.json.InputLimits;
import dev.foodpipeline.model.json.Json;
import dev.foodpipeline.model.json.OrderReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Turns a valid order into a record with exactly one fault of a given {@link InvalidKind}.
 * Everything the validator checks before that fault stays valid, so the record can only be rejected
 * for it.
 */
final class Faults {
  /** How far before the clock a {@link InvalidKind#TIMESTAMP_OUT_OF_RANGE} order is dated. */
  static final Duration STALE_BY = Duration.ofDays(30);

  /** The fewest lines of an oversized order: one more than the validator's limit of 50. */
  static final int OVERSIZED_MIN_LINES = 51;

  /** A record larger than the reader's 64 KiB limit. */
  static final int OVERSIZED_MIN_BYTES = OrderReader.DEFAULT_MAX_RECORD_BYTES + 1024;

  private static final int[] BAD_QUANTITIES = {0, -1, 21, 25, 100};
  private static final String[] PRICE_DELTAS = {"-0.50", "0.50", "1.00", "-1.00", "0.01"};

  /** The bytes of a faulty record, and the order they hold when they hold one exactly. */
  record Fault(byte[] bytes, Order order) {
    static Fault of(Order order) {
      return new Fault(OrderJson.toBytes(order), order);
    }

    static Fault ofTree(ObjectNode tree) {
      return new Fault(Json.toBytes(tree), null);
    }
  }

  private final RestaurantCatalog catalog;

  Faults(RestaurantCatalog catalog) {
    this.catalog = catalog;
  }

  Fault apply(InvalidKind kind, Order order, SplittableRandom random, Instant now) {
    return switch (kind) {
      case MALFORMED_JSON -> malformed(order, random);
      case WRONG_TYPE -> Fault.ofTree(wrongType(order, random));
      case MISSING_FIELD -> Fault.ofTree(missingField(order, random));
      case INVALID_VALUE -> invalidValue(order, random);
      case UNKNOWN_RESTAURANT -> Fault.of(withRestaurantId(order, unknownRestaurantId(random)));
      case UNKNOWN_MENU_ITEM -> Fault.of(unknownMenuItem(order, random));
      case PRICE_MISMATCH -> Fault.of(priceMismatch(order, random));
      case BAD_QUANTITY -> Fault.of(badQuantity(order, random));
      case EMPTY_ORDER -> Fault.of(withLines(order, List.of()));
      case OVERSIZED_RECORD -> oversized(order, random);
      case TIMESTAMP_OUT_OF_RANGE -> Fault.of(order.withCreatedAt(now.minus(STALE_BY)));
      case DUPLICATE_ORDER_ID ->
          throw new IllegalArgumentException("a duplicate is made by OrderFactory, not by a fault");
    };
  }

  private static Fault malformed(Order order, SplittableRandom random) {
    byte[] json = OrderJson.toBytes(order);
    byte[] bytes =
        switch (random.nextInt(3)) {
          // Cut off mid-record, as a crashed writer would leave it.
          case 0 ->
              java.util.Arrays.copyOf(json, json.length / 4 + random.nextInt(json.length / 2));
          // A byte that is not UTF-8 inside the customer id.
          case 1 -> notUtf8(json);
          // Text some other system wrote to the wrong topic.
          default ->
              String.format(
                      Locale.ROOT,
                      "order %s for %s at %s: %d x %s",
                      order.orderId(),
                      order.customerId(),
                      order.restaurantId(),
                      order.items().get(0).quantity(),
                      order.items().get(0).menuItemId())
                  .getBytes(StandardCharsets.UTF_8);
        };
    return new Fault(bytes, null);
  }

  private static byte[] notUtf8(byte[] json) {
    byte[] marker = "\"customerId\":\"".getBytes(StandardCharsets.UTF_8);
    int at = indexOf(json, marker) + marker.length;
    byte[] bytes = new byte[json.length + 1];
    System.arraycopy(json, 0, bytes, 0, at);
    bytes[at] = (byte) 0xFF;
    System.arraycopy(json, at, bytes, at + 1, json.length - at);
    return bytes;
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    throw new IllegalStateException(
        "no " + new String(needle, StandardCharsets.UTF_8) + " in the order JSON");
  }

  private static ObjectNode wrongType(Order order, SplittableRandom random) {
    ObjectNode tree = Json.mapper().valueToTree(order);
    int line = random.nextInt(order.items().size());
    ObjectNode lineNode = (ObjectNode) tree.get("items").get(line);
    OrderLine orderLine = order.items().get(line);
    switch (random.nextInt(6)) {
      case 0 -> lineNode.put("quantity", Integer.toString(orderLine.quantity()));
      case 1 -> lineNode.put("unitPrice", orderLine.unitPrice().toPlainString());
      case 2 -> tree.put("createdAt", order.createdAt().toEpochMilli());
      case 3 ->
          tree.put("restaurantId", Integer.parseInt(order.restaurantId().replaceAll("\\D", "")));
      case 4 -> tree.set("items", lineNode.deepCopy());
      default ->
          tree.put(
              "deliveryAddress",
              order.deliveryAddress().street()
                  + ", "
                  + order.deliveryAddress().postalCode()
                  + " "
                  + order.deliveryAddress().city());
    }
    return tree;
  }

  private static ObjectNode missingField(Order order, SplittableRandom random) {
    ObjectNode tree = Json.mapper().valueToTree(order);
    ObjectNode lineNode = (ObjectNode) tree.get("items").get(random.nextInt(order.items().size()));
    ObjectNode address = (ObjectNode) tree.get("deliveryAddress");
    // Leave the field out, or write it as null: the contract treats both as missing.
    boolean asNull = random.nextBoolean();
    switch (random.nextInt(9)) {
      case 0 -> drop(tree, "customerId", asNull);
      case 1 -> drop(tree, "restaurantId", asNull);
      case 2 -> drop(tree, "items", asNull);
      case 3 -> drop(tree, "deliveryAddress", asNull);
      case 4 -> drop(tree, "createdAt", asNull);
      case 5 -> drop(address, "city", asNull);
      case 6 -> drop(lineNode, "menuItemId", asNull);
      case 7 -> drop(lineNode, "quantity", asNull);
      default -> drop(lineNode, "unitPrice", asNull);
    }
    return tree;
  }

  private static void drop(ObjectNode node, String field, boolean asNull) {
    if (asNull) {
      node.set(field, JsonNodeFactory.instance.nullNode());
    } else {
      node.remove(field);
    }
  }

  /**
   * An order with one value out of bounds (never the order id, so that the rejection keeps it): as
   * a producer that is not ours might write it.
   */
  private static Fault invalidValue(Order order, SplittableRandom random) {
    int line = random.nextInt(order.items().size());
    OrderLine original = order.items().get(line);
    Address address = order.deliveryAddress();
    return switch (random.nextInt(6)) {
      // PostgreSQL text cannot hold NUL.
      case 0 -> unreadable(withCustomerId(order, order.customerId() + "\u0000"));
      case 1 -> unreadable(withCustomerId(order, "c".repeat(InputLimits.MAX_ID_CHARS + 1)));
      case 2 ->
          unreadable(
              withAddress(
                  order,
                  new Address(
                      address.street() + "\u001b[2J", address.city(), address.postalCode())));
      case 3 ->
          unreadable(
              withLine(
                  order,
                  line,
                  new OrderLine(
                      original.menuItemId() + " ", original.quantity(), original.unitPrice())));
      case 4 ->
          unreadable(
              withLine(
                  order,
                  line,
                  new OrderLine(
                      original.menuItemId(),
                      original.quantity(),
                      original.unitPrice().add(new BigDecimal("0.001")))));
      // 12 bytes of JSON, a number of a billion digits; written as text, since no BigDecimal
      // of it should ever be formatted in plain.
      default -> hugeExponentPrice(order);
    };
  }

  private static Fault unreadable(Order order) {
    return new Fault(OrderJson.toBytes(order), null);
  }

  private static Fault hugeExponentPrice(Order order) {
    String json = new String(OrderJson.toBytes(order), StandardCharsets.UTF_8);
    String marker = "\"unitPrice\":";
    int start = json.indexOf(marker) + marker.length();
    int end = start;
    while (end < json.length() && "-0123456789.".indexOf(json.charAt(end)) >= 0) {
      end++;
    }
    return new Fault(
        (json.substring(0, start) + "1e999999999" + json.substring(end))
            .getBytes(StandardCharsets.UTF_8),
        null);
  }

  private String unknownRestaurantId(SplittableRandom random) {
    while (true) {
      String id =
          String.format(
              Locale.ROOT, "r-%03d", catalog.size() + 1 + random.nextInt(999 - catalog.size()));
      if (catalog.find(id).isEmpty()) {
        return id;
      }
    }
  }

  private Order unknownMenuItem(Order order, SplittableRandom random) {
    Restaurant restaurant = restaurantOf(order);
    int line = random.nextInt(order.items().size());
    OrderLine original = order.items().get(line);
    OrderLine replacement;
    if (catalog.size() > 1 && random.nextBoolean()) {
      // A dish of another restaurant, at that restaurant's price.
      Restaurant other = otherRestaurant(restaurant, random);
      MenuItem dish = other.menu().get(random.nextInt(other.menu().size()));
      replacement = new OrderLine(dish.menuItemId(), original.quantity(), dish.price());
    } else {
      // A dish number past the end of the menu, as a stale app would send.
      int number = restaurant.menu().size() + 1 + random.nextInt(99 - restaurant.menu().size());
      String id = String.format(Locale.ROOT, "%s-m%02d", restaurant.restaurantId(), number);
      replacement = new OrderLine(id, original.quantity(), original.unitPrice());
    }
    return withLine(order, line, replacement);
  }

  private Restaurant otherRestaurant(Restaurant restaurant, SplittableRandom random) {
    int index = catalog.restaurants().indexOf(restaurant);
    return catalog.get(index + 1 + random.nextInt(catalog.size() - 1));
  }

  private static Order priceMismatch(Order order, SplittableRandom random) {
    int line = random.nextInt(order.items().size());
    OrderLine original = order.items().get(line);
    BigDecimal price =
        original.unitPrice().add(new BigDecimal(PRICE_DELTAS[random.nextInt(PRICE_DELTAS.length)]));
    return withLine(order, line, new OrderLine(original.menuItemId(), original.quantity(), price));
  }

  private static Order badQuantity(Order order, SplittableRandom random) {
    int line = random.nextInt(order.items().size());
    OrderLine original = order.items().get(line);
    int quantity = BAD_QUANTITIES[random.nextInt(BAD_QUANTITIES.length)];
    return withLine(
        order, line, new OrderLine(original.menuItemId(), quantity, original.unitPrice()));
  }

  private Fault oversized(Order order, SplittableRandom random) {
    if (random.nextBoolean()) {
      // Too many lines: every line valid, the order too long.
      int lines = OVERSIZED_MIN_LINES + random.nextInt(10);
      return Fault.of(
          withLines(order, ValidOrders.distinctLines(restaurantOf(order), lines, random)));
    }
    // Too many bytes: a valid order with a note longer than the record size limit.
    ObjectNode tree = Json.mapper().valueToTree(order);
    String sentence = "Please ring the bell twice and leave it at the door. ";
    tree.put("note", sentence.repeat(OVERSIZED_MIN_BYTES / sentence.length() + 1));
    return Fault.ofTree(tree);
  }

  private Restaurant restaurantOf(Order order) {
    return catalog
        .find(order.restaurantId())
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "order " + order.orderId() + " names no catalogue restaurant"));
  }

  private static Order withLine(Order order, int index, OrderLine line) {
    List<OrderLine> lines = new ArrayList<>(order.items());
    lines.set(index, line);
    return withLines(order, lines);
  }

  private static Order withLines(Order order, List<OrderLine> lines) {
    return new Order(
        order.orderId(),
        order.customerId(),
        order.restaurantId(),
        lines,
        order.deliveryAddress(),
        order.createdAt());
  }

  private static Order withCustomerId(Order order, String customerId) {
    return new Order(
        order.orderId(),
        customerId,
        order.restaurantId(),
        order.items(),
        order.deliveryAddress(),
        order.createdAt());
  }

  private static Order withAddress(Order order, Address address) {
    return new Order(
        order.orderId(),
        order.customerId(),
        order.restaurantId(),
        order.items(),
        address,
        order.createdAt());
  }

  private static Order withRestaurantId(Order order, String restaurantId) {
    return new Order(
        order.orderId(),
        order.customerId(),
        restaurantId,
        order.items(),
        order.deliveryAddress(),
        order.createdAt());
  }
}
