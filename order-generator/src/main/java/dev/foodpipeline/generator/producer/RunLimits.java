package dev.foodpipeline.generator.producer;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;

/** When a run stops by itself: after a count, after a duration, whichever comes first; or never. */
public record RunLimits(OptionalLong count, Optional<Duration> duration) {
  public static final RunLimits UNLIMITED = new RunLimits(OptionalLong.empty(), Optional.empty());

  public RunLimits {
    if (count.isPresent() && count.getAsLong() < 0) {
      throw new IllegalArgumentException("count must be 0 or more, was " + count.getAsLong());
    }
    if (duration.isPresent() && duration.get().isNegative()) {
      throw new IllegalArgumentException("duration must not be negative, was " + duration.get());
    }
  }

  public static RunLimits count(long count) {
    return new RunLimits(OptionalLong.of(count), Optional.empty());
  }

  public static RunLimits duration(Duration duration) {
    return new RunLimits(OptionalLong.empty(), Optional.of(duration));
  }

  /** True when only a stop request (Ctrl-C) ends the run. */
  public boolean unlimited() {
    return count.isEmpty() && duration.isEmpty();
  }
}
