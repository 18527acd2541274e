package dev.foodpipeline.sink;

import dev.foodpipeline.model.Notification;
import dev.foodpipeline.model.ProcessedItem;
import dev.foodpipeline.model.ProcessedOrder;
import java.util.Collection;
import java.util.List;

/**
 * Reads what the JDBC sink wrote for a range of order ids: rows of {@code orders}, {@code
 * order_items}, {@code rejected_orders} and the customers' {@code notifications}. Every range
 * passed in has ends with the same number of digits, so one {@code BETWEEN} selects it. A table
 * that does not exist yet reads as empty.
 */
public interface SinkTables extends AutoCloseable {

  /**
   * Order ids from {@code lowId} to {@code highId}, which sort as their numbers do (the same number
   * of digits): one SQL {@code BETWEEN}.
   */
  interface IdRange {
    String lowId();

    String highId();
  }

  /**
   * Rows per table for a range; {@code notifications} counts the customers' notifications ({@code
   * ORDER_*}) that name an order id of the range.
   */
  record Counts(long orders, long items, long rejections, long notifications) {
    public static final Counts NONE = new Counts(0, 0, 0, 0);

    /** Counts of the three order tables, no notification. */
    public Counts(long orders, long items, long rejections) {
      this(orders, items, rejections, 0);
    }

    public Counts plus(Counts other) {
      return new Counts(
          orders + other.orders,
          items + other.items,
          rejections + other.rejections,
          notifications + other.notifications);
    }

    public Counts withNotifications(long count) {
      return new Counts(orders, items, rejections, count);
    }
  }

  /** How many rows each table has for the range's ids. */
  Counts count(IdRange range);

  /**
   * The {@code orders} rows of the range's ids ({@code processedAt}, {@code sourceOffset} as
   * stored).
   */
  List<ProcessedOrder> orders(IdRange range);

  List<ProcessedItem> items(IdRange range);

  /** The {@code rejected_orders} rows whose order id is in the range (their raw text left out). */
  List<RejectionRow> rejections(IdRange range);

  /**
   * The {@code rejected_orders} rows whose order id is in the range, with their raw text (which
   * says whom a rejection is told about: {@code RejectedCustomer}).
   */
  List<RejectionRow> rejectionsWithRaw(IdRange range);

  /**
   * The customers' {@code notifications} rows ({@code ORDER_CONFIRMED}, {@code ORDER_REJECTED})
   * whose order id is in the range.
   */
  List<Notification> customerNotifications(IdRange range);

  /** The {@code notifications} rows of these notification ids (none for an empty collection). */
  List<Notification> notificationsNamed(Collection<String> notificationIds);

  /**
   * The {@code rejected_orders} rows without an order id whose raw text may hold one of this
   * prefix: text that contains it, or bytes kept as {@code base64:}.
   */
  List<RejectionRow> rejectionsWithoutOrderId(String idPrefix);

  /** Where the tables are, for messages: {@code PostgreSQL at jdbc:postgresql://…}. */
  String describe();

  @Override
  void close();
}
