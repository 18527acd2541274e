package dev.foodpipeline.generator;

import dev.foodpipeline.model.Address;
import dev.foodpipeline.model.Order;
import dev.foodpipeline.model.OrderLine;
import dev.foodpipeline.model.json.Json;
import java.nio.charset.StandardCharsets;

/**
 * The JSON bytes of an order, exactly those order-model's {@link Json#toBytes(Object)} writes (the
 * record's fields in declaration order, prices as plain decimals, {@code createdAt} in ISO-8601),
 * by appending them to a buffer instead of Jackson's reflective record serialisation, which took
 * most of the time it takes to make an order. Text that would need escaping (a quote, a backslash,
 * a control or non-ASCII character) goes to Jackson, so the bytes are always Jackson's; {@code
 * OrderJsonTest} compares both over thousands of orders.
 */
final class OrderJson {
  private OrderJson() {}

  static byte[] toBytes(Order order) {
    if (!plain(order)) {
      return Json.toBytes(order);
    }
    StringBuilder json = new StringBuilder(128 + 64 * order.items().size());
    json.append("{\"orderId\":\"")
        .append(order.orderId())
        .append("\",\"customerId\":\"")
        .append(order.customerId())
        .append("\",\"restaurantId\":\"")
        .append(order.restaurantId())
        .append("\",\"items\":[");
    for (int i = 0; i < order.items().size(); i++) {
      OrderLine line = order.items().get(i);
      json.append(i == 0 ? "{\"menuItemId\":\"" : ",{\"menuItemId\":\"")
          .append(line.menuItemId())
          .append("\",\"quantity\":")
          .append(line.quantity())
          .append(",\"unitPrice\":")
          .append(line.unitPrice().toPlainString())
          .append('}');
    }
    Address address = order.deliveryAddress();
    json.append("],\"deliveryAddress\":{\"street\":\"")
        .append(address.street())
        .append("\",\"city\":\"")
        .append(address.city())
        .append("\",\"postalCode\":\"")
        .append(address.postalCode())
        .append("\"},\"createdAt\":\"")
        .append(order.createdAt())
        .append("\"}");
    return json.toString().getBytes(StandardCharsets.US_ASCII);
  }

  /** True when no text of the order needs escaping in JSON. */
  private static boolean plain(Order order) {
    if (!plain(order.orderId()) || !plain(order.customerId()) || !plain(order.restaurantId())) {
      return false;
    }
    for (OrderLine line : order.items()) {
      if (!plain(line.menuItemId())) {
        return false;
      }
    }
    Address address = order.deliveryAddress();
    return plain(address.street()) && plain(address.city()) && plain(address.postalCode());
  }

  private static boolean plain(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 || c > 0x7E || c == '"' || c == '\\') {
        return false;
      }
    }
    return true;
  }
}
