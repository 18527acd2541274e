package dev.foodpipeline.generator.producer;

import dev.foodpipeline.model.Restaurant;
import dev.foodpipeline.model.topics.Topics;
import java.time.Duration;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** The real Kafka clients, configured by {@link ClientProperties}. */
public final class KafkaClients implements KafkaClientFactory {
  private static final Duration PRODUCER_CLOSE_TIMEOUT = Duration.ofSeconds(5);

  @Override
  public ClusterAdmin admin(KafkaSettings settings) {
    return new KafkaClusterAdmin(
        open(settings, () -> Admin.create(ClientProperties.admin(settings))), settings);
  }

  @Override
  public OrderSender orderSender(KafkaSettings settings) {
    KafkaProducer<String, byte[]> producer =
        open(
            settings,
            () ->
                new KafkaProducer<>(
                    ClientProperties.producer(settings, "orders"),
                    new StringSerializer(),
                    new ByteArraySerializer()));
    return new KafkaOrderSender(producer, Topics.FOOD_ORDERS, PRODUCER_CLOSE_TIMEOUT);
  }

  @Override
  public RestaurantPublisher restaurantPublisher(KafkaSettings settings) {
    KafkaProducer<String, Restaurant> producer =
        open(
            settings,
            () ->
                new KafkaProducer<>(
                    ClientProperties.producer(settings, "restaurants"),
                    Topics.RESTAURANTS.keySerde().serializer(),
                    Topics.RESTAURANTS.valueSerde().serializer()));
    return new KafkaRestaurantPublisher(producer, Topics.RESTAURANTS, settings.timeout());
  }

  /** Opens a client; an address that does not resolve is an unreachable cluster, not a crash. */
  private static <T> T open(KafkaSettings settings, Supplier<T> client) {
    try {
      return client.get();
    } catch (KafkaException e) {
      if (e.getCause() instanceof ConfigException config
          && config.getMessage().contains("resolvable")) {
        throw new KafkaUnreachableException(
            settings.bootstrapServers(), "no address in it resolves", config);
      }
      throw e;
    }
  }
}
