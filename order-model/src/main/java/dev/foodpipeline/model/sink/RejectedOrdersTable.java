package dev.foodpipeline.model.sink;

import static dev.foodpipeline.model.sink.ColumnType.BIGINT;
import static dev.foodpipeline.model.sink.ColumnType.INTEGER;
import static dev.foodpipeline.model.sink.ColumnType.TEXT;
import static dev.foodpipeline.model.sink.ColumnType.TIMESTAMPTZ;

import dev.foodpipeline.model.ReasonCode;
import dev.foodpipeline.model.RejectedOrder;
import dev.foodpipeline.model.RejectionKey;
import dev.foodpipeline.model.topics.Topics;
import java.time.Instant;
import java.util.List;

/**
 * {@code rejected_orders}: one row per rejected input record, from {@code food-orders-rejected},
 * keyed by where the record was.
 */
public final class RejectedOrdersTable {
  private static final SinkTable.Builder COLUMNS =
      SinkTable.builder("rejected_orders", () -> Topics.FOOD_ORDERS_REJECTED).withWrittenAtIndex();

  public static final Column<String> SOURCE_TOPIC = COLUMNS.column("source_topic", TEXT);
  public static final Column<Integer> SOURCE_PARTITION =
      COLUMNS.column("source_partition", INTEGER);
  public static final Column<Long> SOURCE_OFFSET = COLUMNS.column("source_offset", BIGINT);

  /** Null when the record had no readable order id. */
  public static final Column<String> ORDER_ID = COLUMNS.nullableColumn("order_id", TEXT);

  /** A {@link ReasonCode}'s name. */
  public static final Column<String> REASON_CODE = COLUMNS.column("reason_code", TEXT);

  public static final Column<String> REASON = COLUMNS.column("reason", TEXT);

  /** The record's bytes as text, or {@code base64:...} when they are not text; null when none. */
  public static final Column<String> RAW = COLUMNS.nullableColumn("raw", TEXT);

  public static final Column<Instant> REJECTED_AT =
      COLUMNS.nullableColumn("rejected_at", TIMESTAMPTZ);

  public static final SinkTable TABLE =
      COLUMNS.build(
          "dev.foodpipeline.RejectionKey",
          "dev.foodpipeline.RejectedOrder",
          List.of(
              "rejected_orders: one row per rejected input record, with its reason and original"
                  + " text; order_id,",
              "raw and rejected_at are NULL when the record had none that could be read."),
          SOURCE_TOPIC,
          SOURCE_PARTITION,
          SOURCE_OFFSET);

  private RejectedOrdersTable() {}

  public static void write(RejectedOrder r, RowWriter row) {
    row.put(SOURCE_TOPIC, r.sourceTopic())
        .put(SOURCE_PARTITION, r.sourcePartition())
        .put(SOURCE_OFFSET, r.sourceOffset())
        .put(ORDER_ID, r.orderId())
        .put(REASON_CODE, r.reasonCode().name())
        .put(REASON, r.reason())
        .put(RAW, r.raw())
        .put(REJECTED_AT, r.rejectedAt());
  }

  public static RejectedOrder read(Row row) {
    return new RejectedOrder(
        row.get(SOURCE_TOPIC),
        row.get(SOURCE_PARTITION),
        row.get(SOURCE_OFFSET),
        row.get(ORDER_ID),
        ReasonCode.valueOf(row.get(REASON_CODE)),
        row.get(REASON),
        row.get(RAW),
        row.get(REJECTED_AT));
  }

  public static void writeKey(RejectionKey key, RowWriter row) {
    row.put(SOURCE_TOPIC, key.sourceTopic())
        .put(SOURCE_PARTITION, key.sourcePartition())
        .put(SOURCE_OFFSET, key.sourceOffset());
  }

  public static RejectionKey readKey(Row row) {
    return new RejectionKey(
        row.get(SOURCE_TOPIC), row.get(SOURCE_PARTITION), row.get(SOURCE_OFFSET));
  }
}
