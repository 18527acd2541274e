package dev.foodpipeline.model;

import java.time.Instant;

/**
 * A rejected input record; one row of the {@code rejected_orders} table. {@code orderId} is null
 * when the record could not be read far enough to find one; {@code raw} holds the original bytes as
 * text (or {@code base64:...} when they are not UTF-8).
 */
public record RejectedOrder(
    String sourceTopic,
    int sourcePartition,
    long sourceOffset,
    String orderId,
    ReasonCode reasonCode,
    String reason,
    String raw,
    Instant rejectedAt) {

  public static RejectedOrder of(
      SourcePosition source, String orderId, Rejection rejection, String raw, Instant rejectedAt) {
    return new RejectedOrder(
        source.topic(),
        source.partition(),
        source.offset(),
        orderId,
        rejection.code(),
        rejection.reason(),
        raw,
        rejectedAt);
  }
}
