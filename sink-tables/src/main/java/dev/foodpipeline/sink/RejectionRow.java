package dev.foodpipeline.sink;

import dev.foodpipeline.model.sink.RejectedOrdersTable;
import dev.foodpipeline.model.sink.Row;

/**
 * One row of {@code rejected_orders}, as read back: the reason code as text (a code this version
 * does not know still reads), and {@code raw} only when it was asked for.
 */
public record RejectionRow(
    String sourceTopic,
    int sourcePartition,
    long sourceOffset,
    String orderId,
    String reasonCode,
    String raw) {

  /** The row's columns, {@code raw} null when the query left it out. */
  static RejectionRow read(Row row) {
    return new RejectionRow(
        row.get(RejectedOrdersTable.SOURCE_TOPIC),
        row.get(RejectedOrdersTable.SOURCE_PARTITION),
        row.get(RejectedOrdersTable.SOURCE_OFFSET),
        row.get(RejectedOrdersTable.ORDER_ID),
        row.get(RejectedOrdersTable.REASON_CODE),
        row.get(RejectedOrdersTable.RAW));
  }

  /** Where the record was: {@code 2@117} (partition@offset). */
  public String position() {
    return sourcePartition + "@" + sourceOffset;
  }

  public RejectionRow withOrderId(String id) {
    return new RejectionRow(sourceTopic, sourcePartition, sourceOffset, id, reasonCode, raw);
  }
}
