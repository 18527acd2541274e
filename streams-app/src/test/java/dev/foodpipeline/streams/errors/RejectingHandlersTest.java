package dev.foodpipeline.streams.errors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.foodpipeline.model.ReasonCode;
import dev.foodpipeline.model.RejectedOrder;
import dev.foodpipeline.model.RejectionKey;
import dev.foodpipeline.model.topics.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.apache.kafka.streams.errors.ProductionExceptionHandler.SerializationExceptionOrigin;
import org.apache.kafka.streams.processor.api.Record;
import org.junit.jupiter.api.Test;

class RejectingHandlersTest {
  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private static final FakeErrorContext ORDER_CONTEXT =
      new FakeErrorContext("food-orders", bytes("o-9"), bytes("{\"orderId\":\"o-9\"}"));

  @Test
  void processingExceptionBecomesARejectionOfTheInputAndProcessingGoesOn() {
    var handler = new RejectingProcessingHandler(CLOCK);
    handler.configure(Map.of());

    var response =
        handler.handleError(
            ORDER_CONTEXT, new Record<>("o-9", "x", 0L), new IllegalStateException("boom"));

    assertThat(response.result()).isEqualTo(ProcessingExceptionHandler.Result.RESUME);
    RejectedOrder rejected = onlyRejection(response.deadLetterQueueRecords());
    assertThat(rejected)
        .isEqualTo(
            new RejectedOrder(
                "food-orders",
                1,
                17L,
                "o-9",
                ReasonCode.PROCESSING_ERROR,
                "processor key-order-items failed: unexpected java.lang.IllegalStateException: boom",
                "{\"orderId\":\"o-9\"}",
                NOW));
  }

  @Test
  void serializationErrorBecomesARejectionOfTheInput() {
    var handler = new RejectingProductionHandler(CLOCK);
    handler.configure(Map.of());

    var response =
        handler.handleSerializationError(
            ORDER_CONTEXT,
            new ProducerRecord<>("food-order-items", "k", "v"),
            new IllegalArgumentException("bad scale"),
            SerializationExceptionOrigin.VALUE);

    assertThat(response.result()).isEqualTo(ProductionExceptionHandler.Result.RESUME);
    assertThat(onlyRejection(response.deadLetterQueueRecords()).reason())
        .isEqualTo(
            "serializing the value for food-order-items failed: unexpected java.lang.IllegalArgumentException: bad scale");
  }

  @Test
  void retriableSendErrorIsRetriedAndOtherSendErrorsFailTheTask() {
    var handler = new RejectingProductionHandler(CLOCK);
    ProducerRecord<byte[], byte[]> record =
        new ProducerRecord<>("food-orders-processed", new byte[0], new byte[0]);

    assertThat(handler.handleError(ORDER_CONTEXT, record, new TimeoutException("slow")).result())
        .isEqualTo(ProductionExceptionHandler.Result.RETRY);
    assertThat(
            handler.handleError(ORDER_CONTEXT, record, new RecordTooLargeException("big")).result())
        .isEqualTo(ProductionExceptionHandler.Result.FAIL);
  }

  @Test
  void deserializationErrorBecomesARejectionOfTheInput() {
    var handler = new RejectingDeserializationHandler(CLOCK);
    handler.configure(Map.of());
    var record = new ConsumerRecord<>("food-orders", 1, 17L, bytes("o-9"), bytes("{}"));

    var response = handler.handleError(ORDER_CONTEXT, record, new IllegalStateException("cannot"));

    assertThat(response.result()).isEqualTo(DeserializationExceptionHandler.Result.RESUME);
    assertThat(onlyRejection(response.deadLetterQueueRecords()).reason())
        .startsWith("deserialization failed:");
  }

  @Test
  void recordsOfOtherTopicsAreSkippedWithoutARejection() {
    var handler = new RejectingProcessingHandler(CLOCK);
    var restaurantContext = new FakeErrorContext("restaurants", bytes("r-1"), bytes("{"));

    var response =
        handler.handleError(
            restaurantContext, new Record<>("r-1", "x", 0L), new IllegalStateException("boom"));

    assertThat(response.result()).isEqualTo(ProcessingExceptionHandler.Result.RESUME);
    assertThat(response.deadLetterQueueRecords()).isEmpty();
  }

  @Test
  void inputWithoutKeyOrValueStillGetsARejection() {
    var handler = new RejectingProcessingHandler(CLOCK);

    var response =
        handler.handleError(
            new FakeErrorContext("food-orders", null, null),
            new Record<>(null, null, 0L),
            new RuntimeException());

    RejectedOrder rejected = onlyRejection(response.deadLetterQueueRecords());
    assertThat(rejected.orderId()).isNull();
    assertThat(rejected.raw()).isNull();
  }

  @Test
  void handlersHaveTheNoArgumentConstructorStreamsNeeds() {
    assertThat(new RejectingProcessingHandler()).isNotNull();
    assertThat(new RejectingDeserializationHandler()).isNotNull();
    assertThat(new RejectingProductionHandler()).isNotNull();
  }

  private static RejectedOrder onlyRejection(List<ProducerRecord<byte[], byte[]>> records) {
    assertThat(records).hasSize(1);
    ProducerRecord<byte[], byte[]> record = records.get(0);
    assertThat(record.topic()).isEqualTo("food-orders-rejected");
    assertThat(record.timestamp()).isEqualTo(1_000L);
    RejectionKey key =
        Topics.FOOD_ORDERS_REJECTED
            .keySerde()
            .deserializer()
            .deserialize(record.topic(), record.key());
    assertThat(key).isEqualTo(new RejectionKey("food-orders", 1, 17L));
    return Topics.FOOD_ORDERS_REJECTED
        .valueSerde()
        .deserializer()
        .deserialize(record.topic(), record.value());
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
