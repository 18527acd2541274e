package dev.foodpipeline.model.sink;

import static dev.foodpipeline.model.sink.ColumnType.BIGINT;
import static dev.foodpipeline.model.sink.ColumnType.MONEY;
import static dev.foodpipeline.model.sink.ColumnType.TEXT;
import static dev.foodpipeline.model.sink.ColumnType.TIMESTAMPTZ;

import dev.foodpipeline.model.RestaurantStats;
import dev.foodpipeline.model.RestaurantStatsKey;
import dev.foodpipeline.model.topics.Topics;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * {@code restaurant_stats}: one row per restaurant and 1-minute window, from {@code
 * restaurant-stats}.
 */
public final class RestaurantStatsTable {
  private static final SinkTable.Builder COLUMNS =
      SinkTable.builder("restaurant_stats", () -> Topics.RESTAURANT_STATS);

  public static final Column<String> RESTAURANT_ID = COLUMNS.column("restaurant_id", TEXT);
  public static final Column<Instant> WINDOW_START = COLUMNS.column("window_start", TIMESTAMPTZ);
  public static final Column<Instant> WINDOW_END = COLUMNS.column("window_end", TIMESTAMPTZ);
  public static final Column<Long> ORDER_COUNT = COLUMNS.column("order_count", BIGINT);
  public static final Column<BigDecimal> REVENUE = COLUMNS.column("revenue", MONEY);

  public static final SinkTable TABLE =
      COLUMNS.build(
          "dev.foodpipeline.RestaurantStatsKey",
          "dev.foodpipeline.RestaurantStats",
          List.of(
              "restaurant_stats: one row per restaurant and 1-minute window, written once the"
                  + " window is final",
              "(the Streams app suppresses updates until the window's grace period has passed); a"
                  + " replay upserts",
              "the same row."),
          RESTAURANT_ID,
          WINDOW_START);

  private RestaurantStatsTable() {}

  public static void write(RestaurantStats stats, RowWriter row) {
    row.put(RESTAURANT_ID, stats.restaurantId())
        .put(WINDOW_START, stats.windowStart())
        .put(WINDOW_END, stats.windowEnd())
        .put(ORDER_COUNT, stats.orderCount())
        .put(REVENUE, stats.revenue());
  }

  public static RestaurantStats read(Row row) {
    return new RestaurantStats(
        row.get(RESTAURANT_ID),
        row.get(WINDOW_START),
        row.get(WINDOW_END),
        row.get(ORDER_COUNT),
        row.get(REVENUE));
  }

  public static void writeKey(RestaurantStatsKey key, RowWriter row) {
    row.put(RESTAURANT_ID, key.restaurantId()).put(WINDOW_START, key.windowStart());
  }

  public static RestaurantStatsKey readKey(Row row) {
    return new RestaurantStatsKey(row.get(RESTAURANT_ID), row.get(WINDOW_START));
  }
}
