package dev.foodpipeline.generator.producer;

/** Opens the generator's Kafka clients; tests replace it with fakes so no broker is needed. */
public interface KafkaClientFactory {
  KafkaClientFactory DEFAULT = new KafkaClients();

  ClusterAdmin admin(KafkaSettings settings);

  OrderSender orderSender(KafkaSettings settings);

  RestaurantPublisher restaurantPublisher(KafkaSettings settings);
}
