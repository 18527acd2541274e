package dev.foodpipeline.streams.topology;

import static dev.foodpipeline.streams.topology.OrderFixtures.json;
import static dev.foodpipeline.streams.topology.OrderFixtures.line;
import static dev.foodpipeline.streams.topology.OrderFixtures.testKitchenOrder;
import static org.assertj.core.api.Assertions.assertThat;

import dev.foodpipeline.model.Order;
import dev.foodpipeline.model.ProcessedOrder;
import dev.foodpipeline.model.Restaurant;
import dev.foodpipeline.model.RestaurantStats;
import dev.foodpipeline.model.RestaurantStatsKey;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.Metric;
import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The per-restaurant 1-minute windows (grace 30 s): counted in order time, written once final, late
 * orders within the grace counted, later ones not counted but still processed.
 */
class RestaurantStatsTest {
  /** The processing time: after every order time below, so that order time = created-at. */
  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

  private static final Instant T = Instant.parse("2026-03-01T11:00:00Z");
  private static final BigDecimal BREAD_TOTAL =
      new BigDecimal("5.68"); // 2.49 + 0.20 tax + 2.99 delivery
  private static final BigDecimal PIZZA_TOTAL = new BigDecimal("16.49"); // 12.50 + 1.00 + 2.99

  @TempDir Path stateDir;
  private final MutableClock clock = new MutableClock(NOW);
  private PipelineDriver pipeline;
  private int sequence;

  @BeforeEach
  void startDriver() {
    pipeline = new PipelineDriver(stateDir, TopologySettings.withClock(clock));
  }

  @AfterEach
  void closeDriver() {
    pipeline.close();
  }

  /** A bread order of the test kitchen created at {@code createdAt}; returns its id. */
  private String bread(Instant createdAt) {
    return send(
        testKitchenOrder("o-" + sequence, line("r-900-m04", 1, "2.49")).withCreatedAt(createdAt));
  }

  private String pizza(Instant createdAt) {
    return send(
        testKitchenOrder("o-" + sequence, line("r-900-m01", 1, "12.50")).withCreatedAt(createdAt));
  }

  private String send(Order order) {
    sequence++;
    pipeline.orders.pipeInput(order.orderId(), json(order));
    return order.orderId();
  }

  private static RestaurantStats stats(
      String restaurantId, Instant start, long count, String revenue) {
    return new RestaurantStats(
        restaurantId, start, start.plus(Duration.ofMinutes(1)), count, new BigDecimal(revenue));
  }

  @Test
  void aWindowIsWrittenOnceItIsFinalWithExactCountAndRevenueAndItsUpperBoundExcluded() {
    bread(T);
    pizza(T.plusMillis(59_999));
    bread(T.plusSeconds(60)); // the next window: [11:01, 11:02)
    bread(T.plusSeconds(89)); // stream time 11:01:29: window 11:00 still open (closes at 11:01:30)

    assertThat(pipeline.stats.isEmpty()).as("nothing final before window end + grace").isTrue();

    bread(T.plusSeconds(90));

    List<KeyValue<RestaurantStatsKey, RestaurantStats>> written =
        pipeline.stats.readKeyValuesToList();
    assertThat(written)
        .containsExactly(
            KeyValue.pair(
                new RestaurantStatsKey("r-900", T),
                stats("r-900", T, 2, BREAD_TOTAL.add(PIZZA_TOTAL).toPlainString())));
    assertThat(written.get(0).value.revenue()).isEqualTo(new BigDecimal("22.17"));
  }

  @Test
  void anOrderLateWithinTheGraceStillCountsInItsWindow() {
    bread(T.plusSeconds(10));
    bread(T.plusSeconds(70)); // stream time 11:01:10; window 11:00 open until 11:01:30
    bread(T.plusSeconds(50)); // late by 20 s, within the grace

    bread(T.plusSeconds(150)); // closes 11:00 and 11:01

    assertThat(pipeline.stats.readValuesToList())
        .containsExactly(
            stats("r-900", T, 2, "11.36"), stats("r-900", T.plusSeconds(60), 1, "5.68"));
  }

  @Test
  void anOrderLaterThanTheGraceIsProcessedButNotCountedAndTheDropIsMeasured() {
    bread(T.plusSeconds(10));
    bread(T.plusSeconds(100)); // stream time 11:01:40: window 11:00 closed at 11:01:30
    String late = bread(T.plusSeconds(50));

    bread(T.plusSeconds(200));

    assertThat(pipeline.stats.readValuesToList()).startsWith(stats("r-900", T, 1, "5.68"));
    assertThat(pipeline.processed.readValuesToList())
        .extracting(ProcessedOrder::orderId)
        .contains(late);
    assertThat(droppedLateOrders()).isEqualTo(1.0);
  }

  @Test
  void anOrderStampedAheadCountsWhenItIsProcessedAndDoesNotCloseTheCurrentWindows() {
    bread(
        NOW.plus(
            Duration.ofMinutes(
                4))); // allowed (up to 5 min ahead): counts at NOW, in [12:00, 12:01)
    bread(NOW.minusSeconds(10)); // on time in [11:59, 12:00): stream time is 12:00, not 12:04

    clock.set(NOW.plus(Duration.ofMinutes(3)));
    bread(NOW.plus(Duration.ofMinutes(2)));

    assertThat(pipeline.stats.readValuesToList())
        .containsExactly(
            stats("r-900", NOW.minusSeconds(60), 1, "5.68"), stats("r-900", NOW, 1, "5.68"));
    assertThat(droppedLateOrders()).isZero();
  }

  @Test
  void duplicatesDoNotCountAndRestaurantsHaveTheirOwnWindows() {
    Restaurant other = PipelineDriver.CATALOG.get(0);
    bread(T);
    pipeline.orders.pipeInput(
        "o-0",
        json(
            testKitchenOrder("o-0", line("r-900-m04", 1, "2.49")).withCreatedAt(T.plusSeconds(1))));
    Order otherOrder = OrderFixtures.validOrder(other, "x-1").withCreatedAt(T.plusSeconds(2));
    pipeline.orders.pipeInput("x-1", json(otherOrder));
    bread(T.plusSeconds(120));

    List<RestaurantStats> written = pipeline.stats.readValuesToList();
    assertThat(written).hasSize(2);
    assertThat(written).contains(stats("r-900", T, 1, "5.68"));
    RestaurantStats ofOther =
        written.stream()
            .filter(s -> s.restaurantId().equals(other.restaurantId()))
            .findFirst()
            .orElseThrow();
    assertThat(ofOther.orderCount()).isEqualTo(1);
    assertThat(ofOther.windowStart()).isEqualTo(T);
  }

  @Test
  void theRecordTimestampOfTheInputDoesNotMatterOnlyTheOrdersTime() {
    Order ancient = testKitchenOrder("old-ts", line("r-900-m04", 1, "2.49")).withCreatedAt(T);
    Order future =
        testKitchenOrder("future-ts", line("r-900-m04", 1, "2.49")).withCreatedAt(T.plusSeconds(5));
    pipeline.orders.pipeInput("old-ts", json(ancient), Instant.EPOCH);
    pipeline.orders.pipeInput("future-ts", json(future), Instant.parse("2100-01-01T00:00:00Z"));
    pipeline.orders.pipeInput(
        "tick",
        json(
            testKitchenOrder("tick", line("r-900-m04", 1, "2.49"))
                .withCreatedAt(T.plusSeconds(95))),
        Instant.EPOCH);

    assertThat(pipeline.processed.readValuesToList())
        .extracting(ProcessedOrder::orderId)
        .containsExactly("old-ts", "future-ts", "tick");
    assertThat(pipeline.stats.readValuesToList()).containsExactly(stats("r-900", T, 2, "11.36"));
  }

  private double droppedLateOrders() {
    return pipeline.driver.metrics().entrySet().stream()
        .filter(e -> e.getKey().name().equals("late-orders-dropped-total"))
        .mapToDouble(e -> ((Number) ((Metric) e.getValue()).metricValue()).doubleValue())
        .sum();
  }
}
