package dev.foodpipeline.streams.topology;

import dev.foodpipeline.model.json.OrderReader;
import dev.foodpipeline.model.rules.Pricing;
import dev.foodpipeline.model.rules.ValidationLimits;
import dev.foodpipeline.shell.StreamsRuntimeOptions;
import dev.foodpipeline.shell.streams.CommitPacer;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Everything the topology depends on, injected so that the topology is a pure function of it.
 *
 * @param clock the processing time: {@code processedAt}, {@code rejectedAt}, the reference for the
 *     created-at range check and the time an order id is remembered from
 * @param limits the validation bounds
 * @param pricing tax and delivery fee
 * @param maxRecordBytes input records above this size are rejected unread ({@code OVERSIZED_ORDER})
 * @param maxRawChars the original text kept in a rejection is cut to this many characters, so that
 *     a huge input cannot make an output record too large to produce
 * @param dedupRetention how long an accepted order id is remembered: a second order with the id
 *     within this time is rejected as {@code DUPLICATE_ORDER}
 * @param statsWindow the size of the tumbling windows of {@code restaurant-stats}
 * @param statsGrace how late (in order time, behind the newest order seen) an order may arrive and
 *     still count in its window; a window's final result is written once it has passed
 * @param statsRetention how long the windows stay in the store for {@code /restaurants/{id}/stats}
 * @param commitAfterRecords a stream thread that has read this many orders asks for a commit sooner
 *     than the commit interval ({@link CommitPacer}); 0: never
 */
public record TopologySettings(
    Clock clock,
    ValidationLimits limits,
    Pricing pricing,
    int maxRecordBytes,
    int maxRawChars,
    Duration dedupRetention,
    Duration statsWindow,
    Duration statsGrace,
    Duration statsRetention,
    int commitAfterRecords) {

  /** 64 Ki characters: a rejected record of any input stays far below the 1 MiB producer limit. */
  public static final int DEFAULT_MAX_RAW_CHARS = 64 * 1024;

  /**
   * The most {@code maxRawChars} may be: a character takes at most 3 bytes in the JSON of a
   * rejection (a control character is already escaped as 6 ASCII ones, 7 bytes), so 256 Ki
   * characters take at most 768 KiB, and the whole rejection stays below the broker's default 1 MiB
   * ({@code message.max.bytes}).
   */
  public static final int MAX_RAW_CHARS_LIMIT = 256 * 1024;

  public static final Duration DEFAULT_DEDUP_RETENTION = Duration.ofHours(24);
  public static final Duration DEFAULT_STATS_WINDOW = Duration.ofMinutes(1);
  public static final Duration DEFAULT_STATS_GRACE = Duration.ofSeconds(30);
  public static final Duration DEFAULT_STATS_RETENTION = Duration.ofHours(1);
  public static final int DEFAULT_COMMIT_AFTER_RECORDS =
      Integer.parseInt(StreamsRuntimeOptions.COMMIT_AFTER_RECORDS);

  public TopologySettings {
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(limits, "limits");
    Objects.requireNonNull(pricing, "pricing");
    Objects.requireNonNull(dedupRetention, "dedupRetention");
    Objects.requireNonNull(statsWindow, "statsWindow");
    Objects.requireNonNull(statsGrace, "statsGrace");
    Objects.requireNonNull(statsRetention, "statsRetention");
    if (maxRecordBytes < 1) {
      throw new IllegalArgumentException("maxRecordBytes must be >= 1, got " + maxRecordBytes);
    }
    if (maxRawChars < 1 || maxRawChars > MAX_RAW_CHARS_LIMIT) {
      throw new IllegalArgumentException(
          "maxRawChars must be between 1 and " + MAX_RAW_CHARS_LIMIT + ", got " + maxRawChars);
    }
    if (dedupRetention.toMillis() < 1 || statsWindow.toMillis() < 1 || statsGrace.isNegative()) {
      throw new IllegalArgumentException(
          "dedupRetention and statsWindow must be positive and statsGrace not negative, got "
              + dedupRetention
              + ", "
              + statsWindow
              + ", "
              + statsGrace);
    }
    if (commitAfterRecords < 0) {
      throw new IllegalArgumentException(
          "commitAfterRecords must be >= 0, got " + commitAfterRecords);
    }
    if (statsRetention.compareTo(statsWindow.plus(statsGrace)) < 0) {
      throw new IllegalArgumentException(
          "statsRetention must be at least statsWindow + statsGrace, got " + statsRetention);
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
        DEFAULT_MAX_RAW_CHARS,
        DEFAULT_DEDUP_RETENTION,
        DEFAULT_STATS_WINDOW,
        DEFAULT_STATS_GRACE,
        DEFAULT_STATS_RETENTION,
        DEFAULT_COMMIT_AFTER_RECORDS);
  }

  public TopologySettings withPricing(Pricing newPricing) {
    return new TopologySettings(
        clock,
        limits,
        newPricing,
        maxRecordBytes,
        maxRawChars,
        dedupRetention,
        statsWindow,
        statsGrace,
        statsRetention,
        commitAfterRecords);
  }

  public TopologySettings withLimits(ValidationLimits newLimits) {
    return new TopologySettings(
        clock,
        newLimits,
        pricing,
        maxRecordBytes,
        maxRawChars,
        dedupRetention,
        statsWindow,
        statsGrace,
        statsRetention,
        commitAfterRecords);
  }

  public TopologySettings withStatsGrace(Duration grace) {
    return new TopologySettings(
        clock,
        limits,
        pricing,
        maxRecordBytes,
        maxRawChars,
        dedupRetention,
        statsWindow,
        grace,
        statsRetention,
        commitAfterRecords);
  }

  public TopologySettings withDedupRetention(Duration retention) {
    return new TopologySettings(
        clock,
        limits,
        pricing,
        maxRecordBytes,
        maxRawChars,
        retention,
        statsWindow,
        statsGrace,
        statsRetention,
        commitAfterRecords);
  }

  public TopologySettings withCommitAfterRecords(int records) {
    return new TopologySettings(
        clock,
        limits,
        pricing,
        maxRecordBytes,
        maxRawChars,
        dedupRetention,
        statsWindow,
        statsGrace,
        statsRetention,
        records);
  }
}
