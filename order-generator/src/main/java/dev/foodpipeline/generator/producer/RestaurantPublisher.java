package dev.foodpipeline.generator.producer;

import dev.foodpipeline.model.Restaurant;
import java.util.List;

/** Publishes the restaurant catalogue to the compacted {@code restaurants} topic. */
public interface RestaurantPublisher extends AutoCloseable {

  /**
   * Writes every restaurant (key = restaurant id) and waits until all are acknowledged.
   *
   * @return how many were acknowledged
   * @throws KafkaSetupException when one is not
   */
  int publish(List<Restaurant> restaurants);

  @Override
  void close();
}
