package dev.foodpipeline.streams.errors;

import dev.foodpipeline.model.ReasonCode;
import dev.foodpipeline.model.RejectedOrder;
import dev.foodpipeline.model.Rejection;
import dev.foodpipeline.model.RejectionKey;
import dev.foodpipeline.model.SourcePosition;
import dev.foodpipeline.model.topics.Topics;
import dev.foodpipeline.streams.topology.Rejections;
import dev.foodpipeline.streams.topology.TopologySettings;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns an error that Kafka Streams hands to an exception handler into a {@code PROCESSING_ERROR}
 * record for {@code food-orders-rejected} (sent by Streams in the task's transaction, as a "dead
 * letter"), so that the input is kept with its reason and position instead of vanishing. Only for
 * inputs from {@code food-orders}: records of other topics have no row to land in.
 */
final class HandlerRejections {
  private static final Logger log = LoggerFactory.getLogger(HandlerRejections.class);

  private final Clock clock;
  private final Rejections rejections = new Rejections(TopologySettings.DEFAULT_MAX_RAW_CHARS);

  HandlerRejections(Clock clock) {
    this.clock = clock;
  }

  /**
   * The rejection record for the input being processed when {@code error} happened, or an empty
   * list when the input is not an order or the record cannot be built (both logged).
   *
   * @param stage what failed, for the reason text, e.g. "processor read-order"
   */
  List<ProducerRecord<byte[], byte[]>> forInput(
      ErrorHandlerContext context, String stage, Exception error) {
    if (!Topics.FOOD_ORDERS.name().equals(context.topic())) {
      log.error(
          "{} failed on a record of {} (partition {}, offset {}); skipping it: {}",
          stage,
          context.topic(),
          context.partition(),
          context.offset(),
          error.toString());
      return List.of();
    }
    SourcePosition source =
        new SourcePosition(context.topic(), context.partition(), context.offset());
    try {
      Rejection cause = Rejections.processingError(error);
      Rejection rejection =
          new Rejection(ReasonCode.PROCESSING_ERROR, stage + " failed: " + cause.reason());
      byte[] key = context.sourceRawKey();
      String orderId = key == null ? null : new String(key, StandardCharsets.UTF_8);
      RejectedOrder rejected =
          rejections.reject(source, orderId, rejection, context.sourceRawValue(), clock.instant());
      String topic = Topics.FOOD_ORDERS_REJECTED.name();
      ProducerRecord<byte[], byte[]> record =
          new ProducerRecord<>(
              topic,
              null,
              context.timestamp(),
              Topics.FOOD_ORDERS_REJECTED
                  .keySerde()
                  .serializer()
                  .serialize(topic, RejectionKey.of(rejected)),
              Topics.FOOD_ORDERS_REJECTED.valueSerde().serializer().serialize(topic, rejected));
      log.error(
          "{} failed on the record at {}; writing it to {} as PROCESSING_ERROR",
          stage,
          source,
          topic,
          error);
      return List.of(record);
    } catch (RuntimeException e) {
      log.error(
          "{} failed on the record at {} and its rejection could not be built ({}); skipping it",
          stage,
          source,
          e.toString(),
          error);
      return List.of();
    }
  }
}
