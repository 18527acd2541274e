package dev.foodpipeline.streams.topology;

import dev.foodpipeline.model.OrderItemKey;
import dev.foodpipeline.model.OrderKey;
import dev.foodpipeline.model.ProcessedItem;
import dev.foodpipeline.model.ProcessedOrder;
import dev.foodpipeline.model.RejectedOrder;
import dev.foodpipeline.model.RejectionKey;
import dev.foodpipeline.model.Restaurant;
import dev.foodpipeline.model.RestaurantStats;
import dev.foodpipeline.model.RestaurantStatsKey;
import dev.foodpipeline.model.catalog.RestaurantCatalog;
import dev.foodpipeline.model.topics.Topic;
import dev.foodpipeline.model.topics.Topics;
import dev.foodpipeline.streams.StreamsSettings;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

/**
 * The real topology ({@link OrderTopology#build}) in a {@link TopologyTestDriver} with a fixed
 * clock and the app's own Streams properties, with the catalogue of seed {@link #CATALOG_SEED} and
 * the {@link OrderFixtures#TEST_KITCHEN} published.
 */
final class PipelineDriver implements AutoCloseable {
  static final long CATALOG_SEED = 42L;
  static final RestaurantCatalog CATALOG = RestaurantCatalog.generate(CATALOG_SEED);

  final TopologyTestDriver driver;
  final TestInputTopic<String, byte[]> orders;
  final TestInputTopic<String, Restaurant> restaurants;
  final TestInputTopic<String, byte[]> rawRestaurants;
  final TestOutputTopic<OrderKey, ProcessedOrder> processed;
  final TestOutputTopic<OrderItemKey, ProcessedItem> items;
  final TestOutputTopic<RejectionKey, RejectedOrder> rejected;
  final TestOutputTopic<RestaurantStatsKey, RestaurantStats> stats;

  PipelineDriver(Path stateDir) {
    this(stateDir, TopologySettings.withClock(Clock.fixed(OrderFixtures.NOW, ZoneOffset.UTC)));
  }

  PipelineDriver(Path stateDir, TopologySettings settings) {
    Properties properties =
        StreamsSettings.builder()
            .flag("--instance-id", "ttd")
            .flag("--state-dir", stateDir)
            .build()
            .toProperties();
    driver = new TopologyTestDriver(OrderTopology.build(settings), properties);
    orders = input(Topics.FOOD_ORDERS);
    restaurants = input(Topics.RESTAURANTS);
    rawRestaurants =
        driver.createInputTopic(
            Topics.RESTAURANTS.name(), new StringSerializer(), new ByteArraySerializer());
    processed = output(Topics.FOOD_ORDERS_PROCESSED);
    items = output(Topics.FOOD_ORDER_ITEMS);
    rejected = output(Topics.FOOD_ORDERS_REJECTED);
    stats = output(Topics.RESTAURANT_STATS);
    CATALOG.restaurants().forEach(this::publish);
    publish(OrderFixtures.TEST_KITCHEN);
  }

  void publish(Restaurant restaurant) {
    restaurants.pipeInput(restaurant.restaurantId(), restaurant);
  }

  private <K, V> TestInputTopic<K, V> input(Topic<K, V> topic) {
    return driver.createInputTopic(
        topic.name(), topic.keySerde().serializer(), topic.valueSerde().serializer());
  }

  private <K, V> TestOutputTopic<K, V> output(Topic<K, V> topic) {
    return driver.createOutputTopic(
        topic.name(), topic.keySerde().deserializer(), topic.valueSerde().deserializer());
  }

  @Override
  public void close() {
    driver.close();
  }
}
