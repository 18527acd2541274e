package dev.foodpipeline.streams.topology;

import dev.foodpipeline.model.ProcessedOrder;
import java.time.Instant;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Re-keys an accepted order by its restaurant and gives it its time for the stats windows: the
 * order's created-at time, but never later than the time it was processed. So the windows count
 * orders when they were placed (not when a producer happened to send them, whatever the record's
 * own timestamp says), and an order stamped up to five minutes ahead (the validator allows it)
 * counts now instead of pushing the windows' stream time into the future, which would close the
 * current windows early and make every on-time order "late".
 */
final class StatsTime implements Processor<String, Accepted, String, OrderRevenue> {
  private ProcessorContext<String, OrderRevenue> context;

  @Override
  public void init(ProcessorContext<String, OrderRevenue> context) {
    this.context = context;
  }

  @Override
  public void process(Record<String, Accepted> record) {
    ProcessedOrder order = record.value().order();
    context.forward(
        new Record<>(
            order.restaurantId(),
            new OrderRevenue(order.orderId(), order.restaurantId(), order.total()),
            eventTime(order).toEpochMilli(),
            record.headers()));
  }

  /** min(createdAt, processedAt). */
  static Instant eventTime(ProcessedOrder order) {
    return order.createdAt().isAfter(order.processedAt()) ? order.processedAt() : order.createdAt();
  }
}
