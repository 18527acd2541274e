package dev.foodpipeline.model.topics;

import dev.foodpipeline.model.Notification;
import dev.foodpipeline.model.OrderItemKey;
import dev.foodpipeline.model.OrderKey;
import dev.foodpipeline.model.ProcessedItem;
import dev.foodpipeline.model.ProcessedOrder;
import dev.foodpipeline.model.RejectedOrder;
import dev.foodpipeline.model.RejectionKey;
import dev.foodpipeline.model.Restaurant;
import dev.foodpipeline.model.RestaurantStats;
import dev.foodpipeline.model.RestaurantStatsKey;
import dev.foodpipeline.model.connect.ConnectJsonSerde;
import dev.foodpipeline.model.connect.ConnectMappings;
import dev.foodpipeline.model.json.JsonSerde;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.Serdes;

/** Every topic of the pipeline, with its serdes. Created explicitly, never by auto-create. */
public final class Topics {
  private Topics() {}

  /** Restaurant reference data, compacted: the latest entry per restaurant id is kept forever. */
  public static final Topic<String, Restaurant> RESTAURANTS =
      new Topic<>(
          "restaurants",
          1,
          Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT),
          Serdes.String(),
          new JsonSerde<>(Restaurant.class));

  /**
   * Raw orders as any producer wrote them (key = order id). The value is bytes: reading it is the
   * Streams app's job, so that a corrupt record becomes a rejection instead of an exception.
   */
  public static final Topic<String, byte[]> FOOD_ORDERS =
      new Topic<>("food-orders", 3, Map.of(), Serdes.String(), Serdes.ByteArray());

  public static final Topic<OrderKey, ProcessedOrder> FOOD_ORDERS_PROCESSED =
      new Topic<>(
          "food-orders-processed",
          3,
          Map.of(),
          ConnectJsonSerde.of(ConnectMappings.ORDER_KEY),
          ConnectJsonSerde.of(ConnectMappings.PROCESSED_ORDER));

  public static final Topic<OrderItemKey, ProcessedItem> FOOD_ORDER_ITEMS =
      new Topic<>(
          "food-order-items",
          3,
          Map.of(),
          ConnectJsonSerde.of(ConnectMappings.ORDER_ITEM_KEY),
          ConnectJsonSerde.of(ConnectMappings.PROCESSED_ITEM));

  public static final Topic<RejectionKey, RejectedOrder> FOOD_ORDERS_REJECTED =
      new Topic<>(
          "food-orders-rejected",
          3,
          Map.of(),
          ConnectJsonSerde.of(ConnectMappings.REJECTION_KEY),
          ConnectJsonSerde.of(ConnectMappings.REJECTED_ORDER));

  /**
   * Per restaurant and 1-minute window, the count and revenue of accepted orders: the Streams app's
   * final result once a window has closed (key = restaurant id + window start).
   */
  public static final Topic<RestaurantStatsKey, RestaurantStats> RESTAURANT_STATS =
      new Topic<>(
          "restaurant-stats",
          3,
          Map.of(),
          ConnectJsonSerde.of(ConnectMappings.RESTAURANT_STATS_KEY),
          ConnectJsonSerde.of(ConnectMappings.RESTAURANT_STATS));

  /**
   * What the notification service tells customers and restaurants (key = the recipient's id: a
   * customer id, or a restaurant id for the kitchen notifications), written exactly-once.
   */
  public static final Topic<String, Notification> ORDER_NOTIFICATIONS =
      new Topic<>(
          "order-notifications",
          3,
          Map.of(),
          Serdes.String(),
          ConnectJsonSerde.of(ConnectMappings.NOTIFICATION));

  /**
   * Records the JDBC sinks could not convert (not JSON, a field missing or of the wrong type), as
   * they came, with {@code __connect.errors.*} headers naming their origin: Kafka Connect writes
   * them here ({@code errors.deadletterqueue.topic.name} of connect/connectors/*.json). One
   * partition, as Connect would create it.
   */
  public static final Topic<byte[], byte[]> FOOD_SINK_DLQ =
      new Topic<>("food-sink-dlq", 1, Map.of(), Serdes.ByteArray(), Serdes.ByteArray());

  /** All topics, in the order they are created. */
  public static List<Topic<?, ?>> all() {
    return List.of(
        RESTAURANTS,
        FOOD_ORDERS,
        FOOD_ORDERS_PROCESSED,
        FOOD_ORDER_ITEMS,
        FOOD_ORDERS_REJECTED,
        RESTAURANT_STATS,
        ORDER_NOTIFICATIONS,
        FOOD_SINK_DLQ);
  }
}
