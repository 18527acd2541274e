package dev.foodpipeline.generator.producer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.foodpipeline.model.topics.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class KafkaOrderSenderTest {
  private final MockProducer<String, byte[]> producer =
      new MockProducer<>(false, null, new StringSerializer(), new ByteArraySerializer());
  private final KafkaOrderSender sender =
      new KafkaOrderSender(producer, Topics.FOOD_ORDERS, Duration.ofSeconds(1));
  private final List<Exception> outcomes = new ArrayList<>();

  @Test
  void sendsToFoodOrdersKeyedByOrderId() {
    sender.send("o-1", "{}".getBytes(StandardCharsets.UTF_8), outcomes::add);

    assertThat(producer.history())
        .singleElement()
        .satisfies(
            record -> {
              assertThat(record.topic()).isEqualTo("food-orders");
              assertThat(record.key()).isEqualTo("o-1");
              assertThat(record.value()).isEqualTo("{}".getBytes(StandardCharsets.UTF_8));
            });
  }

  @Test
  void reportsAcknowledgementsAndFailuresThroughTheCallback() {
    sender.send("o-1", new byte[] {1}, outcomes::add);
    sender.send("o-2", new byte[] {2}, outcomes::add);
    producer.completeNext();
    IllegalStateException failure = new IllegalStateException("no");
    producer.errorNext(failure);

    assertThat(outcomes).containsExactly(null, failure);
  }

  @Test
  void flushesAndClosesTheProducer() {
    sender.flush();
    assertThat(producer.flushed()).isTrue();
    sender.close();
    assertThat(producer.closed()).isTrue();
  }
}
