package dev.foodpipeline.notify.topology;

import dev.foodpipeline.model.ProcessedOrder;
import dev.foodpipeline.model.RejectedOrder;

/** A record of {@code food-orders-processed} as read: an order, or the rejection of the record. */
sealed interface ProcessedInput {
  record Readable(ProcessedOrder order) implements ProcessedInput {}

  record Unreadable(RejectedOrder rejection) implements ProcessedInput {}
}
