package dev.foodpipeline.model;

/**
 * Key of {@code food-orders-rejected}: the input record's position, primary key of {@code
 * rejected_orders}.
 */
public record RejectionKey(String sourceTopic, int sourcePartition, long sourceOffset) {
  public static RejectionKey of(RejectedOrder rejected) {
    return new RejectionKey(
        rejected.sourceTopic(), rejected.sourcePartition(), rejected.sourceOffset());
  }
}
