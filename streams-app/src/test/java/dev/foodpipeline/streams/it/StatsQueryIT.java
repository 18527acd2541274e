package dev.foodpipeline.streams.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.foodpipeline.infra.KafkaBroker;
import dev.foodpipeline.model.Address;
import dev.foodpipeline.model.MenuItem;
import dev.foodpipeline.model.Order;
import dev.foodpipeline.model.OrderLine;
import dev.foodpipeline.model.ProcessedOrder;
import dev.foodpipeline.model.ReasonCode;
import dev.foodpipeline.model.RejectedOrder;
import dev.foodpipeline.model.Restaurant;
import dev.foodpipeline.model.RestaurantStats;
import dev.foodpipeline.model.catalog.RestaurantCatalog;
import dev.foodpipeline.model.topics.Topics;
import dev.foodpipeline.streams.StreamsSettings;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.AbstractMap.SimpleEntry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stateful part on a real broker with two instances: duplicates are rejected even when their
 * producer keyed them differently (so they arrive on another partition of food-orders), the final
 * per-restaurant windows reach restaurant-stats with exact counts and revenue, and {@code
 * /restaurants/{id}/stats} gives the same answer from either instance, forwarding to the owner when
 * asked the other.
 */
class StatsQueryIT {
  private static final RestaurantCatalog CATALOG = RestaurantCatalog.generate(3L);
  private static final Duration TIMEOUT = Duration.ofSeconds(90);
  private static final int ORDERS = 200;
  private static final int DUPLICATES = 10;

  @TempDir Path stateA;
  @TempDir Path stateB;

  @Test
  void duplicatesAreRejectedAndEveryInstanceAnswersTheSameStatsForEveryRestaurant()
      throws Exception {
    try (KafkaBroker broker = KafkaBroker.start();
        PipelineTopics topics = new PipelineTopics(broker.bootstrapServers())) {
      topics.create();
      topics.publish(CATALOG);
      try (Instance a = new Instance(settings(broker, "a", stateA));
          Instance b = new Instance(settings(broker, "b", stateB))) {
        a.app.awaitRunning(TIMEOUT);
        b.app.awaitRunning(TIMEOUT);
        await()
            .atMost(TIMEOUT)
            .until(
                () ->
                    a.get("/assignment").json().get("instances").size() == 2
                        && a.get("/ready").status() == 200
                        && b.get("/ready").status() == 200);

        // Every order in one window that closed minutes ago; then one order per restaurant now,
        // which moves the stream time of every stats partition past that window's grace.
        Instant window = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(3));
        List<Map.Entry<String, byte[]>> inputs = new ArrayList<>();
        Map<String, Integer> expectedCounts = new HashMap<>();
        for (int i = 0; i < ORDERS; i++) {
          Restaurant restaurant = CATALOG.get(i % CATALOG.size());
          String orderId = "s-" + i;
          inputs.add(
              new SimpleEntry<>(
                  orderId,
                  PipelineTopics.json(order(orderId, restaurant, window.plusSeconds(i % 50)))));
          expectedCounts.merge(restaurant.restaurantId(), 1, Integer::sum);
        }
        for (int i = 0; i < DUPLICATES; i++) {
          Restaurant restaurant = CATALOG.get(i % CATALOG.size());
          String orderId = "s-" + i;
          // Another record key: a foreign producer's, landing on another partition of food-orders.
          inputs.add(
              new SimpleEntry<>(
                  "foreign-key-" + i,
                  PipelineTopics.json(order(orderId, restaurant, window.plusSeconds(55)))));
        }
        // Most duplicates are on another partition than their id's, so they meet their original
        // in the store only through the orders-by-id repartition topic (the originals never enter
        // it).
        assertThat(
                java.util.stream.IntStream.range(0, DUPLICATES)
                    .filter(
                        i ->
                            Topics.FOOD_ORDERS.partitionOf("foreign-key-" + i)
                                != Topics.FOOD_ORDERS.partitionOf("s-" + i)))
            .hasSizeGreaterThan(DUPLICATES / 2);
        topics.sendOrders(inputs);
        // Only once every order has passed the first sub-topology: a tick must not overtake
        // an older order on its way from another food-orders partition (it would make it late).
        await()
            .atMost(TIMEOUT)
            .until(
                () ->
                    topics.processed().size() == ORDERS && topics.rejected().size() == DUPLICATES);
        List<Map.Entry<String, byte[]>> ticks = new ArrayList<>();
        for (Restaurant restaurant : CATALOG.restaurants()) {
          ticks.add(
              new SimpleEntry<>(
                  "tick-" + restaurant.restaurantId(),
                  PipelineTopics.json(
                      order("tick-" + restaurant.restaurantId(), restaurant, Instant.now()))));
        }
        topics.sendOrders(ticks);

        await().atMost(TIMEOUT).until(() -> finalCounts(topics).equals(expectedCounts));
        List<ProcessedOrder> processed = topics.processed();
        assertThat(processed).hasSize(ORDERS + CATALOG.size());
        assertThat(processed.stream().map(ProcessedOrder::orderId).distinct())
            .hasSize(ORDERS + CATALOG.size());
        List<RejectedOrder> rejected = topics.rejected();
        assertThat(rejected)
            .hasSize(DUPLICATES)
            .allSatisfy(r -> assertThat(r.reasonCode()).isEqualTo(ReasonCode.DUPLICATE_ORDER));
        assertThat(rejected)
            .extracting(RejectedOrder::orderId)
            .containsExactlyInAnyOrder(
                java.util.stream.IntStream.range(0, DUPLICATES)
                    .mapToObj(i -> "s-" + i)
                    .toArray(String[]::new));
        Map<String, BigDecimal> revenue = new HashMap<>();
        processed.stream()
            .filter(o -> o.orderId().startsWith("s-"))
            .forEach(o -> revenue.merge(o.restaurantId(), o.total(), BigDecimal::add));
        List<RestaurantStats> finals = finals(topics);
        assertThat(finals)
            .allSatisfy(
                stats -> {
                  assertThat(stats.windowStart()).isEqualTo(window);
                  assertThat(stats.windowEnd()).isEqualTo(window.plus(Duration.ofMinutes(1)));
                  assertThat(stats.revenue()).isEqualTo(revenue.get(stats.restaurantId()));
                });

        Set<String> forwardedByA = new HashSet<>();
        Set<String> forwardedByB = new HashSet<>();
        for (Restaurant restaurant : CATALOG.restaurants()) {
          String path = "/restaurants/" + restaurant.restaurantId() + "/stats";
          await()
              .atMost(TIMEOUT)
              .until(() -> a.get(path).status() == 200 && b.get(path).status() == 200);
          Instance.Reply fromA = a.get(path);
          Instance.Reply fromB = b.get(path);
          assertThat(fromA.json())
              .as("the same answer from both instances for %s", restaurant.restaurantId())
              .isEqualTo(fromB.json());
          JsonNode first = fromA.json().get("windows").get(0);
          assertThat(first.get("windowStart").asText()).isEqualTo(window.toString());
          assertThat(first.get("orderCount").asLong())
              .isEqualTo(expectedCounts.get(restaurant.restaurantId()).longValue());
          assertThat(first.get("revenue").decimalValue())
              .isEqualByComparingTo(revenue.get(restaurant.restaurantId()));
          fromA
              .response()
              .headers()
              .firstValue("X-Forwarded-To")
              .ifPresent(owner -> forwardedByA.add(restaurant.restaurantId()));
          fromB
              .response()
              .headers()
              .firstValue("X-Forwarded-To")
              .ifPresent(owner -> forwardedByB.add(restaurant.restaurantId()));
          assertThat(fromA.json().get("servedBy").asText()).isIn(a.server(), b.server());
        }
        assertThat(forwardedByA).as("a forwards the restaurants b owns").isNotEmpty();
        assertThat(forwardedByB).as("b forwards the restaurants a owns").isNotEmpty();
        assertThat(a.get("/restaurants/r-404/stats").json().get("windows")).isEmpty();
      }
    }
  }

  private static Map<String, Integer> finalCounts(PipelineTopics topics) throws Exception {
    return finals(topics).stream()
        .collect(
            Collectors.toMap(
                RestaurantStats::restaurantId, s -> (int) s.orderCount(), Integer::sum));
  }

  /** The final windows in restaurant-stats, read committed, without those of the ticks. */
  private static List<RestaurantStats> finals(PipelineTopics topics) throws Exception {
    Instant recent = Instant.now().minus(Duration.ofMinutes(2));
    return topics.readCommitted(Topics.RESTAURANT_STATS).stream()
        .map(ConsumerRecord::value)
        .filter(stats -> stats.windowStart().isBefore(recent))
        .toList();
  }

  private static Order order(String orderId, Restaurant restaurant, Instant createdAt) {
    MenuItem item = restaurant.menu().get(0);
    return new Order(
        orderId,
        "c-" + orderId,
        restaurant.restaurantId(),
        List.of(new OrderLine(item.menuItemId(), 1, item.price())),
        new Address("Rua Nova 1", "Porto", "4000-001"),
        createdAt);
  }

  private static StreamsSettings settings(KafkaBroker broker, String instanceId, Path stateDir) {
    return Instance.settings(broker, instanceId, stateDir).flag("--threads", 1).build();
  }
}
