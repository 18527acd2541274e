package dev.foodpipeline.notify.topology;

import dev.foodpipeline.model.Notification;
import dev.foodpipeline.model.NotificationType;
import dev.foodpipeline.model.ProcessedOrder;
import dev.foodpipeline.model.notify.NotificationIds;
import java.time.Instant;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * {@code ORDER_CONFIRMED} for an accepted order, keyed by its customer: id {@code
 * order-confirmed:<orderId>}, eventAt the order's creation, notifiedAt the input record's timestamp
 * (so a replay makes the same notification).
 */
final class ConfirmOrder implements Processor<byte[], ProcessedOrder, String, Notification> {
  private final Counters counters;
  private ProcessorContext<String, Notification> context;

  ConfirmOrder(Counters counters) {
    this.counters = counters;
  }

  @Override
  public void init(ProcessorContext<String, Notification> context) {
    this.context = context;
  }

  @Override
  public void process(Record<byte[], ProcessedOrder> record) {
    Notification notification = of(record.value(), Instant.ofEpochMilli(record.timestamp()));
    counters.confirmed.incrementAndGet();
    context.forward(record.withKey(notification.recipientId()).withValue(notification));
  }

  static Notification of(ProcessedOrder order, Instant notifiedAt) {
    return new Notification(
        NotificationIds.orderConfirmed(order.orderId()),
        NotificationType.ORDER_CONFIRMED,
        order.customerId(),
        order.restaurantId(),
        order.orderId(),
        Messages.confirmed(order),
        order.total(),
        order.estimatedReadyAt(),
        null,
        null,
        null,
        order.createdAt(),
        notifiedAt);
  }
}
