package dev.foodpipeline.generator.reconcile;

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

  /** Where the record was: {@code 2@117} (partition@offset). */
  public String position() {
    return sourcePartition + "@" + sourceOffset;
  }

  public RejectionRow withOrderId(String id) {
    return new RejectionRow(sourceTopic, sourcePartition, sourceOffset, id, reasonCode, raw);
  }
}
