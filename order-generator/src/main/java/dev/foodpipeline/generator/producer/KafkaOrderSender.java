package dev.foodpipeline.generator.producer;

import dev.foodpipeline.model.topics.Topic;
import java.time.Duration;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Sends order records to a topic with a Kafka producer (idempotent, acks=all: see {@link
 * ClientProperties}).
 */
public final class KafkaOrderSender implements OrderSender {
  private final Producer<String, byte[]> producer;
  private final String topic;
  private final Duration closeTimeout;

  public KafkaOrderSender(
      Producer<String, byte[]> producer, Topic<String, byte[]> topic, Duration closeTimeout) {
    this.producer = producer;
    this.topic = topic.name();
    this.closeTimeout = closeTimeout;
  }

  @Override
  public void send(String key, byte[] value, Callback callback) {
    producer.send(
        new ProducerRecord<>(topic, key, value), (metadata, error) -> callback.onCompletion(error));
  }

  @Override
  public void flush() {
    producer.flush();
  }

  @Override
  public void close() {
    producer.close(closeTimeout);
  }
}
