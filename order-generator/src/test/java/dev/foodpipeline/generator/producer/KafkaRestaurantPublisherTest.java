package dev.foodpipeline.generator.producer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.foodpipeline.model.Restaurant;
import dev.foodpipeline.model.catalog.RestaurantCatalog;
import dev.foodpipeline.model.topics.Topics;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.junit.jupiter.api.Test;

class KafkaRestaurantPublisherTest {
  private final List<Restaurant> catalog = RestaurantCatalog.generate(42).restaurants();

  private static MockProducer<String, Restaurant> producer(boolean autoComplete) {
    return new MockProducer<>(
        autoComplete,
        null,
        Topics.RESTAURANTS.keySerde().serializer(),
        Topics.RESTAURANTS.valueSerde().serializer());
  }

  @Test
  void publishesEveryRestaurantKeyedByItsId() {
    MockProducer<String, Restaurant> producer = producer(true);
    KafkaRestaurantPublisher publisher =
        new KafkaRestaurantPublisher(producer, Topics.RESTAURANTS, Duration.ofSeconds(5));

    assertThat(publisher.publish(catalog)).isEqualTo(20);
    assertThat(producer.history()).hasSize(20).allMatch(r -> r.topic().equals("restaurants"));
    assertThat(producer.history().get(0).key()).isEqualTo("r-001");
    assertThat(producer.history().get(0).value()).isEqualTo(catalog.get(0));
    publisher.close();
    assertThat(producer.closed()).isTrue();
  }

  @Test
  void aRefusedWriteFailsWithOneLineNamingTheRestaurant() {
    MockProducer<String, Restaurant> producer =
        new MockProducer<>(
            false,
            null,
            Topics.RESTAURANTS.keySerde().serializer(),
            Topics.RESTAURANTS.valueSerde().serializer()) {
          @Override
          public synchronized void flush() {
            errorNext(
                new TopicAuthorizationException("Not authorized to access topics: [restaurants]"));
            super.flush();
          }
        };
    KafkaRestaurantPublisher publisher =
        new KafkaRestaurantPublisher(producer, Topics.RESTAURANTS, Duration.ofSeconds(5));

    assertThatThrownBy(() -> publisher.publish(catalog))
        .isInstanceOf(KafkaSetupException.class)
        .hasMessage(
            "Couldn't publish restaurant r-001 to restaurants: Not authorized to access topics: [restaurants]");
  }

  @Test
  void aWriteNotAcknowledgedInTimeFails() {
    MockProducer<String, Restaurant> producer =
        new MockProducer<>(
            false,
            null,
            Topics.RESTAURANTS.keySerde().serializer(),
            Topics.RESTAURANTS.valueSerde().serializer()) {
          @Override
          public synchronized void flush() {
            // The broker never answers.
          }
        };
    KafkaRestaurantPublisher publisher =
        new KafkaRestaurantPublisher(producer, Topics.RESTAURANTS, Duration.ofMillis(50));

    assertThatThrownBy(() -> publisher.publish(catalog.subList(0, 1)))
        .isInstanceOf(KafkaSetupException.class)
        .hasMessage("Restaurant r-001 was not acknowledged within 50 ms");
  }
}
