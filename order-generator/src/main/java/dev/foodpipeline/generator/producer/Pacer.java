package dev.foodpipeline.generator.producer;

/**
 * Spaces sends evenly to hold a rate: send N is due at {@code start + N / rate}. It computes how
 * long to wait and leaves the waiting to a {@link Sleeper}. After a stall (a slow broker, a paused
 * process) it catches up with a burst of at most {@link #MAX_BURST_NANOS} worth of sends, then holds
 * the rate again, instead of sending everything it missed at once.
 */
public final class Pacer {
  static final long MAX_BURST_NANOS = 1_000_000_000L;

  private final double ratePerSecond;
  private final long intervalNanos;
  private long nextDue;
  private boolean started;

  /** @param ratePerSecond sends per second; 0 means as fast as possible */
  public Pacer(double ratePerSecond) {
    if (!(ratePerSecond >= 0) || Double.isInfinite(ratePerSecond)) {
      throw new IllegalArgumentException("rate must be 0 or more, was " + ratePerSecond);
    }
    this.ratePerSecond = ratePerSecond;
    this.intervalNanos = ratePerSecond == 0 ? 0 : Math.max(1, Math.round(1e9 / ratePerSecond));
  }

  public boolean unlimited() {
    return ratePerSecond == 0;
  }

  public double ratePerSecond() {
    return ratePerSecond;
  }

  /**
   * Takes the next send slot.
   *
   * @param now the ticker's time
   * @return nanoseconds to wait before sending (0 when the slot is due)
   */
  public long reserve(long now) {
    if (unlimited()) {
      return 0;
    }
    if (!started || nextDue - now < -MAX_BURST_NANOS) {
      nextDue = started ? now - MAX_BURST_NANOS + intervalNanos : now;
      started = true;
    }
    long wait = Math.max(0, nextDue - now);
    nextDue += intervalNanos;
    return wait;
  }
}
