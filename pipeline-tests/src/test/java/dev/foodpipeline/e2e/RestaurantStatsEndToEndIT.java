package dev.foodpipeline.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code restaurant_stats}, the one table where an order counted twice would show, end to end: a
 * seeded run with invalid and duplicate orders, all created in one minute, must give each
 * restaurant's row of that minute exactly the count and revenue of its rows in {@code orders}. Its
 * own pipeline, so no other test's orders share the minute.
 */
class RestaurantStatsEndToEndIT {
  private static final Duration DRAIN = Duration.ofSeconds(120);
  private static final int ORDERS = 200;
  private static Pipeline pipeline;
  private static Database db;

  @BeforeAll
  static void startPipeline() throws Exception {
    pipeline = Pipeline.start();
    db = pipeline.database();
  }

  @AfterAll
  static void stopPipeline() {
    if (pipeline != null) {
      pipeline.close();
    }
  }

  @Test
  void eachAcceptedOrderCountsOnceInItsRestaurantsMinuteAndNoRejectionCountsAtAll() {
    // Three minutes ago: the run's minute can then be closed by orders of now (a window's time is
    // min(created, processed), so orders stamped in the future would not move it).
    Instant created = Instant.now().minus(Duration.ofMinutes(3)).truncatedTo(ChronoUnit.MILLIS);
    Instant windowStart = created.truncatedTo(ChronoUnit.MINUTES);
    assertThat(produce(created, Pipeline.SEED, ORDERS, "0.2")).isZero();
    await("every order of the run in orders or rejected_orders")
        .atMost(DRAIN)
        .pollInterval(Duration.ofMillis(500))
        .until(
            () ->
                db.count("SELECT count(*) FROM orders")
                        + db.count("SELECT count(*) FROM rejected_orders")
                    == ORDERS);
    assertThat(
            db.count("SELECT count(*) FROM rejected_orders WHERE reason_code = 'DUPLICATE_ORDER'"))
        .as("the run resends accepted order ids, which must not count again")
        .isPositive();

    // A window is final once the order time of its restaurant's stream passes its end plus the
    // grace (30 s): orders of now, of every restaurant, close the run's minute.
    assertThat(produce(Instant.now(), Pipeline.SEED + 1, 60, "0")).isZero();

    Map<String, String> expected =
        totalsByRestaurant(
            "SELECT restaurant_id, count(*) AS n, sum(total) AS revenue FROM orders"
                + " WHERE created_at = '"
                + created
                + "' GROUP BY restaurant_id");
    assertThat(expected)
        .as("restaurants with accepted orders in the run's minute")
        .hasSizeGreaterThan(3);
    String statsOfTheMinute =
        "SELECT restaurant_id, order_count AS n, revenue FROM restaurant_stats WHERE window_start = '"
            + windowStart
            + "'";
    await("a restaurant_stats row for each restaurant with orders in the run's minute")
        .atMost(DRAIN)
        .pollInterval(Duration.ofMillis(500))
        .until(() -> db.rows(statsOfTheMinute).size() >= expected.size());

    assertThat(totalsByRestaurant(statsOfTheMinute)).isEqualTo(expected);
    assertThat(expected.values().stream().mapToLong(v -> Long.parseLong(v.split(" ")[0])).sum())
        .as("orders counted in the minute")
        .isEqualTo(db.count("SELECT count(*) FROM orders WHERE created_at = '" + created + "'"));
    assertThat(
            db.count(
                "SELECT count(*) FROM restaurant_stats WHERE window_end - window_start <> interval '1 minute'"))
        .isZero();
  }

  /** restaurant id → "count revenue", revenue with 2 decimals. */
  private static Map<String, String> totalsByRestaurant(String query) {
    Map<String, String> totals = new TreeMap<>();
    for (Map<String, Object> row : db.rows(query)) {
      BigDecimal revenue = (BigDecimal) row.get("revenue");
      totals.put(
          (String) row.get("restaurant_id"),
          row.get("n") + " " + revenue.setScale(2, java.math.RoundingMode.UNNECESSARY));
    }
    return totals;
  }

  private static int produce(Instant createdAt, long seed, int count, String invalidRatio) {
    return pipeline.generator(
        Clock.fixed(createdAt, ZoneOffset.UTC),
        List.of(
                "produce",
                "--no-setup",
                "-b",
                pipeline.bootstrapServers(),
                "--count",
                Integer.toString(count),
                "--rate",
                "0",
                "--seed",
                Long.toString(seed),
                "--catalog-seed",
                Long.toString(Pipeline.SEED),
                "--invalid-ratio",
                invalidRatio)
            .toArray(String[]::new));
  }
}
