package dev.foodpipeline.model.sink;

import static dev.foodpipeline.model.sink.ColumnType.BIGINT;
import static dev.foodpipeline.model.sink.ColumnType.INTEGER;
import static dev.foodpipeline.model.sink.ColumnType.MONEY;
import static dev.foodpipeline.model.sink.ColumnType.TEXT;
import static dev.foodpipeline.model.sink.ColumnType.TIMESTAMPTZ;

import dev.foodpipeline.model.OrderKey;
import dev.foodpipeline.model.ProcessedOrder;
import dev.foodpipeline.model.topics.Topics;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** {@code orders}: one row per accepted order, from {@code food-orders-processed}. */
public final class OrdersTable {
  private static final SinkTable.Builder COLUMNS =
      SinkTable.builder("orders", () -> Topics.FOOD_ORDERS_PROCESSED).withWrittenAtIndex();

  public static final Column<String> ORDER_ID = COLUMNS.column("order_id", TEXT);
  public static final Column<String> CUSTOMER_ID = COLUMNS.column("customer_id", TEXT);
  public static final Column<String> RESTAURANT_ID = COLUMNS.column("restaurant_id", TEXT);
  public static final Column<String> RESTAURANT_NAME = COLUMNS.column("restaurant_name", TEXT);
  public static final Column<String> CUISINE = COLUMNS.column("cuisine", TEXT);
  public static final Column<String> CITY = COLUMNS.column("city", TEXT);
  public static final Column<Integer> ITEM_COUNT = COLUMNS.column("item_count", INTEGER);
  public static final Column<BigDecimal> SUBTOTAL = COLUMNS.column("subtotal", MONEY);
  public static final Column<BigDecimal> TAX = COLUMNS.column("tax", MONEY);
  public static final Column<BigDecimal> DELIVERY_FEE = COLUMNS.column("delivery_fee", MONEY);
  public static final Column<BigDecimal> TOTAL = COLUMNS.column("total", MONEY);
  public static final Column<String> DELIVERY_STREET = COLUMNS.column("delivery_street", TEXT);
  public static final Column<String> DELIVERY_CITY = COLUMNS.column("delivery_city", TEXT);
  public static final Column<String> DELIVERY_POSTAL_CODE =
      COLUMNS.column("delivery_postal_code", TEXT);
  public static final Column<Instant> CREATED_AT = COLUMNS.column("created_at", TIMESTAMPTZ);
  public static final Column<Instant> ESTIMATED_READY_AT =
      COLUMNS.column("estimated_ready_at", TIMESTAMPTZ);
  public static final Column<Instant> PROCESSED_AT = COLUMNS.column("processed_at", TIMESTAMPTZ);
  public static final Column<Integer> SOURCE_PARTITION =
      COLUMNS.column("source_partition", INTEGER);
  public static final Column<Long> SOURCE_OFFSET = COLUMNS.column("source_offset", BIGINT);

  public static final SinkTable TABLE =
      COLUMNS.build(
          "dev.foodpipeline.OrderKey",
          "dev.foodpipeline.ProcessedOrder",
          List.of("orders: one row per accepted order, enriched."),
          ORDER_ID);

  private OrdersTable() {}

  public static void write(ProcessedOrder o, RowWriter row) {
    row.put(ORDER_ID, o.orderId())
        .put(CUSTOMER_ID, o.customerId())
        .put(RESTAURANT_ID, o.restaurantId())
        .put(RESTAURANT_NAME, o.restaurantName())
        .put(CUISINE, o.cuisine())
        .put(CITY, o.city())
        .put(ITEM_COUNT, o.itemCount())
        .put(SUBTOTAL, o.subtotal())
        .put(TAX, o.tax())
        .put(DELIVERY_FEE, o.deliveryFee())
        .put(TOTAL, o.total())
        .put(DELIVERY_STREET, o.deliveryStreet())
        .put(DELIVERY_CITY, o.deliveryCity())
        .put(DELIVERY_POSTAL_CODE, o.deliveryPostalCode())
        .put(CREATED_AT, o.createdAt())
        .put(ESTIMATED_READY_AT, o.estimatedReadyAt())
        .put(PROCESSED_AT, o.processedAt())
        .put(SOURCE_PARTITION, o.sourcePartition())
        .put(SOURCE_OFFSET, o.sourceOffset());
  }

  public static ProcessedOrder read(Row row) {
    return new ProcessedOrder(
        row.get(ORDER_ID),
        row.get(CUSTOMER_ID),
        row.get(RESTAURANT_ID),
        row.get(RESTAURANT_NAME),
        row.get(CUISINE),
        row.get(CITY),
        row.get(ITEM_COUNT),
        row.get(SUBTOTAL),
        row.get(TAX),
        row.get(DELIVERY_FEE),
        row.get(TOTAL),
        row.get(DELIVERY_STREET),
        row.get(DELIVERY_CITY),
        row.get(DELIVERY_POSTAL_CODE),
        row.get(CREATED_AT),
        row.get(ESTIMATED_READY_AT),
        row.get(PROCESSED_AT),
        row.get(SOURCE_PARTITION),
        row.get(SOURCE_OFFSET));
  }

  public static void writeKey(OrderKey key, RowWriter row) {
    row.put(ORDER_ID, key.orderId());
  }

  public static OrderKey readKey(Row row) {
    return new OrderKey(row.get(ORDER_ID));
  }
}
