package dev.foodpipeline.generator;

import java.time.Duration;
import java.util.Objects;

/**
 * How a run's orders lean, beyond their random content: a share of them sent to one hot restaurant
 * (skew for the per-restaurant windows and the join), and a share dated late, so that {@code
 * createdAt} goes back and forth across the stream. A late order is at most {@code maxLateness}
 * old, which the validator's 7-day window keeps valid.
 *
 * @param hotRestaurantRatio the share of orders that go to {@code hotRestaurantId}, 0.0 to 1.0; the
 *     rest spread evenly over the whole catalogue (the hot restaurant included)
 * @param hotRestaurantId the hot restaurant; it must be in the catalogue
 * @param lateRatio the share of orders dated before the clock, 0.0 to 1.0
 * @param maxLateness how far before the clock a late order can be dated, more than 0 and at most
 *     {@link #MAX_LATENESS}
 */
public record OrderShape(
    double hotRestaurantRatio, String hotRestaurantId, double lateRatio, Duration maxLateness) {
  public static final String DEFAULT_HOT_RESTAURANT = "r-001";
  public static final Duration DEFAULT_MAX_LATENESS = Duration.ofMinutes(10);

  /**
   * The most a late order may lag: a day inside the validator's 7 days, so that an order still
   * waiting in Kafka for a while is not rejected as {@code TIMESTAMP_OUT_OF_RANGE}.
   */
  public static final Duration MAX_LATENESS = Duration.ofDays(6);

  /** Orders spread evenly over the catalogue, dated by the clock. */
  public static final OrderShape EVEN =
      new OrderShape(0, DEFAULT_HOT_RESTAURANT, 0, DEFAULT_MAX_LATENESS);

  public OrderShape {
    Objects.requireNonNull(hotRestaurantId, "hotRestaurantId");
    Objects.requireNonNull(maxLateness, "maxLateness");
    requireShare("--hot-restaurant-ratio", hotRestaurantRatio);
    requireShare("--late-ratio", lateRatio);
    if (maxLateness.isNegative()
        || maxLateness.isZero()
        || maxLateness.compareTo(MAX_LATENESS) > 0) {
      throw new IllegalArgumentException(
          "--max-lateness must be more than 0 and at most "
              + MAX_LATENESS.toDays()
              + " days (the validator rejects orders"
              + " older than 7 days), was "
              + maxLateness);
    }
  }

  private static void requireShare(String flag, double share) {
    if (!(share >= 0.0 && share <= 1.0)) {
      throw new IllegalArgumentException(flag + " must be between 0.0 and 1.0, was " + share);
    }
  }

  public OrderShape withHotRestaurant(String restaurantId, double ratio) {
    return new OrderShape(ratio, restaurantId, lateRatio, maxLateness);
  }

  public OrderShape withLateness(double ratio, Duration max) {
    return new OrderShape(hotRestaurantRatio, hotRestaurantId, ratio, max);
  }
}
