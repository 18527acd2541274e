package dev.foodpipeline.streams.topology;

import dev.foodpipeline.model.json.OrderReader;
import dev.foodpipeline.model.rules.Pricing;
import dev.foodpipeline.model.rules.ValidationLimits;
import java.time.Clock;
import java.util.Objects;

/**
 * Everything the topology depends on, injected so that the topology is a pure function of it.
 *
 * @param clock the processing time: {@code processedAt}, {@code rejectedAt} and the reference for
 *     the created-at range check
 * @param limits the validation bounds
 * @param pricing tax and delivery fee
 * @param maxRecordBytes input records above this size are rejected unread ({@code OVERSIZED_ORDER})
 * @param maxRawChars the original text kept in a rejection is cut to this many characters, so that
 *     a huge input cannot make an output record too large to produce
 */
public record TopologySettings(
    Clock clock, ValidationLimits limits, Pricing pricing, int maxRecordBytes, int maxRawChars) {

  /** 64 Ki characters: a rejected record of any input stays far below the 1 MiB producer limit. */
  public static final int DEFAULT_MAX_RAW_CHARS = 64 * 1024;

  public TopologySettings {
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(limits, "limits");
    Objects.requireNonNull(pricing, "pricing");
    if (maxRecordBytes < 1) {
      throw new IllegalArgumentException("maxRecordBytes must be >= 1, got " + maxRecordBytes);
    }
    if (maxRawChars < 1) {
      throw new IllegalArgumentException("maxRawChars must be >= 1, got " + maxRawChars);
    }
  }

  /** The documented defaults of order-model, with the system clock in UTC. */
  public static TopologySettings defaults() {
    return withClock(Clock.systemUTC());
  }

  /** The documented defaults with the given clock (tests pass a fixed one). */
  public static TopologySettings withClock(Clock clock) {
    return new TopologySettings(
        clock,
        ValidationLimits.DEFAULTS,
        Pricing.DEFAULTS,
        OrderReader.DEFAULT_MAX_RECORD_BYTES,
        DEFAULT_MAX_RAW_CHARS);
  }

  public TopologySettings withPricing(Pricing newPricing) {
    return new TopologySettings(clock, limits, newPricing, maxRecordBytes, maxRawChars);
  }

  public TopologySettings withLimits(ValidationLimits newLimits) {
    return new TopologySettings(clock, newLimits, pricing, maxRecordBytes, maxRawChars);
  }
}
