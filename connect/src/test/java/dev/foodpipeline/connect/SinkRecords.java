package dev.foodpipeline.connect;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Date;
import java.util.Map;

import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.json.JsonConverter;

/**
 * Records of the four sink topics in the shape the Streams app writes them: Connect structs
 * serialised by JsonConverter with schemas, decimals as NUMERIC with scale 2, timestamps as the
 * Timestamp logical type. The value repeats the key's fields.
 */
final class SinkRecords {

    static final String ORDERS_TOPIC = "food-orders-processed";
    static final String ITEMS_TOPIC = "food-order-items";
    static final String REJECTED_TOPIC = "food-orders-rejected";
    static final String STATS_TOPIC = "restaurant-stats";

    static final Schema MONEY = Decimal.schema(2);

    static final Schema ORDER_KEY = SchemaBuilder.struct().name("dev.foodpipeline.ProcessedOrderKey")
            .field("order_id", Schema.STRING_SCHEMA).build();
    static final Schema ORDER_VALUE = SchemaBuilder.struct().name("dev.foodpipeline.ProcessedOrder")
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
            .field("created_at", Timestamp.SCHEMA)
            .field("estimated_ready_at", Timestamp.SCHEMA)
            .field("processed_at", Timestamp.SCHEMA)
            .field("source_partition", Schema.INT32_SCHEMA)
            .field("source_offset", Schema.INT64_SCHEMA)
            .build();

    static final Schema ITEM_KEY = SchemaBuilder.struct().name("dev.foodpipeline.OrderItemKey")
            .field("order_id", Schema.STRING_SCHEMA)
            .field("line_no", Schema.INT32_SCHEMA).build();
    static final Schema ITEM_VALUE = SchemaBuilder.struct().name("dev.foodpipeline.OrderItem")
            .field("order_id", Schema.STRING_SCHEMA)
            .field("line_no", Schema.INT32_SCHEMA)
            .field("menu_item_id", Schema.STRING_SCHEMA)
            .field("item_name", Schema.STRING_SCHEMA)
            .field("quantity", Schema.INT32_SCHEMA)
            .field("unit_price", MONEY)
            .field("line_total", MONEY)
            .build();

    static final Schema REJECTED_KEY = SchemaBuilder.struct().name("dev.foodpipeline.RejectedOrderKey")
            .field("source_topic", Schema.STRING_SCHEMA)
            .field("source_partition", Schema.INT32_SCHEMA)
            .field("source_offset", Schema.INT64_SCHEMA).build();
    static final Schema REJECTED_VALUE = SchemaBuilder.struct().name("dev.foodpipeline.RejectedOrder")
            .field("source_topic", Schema.STRING_SCHEMA)
            .field("source_partition", Schema.INT32_SCHEMA)
            .field("source_offset", Schema.INT64_SCHEMA)
            .field("order_id", Schema.OPTIONAL_STRING_SCHEMA)
            .field("reason_code", Schema.STRING_SCHEMA)
            .field("reason", Schema.STRING_SCHEMA)
            .field("raw", Schema.OPTIONAL_STRING_SCHEMA)
            .field("rejected_at", Timestamp.builder().optional().build())
            .build();

    static final Schema STATS_KEY = SchemaBuilder.struct().name("dev.foodpipeline.RestaurantStatsKey")
            .field("restaurant_id", Schema.STRING_SCHEMA)
            .field("window_start", Timestamp.SCHEMA).build();
    static final Schema STATS_VALUE = SchemaBuilder.struct().name("dev.foodpipeline.RestaurantStats")
            .field("restaurant_id", Schema.STRING_SCHEMA)
            .field("window_start", Timestamp.SCHEMA)
            .field("window_end", Timestamp.SCHEMA)
            .field("order_count", Schema.INT64_SCHEMA)
            .field("revenue", MONEY)
            .build();

    static final Instant CREATED_AT = Instant.parse("2026-03-01T12:00:00.123Z");

    private static final JsonConverter KEYS = converter(true);
    private static final JsonConverter VALUES = converter(false);

    private SinkRecords() {
    }

    /** Key and value bytes of one record. */
    record Serialized(byte[] key, byte[] value) {
    }

    static Serialized order(String orderId, String total) {
        Struct key = new Struct(ORDER_KEY).put("order_id", orderId);
        Struct value = new Struct(ORDER_VALUE)
                .put("order_id", orderId)
                .put("customer_id", "c-7")
                .put("restaurant_id", "r-1")
                .put("restaurant_name", "Pasta Place")
                .put("cuisine", "italian")
                .put("city", "Lisbon")
                .put("item_count", 3)
                .put("subtotal", money("19.50"))
                .put("tax", money("1.56"))
                .put("delivery_fee", money("2.39"))
                .put("total", money(total))
                .put("delivery_street", "Rua Augusta 1")
                .put("delivery_city", "Lisbon")
                .put("delivery_postal_code", "1100-048")
                .put("created_at", Date.from(CREATED_AT))
                .put("estimated_ready_at", Date.from(CREATED_AT.plusSeconds(1200)))
                .put("processed_at", Date.from(CREATED_AT.plusMillis(250)))
                .put("source_partition", 2)
                .put("source_offset", 12_345_678_901L);
        return serialize(ORDERS_TOPIC, key, value);
    }

    /** One restaurant's 1-minute window. */
    static Serialized stats(String restaurantId, Instant windowStart, long orderCount, String revenue) {
        Struct key = new Struct(STATS_KEY).put("restaurant_id", restaurantId).put("window_start", Date.from(windowStart));
        Struct value = new Struct(STATS_VALUE)
                .put("restaurant_id", restaurantId)
                .put("window_start", Date.from(windowStart))
                .put("window_end", Date.from(windowStart.plusSeconds(60)))
                .put("order_count", orderCount)
                .put("revenue", money(revenue));
        return serialize(STATS_TOPIC, key, value);
    }

    static Serialized item(String orderId, int lineNo, int quantity, String unitPrice) {
        Struct key = new Struct(ITEM_KEY).put("order_id", orderId).put("line_no", lineNo);
        BigDecimal price = new BigDecimal(unitPrice);
        Struct value = new Struct(ITEM_VALUE)
                .put("order_id", orderId)
                .put("line_no", lineNo)
                .put("menu_item_id", "m-" + lineNo)
                .put("item_name", "Item " + lineNo)
                .put("quantity", quantity)
                .put("unit_price", price)
                .put("line_total", price.multiply(BigDecimal.valueOf(quantity)));
        return serialize(ITEMS_TOPIC, key, value);
    }

    static Serialized rejected(long sourceOffset, String orderId, String raw) {
        return rejected(sourceOffset, orderId, raw, CREATED_AT.plusSeconds(1));
    }

    static Serialized rejected(long sourceOffset, String orderId, String raw, Instant rejectedAt) {
        Struct key = new Struct(REJECTED_KEY)
                .put("source_topic", "food-orders").put("source_partition", 1).put("source_offset", sourceOffset);
        Struct value = new Struct(REJECTED_VALUE)
                .put("source_topic", "food-orders")
                .put("source_partition", 1)
                .put("source_offset", sourceOffset)
                .put("order_id", orderId)
                .put("reason_code", "MALFORMED_JSON")
                .put("reason", "Unexpected end of input")
                .put("raw", raw)
                .put("rejected_at", rejectedAt == null ? null : Date.from(rejectedAt));
        return serialize(REJECTED_TOPIC, key, value);
    }

    static BigDecimal money(String amount) {
        return new BigDecimal(amount).setScale(2);
    }

    private static Serialized serialize(String topic, Struct key, Struct value) {
        return new Serialized(KEYS.fromConnectData(topic, key.schema(), key),
                VALUES.fromConnectData(topic, value.schema(), value));
    }

    private static JsonConverter converter(boolean isKey) {
        JsonConverter converter = new JsonConverter();
        converter.configure(Map.of("schemas.enable", "true", "decimal.format", "NUMERIC"), isKey);
        return converter;
    }
}
