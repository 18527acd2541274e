package dev.foodpipeline.model.topics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;

class TopicsTest {
  @Test
  void ordersHaveThreePartitionsAndRestaurantsAreCompacted() {
    assertThat(Topics.FOOD_ORDERS.partitions()).isEqualTo(3);
    assertThat(Topics.RESTAURANTS.configs())
        .containsEntry(TopicConfig.CLEANUP_POLICY_CONFIG, "compact");
  }

  @Test
  void namesEveryTopicOnce() {
    assertThat(Topics.all())
        .extracting(Topic::name)
        .containsExactly(
            "restaurants",
            "food-orders",
            "food-orders-processed",
            "food-order-items",
            "food-orders-rejected",
            "restaurant-stats",
            "order-notifications",
            "food-sink-dlq")
        .doesNotHaveDuplicates();
  }

  @Test
  void buildsTheAdminRequestWithPartitionsReplicationAndConfigs() {
    NewTopic request = Topics.RESTAURANTS.newTopic(Durability.forBrokers(3));

    assertThat(request.name()).isEqualTo("restaurants");
    assertThat(request.numPartitions()).isEqualTo(1);
    assertThat(request.replicationFactor()).isEqualTo((short) 3);
    assertThat(request.configs())
        .containsEntry("cleanup.policy", "compact")
        .containsEntry("min.insync.replicas", "2");
    assertThat(Topics.FOOD_ORDERS).hasToString("food-orders");
  }

  @Test
  void partitionOfIsTheJavaProducersKeyHash() {
    for (String key : new String[] {"o-1", "o-42-00000007", "kcat-1"}) {
      int expected = Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % 3;
      assertThat(Topics.FOOD_ORDERS.partitionOf(key)).as(key).isEqualTo(expected);
    }
    assertThat(
            java.util.stream.IntStream.range(0, 300)
                .map(i -> Topics.FOOD_ORDERS.partitionOf("o-" + i))
                .distinct()
                .count())
        .isEqualTo(3);
  }
}
