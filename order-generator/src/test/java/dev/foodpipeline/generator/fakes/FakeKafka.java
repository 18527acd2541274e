package dev.foodpipeline.generator.fakes;

import dev.foodpipeline.generator.producer.ClusterAdmin;
import dev.foodpipeline.generator.producer.KafkaClientFactory;
import dev.foodpipeline.generator.producer.KafkaSettings;
import dev.foodpipeline.generator.producer.OrderSender;
import dev.foodpipeline.generator.producer.RestaurantPublisher;
import dev.foodpipeline.model.Restaurant;
import dev.foodpipeline.model.topics.Durability;
import dev.foodpipeline.model.topics.Topic;
import dev.foodpipeline.model.topics.TopicCreator;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A Kafka in memory: topics are names, restaurants a list, orders go to a {@link RecordingSender}.
 */
public final class FakeKafka implements KafkaClientFactory {
  public final Set<String> topics = new HashSet<>();
  public final List<Restaurant> restaurants = new ArrayList<>();
  public final List<KafkaSettings> settingsSeen = new ArrayList<>();
  public RecordingSender sender = new RecordingSender();
  public RuntimeException unreachable;
  public int adminsOpen;

  /** Brokers the fake cluster has. */
  public int brokers = 1;

  /** The durability of the last topics request. */
  public Durability durabilitySeen;

  @Override
  public ClusterAdmin admin(KafkaSettings settings) {
    settingsSeen.add(settings);
    adminsOpen++;
    return new ClusterAdmin() {
      @Override
      public void ensureReachable() {
        if (unreachable != null) {
          throw unreachable;
        }
      }

      @Override
      public int brokerCount() {
        return brokers;
      }

      @Override
      public List<TopicCreator.Outcome> ensureTopics(
          Collection<Topic<?, ?>> wanted, Durability durability) {
        durabilitySeen = durability;
        List<TopicCreator.Outcome> outcomes = new ArrayList<>();
        for (Topic<?, ?> topic : wanted) {
          outcomes.add(
              new TopicCreator.Outcome(topic.name(), topics.add(topic.name()), topic.partitions()));
        }
        return outcomes;
      }

      @Override
      public Set<String> missingTopics(Collection<Topic<?, ?>> wanted) {
        Set<String> missing = new TreeSet<>();
        wanted.stream()
            .map(Topic::name)
            .filter(name -> !topics.contains(name))
            .forEach(missing::add);
        return missing;
      }

      @Override
      public void close() {
        adminsOpen--;
      }
    };
  }

  @Override
  public OrderSender orderSender(KafkaSettings settings) {
    settingsSeen.add(settings);
    return sender;
  }

  @Override
  public RestaurantPublisher restaurantPublisher(KafkaSettings settings) {
    settingsSeen.add(settings);
    return new RestaurantPublisher() {
      @Override
      public int publish(List<Restaurant> published) {
        restaurants.addAll(published);
        return published.size();
      }

      @Override
      public void close() {}
    };
  }
}
