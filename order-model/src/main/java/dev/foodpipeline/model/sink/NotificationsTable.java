package dev.foodpipeline.model.sink;

import static dev.foodpipeline.model.sink.ColumnType.BIGINT;
import static dev.foodpipeline.model.sink.ColumnType.MONEY;
import static dev.foodpipeline.model.sink.ColumnType.TEXT;
import static dev.foodpipeline.model.sink.ColumnType.TIMESTAMPTZ;

import dev.foodpipeline.model.Notification;
import dev.foodpipeline.model.NotificationType;
import dev.foodpipeline.model.topics.Topics;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * {@code notifications}: one row per notification, from {@code order-notifications}. The topic is
 * keyed by recipient (for partitioning), so the sink takes the primary key from the value.
 */
public final class NotificationsTable {
  private static final SinkTable.Builder COLUMNS =
      SinkTable.builder("notifications", () -> Topics.ORDER_NOTIFICATIONS).withWrittenAtIndex();

  public static final Column<String> NOTIFICATION_ID = COLUMNS.column("notification_id", TEXT);

  /** A {@link NotificationType}'s name. */
  public static final Column<String> TYPE = COLUMNS.column("type", TEXT);

  public static final Column<String> CUSTOMER_ID = COLUMNS.nullableColumn("customer_id", TEXT);
  public static final Column<String> RESTAURANT_ID = COLUMNS.nullableColumn("restaurant_id", TEXT);
  public static final Column<String> ORDER_ID = COLUMNS.nullableColumn("order_id", TEXT);
  public static final Column<String> MESSAGE = COLUMNS.column("message", TEXT);
  public static final Column<BigDecimal> TOTAL = COLUMNS.nullableColumn("total", MONEY);
  public static final Column<Instant> ESTIMATED_READY_AT =
      COLUMNS.nullableColumn("estimated_ready_at", TIMESTAMPTZ);
  public static final Column<String> REASON_CODE = COLUMNS.nullableColumn("reason_code", TEXT);
  public static final Column<Long> ORDERS_IN_WINDOW =
      COLUMNS.nullableColumn("orders_in_window", BIGINT);
  public static final Column<Long> CAPACITY = COLUMNS.nullableColumn("capacity", BIGINT);
  public static final Column<Instant> EVENT_AT = COLUMNS.column("event_at", TIMESTAMPTZ);
  public static final Column<Instant> NOTIFIED_AT = COLUMNS.column("notified_at", TIMESTAMPTZ);

  public static final SinkTable TABLE =
      COLUMNS.buildKeyedByValue(
          "dev.foodpipeline.Notification",
          List.of(
              "notifications: one row per notification the notification service made: to a"
                  + " customer (ORDER_*)",
              "or to a restaurant (KITCHEN_*); columns a type does not use are NULL."),
          NOTIFICATION_ID);

  private NotificationsTable() {}

  public static void write(Notification n, RowWriter row) {
    row.put(NOTIFICATION_ID, n.notificationId())
        .put(TYPE, n.type().name())
        .put(CUSTOMER_ID, n.customerId())
        .put(RESTAURANT_ID, n.restaurantId())
        .put(ORDER_ID, n.orderId())
        .put(MESSAGE, n.message())
        .put(TOTAL, n.total())
        .put(ESTIMATED_READY_AT, n.estimatedReadyAt())
        .put(REASON_CODE, n.reasonCode())
        .put(ORDERS_IN_WINDOW, n.ordersInWindow())
        .put(CAPACITY, n.capacity())
        .put(EVENT_AT, n.eventAt())
        .put(NOTIFIED_AT, n.notifiedAt());
  }

  public static Notification read(Row row) {
    return new Notification(
        row.get(NOTIFICATION_ID),
        NotificationType.valueOf(row.get(TYPE)),
        row.get(CUSTOMER_ID),
        row.get(RESTAURANT_ID),
        row.get(ORDER_ID),
        row.get(MESSAGE),
        row.get(TOTAL),
        row.get(ESTIMATED_READY_AT),
        row.get(REASON_CODE),
        row.get(ORDERS_IN_WINDOW),
        row.get(CAPACITY),
        row.get(EVENT_AT),
        row.get(NOTIFIED_AT));
  }
}
