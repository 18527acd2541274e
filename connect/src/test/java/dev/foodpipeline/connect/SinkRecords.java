package dev.foodpipeline.connect;

import dev.foodpipeline.model.Notification;
import dev.foodpipeline.model.OrderItemKey;
import dev.foodpipeline.model.OrderKey;
import dev.foodpipeline.model.ProcessedItem;
import dev.foodpipeline.model.ProcessedOrder;
import dev.foodpipeline.model.ReasonCode;
import dev.foodpipeline.model.RejectedOrder;
import dev.foodpipeline.model.RejectionKey;
import dev.foodpipeline.model.RestaurantStats;
import dev.foodpipeline.model.RestaurantStatsKey;
import dev.foodpipeline.model.topics.Topic;
import dev.foodpipeline.model.topics.Topics;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * Records of the five sink topics, serialised with the very serdes the Streams app uses ({@link
 * Topics}: compact JSON of Connect structs, read back by ContractConverter; exact decimals,
 * instants, values repeating their key's fields), so the sink is tested on the real contract.
 */
final class SinkRecords {

  static final String ORDERS_TOPIC = Topics.FOOD_ORDERS_PROCESSED.name();
  static final String ITEMS_TOPIC = Topics.FOOD_ORDER_ITEMS.name();
  static final String REJECTED_TOPIC = Topics.FOOD_ORDERS_REJECTED.name();
  static final String STATS_TOPIC = Topics.RESTAURANT_STATS.name();
  static final String NOTIFICATIONS_TOPIC = Topics.ORDER_NOTIFICATIONS.name();

  static final Instant CREATED_AT = Instant.parse("2026-03-01T12:00:00.123Z");

  private SinkRecords() {}

  /** Key and value bytes of one record. */
  record Serialized(byte[] key, byte[] value) {}

  static Serialized order(String orderId, String total) {
    ProcessedOrder order =
        new ProcessedOrder(
            orderId,
            "c-7",
            "r-1",
            "Pasta Place",
            "italian",
            "Lisbon",
            3,
            money("19.50"),
            money("1.56"),
            money("2.39"),
            money(total),
            "Rua Augusta 1",
            "Lisbon",
            "1100-048",
            CREATED_AT,
            CREATED_AT.plusSeconds(1200),
            CREATED_AT.plusMillis(250),
            2,
            12_345_678_901L);
    return serialize(Topics.FOOD_ORDERS_PROCESSED, new OrderKey(orderId), order);
  }

  /** One restaurant's 1-minute window. */
  static Serialized stats(
      String restaurantId, Instant windowStart, long orderCount, String revenue) {
    RestaurantStats stats =
        new RestaurantStats(
            restaurantId, windowStart, windowStart.plusSeconds(60), orderCount, money(revenue));
    return serialize(
        Topics.RESTAURANT_STATS, new RestaurantStatsKey(restaurantId, windowStart), stats);
  }

  static Serialized item(String orderId, int lineNo, int quantity, String unitPrice) {
    BigDecimal price = money(unitPrice);
    ProcessedItem item =
        new ProcessedItem(
            orderId,
            lineNo,
            "m-" + lineNo,
            "Item " + lineNo,
            quantity,
            price,
            price.multiply(BigDecimal.valueOf(quantity)));
    return serialize(Topics.FOOD_ORDER_ITEMS, new OrderItemKey(orderId, lineNo), item);
  }

  static Serialized rejected(long sourceOffset, String orderId, String raw) {
    return rejected(sourceOffset, orderId, raw, CREATED_AT.plusSeconds(1));
  }

  static Serialized rejected(long sourceOffset, String orderId, String raw, Instant rejectedAt) {
    RejectedOrder rejected =
        new RejectedOrder(
            "food-orders",
            1,
            sourceOffset,
            orderId,
            ReasonCode.MALFORMED_JSON,
            "Unexpected end of input",
            raw,
            rejectedAt);
    return serialize(Topics.FOOD_ORDERS_REJECTED, RejectionKey.of(rejected), rejected);
  }

  /** A notification, keyed by its recipient as the notification service writes it. */
  static Serialized notification(Notification notification) {
    return serialize(Topics.ORDER_NOTIFICATIONS, notification.recipientId(), notification);
  }

  static BigDecimal money(String amount) {
    return new BigDecimal(amount).setScale(2);
  }

  private static <K, V> Serialized serialize(Topic<K, V> topic, K key, V value) {
    return new Serialized(
        topic.keySerde().serializer().serialize(topic.name(), key),
        topic.valueSerde().serializer().serialize(topic.name(), value));
  }
}
