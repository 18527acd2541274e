package dev.foodpipeline.connect.healer;

import java.time.Duration;

/**
 * When a failed task is restarted again, and when the healer stops trying: Strimzi's auto-restart
 * schedule in a shorter unit. Before restart number {@code n + 1} (after {@code n} restarts that
 * did not hold) the healer waits {@code unit × n(n+1)} after the previous restart, at most {@code
 * maxDelay}: with a unit of 10 s and a cap of 60 s, restarts at about 0, 20, 80, 140, 200 s... A
 * task that failed {@code limit} times after as many restarts is given up.
 *
 * <p>The cap bounds the time from "the cause is gone" to "the task runs" by one delay; the limit,
 * times the cap, is how long a fault may last before the healer stops hiding it (30 × 60 s: about
 * half an hour, against PostgreSQL away 10 minutes).
 */
public record BackoffPolicy(Duration unit, Duration maxDelay, int limit) {

  public BackoffPolicy {
    if (unit.isNegative() || maxDelay.isNegative()) {
      throw new IllegalArgumentException(
          "back-off unit and cap must not be negative: " + unit + ", " + maxDelay);
    }
    if (limit < 1) {
      throw new IllegalArgumentException("restart limit must be at least 1, got " + limit);
    }
  }

  /** The wait after the previous restart before restart number {@code restartsSoFar + 1}. */
  public Duration delayBefore(int restartsSoFar) {
    if (restartsSoFar < 0) {
      throw new IllegalArgumentException("restarts must not be negative: " + restartsSoFar);
    }
    long factor = (long) restartsSoFar * (restartsSoFar + 1L);
    long maxFactor = unit.isZero() ? 0 : maxDelay.toMillis() / unit.toMillis() + 1;
    Duration delay = unit.multipliedBy(Math.min(factor, maxFactor));
    return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
  }

  /** Whether a task that failed again after {@code restartsSoFar} restarts is to be given up. */
  public boolean givesUpAfter(int restartsSoFar) {
    return restartsSoFar >= limit;
  }
}
