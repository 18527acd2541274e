package dev.foodpipeline.model;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The accepted orders of one restaurant in one time window (1 minute in the Streams app), as the
 * final result once the window has closed; one row of the {@code restaurant_stats} table.
 *
 * @param windowStart inclusive
 * @param windowEnd exclusive
 * @param orderCount accepted orders whose time falls in the window
 * @param revenue the sum of their totals, exact, scale 2
 */
public record RestaurantStats(
    String restaurantId,
    Instant windowStart,
    Instant windowEnd,
    long orderCount,
    BigDecimal revenue) {}
