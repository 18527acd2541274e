package dev.foodpipeline.dashboard;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Whether someone has looked at the dashboard lately: a page's event stream or a request for the
 * snapshot. The poller polls only then, so a dashboard nobody watches costs its host, the broker,
 * Connect, the streams-app instances and PostgreSQL nothing.
 */
final class Watchers {
  private final long idleAfterNanos;
  private final LongSupplier nanoTime;
  private long lastSeen;

  /** Watched from its creation until {@code idleAfter} passes without a {@link #seen}. */
  Watchers(Duration idleAfter, LongSupplier nanoTime) {
    if (idleAfter.isNegative() || idleAfter.isZero()) {
      throw new IllegalArgumentException("idleAfter must be positive, got " + idleAfter);
    }
    this.idleAfterNanos = idleAfter.toNanos();
    this.nanoTime = nanoTime;
    this.lastSeen = nanoTime.getAsLong();
  }

  /** Someone looks now; true when nobody had for {@code idleAfter} (the snapshot is stale). */
  synchronized boolean seen() {
    boolean wasIdle = !watched();
    lastSeen = nanoTime.getAsLong();
    return wasIdle;
  }

  /** Someone looked within {@code idleAfter}. */
  synchronized boolean watched() {
    return nanoTime.getAsLong() - lastSeen < idleAfterNanos;
  }
}
