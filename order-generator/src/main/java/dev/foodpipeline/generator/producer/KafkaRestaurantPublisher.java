package dev.foodpipeline.generator.producer;

import dev.foodpipeline.model.Restaurant;
import dev.foodpipeline.model.topics.Topic;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/** {@link RestaurantPublisher} on a Kafka producer with the topic's serdes. */
public final class KafkaRestaurantPublisher implements RestaurantPublisher {
  private final Producer<String, Restaurant> producer;
  private final Topic<String, Restaurant> topic;
  private final Duration timeout;

  public KafkaRestaurantPublisher(
      Producer<String, Restaurant> producer, Topic<String, Restaurant> topic, Duration timeout) {
    this.producer = producer;
    this.topic = topic;
    this.timeout = timeout;
  }

  @Override
  public int publish(List<Restaurant> restaurants) {
    List<Future<RecordMetadata>> acks = new ArrayList<>(restaurants.size());
    for (Restaurant restaurant : restaurants) {
      acks.add(
          producer.send(new ProducerRecord<>(topic.name(), restaurant.restaurantId(), restaurant)));
    }
    producer.flush();
    int acknowledged = 0;
    for (int i = 0; i < acks.size(); i++) {
      String id = restaurants.get(i).restaurantId();
      try {
        acks.get(i).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        acknowledged++;
      } catch (ExecutionException e) {
        throw new KafkaSetupException(
            "Couldn't publish restaurant "
                + id
                + " to "
                + topic.name()
                + ": "
                + e.getCause().getMessage(),
            e.getCause());
      } catch (TimeoutException e) {
        throw new KafkaSetupException(
            "Restaurant " + id + " was not acknowledged within " + Durations.format(timeout), e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new KafkaSetupException("Interrupted while publishing restaurants", e);
      }
    }
    return acknowledged;
  }

  @Override
  public void close() {
    producer.close(timeout);
  }
}
