package dev.foodpipeline.model.rules;

import java.time.Duration;

/** The bounds an order must keep to; {@link #DEFAULTS} are the documented ones. */
public record ValidationLimits(
    int maxLines, int maxQuantity, Duration maxAge, Duration maxClockSkew) {

  /** 50 lines, 20 of an item, created within the last 7 days and at most 5 minutes ahead. */
  public static final ValidationLimits DEFAULTS =
      new ValidationLimits(50, 20, Duration.ofDays(7), Duration.ofMinutes(5));
}
