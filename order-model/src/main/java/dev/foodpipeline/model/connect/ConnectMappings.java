package dev.foodpipeline.model.connect;

import dev.foodpipeline.model.OrderItemKey;
import dev.foodpipeline.model.OrderKey;
import dev.foodpipeline.model.ProcessedItem;
import dev.foodpipeline.model.ProcessedOrder;
import dev.foodpipeline.model.ReasonCode;
import dev.foodpipeline.model.RejectedOrder;
import dev.foodpipeline.model.RejectionKey;
import dev.foodpipeline.model.RestaurantStats;
import dev.foodpipeline.model.RestaurantStatsKey;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Date;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Timestamp;

/**
 * The Connect schemas of the processed topics. Field names are the PostgreSQL column names
 * (snake_case); money is the Connect {@code Decimal} type with scale 2, times are the Connect
 * {@code Timestamp} type. Values repeat their key fields so that a topic is readable on its own.
 */
public final class ConnectMappings {
  private static final Schema MONEY = Decimal.builder(2).build();
  private static final Schema TIMESTAMP = Timestamp.SCHEMA;
  private static final Schema OPTIONAL_TIMESTAMP = Timestamp.builder().optional().build();

  private ConnectMappings() {}

  public static final ConnectMapping<OrderKey> ORDER_KEY =
      ConnectMapping.of(
          SchemaBuilder.struct()
              .name("dev.foodpipeline.OrderKey")
              .field("order_id", Schema.STRING_SCHEMA)
              .build(),
          (key, s) -> s.put("order_id", key.orderId()),
          s -> new OrderKey(s.getString("order_id")));

  public static final ConnectMapping<ProcessedOrder> PROCESSED_ORDER =
      ConnectMapping.of(
          SchemaBuilder.struct()
              .name("dev.foodpipeline.ProcessedOrder")
              .field("order_id", Schema.STRING_SCHEMA)
              .field("customer_id", Schema.STRING_SCHEMA)
              .field("restaurant_id", Schema.STRING_SCHEMA)
              .field("restaurant_name", Schema.STRING_SCHEMA)
              .field("cuisine", Schema.STRING_SCHEMA)
              .field("city", Schema.STRING_SCHEMA)
              .field("item_count", Schema.INT32_SCHEMA)
              .field("subtotal", MONEY)
              .field("tax", MONEY)
              .field("delivery_fee", MONEY)
              .field("total", MONEY)
              .field("delivery_street", Schema.STRING_SCHEMA)
              .field("delivery_city", Schema.STRING_SCHEMA)
              .field("delivery_postal_code", Schema.STRING_SCHEMA)
              .field("created_at", TIMESTAMP)
              .field("estimated_ready_at", TIMESTAMP)
              .field("processed_at", TIMESTAMP)
              .field("source_partition", Schema.INT32_SCHEMA)
              .field("source_offset", Schema.INT64_SCHEMA)
              .build(),
          (o, s) ->
              s.put("order_id", o.orderId())
                  .put("customer_id", o.customerId())
                  .put("restaurant_id", o.restaurantId())
                  .put("restaurant_name", o.restaurantName())
                  .put("cuisine", o.cuisine())
                  .put("city", o.city())
                  .put("item_count", o.itemCount())
                  .put("subtotal", o.subtotal())
                  .put("tax", o.tax())
                  .put("delivery_fee", o.deliveryFee())
                  .put("total", o.total())
                  .put("delivery_street", o.deliveryStreet())
                  .put("delivery_city", o.deliveryCity())
                  .put("delivery_postal_code", o.deliveryPostalCode())
                  .put("created_at", date(o.createdAt()))
                  .put("estimated_ready_at", date(o.estimatedReadyAt()))
                  .put("processed_at", date(o.processedAt()))
                  .put("source_partition", o.sourcePartition())
                  .put("source_offset", o.sourceOffset()),
          s ->
              new ProcessedOrder(
                  s.getString("order_id"),
                  s.getString("customer_id"),
                  s.getString("restaurant_id"),
                  s.getString("restaurant_name"),
                  s.getString("cuisine"),
                  s.getString("city"),
                  s.getInt32("item_count"),
                  (BigDecimal) s.get("subtotal"),
                  (BigDecimal) s.get("tax"),
                  (BigDecimal) s.get("delivery_fee"),
                  (BigDecimal) s.get("total"),
                  s.getString("delivery_street"),
                  s.getString("delivery_city"),
                  s.getString("delivery_postal_code"),
                  instant(s, "created_at"),
                  instant(s, "estimated_ready_at"),
                  instant(s, "processed_at"),
                  s.getInt32("source_partition"),
                  s.getInt64("source_offset")));

  public static final ConnectMapping<OrderItemKey> ORDER_ITEM_KEY =
      ConnectMapping.of(
          SchemaBuilder.struct()
              .name("dev.foodpipeline.OrderItemKey")
              .field("order_id", Schema.STRING_SCHEMA)
              .field("line_no", Schema.INT32_SCHEMA)
              .build(),
          (key, s) -> s.put("order_id", key.orderId()).put("line_no", key.lineNo()),
          s -> new OrderItemKey(s.getString("order_id"), s.getInt32("line_no")));

  public static final ConnectMapping<ProcessedItem> PROCESSED_ITEM =
      ConnectMapping.of(
          SchemaBuilder.struct()
              .name("dev.foodpipeline.ProcessedItem")
              .field("order_id", Schema.STRING_SCHEMA)
              .field("line_no", Schema.INT32_SCHEMA)
              .field("menu_item_id", Schema.STRING_SCHEMA)
              .field("item_name", Schema.STRING_SCHEMA)
              .field("quantity", Schema.INT32_SCHEMA)
              .field("unit_price", MONEY)
              .field("line_total", MONEY)
              .build(),
          (i, s) ->
              s.put("order_id", i.orderId())
                  .put("line_no", i.lineNo())
                  .put("menu_item_id", i.menuItemId())
                  .put("item_name", i.itemName())
                  .put("quantity", i.quantity())
                  .put("unit_price", i.unitPrice())
                  .put("line_total", i.lineTotal()),
          s ->
              new ProcessedItem(
                  s.getString("order_id"),
                  s.getInt32("line_no"),
                  s.getString("menu_item_id"),
                  s.getString("item_name"),
                  s.getInt32("quantity"),
                  (BigDecimal) s.get("unit_price"),
                  (BigDecimal) s.get("line_total")));

  public static final ConnectMapping<RejectionKey> REJECTION_KEY =
      ConnectMapping.of(
          SchemaBuilder.struct()
              .name("dev.foodpipeline.RejectionKey")
              .field("source_topic", Schema.STRING_SCHEMA)
              .field("source_partition", Schema.INT32_SCHEMA)
              .field("source_offset", Schema.INT64_SCHEMA)
              .build(),
          (key, s) ->
              s.put("source_topic", key.sourceTopic())
                  .put("source_partition", key.sourcePartition())
                  .put("source_offset", key.sourceOffset()),
          s ->
              new RejectionKey(
                  s.getString("source_topic"),
                  s.getInt32("source_partition"),
                  s.getInt64("source_offset")));

  public static final ConnectMapping<RejectedOrder> REJECTED_ORDER =
      ConnectMapping.of(
          SchemaBuilder.struct()
              .name("dev.foodpipeline.RejectedOrder")
              .field("source_topic", Schema.STRING_SCHEMA)
              .field("source_partition", Schema.INT32_SCHEMA)
              .field("source_offset", Schema.INT64_SCHEMA)
              .field("order_id", Schema.OPTIONAL_STRING_SCHEMA)
              .field("reason_code", Schema.STRING_SCHEMA)
              .field("reason", Schema.STRING_SCHEMA)
              .field("raw", Schema.OPTIONAL_STRING_SCHEMA)
              .field("rejected_at", OPTIONAL_TIMESTAMP)
              .build(),
          (r, s) ->
              s.put("source_topic", r.sourceTopic())
                  .put("source_partition", r.sourcePartition())
                  .put("source_offset", r.sourceOffset())
                  .put("order_id", r.orderId())
                  .put("reason_code", r.reasonCode().name())
                  .put("reason", r.reason())
                  .put("raw", r.raw())
                  .put("rejected_at", date(r.rejectedAt())),
          s ->
              new RejectedOrder(
                  s.getString("source_topic"),
                  s.getInt32("source_partition"),
                  s.getInt64("source_offset"),
                  s.getString("order_id"),
                  ReasonCode.valueOf(s.getString("reason_code")),
                  s.getString("reason"),
                  s.getString("raw"),
                  instant(s, "rejected_at")));

  public static final ConnectMapping<RestaurantStatsKey> RESTAURANT_STATS_KEY =
      ConnectMapping.of(
          SchemaBuilder.struct()
              .name("dev.foodpipeline.RestaurantStatsKey")
              .field("restaurant_id", Schema.STRING_SCHEMA)
              .field("window_start", TIMESTAMP)
              .build(),
          (key, s) ->
              s.put("restaurant_id", key.restaurantId())
                  .put("window_start", date(key.windowStart())),
          s -> new RestaurantStatsKey(s.getString("restaurant_id"), instant(s, "window_start")));

  public static final ConnectMapping<RestaurantStats> RESTAURANT_STATS =
      ConnectMapping.of(
          SchemaBuilder.struct()
              .name("dev.foodpipeline.RestaurantStats")
              .field("restaurant_id", Schema.STRING_SCHEMA)
              .field("window_start", TIMESTAMP)
              .field("window_end", TIMESTAMP)
              .field("order_count", Schema.INT64_SCHEMA)
              .field("revenue", MONEY)
              .build(),
          (stats, s) ->
              s.put("restaurant_id", stats.restaurantId())
                  .put("window_start", date(stats.windowStart()))
                  .put("window_end", date(stats.windowEnd()))
                  .put("order_count", stats.orderCount())
                  .put("revenue", stats.revenue()),
          s ->
              new RestaurantStats(
                  s.getString("restaurant_id"),
                  instant(s, "window_start"),
                  instant(s, "window_end"),
                  s.getInt64("order_count"),
                  (BigDecimal) s.get("revenue")));

  private static Date date(Instant instant) {
    return instant == null ? null : Date.from(instant);
  }

  private static Instant instant(Struct struct, String field) {
    Date date = (Date) struct.get(field);
    return date == null ? null : date.toInstant();
  }
}
