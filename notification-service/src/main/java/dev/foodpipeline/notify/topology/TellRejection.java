package dev.foodpipeline.notify.topology;

import com.fasterxml.jackson.databind.JsonNode;
import dev.foodpipeline.model.Notification;
import dev.foodpipeline.model.NotificationType;
import dev.foodpipeline.model.RejectedOrder;
import dev.foodpipeline.model.json.InputLimits;
import dev.foodpipeline.model.json.Json;
import dev.foodpipeline.model.notify.NotificationIds;
import dev.foodpipeline.model.notify.RejectedCustomer;
import dev.foodpipeline.model.topics.Topics;
import dev.foodpipeline.shell.Errors;
import dev.foodpipeline.shell.streams.CommitPacer;
import java.time.Instant;
import java.util.Optional;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code ORDER_REJECTED} for a rejection {@link RejectedCustomer} gives a customer for, keyed by
 * that customer: id {@code order-rejected:<sourceTopic>-<sourcePartition>-<sourceOffset>}, the
 * reason code's name and the customer's words for it ({@link Messages#rejected}), never the
 * validator's reason nor the raw input. A rejection without a customer is counted and skipped; a
 * record that is not a rejection at all is logged, counted and skipped (rejecting it onto the topic
 * it came from could loop).
 */
final class TellRejection implements Processor<byte[], byte[], String, Notification> {
  private static final Logger log = LoggerFactory.getLogger(TellRejection.class);

  private final Counters counters;
  private final CommitPacer pacer;
  private final Deserializer<RejectedOrder> rejections =
      Topics.FOOD_ORDERS_REJECTED.valueSerde().deserializer();
  private ProcessorContext<String, Notification> context;

  TellRejection(Counters counters, CommitPacer pacer) {
    this.counters = counters;
    this.pacer = pacer;
  }

  @Override
  public void init(ProcessorContext<String, Notification> context) {
    this.context = context;
  }

  @Override
  public void process(Record<byte[], byte[]> record) {
    pacer.read(context);
    RejectedOrder rejection;
    try {
      rejection =
          record.value() == null
              ? null
              : rejections.deserialize(Topics.FOOD_ORDERS_REJECTED.name(), record.value());
      if (rejection == null || rejection.sourceTopic() == null || rejection.reasonCode() == null) {
        throw new IllegalArgumentException("no source topic or reason code");
      }
    } catch (RuntimeException e) {
      long count = counters.malformedRejections.incrementAndGet();
      if (Long.bitCount(count) == 1) {
        log.warn(
            "Skipping a record of {} at {} that is not a rejection ({} so far): {}",
            Topics.FOOD_ORDERS_REJECTED.name(),
            context.recordMetadata().map(m -> m.partition() + "@" + m.offset()).orElse("?"),
            count,
            Errors.rootCauseLine(e));
      }
      return;
    }
    Optional<String> customer = RejectedCustomer.of(rejection);
    if (customer.isEmpty()) {
      long count = counters.rejectionsWithoutCustomer.incrementAndGet();
      if (Long.bitCount(count) == 1) {
        log.info(
            "A rejection of {}-{}@{} has no customer to tell; {} such rejection(s) skipped so far",
            rejection.sourceTopic(),
            rejection.sourcePartition(),
            rejection.sourceOffset(),
            count);
      }
      return;
    }
    Instant recordTime = Instant.ofEpochMilli(record.timestamp());
    Notification notification = of(rejection, customer.get(), recordTime);
    counters.rejected.incrementAndGet();
    context.forward(record.withKey(notification.recipientId()).withValue(notification));
  }

  static Notification of(RejectedOrder rejection, String customerId, Instant notifiedAt) {
    String orderId = InputLimits.validIdOrNull(rejection.orderId());
    return new Notification(
        NotificationIds.orderRejected(
            rejection.sourceTopic(), rejection.sourcePartition(), rejection.sourceOffset()),
        NotificationType.ORDER_REJECTED,
        customerId,
        restaurantOf(rejection.raw()),
        orderId,
        Messages.rejected(orderId, rejection.reasonCode()),
        null,
        null,
        rejection.reasonCode().name(),
        null,
        null,
        rejection.rejectedAt() == null ? notifiedAt : rejection.rejectedAt(),
        notifiedAt);
  }

  /** The restaurant id the rejected order named, when it is a valid id; else null. */
  static String restaurantOf(String raw) {
    try {
      JsonNode restaurant = Json.mapper().readTree(raw).path("restaurantId");
      return restaurant.isTextual() ? InputLimits.validIdOrNull(restaurant.asText()) : null;
    } catch (Exception e) {
      return null;
    }
  }
}
