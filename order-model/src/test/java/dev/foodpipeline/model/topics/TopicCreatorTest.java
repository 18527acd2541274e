package dev.foodpipeline.model.topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Constructor;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.CreateTopicsResult;
import org.apache.kafka.clients.admin.DescribeTopicsResult;
import org.apache.kafka.clients.admin.ListTopicsResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.admin.TopicListing;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.internals.KafkaFutureImpl;
import org.junit.jupiter.api.Test;

class TopicCreatorTest {

  /**
   * An admin client in memory whose broker learns of a created topic only after it has been
   * described {@code describesBeforeKnown} times, as a real broker's metadata cache lags a
   * creation.
   */
  private static final class LaggingCluster {
    final Map<String, Integer> topics = new HashMap<>();
    final Set<String> created = new HashSet<>();
    final AtomicInteger describes = new AtomicInteger();
    final int describesBeforeKnown;

    LaggingCluster(int describesBeforeKnown) {
      this.describesBeforeKnown = describesBeforeKnown;
    }

    Admin admin() {
      return (Admin)
          Proxy.newProxyInstance(
              Admin.class.getClassLoader(),
              new Class<?>[] {Admin.class},
              (proxy, method, args) ->
                  switch (method.getName()) {
                    case "listTopics" -> listTopics();
                    case "createTopics" -> createTopics(args[0]);
                    case "describeTopics" -> describeTopics(args[0]);
                    case "close" -> null;
                    default -> throw new UnsupportedOperationException(method.getName());
                  });
    }

    private ListTopicsResult listTopics() throws ReflectiveOperationException {
      Map<String, TopicListing> listings = new HashMap<>();
      topics.keySet().forEach(name -> listings.put(name, new TopicListing(name, null, false)));
      // The constructor is package-private: tests are the only ones to build this result.
      Constructor<ListTopicsResult> constructor =
          ListTopicsResult.class.getDeclaredConstructor(KafkaFuture.class);
      constructor.setAccessible(true);
      return constructor.newInstance(KafkaFuture.completedFuture(listings));
    }

    @SuppressWarnings("unchecked")
    private CreateTopicsResult createTopics(Object newTopics) {
      Map<String, KafkaFuture<CreateTopicsResult.TopicMetadataAndConfig>> futures = new HashMap<>();
      for (NewTopic topic : (Collection<NewTopic>) newTopics) {
        topics.put(topic.name(), topic.numPartitions());
        created.add(topic.name());
        futures.put(topic.name(), KafkaFuture.completedFuture(null));
      }
      return new CreateTopicsResult(futures) {};
    }

    @SuppressWarnings("unchecked")
    private DescribeTopicsResult describeTopics(Object names) {
      Map<String, KafkaFuture<TopicDescription>> futures = new HashMap<>();
      for (String name : (Collection<String>) names) {
        KafkaFutureImpl<TopicDescription> future = new KafkaFutureImpl<>();
        boolean lagging =
            created.contains(name) && describes.incrementAndGet() <= describesBeforeKnown;
        if (!topics.containsKey(name) || lagging) {
          future.completeExceptionally(
              new UnknownTopicOrPartitionException(
                  "This server does not host this topic-partition."));
        } else {
          future.complete(description(name, topics.get(name)));
        }
        futures.put(name, future);
      }
      return new DescribeTopicsResult(null, futures) {};
    }

    private static TopicDescription description(String name, int partitions) {
      Node node = new Node(1, "localhost", 9092);
      List<TopicPartitionInfo> infos = new ArrayList<>();
      for (int p = 0; p < partitions; p++) {
        infos.add(new TopicPartitionInfo(p, node, List.of(node), List.of(node)));
      }
      return new TopicDescription(name, false, infos);
    }
  }

  @Test
  void aTopicJustCreatedIsDescribedOnceTheBrokerKnowsIt() {
    LaggingCluster cluster = new LaggingCluster(3);

    List<TopicCreator.Outcome> outcomes =
        new TopicCreator(cluster.admin(), Duration.ofSeconds(10))
            .ensure(List.of(Topics.FOOD_ORDERS), (short) 1);

    assertThat(outcomes).containsExactly(new TopicCreator.Outcome("food-orders", true, 3));
    assertThat(cluster.describes.get()).isEqualTo(4);
  }

  @Test
  void existingTopicsAreLeftAloneAndReported() {
    LaggingCluster cluster = new LaggingCluster(0);
    cluster.topics.put("restaurants", 1);

    List<TopicCreator.Outcome> outcomes =
        new TopicCreator(cluster.admin(), Duration.ofSeconds(10))
            .ensure(List.of(Topics.RESTAURANTS, Topics.FOOD_ORDERS), (short) 1);

    assertThat(outcomes)
        .containsExactly(
            new TopicCreator.Outcome("food-orders", true, 3),
            new TopicCreator.Outcome("restaurants", false, 1));
    assertThat(cluster.created).containsExactly("food-orders");
  }

  @Test
  void anExistingTopicWithOtherPartitionsIsAnError() {
    LaggingCluster cluster = new LaggingCluster(0);
    cluster.topics.put("food-orders", 1);

    assertThatThrownBy(
            () ->
                new TopicCreator(cluster.admin(), Duration.ofSeconds(10))
                    .ensure(List.of(Topics.FOOD_ORDERS), (short) 1))
        .isInstanceOf(TopicCreator.TopicSetupException.class)
        .hasMessage("Topic food-orders has 1 partitions, expected 3");
  }

  @Test
  void aTopicTheBrokerNeverKnowsFailsAtTheTimeout() {
    LaggingCluster cluster = new LaggingCluster(Integer.MAX_VALUE);

    assertThatThrownBy(
            () ->
                new TopicCreator(cluster.admin(), Duration.ofMillis(300))
                    .ensure(List.of(Topics.FOOD_ORDERS), (short) 1))
        .isInstanceOf(TopicCreator.TopicSetupException.class)
        .hasMessageContaining("does not host this topic-partition");
  }
}
