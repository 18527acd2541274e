package dev.foodpipeline.model;

import java.time.Instant;

/** Key of {@code restaurant-stats}: the primary key of {@code restaurant_stats}. */
public record RestaurantStatsKey(String restaurantId, Instant windowStart) {
  public static RestaurantStatsKey of(RestaurantStats stats) {
    return new RestaurantStatsKey(stats.restaurantId(), stats.windowStart());
  }
}
