package dev.foodpipeline.generator.cli;

import dev.foodpipeline.generator.producer.ClusterAdmin;
import dev.foodpipeline.generator.producer.KafkaClientFactory;
import dev.foodpipeline.generator.producer.KafkaSettings;
import dev.foodpipeline.generator.producer.KafkaSetupException;
import dev.foodpipeline.generator.producer.RestaurantPublisher;
import dev.foodpipeline.model.catalog.RestaurantCatalog;
import dev.foodpipeline.model.topics.Durability;
import dev.foodpipeline.model.topics.Topic;
import dev.foodpipeline.model.topics.TopicCreator;
import dev.foodpipeline.model.topics.Topics;
import java.io.PrintWriter;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The setup steps {@code topics}, {@code restaurants} and {@code produce} share, with their output.
 */
final class Setup {
  private Setup() {}

  /**
   * Creates every topic of the registry that is missing and prints one line per topic. Their
   * replication factor is the one given, or else follows the number of brokers ({@link
   * Durability#forBrokers}); {@code min.insync.replicas} follows the replication factor.
   */
  static void createTopics(ClusterAdmin admin, OptionalInt replicationFactor, PrintWriter out) {
    Durability durability =
        replicationFactor.isPresent()
            ? Durability.withReplicationFactor((short) replicationFactor.getAsInt())
            : Durability.forBrokers(admin.brokerCount());
    out.printf("durability      %s (for topics it creates)%n", durability);
    for (TopicCreator.Outcome outcome : admin.ensureTopics(Topics.all(), durability)) {
      out.printf(
          "%-15s %s (%d partition%s)%n",
          outcome.created() ? "created" : "already exists",
          outcome.topic(),
          outcome.partitions(),
          outcome.partitions() == 1 ? "" : "s");
    }
    out.flush();
  }

  /**
   * Publishes the catalogue of a seed to the restaurants topic and prints how many were
   * acknowledged.
   */
  static int publishRestaurants(
      KafkaClientFactory kafka, KafkaSettings settings, long seed, PrintWriter out) {
    RestaurantCatalog catalog = RestaurantCatalog.generate(seed);
    try (RestaurantPublisher publisher = kafka.restaurantPublisher(settings)) {
      int published = publisher.publish(catalog.restaurants());
      out.printf(
          "published       %d restaurants (seed %d) to %s%n",
          published, seed, Topics.RESTAURANTS.name());
      out.flush();
      return published;
    }
  }

  /**
   * Fails with a one-line message, naming the command that creates them, when topics are missing.
   */
  static void requireTopics(
      ClusterAdmin admin, KafkaSettings settings, String hint, List<Topic<?, ?>> topics) {
    Set<String> missing = admin.missingTopics(topics);
    if (!missing.isEmpty()) {
      throw new KafkaSetupException(
          (missing.size() == 1 ? "Topic " : "Topics ")
              + String.join(", ", missing)
              + (missing.size() == 1 ? " does" : " do")
              + " not exist at "
              + settings.bootstrapServers()
              + ": "
              + hint);
    }
  }
}
